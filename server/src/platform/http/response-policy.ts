import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/**
 * Response headers every route gets (issue 11):
 *
 * - `Cache-Control: no-store` on every /api answer to a signed-in request, on every file
 *   download (a `Content-Disposition`, whoever asks — a citizen's code-and-phone download
 *   too) and on every answer that sets a cookie: a commune's shared PC, its browser's back
 *   button and any cache on the way must not keep a session's data or a personal file. An
 *   answer its route marked `public` (the same bytes for everyone: the catalogue export,
 *   published photos, map settings) keeps its caching.
 * - `Retry-After` on a refusal that says how long to wait (`retryAfterSeconds`: the sign-in
 *   throttle, code resends), as RFC 9110 §10.2.3 asks for 429 and 503.
 *
 * Register after @fastify/cookie, so the cookies it writes in its own onSend are seen.
 */
export function installResponsePolicy(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const current = String(reply.getHeader('cache-control') ?? '');
    if (/\bno-store\b/.test(current)) return payload;
    const signedIn = req.actor != null && req.url.startsWith('/api/');
    const download = reply.hasHeader('content-disposition');
    const setsCookie = reply.hasHeader('set-cookie');
    if (setsCookie || ((signedIn || download) && !/\bpublic\b/.test(current)))
      reply.header('cache-control', 'no-store');
    return payload;
  });
  app.addHook('onError', async (_req, reply, err) => {
    const wait = err instanceof AppError ? err.extra.retryAfterSeconds : undefined;
    if (typeof wait === 'number') reply.header('retry-after', String(Math.ceil(wait)));
  });
}
