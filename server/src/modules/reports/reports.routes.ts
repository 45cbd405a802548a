import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { requireStaff } from '../identity/index.js';
import { reportsAdminRoutes } from './reports.admin.routes.js';
import { reportPhotosRoutes } from './reports.photos.routes.js';
import {
  followReport,
  listCategories,
  listPublicReports,
  listReports,
  nearbyReports,
  publicReport,
} from './reports.query.js';
import {
  ActionBody,
  CategoriesReply,
  CodeParams,
  CreatedReply,
  CreateReportBody,
  FollowBody,
  InfoBody,
  ListQuery,
  ListReply,
  NearbyQuery,
  NearbyReply,
  PublicDetail,
  PublicListQuery,
  PublicListReply,
  RatingBody,
  ReopenBody,
  ReportSchema,
  TokenQuery,
} from './reports.schemas.js';
import type { ReportService } from './reports.service.js';
import type { ReportStatus } from './reports.states.js';

const IdParams = z.object({ id: z.uuid('Mã phản ánh không hợp lệ.') });
const tags = ['reports'];
const publicTags = ['public'];
const FollowReply = z.object({ code: z.string(), following: z.boolean(), added: z.boolean() });
const OkReply = z.object({ code: z.string(), status: z.string(), version: z.number() });

/** Routes of the reports module (phản ánh hiện trường). */
export function reportsRoutes(_ctx: AppContext, svc: ReportService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(reportsAdminRoutes(svc));
    await app.register(reportPhotosRoutes(_ctx, svc));
    app.get(
      '/report-categories',
      {
        schema: {
          tags: publicTags,
          summary: 'Active field report categories',
          response: { 200: CategoriesReply },
        },
      },
      async () => listCategories(svc),
    );

    app.post(
      '/reports',
      {
        schema: {
          tags: publicTags,
          summary:
            'Send a field report (no sign-in needed). Keep the followToken: it reopens, rates and shows your report. Send an Idempotency-Key header (e.g. a UUID) so a retry never files a second report.',
          headers: z.object({
            'idempotency-key': z
              .string()
              .min(16, 'Idempotency-Key cần ít nhất 16 ký tự ngẫu nhiên, ví dụ một UUID.')
              .max(200)
              .optional(),
          }),
          body: CreateReportBody,
          response: { 201: CreatedReply },
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const { row, followToken, created } = await svc.create(
          req.actor,
          req.body,
          undefined,
          req.headers['idempotency-key'],
        );
        // A retry gets the first answer again (same code, same token), marked as a replay.
        if (!created) reply.header('idempotent-replayed', 'true');
        return reply.status(201).send({
          id: row.id,
          code: row.code,
          status: row.status as ReportStatus,
          handlingUnitCode: row.handling_unit_code,
          dueAt: new Date(row.accept_due_at).toISOString(),
          followToken,
        });
      },
    );

    app.get(
      '/reports',
      {
        schema: {
          tags,
          summary: "The caller's units' field reports, newest first",
          querystring: ListQuery,
          response: { 200: ListReply },
        },
      },
      async (req) => listReports(svc, requireStaff(req.actor), req.query),
    );

    app.get(
      '/reports/:id',
      {
        schema: {
          tags,
          summary: 'A field report with its events and the actions the caller may take',
          params: IdParams,
          response: { 200: ReportSchema },
        },
      },
      async (req) => svc.get(requireStaff(req.actor), req.params.id),
    );

    app.post(
      '/reports/:id/actions',
      {
        schema: {
          tags,
          summary: 'Take an action on a field report (optimistic concurrency on `version`)',
          params: IdParams,
          body: ActionBody,
          response: { 200: ReportSchema },
        },
      },
      async (req) => svc.act(requireStaff(req.actor), req.params.id, req.body),
    );

    app.get(
      '/public/reports',
      {
        schema: {
          tags: publicTags,
          summary: 'Published field reports (no personal data)',
          querystring: PublicListQuery,
          response: { 200: PublicListReply },
        },
      },
      async (req) => listPublicReports(svc, req.query),
    );

    app.get(
      '/public/reports/nearby',
      {
        schema: {
          tags: publicTags,
          summary: 'Open reports of a category near a point: follow one instead of a duplicate',
          querystring: NearbyQuery,
          response: { 200: NearbyReply },
        },
      },
      async (req) => nearbyReports(svc, req.query),
    );

    app.get(
      '/public/reports/:code',
      {
        schema: {
          tags: publicTags,
          summary: 'One field report by code (no personal data); ?token= adds what you may do',
          params: CodeParams,
          querystring: TokenQuery,
          response: { 200: PublicDetail },
        },
      },
      async (req) => publicReport(svc, req.params.code, req.query.token),
    );

    app.post(
      '/public/reports/:code/follow',
      {
        schema: {
          tags: publicTags,
          summary: 'Follow a report (SMS or e-mail when it is resolved)',
          params: CodeParams,
          body: FollowBody,
          response: { 200: FollowReply },
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req) => followReport(svc, req.actor, req.params.code, req.body.contact),
    );

    app.post(
      '/public/reports/:code/reopen',
      {
        schema: {
          tags: publicTags,
          summary:
            'Say the problem is not fixed (reporter, with the follow token, within the window)',
          params: CodeParams,
          body: ReopenBody,
          response: { 200: OkReply },
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req) => {
        const row = await svc.actAsReporter(req.params.code, req.body.token, 'reopen', {
          reason: req.body.reason,
        });
        return { code: row.code, status: row.status, version: row.version };
      },
    );

    app.post(
      '/public/reports/:code/info',
      {
        schema: {
          tags: publicTags,
          summary:
            'Answer the request for more information (reporter, with the follow token, while a question is pending)',
          params: CodeParams,
          body: InfoBody,
          response: { 200: OkReply },
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const row = await svc.actAsReporter(req.params.code, req.body.token, 'provide_info', {
          answer: req.body.answer,
        });
        return reply.send({ code: row.code, status: row.status, version: row.version });
      },
    );

    app.post(
      '/public/reports/:code/rating',
      {
        schema: {
          tags: publicTags,
          summary: 'Rate the handling 1–5 (reporter, with the follow token, once)',
          params: CodeParams,
          body: RatingBody,
          response: { 200: OkReply },
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req) => {
        const row = await svc.actAsReporter(req.params.code, req.body.token, 'rate', {
          rating: req.body.rating,
          comment: req.body.comment,
        });
        return { code: row.code, status: row.status, version: row.version };
      },
    );
  };
}
