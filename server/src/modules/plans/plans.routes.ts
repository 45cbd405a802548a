import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { ValidationError } from '../../platform/errors.js';
import { XLSX_MIME } from '../../platform/xlsx/xlsx.js';
import { requireStaff } from '../identity/index.js';
import {
  AssignmentsBody,
  PlanDetail,
  PlanDocumentSchema,
  PlanIdParams,
  PlanListQuery,
  PlanListReply,
  TargetParams,
  TargetPatchBody,
  TargetView,
  WithdrawBody,
} from './plans.schemas.js';
import {
  createPlan,
  exportPlan,
  getPlan,
  listPlans,
  setAssignments,
  updateTarget,
  withdrawPlan,
} from './plans.service.js';
import { readPlanXlsx, writePlanXlsx } from './plans.xlsx.js';

const tags = ['plans'];
const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;

/** The .xlsx out of a multipart form (its first file part) or the raw body. */
async function workbookBytes(body: unknown, contentType: string | undefined): Promise<Buffer> {
  const missing = () =>
    new ValidationError(
      `Gửi tệp Excel (.xlsx) dạng multipart/form-data (trường "file") hoặc làm nội dung yêu cầu với Content-Type ${XLSX_MIME}.`,
      [{ path: 'body', message: 'Thiếu tệp Excel.' }],
      'missing_file',
    );
  if (!Buffer.isBuffer(body)) throw missing();
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return body;
  // Node's own multipart reader (undici's FormData), so no extra dependency for one form.
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    throw new ValidationError(
      'Không đọc được biểu mẫu multipart/form-data.',
      [{ path: 'body', message: 'Biểu mẫu hỏng.' }],
      'invalid_multipart',
    );
  }
  for (const [, v] of form.entries()) {
    if (typeof v !== 'string') return Buffer.from(await v.arrayBuffer());
  }
  throw missing();
}

/** Routes of the plans module (kế hoạch chuyển đổi số): staff of the plan's line read, its writers change. */
export function plansRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const deps = { db: ctx.kysely, clock: ctx.clock };
  return async (app) => {
    // Workbooks arrive as the raw body or in a form; scoped to this plugin.
    app.addContentTypeParser(
      [XLSX_MIME, 'application/octet-stream', 'multipart/form-data'],
      { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/plans',
      {
        schema: {
          tags,
          summary:
            "Create a unit's yearly plan from its document (administrator, leader or secretariat of the unit or above)",
          description:
            "The body is the plan document (targets with their stretch values and assignments to child units, tasks as written, budget rows); `GET /plans/{id}/export.json` gives it back unchanged. 400 `assignment_not_child` when a target is assigned to a unit that is not a direct child of the plan's unit; 400 `unknown_unit`.",
          body: PlanDocumentSchema,
          response: { 201: PlanDetail },
        },
      },
      async (req, reply) => reply.status(201).send(await createPlan(deps, req.actor, req.body)),
    );

    app.get(
      '/plans',
      {
        schema: {
          tags,
          summary:
            'Plans the caller may read (its units, those above and below), optionally of one unit subtree and year',
          querystring: PlanListQuery,
          response: { 200: PlanListReply },
        },
      },
      async (req) => listPlans(deps, req.actor, req.query),
    );

    app.post(
      '/plans/import.xlsx',
      {
        schema: {
          tags,
          summary:
            'Create a plan from a workbook as exported (sheets Kế hoạch, Mục tiêu, Nhiệm vụ, Kinh phí)',
          description: `multipart/form-data with the file in field "file", or the .xlsx as the raw body (Content-Type ${XLSX_MIME}). All or nothing: a 400 \`invalid_plan_file\` lists every bad cell by sheet, row and column.`,
          response: { 201: PlanDetail },
        },
        bodyLimit: IMPORT_LIMIT_BYTES,
        // Refuse before reading a 10 MB body from someone who is not staff.
        onRequest: async (req) => {
          requireStaff(req.actor);
        },
      },
      async (req, reply) => {
        const bytes = await workbookBytes(req.body, req.headers['content-type']);
        const doc = await readPlanXlsx(bytes);
        return reply.status(201).send(await createPlan(deps, req.actor, doc));
      },
    );

    app.get(
      '/plans/:id',
      {
        schema: {
          tags,
          summary: 'One plan with its sections, targets (and assignments), tasks and budget',
          params: PlanIdParams,
          response: { 200: PlanDetail },
        },
      },
      async (req) => getPlan(deps, req.actor, req.params.id),
    );

    app.get(
      '/plans/:id/export.json',
      {
        schema: {
          tags,
          summary: 'The plan as the document POST /plans takes (round-trips exactly)',
          params: PlanIdParams,
          response: { 200: PlanDocumentSchema },
        },
      },
      async (req, reply) => {
        const doc = await exportPlan(deps, req.actor, req.params.id);
        reply.header(
          'content-disposition',
          `attachment; filename="ke-hoach-${doc.unitCode}-${doc.year}.json"`,
        );
        return doc;
      },
    );

    app.get(
      '/plans/:id/export.xlsx',
      {
        schema: {
          tags,
          summary: 'The plan as an Excel workbook (sheets Kế hoạch, Mục tiêu, Nhiệm vụ, Kinh phí)',
          params: PlanIdParams,
        },
      },
      async (req, reply) => {
        const doc = await exportPlan(deps, req.actor, req.params.id);
        reply.header(
          'content-disposition',
          `attachment; filename="ke-hoach-${doc.unitCode}-${doc.year}.xlsx"`,
        );
        return reply.type(XLSX_MIME).send(await writePlanXlsx(doc, ctx.clock.now()));
      },
    );

    app.patch(
      '/plans/:id/targets/:targetId',
      {
        schema: {
          tags,
          summary: "Change a target's indicator link or values (the plan's writers)",
          params: TargetParams,
          body: TargetPatchBody,
          response: { 200: TargetView },
        },
      },
      async (req) => updateTarget(deps, req.actor, req.params.id, req.params.targetId, req.body),
    );

    app.post(
      '/plans/:id/withdraw',
      {
        schema: {
          tags,
          summary:
            "Withdraw a plan (thu hồi): kept with its history, out of the default lists and the dashboard; its open tasks are cancelled (the plan's writers)",
          params: PlanIdParams,
          body: WithdrawBody,
          response: { 200: PlanDetail },
        },
      },
      async (req) => withdrawPlan(deps, req.actor, req.params.id, req.body),
    );

    app.put(
      '/plans/:id/targets/:targetId/assignments',
      {
        schema: {
          tags,
          summary:
            "Assign a target down to child units with their own values (replaces the list; only direct children of the plan's unit)",
          params: TargetParams,
          body: AssignmentsBody,
          response: { 200: TargetView },
        },
      },
      async (req) =>
        setAssignments(deps, req.actor, req.params.id, req.params.targetId, req.body.items),
    );
  };
}
