import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { SESSION_COOKIE, setSessionCookie } from './auth.plugin.js';
import { requireSignedIn, requireSystemAdmin } from './identity.policy.js';
import {
  CreateUserBody,
  ListUsersQuery,
  LoginBody,
  LoginReply,
  StaffPageSchema,
  UnitStaffParams,
  UnitStaffQuery,
  UpdateUserBody,
  UserIdParams,
  UserPage,
  UserSchema,
} from './identity.schemas.js';
import type { IdentityService } from './identity.service.js';
import { listUnitStaff } from './identity.staff.js';
import { warmDummyHash } from './password.js';

/** Routes of the identity module: sign-in, sign-out, who am I, accounts. */
export function identityRoutes(ctx: AppContext, identity: IdentityService): FastifyPluginAsyncZod {
  warmDummyHash();
  return async (app) => {
    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['identity'],
          summary: 'Sign in; sets the session cookie',
          body: LoginBody,
          response: { 200: LoginReply },
        },
        // Per client address (TRUST_PROXY decides what that is); the sign-in throttle counts
        // per username and client on top of it. `opensSession`: a cross-origin Origin is refused.
        config: { rateLimit: { max: 30, timeWindow: '1 minute' }, opensSession: true },
      },
      async (req, reply) => {
        const s = await identity.login(req.body.username, req.body.password, {
          ip: req.ip,
          userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
        });
        setSessionCookie(reply, s, ctx.config.cookieSecure);
        return { user: s.user, csrfToken: s.csrfToken };
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['identity'], summary: 'Sign out', response: { 204: z.null() } } },
      async (req, reply) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) await identity.logout(token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        schema: {
          tags: ['identity'],
          summary: 'The signed-in account',
          response: { 200: LoginReply },
        },
      },
      async (req) => {
        requireSignedIn(req.actor);
        return {
          user: await identity.presentAccount(req.sessionAccount!),
          csrfToken: req.csrfToken ?? '',
        };
      },
    );

    app.get(
      '/users',
      {
        schema: {
          tags: ['identity'],
          summary: 'List accounts (admin)',
          querystring: ListUsersQuery,
          response: { 200: UserPage },
        },
      },
      async (req) => {
        requireSystemAdmin(req.actor);
        return identity.listUsers(req.query);
      },
    );

    app.post(
      '/users',
      {
        schema: {
          tags: ['identity'],
          summary: 'Create an account (admin)',
          body: CreateUserBody,
          response: { 201: UserSchema },
        },
      },
      async (req, reply) => {
        const actor = requireSystemAdmin(req.actor);
        return reply.status(201).send(await identity.createUser(actor, req.body));
      },
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['identity'],
          summary: 'Change an account (admin)',
          params: UserIdParams,
          body: UpdateUserBody,
          response: { 200: UserSchema },
        },
      },
      async (req) => {
        const actor = requireSystemAdmin(req.actor);
        return identity.updateUser(actor, req.params.id, req.body);
      },
    );

    app.get(
      '/units/:code/staff',
      {
        schema: {
          tags: ['identity'],
          summary: "A unit's staff (those over it), for picking an assignee by name",
          params: UnitStaffParams,
          querystring: UnitStaffQuery,
          response: { 200: StaffPageSchema },
        },
      },
      async (req) => listUnitStaff(ctx.kysely, req.actor, req.params.code, req.query),
    );
  };
}
