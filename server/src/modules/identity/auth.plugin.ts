import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { requestSource } from '../../platform/http/same-origin.js';
import type { UserRow } from './identity.repository.js';
import type { IdentityService } from './identity.service.js';

export const SESSION_COOKIE = 'cqs_session';

/** Sets the session cookie of a session just opened (login, a citizen's first sign-in). */
export function setSessionCookie(
  reply: FastifyReply,
  s: { token: string; expiresAt: Date },
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, s.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: s.expiresAt,
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller, or null. */
    actor: Actor | null;
    /** The session's CSRF token, when the caller came with the session cookie. */
    csrfToken: string | null;
    /** The signed-in account's row (for /auth/me). */
    sessionAccount: UserRow | null;
  }
  interface FastifyContextConfig {
    /** The route opens a session (sign-in): a cross-origin Origin is refused (login CSRF). */
    opensSession?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Endpoints that take no session and so need no CSRF token. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);

const originMismatch = () =>
  new AppError(
    'origin_mismatch',
    403,
    'Yêu cầu bị từ chối vì không xuất phát từ chính trang của hệ thống. Hãy tải lại trang và thử lại.',
  );

/**
 * Resolves the session cookie on every request, and enforces CSRF protection: a write that
 * rides on the cookie must echo the session's token in `x-csrf-token` (synchroniser-token
 * pattern; SameSite=Lax alone still lets same-site pages post) and come from our own origin
 * (Origin, or Referer without it: another site on the same registrable domain is same-site but
 * not same-origin). A route that opens a session refuses a cross-origin Origin even without a
 * cookie, so another site cannot sign a visitor in to an account of its choosing. Requests
 * with neither a session nor an Origin (Open311 clients, the payment webhook) pass.
 */
async function authPlugin(
  app: FastifyInstance,
  opts: { identity: IdentityService; publicUrl: string },
) {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionAccount', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/')) return;
    const unsafe = UNSAFE.has(req.method);
    if (
      unsafe &&
      req.routeOptions.config?.opensSession &&
      requestSource(req, opts.publicUrl) === 'cross'
    )
      throw originMismatch();
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const auth = await opts.identity.authenticate(token);
    if (!auth) return;
    req.actor = { ...auth.actor, requestId: req.id };
    req.csrfToken = auth.csrfToken;
    req.sessionAccount = auth.account;
    const path = req.url.split('?')[0] ?? '';
    if (unsafe && !CSRF_EXEMPT.has(path)) {
      const sent = req.headers['x-csrf-token'];
      if (sent !== auth.csrfToken) {
        throw new AppError(
          'csrf_failed',
          403,
          'Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang và thử lại.',
        );
      }
      if (requestSource(req, opts.publicUrl) !== 'same') throw originMismatch();
    }
  });
}

export const authenticationPlugin = fp(authPlugin, { name: 'authentication' });
