import type { FastifyRequest } from 'fastify';

/** The origin (`scheme://host[:port]`, default port dropped) of an http(s) URL; null otherwise. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The request's own origin: its scheme and Host. Fastify takes them from X-Forwarded-Proto
 * and X-Forwarded-Host only when TRUST_PROXY trusts the peer, so a client cannot choose it.
 */
export function requestOrigin(req: FastifyRequest): string | null {
  return req.host ? originOf(`${req.protocol}://${req.host}`) : null;
}

/**
 * Where the browser says a request comes from (OWASP CSRF cheat sheet, "verifying origin with
 * standard headers"): the Origin header, or — when a browser leaves it out — the origin of
 * the Referer. `none` when neither is sent (a server-to-server client).
 */
export function requestSource(req: FastifyRequest, publicUrl: string): 'same' | 'cross' | 'none' {
  const origin = req.headers.origin;
  const referer = req.headers.referer;
  const claimed = origin !== undefined ? origin : referer;
  if (claimed === undefined) return 'none';
  const source = originOf(claimed);
  if (!source) return 'cross';
  return source === requestOrigin(req) || source === originOf(publicUrl) ? 'same' : 'cross';
}
