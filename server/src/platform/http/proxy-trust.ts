import proxyAddr from '@fastify/proxy-addr';

/**
 * Which peers may speak for the client through `X-Forwarded-For`, `-Proto` and `-Host`
 * (TRUST_PROXY): nobody (the default: the socket's address is the client), the listed proxy
 * addresses and ranges, or the first `hops` peers whatever their address.
 */
export type ProxyTrust = false | { addresses: string[] } | { hops: number };

/** Thrown for a TRUST_PROXY value that cannot be understood; start-up prints the message. */
export class ProxyTrustError extends Error {}

const OFF = new Set(['', 'false', 'off', 'no', 'none', '0']);
const EXAMPLES =
  'ví dụ / e.g. TRUST_PROXY=127.0.0.1 · TRUST_PROXY=10.0.0.5,192.168.1.0/24 · TRUST_PROXY=1';

/**
 * Parses TRUST_PROXY: unset/empty/`false`/`0` = trust no proxy; a whole number = a hop count;
 * otherwise a comma-separated list of IP addresses, CIDR ranges (`10.0.0.0/8`) or the names
 * `loopback`, `linklocal`, `uniquelocal`. Throws ProxyTrustError on anything else.
 */
export function parseProxyTrust(raw: string | undefined): ProxyTrust {
  const value = (raw ?? '').trim();
  if (OFF.has(value.toLowerCase())) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10)
      throw new ProxyTrustError(
        `TRUST_PROXY=${value}: số tầng proxy quá lớn (tối đa 10) / too many proxy hops (at most 10).`,
      );
    return { hops };
  }
  if (['true', 'on', 'yes', 'all', '*'].includes(value.toLowerCase()))
    throw new ProxyTrustError(
      `TRUST_PROXY=${value}: tin mọi địa chỉ sẽ cho bất kỳ ai giả X-Forwarded-For; hãy ghi địa chỉ của proxy / ` +
        `trusting every peer lets any client forge X-Forwarded-For; name the proxy instead (${EXAMPLES}).`,
    );
  const addresses = value
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  for (const a of addresses) {
    try {
      proxyAddr.compile(a);
    } catch {
      throw new ProxyTrustError(
        `TRUST_PROXY: "${a}" không phải địa chỉ IP, dải CIDR hay số tầng proxy / ` +
          `is not an IP address, CIDR range or hop count (${EXAMPLES}).`,
      );
    }
  }
  return { addresses };
}

/**
 * Fastify's `trustProxy` option for a ProxyTrust. Fastify 5 ignores a bare hop count (it
 * cannot check who the peer is), so a hop count becomes a function trusting the first `hops`
 * peers: only safe when the server cannot be reached except through those proxies.
 */
export function trustProxyOption(
  trust: ProxyTrust,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (!trust) return false;
  if ('hops' in trust) {
    const { hops } = trust;
    return hops === 0 ? false : (_address, hop) => hop < hops;
  }
  return trust.addresses;
}
