// Certificate path building for verification (RFC 5280 §6, the parts that matter here):
// from the signer up through the certificates the CMS carries and the trust anchors, each
// link checked by name and signature, each issuer a CA. Node's X509Certificate (OpenSSL)
// does the signature checks, so any algorithm OpenSSL knows is accepted.
import { X509Certificate as NodeX509 } from 'node:crypto';

/** Outcome of path building. */
export interface ChainResult {
  /** valid: complete to a root or an anchor; incomplete: an issuer is missing; invalid: a link is broken. */
  status: 'valid' | 'incomplete' | 'invalid';
  /** The path ends at one of the caller's trust anchors. */
  trusted: boolean;
  /** The certificates found, leaf first. */
  path: NodeX509[];
  problem?: string;
}

const MAX_DEPTH = 10;

/** Builds the path of `leaf` using `pool` (certificates from the CMS) and `anchors`. */
export function buildChain(
  leaf: Uint8Array,
  pool: Uint8Array[],
  anchors: Uint8Array[],
): ChainResult {
  const anchorCerts = anchors.map((a) => new NodeX509(a));
  const isAnchor = (c: NodeX509) => anchorCerts.some((a) => a.fingerprint256 === c.fingerprint256);
  const candidates = [...anchorCerts, ...pool.map((p) => new NodeX509(p))];
  const path = [new NodeX509(leaf)];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const cur = path[path.length - 1] as NodeX509;
    if (isAnchor(cur)) return { status: 'valid', trusted: true, path };
    const named = candidates.filter(
      (c) => cur.checkIssued(c) && !path.some((p) => p.fingerprint256 === c.fingerprint256),
    );
    // Prefer an anchor: a cross-certified intermediate must not hide a trusted path.
    named.sort((a, b) => Number(isAnchor(b)) - Number(isAnchor(a)));
    const issuer = named.find((c) => cur.verify(c.publicKey));
    if (!issuer) {
      if (cur.checkIssued(cur)) {
        // A self-issued certificate ends the path: a root, trusted only if an anchor.
        return cur.verify(cur.publicKey)
          ? { status: 'valid', trusted: false, path }
          : {
              status: 'invalid',
              trusted: false,
              path,
              problem: 'chữ ký của chứng thư gốc không hợp lệ',
            };
      }
      if (named.length > 0) {
        return {
          status: 'invalid',
          trusted: false,
          path,
          problem: `chữ ký trên chứng thư "${cur.subject}" không hợp lệ`,
        };
      }
      return {
        status: 'incomplete',
        trusted: false,
        path,
        problem: `thiếu chứng thư của tổ chức cấp "${cur.issuer}"`,
      };
    }
    if (!issuer.ca) {
      return {
        status: 'invalid',
        trusted: false,
        path,
        problem: `"${issuer.subject}" không phải là CA`,
      };
    }
    path.push(issuer);
  }
  return { status: 'invalid', trusted: false, path, problem: 'chuỗi chứng thư quá dài' };
}

/** Whether every certificate of the path was within its validity period at `when`. */
export function validAt(path: NodeX509[], when: Date): boolean {
  return path.every((c) => new Date(c.validFrom) <= when && when <= new Date(c.validTo));
}
