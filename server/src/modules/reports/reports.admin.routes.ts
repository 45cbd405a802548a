/**
 * Routes of the reports module's reference data (categories, routing overrides, reply
 * templates), statistics and CSV exports. Registered by reportsRoutes.
 */

import { IsoDateSchema as IsoDate } from '@cqs/shared/calendar/index';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSV_CONTENT_TYPE } from '../../platform/csv/csv.js';
import { readyStream } from '../../platform/http/streaming.js';
import { requireStaff } from '../identity/index.js';
import {
  createCategory,
  createReplyTemplate,
  deleteReplyTemplate,
  deleteRoutingRule,
  listAllCategories,
  listReplyTemplates,
  listRoutingRules,
  putRoutingRule,
  updateCategory,
  updateReplyTemplate,
} from './reports.admin.js';
import {
  CategoriesAdminReply,
  CategoryAdminSchema,
  CategoryCodeParams,
  CreateCategoryBody,
  ReplyTemplateBody,
  ReplyTemplateSchema,
  ReplyTemplatesQuery,
  ReplyTemplatesReply,
  RoutingRuleBody,
  RoutingRuleParams,
  RoutingRuleSchema,
  RoutingRulesQuery,
  RoutingRulesReply,
  TemplateIdParams,
  UpdateCategoryBody,
} from './reports.admin.schemas.js';
import { publicReportsCsv, staffReportsCsv } from './reports.export.js';
import type { ReportService } from './reports.service.js';
import { REPORT_STATUSES } from './reports.states.js';
import { reportStats } from './reports.stats.js';

const tags = ['reports'];
const ExportQuery = z.object({
  status: z.enum(REPORT_STATUSES).optional(),
  category: z.string().max(40).optional(),
  unit: z.string().max(64).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
const StatsQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  unit: z.string().max(64).optional(),
});
const UnitStats = z.object({
  received: z.number(),
  open: z.number(),
  finished: z.number(),
  resolved: z.number(),
  rejected: z.number(),
  merged: z.number(),
  onTime: z.number(),
  late: z.number(),
  overdueOpen: z.number(),
  onTimeRate: z.number().nullable(),
  avgWorkingDaysToResolve: z.number().nullable(),
  reopened: z.number(),
  rated: z.number(),
  avgRating: z.number().nullable(),
  resolveWorkingDaysSum: z.number(),
  ratingSum: z.number(),
});
const StatsReply = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(UnitStats.extend({ unitCode: z.string(), unitName: z.string().nullable() })),
  total: UnitStats,
});
const csvResponse = { 200: z.unknown().describe('CSV, UTF-8 with BOM') };

/** `reports-YYYY-MM-DD.csv`: the name the browser saves the file under. */
const attachment = (prefix: string, day: string) => `attachment; filename="${prefix}-${day}.csv"`;

export function reportsAdminRoutes(svc: ReportService): FastifyPluginAsyncZod {
  const deps = svc.deps;
  return async (app) => {
    app.get(
      '/report-categories/all',
      {
        schema: {
          tags,
          summary: 'Every field report category with its settings (system administrators)',
          response: { 200: CategoriesAdminReply },
        },
      },
      async (req) => listAllCategories(deps, req.actor),
    );

    app.post(
      '/report-categories',
      {
        schema: {
          tags,
          summary: 'Add a field report category (system administrators)',
          body: CreateCategoryBody,
          response: { 201: CategoryAdminSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await createCategory(deps, req.actor, req.body)),
    );

    app.put(
      '/report-categories/:code',
      {
        schema: {
          tags,
          summary:
            "Change a category's names, level and time limits (new reports only; set deadlines are kept)",
          params: CategoryCodeParams,
          body: UpdateCategoryBody,
          response: { 200: CategoryAdminSchema },
        },
      },
      async (req) => updateCategory(deps, req.actor, req.params.code, req.body),
    );

    app.get(
      '/report-routing-rules',
      {
        schema: {
          tags,
          summary: 'Routing overrides the caller administers',
          querystring: RoutingRulesQuery,
          response: { 200: RoutingRulesReply },
        },
      },
      async (req) => listRoutingRules(deps, req.actor, req.query),
    );

    app.put(
      '/report-routing-rules',
      {
        schema: {
          tags,
          summary:
            "Set the override: in this area, this category's reports go to this unit (area administrators)",
          body: RoutingRuleBody,
          response: { 200: RoutingRuleSchema },
        },
      },
      async (req) => putRoutingRule(deps, req.actor, req.body),
    );

    app.delete(
      '/report-routing-rules/:categoryCode/:areaUnitCode',
      {
        schema: {
          tags,
          summary: "Remove an override: the category's default level applies again",
          params: RoutingRuleParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await deleteRoutingRule(deps, req.actor, req.params.categoryCode, req.params.areaUnitCode);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/report-reply-templates',
      {
        schema: {
          tags,
          summary: "Reply templates (a category's and the general ones); all=true for admins",
          querystring: ReplyTemplatesQuery,
          response: { 200: ReplyTemplatesReply },
        },
      },
      async (req) => listReplyTemplates(deps, req.actor, req.query),
    );

    app.post(
      '/report-reply-templates',
      {
        schema: {
          tags,
          summary: 'Add a reply template (system administrators)',
          body: ReplyTemplateBody,
          response: { 201: ReplyTemplateSchema },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createReplyTemplate(deps, req.actor, req.body)),
    );

    app.put(
      '/report-reply-templates/:id',
      {
        schema: {
          tags,
          summary: 'Change a reply template (system administrators)',
          params: TemplateIdParams,
          body: ReplyTemplateBody,
          response: { 200: ReplyTemplateSchema },
        },
      },
      async (req) => updateReplyTemplate(deps, req.actor, req.params.id, req.body),
    );

    app.delete(
      '/report-reply-templates/:id',
      {
        schema: {
          tags,
          summary: 'Delete a reply template (system administrators)',
          params: TemplateIdParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await deleteReplyTemplate(deps, req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/reports/stats',
      {
        schema: {
          tags,
          summary:
            "Per-unit statistics of the reports received in a period (the caller's units): on time, working days to resolve, reopened, satisfaction",
          querystring: StatsQuery,
          response: { 200: StatsReply },
        },
      },
      async (req) => reportStats(svc, requireStaff(req.actor), req.query),
    );

    app.get(
      '/reports/export.csv',
      {
        schema: {
          tags,
          summary:
            "The caller's units' reports as CSV (no phone or e-mail; anonymous reporters' names never)",
          querystring: ExportQuery,
          response: csvResponse,
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req.actor);
        const day = deps.clock.now().toISOString().slice(0, 10);
        // The header and first page are produced before answering: a bad filter is a 400.
        const body = await readyStream(staffReportsCsv(svc, actor, req.query));
        return reply
          .header('content-type', CSV_CONTENT_TYPE)
          .header('content-disposition', attachment('phan-anh', day))
          .send(body);
      },
    );

    app.get(
      '/public/reports.csv',
      {
        schema: {
          tags: ['public'],
          summary: 'Published field reports as CSV (open data; no personal data)',
          querystring: ExportQuery,
          response: csvResponse,
        },
      },
      async (req, reply) => {
        const day = deps.clock.now().toISOString().slice(0, 10);
        const body = await readyStream(publicReportsCsv(svc, req.query));
        return reply
          .header('content-type', CSV_CONTENT_TYPE)
          .header('content-disposition', attachment('phan-anh-cong-khai', day))
          .send(body);
      },
    );
  };
}
