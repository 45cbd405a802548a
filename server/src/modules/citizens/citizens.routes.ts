import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { SESSION_COOKIE, setSessionCookie } from '../identity/index.js';
import { PasswordResetService } from './citizens.password-reset.js';
import { RegistrationService } from './citizens.registration.js';
import {
  AccessLogQuery,
  AccessPage,
  ConsentBody,
  ConsentList,
  ConsentParams,
  ConsentState,
  DeletionBody,
  DeletionReply,
  PasswordResetBody,
  PasswordResetParams,
  PasswordResetVerifyBody,
  ProfileBody,
  ProfileSchema,
  RegistrationBody,
  RegistrationParams,
  RegistrationReply,
  StaffProfileParams,
  StaffProfileQuery,
  StaffProfileReply,
  VerifyBody,
  VerifyReply,
} from './citizens.schemas.js';
import type { CitizenService } from './citizens.service.js';

const tags = ['citizens'];

/**
 * HTTP routes of the citizens module: registration, the citizen's profile and data rights,
 * and the logged staff lookup, over the app's one CitizenService (app.ts builds it with the
 * citizen-data keys, loaded once at start-up, and the other modules' export sections).
 */
export function citizensRoutes(ctx: AppContext, citizens: CitizenService): FastifyPluginAsyncZod {
  const registrations = new RegistrationService(ctx.kysely, ctx.clock);
  const resets = new PasswordResetService(ctx.kysely, ctx.clock);
  const meta = (req: { ip: string; headers: Record<string, unknown>; id: string }) => ({
    ip: req.ip,
    userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) || null,
    requestId: req.id,
  });

  return async (app) => {
    app.post(
      '/citizens/registrations',
      {
        schema: {
          tags,
          summary: 'Start a citizen registration; sends a 6-digit code by SMS or e-mail',
          body: RegistrationBody,
          response: { 201: RegistrationReply },
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req, reply) => reply.status(201).send(await registrations.register(req.body)),
    );

    app.post(
      '/citizens/registrations/:id/resend',
      {
        schema: {
          tags,
          summary: 'Send a new code (a minute apart, 5 times at most)',
          params: RegistrationParams,
          response: { 200: RegistrationReply },
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req) => registrations.resend(req.params.id),
    );

    app.post(
      '/citizens/registrations/:id/verify',
      {
        schema: {
          tags,
          summary: 'Check the code; creates the account and signs in (as /auth/login)',
          params: RegistrationParams,
          body: VerifyBody,
          response: { 201: VerifyReply },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' }, opensSession: true },
      },
      async (req, reply) => {
        const s = await registrations.verify(req.params.id, req.body.code, meta(req));
        setSessionCookie(reply, s, ctx.config.cookieSecure);
        return reply.status(201).send({ user: s.user, csrfToken: s.csrfToken });
      },
    );

    app.post(
      '/citizens/password-resets',
      {
        schema: {
          tags,
          summary:
            "Forgotten password: sends a code to a citizen account's phone or e-mail; the same answer whether or not one exists",
          body: PasswordResetBody,
          response: { 202: RegistrationReply },
        },
        config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      },
      async (req, reply) => reply.status(202).send(await resets.request(req.body)),
    );

    app.post(
      '/citizens/password-resets/:id/resend',
      {
        schema: {
          tags,
          summary: 'Send a new password-reset code (a minute apart, 5 times at most)',
          params: PasswordResetParams,
          response: { 200: RegistrationReply },
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req) => resets.resend(req.params.id),
    );

    app.post(
      '/citizens/password-resets/:id/verify',
      {
        schema: {
          tags,
          summary:
            'Check the code and set the new password; ends every other session and signs in (as /auth/login)',
          params: PasswordResetParams,
          body: PasswordResetVerifyBody,
          response: { 200: VerifyReply },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' }, opensSession: true },
      },
      async (req, reply) => {
        const s = await resets.verify(req.params.id, req.body, meta(req));
        setSessionCookie(reply, s, ctx.config.cookieSecure);
        return { user: s.user, csrfToken: s.csrfToken };
      },
    );

    app.get(
      '/citizens/me/profile',
      { schema: { tags, summary: 'My profile', response: { 200: ProfileSchema } } },
      async (req) => citizens.ownProfile(req.actor),
    );

    app.put(
      '/citizens/me/profile',
      {
        schema: {
          tags,
          summary: 'Change my profile',
          body: ProfileBody,
          response: { 200: ProfileSchema },
        },
      },
      async (req) => citizens.updateOwnProfile(req.actor, req.body),
    );

    app.get(
      '/citizens/me/access-log',
      {
        schema: {
          tags,
          summary: 'Who read my personal data (newest first)',
          querystring: AccessLogQuery,
          response: { 200: AccessPage },
        },
      },
      async (req) => citizens.accessLog(req.actor, req.query),
    );

    app.get(
      '/citizens/me/consents',
      {
        schema: {
          tags,
          summary: 'My consent per purpose, and every change',
          response: { 200: ConsentList },
        },
      },
      async (req) => citizens.consents(req.actor),
    );

    app.put(
      '/citizens/me/consents/:purpose',
      {
        schema: {
          tags,
          summary: 'Give or withdraw consent for one purpose',
          params: ConsentParams,
          body: ConsentBody,
          response: { 200: ConsentState },
        },
      },
      async (req) => citizens.setConsent(req.actor, req.params.purpose, req.body.granted),
    );

    app.get(
      '/citizens/me/export',
      {
        schema: { tags, summary: 'Download all my data (JSON attachment)' },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const data = await citizens.exportData(req.actor);
        const day = data.exportedAt.slice(0, 10);
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="du-lieu-cua-toi-${day}.json"`)
          .send(JSON.stringify(data, null, 2));
      },
    );

    app.post(
      '/citizens/me/deletion',
      {
        schema: {
          tags,
          summary: 'Delete my account and the data the law lets me delete',
          body: DeletionBody,
          response: { 200: DeletionReply },
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const r = await citizens.deleteAccount(req.actor, req.body.password);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return r;
      },
    );

    app.get(
      '/citizens/:userId/profile',
      {
        schema: {
          tags,
          summary:
            "A citizen's profile for staff who hold a dossier of that citizen in their units, or a system administrator with a legal basis; the purpose is required and the read logged",
          params: StaffProfileParams,
          querystring: StaffProfileQuery,
          response: { 200: StaffProfileReply },
        },
      },
      async (req) => citizens.staffReadProfile(req.actor, req.params.userId, req.query),
    );
  };
}
