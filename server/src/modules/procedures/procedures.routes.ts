import { vnDateOf } from '@cqs/shared/calendar/index';
import {
  PROCEDURE_EXPORT_FORMAT,
  PROCEDURE_EXPORT_VERSION,
  ProcedureInputSchema,
  ProcedureReplaceSchema,
  ProcedureSchema,
} from '@cqs/shared/procedures/index';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { ValidationError } from '../../platform/errors.js';
import { requireSystemAdmin } from '../identity/index.js';
import { catalogueRoutes } from './procedures.catalogue.routes.js';
import { importProcedures, rowsFromJsonBody } from './procedures.import.js';
import {
  ExportQuery,
  FieldsReply,
  ImportQuery,
  ImportReply,
  ListProceduresQuery,
  ProcedureIdParams,
  ProcedurePage,
} from './procedures.schemas.js';
import {
  archiveProcedure,
  createProcedure,
  getProcedure,
  listAllProcedures,
  listFields,
  listProcedures,
  replaceProcedure,
} from './procedures.service.js';
import { readProceduresXlsx, writeProceduresXlsx, XLSX_MIME } from './procedures.xlsx.js';

const PUBLIC_READ = { rateLimit: { max: 300, timeWindow: '1 minute' } };
// A whole-catalogue export is hundreds of times the work of a page, hence a tighter limit.
const PUBLIC_EXPORT = { rateLimit: { max: 30, timeWindow: '1 minute' } };
const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;
const tags = ['procedures'];

/** Routes of the procedure catalogue (danh mục thủ tục hành chính): public reads, admin writes. */
export function proceduresRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const deps = { db: ctx.kysely, clock: ctx.clock };
  return async (app) => {
    // Spreadsheets arrive as the raw body; scoped to this plugin (not wrapped in fastify-plugin).
    app.addContentTypeParser(
      [XLSX_MIME, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT_BYTES },
      (_req, body, done) => done(null, body),
    );
    // The public catalogue and its synonym list (issue 4).
    await app.register(catalogueRoutes(ctx));

    app.get(
      '/procedures',
      {
        schema: {
          tags,
          summary: 'Search the catalogue (public)',
          querystring: ListProceduresQuery,
          response: { 200: ProcedurePage },
        },
        config: PUBLIC_READ,
      },
      async (req) => listProcedures(ctx.kysely, req.query),
    );

    app.get(
      '/procedures/fields',
      {
        schema: {
          tags,
          summary: 'Fields (lĩnh vực) in use, for filters (public)',
          response: { 200: FieldsReply },
        },
        config: PUBLIC_READ,
      },
      async () => ({ items: await listFields(ctx.kysely) }),
    );

    app.get(
      '/procedures/export',
      {
        schema: {
          tags,
          summary: 'The whole catalogue as JSON or an Excel workbook (public)',
          description: `json: {"format":"${PROCEDURE_EXPORT_FORMAT}","version":${PROCEDURE_EXPORT_VERSION},"items":[procedure…]}; xlsx: sheet "Thủ tục", one row per procedure.`,
          querystring: ExportQuery,
        },
        config: PUBLIC_EXPORT,
      },
      async (req, reply) => {
        const items = await listAllProcedures(ctx.kysely, { status: req.query.status });
        const now = ctx.clock.now();
        const stamp = vnDateOf(now);
        const ext = req.query.format;
        reply.header(
          'content-disposition',
          `attachment; filename="thu-tuc-hanh-chinh-${stamp}.${ext}"`,
        );
        if (ext === 'xlsx')
          return reply.type(XLSX_MIME).send(await writeProceduresXlsx(items, now));
        return reply.type('application/json; charset=utf-8').send({
          format: PROCEDURE_EXPORT_FORMAT,
          version: PROCEDURE_EXPORT_VERSION,
          exportedAt: now.toISOString(),
          items,
        });
      },
    );

    app.get(
      '/procedures/:id',
      {
        schema: {
          tags,
          summary: 'One procedure (public)',
          params: ProcedureIdParams,
          response: { 200: ProcedureSchema },
        },
        config: PUBLIC_READ,
      },
      async (req) => getProcedure(ctx.kysely, req.params.id),
    );

    app.post(
      '/procedures',
      {
        schema: {
          tags,
          summary: 'Add a procedure (admin)',
          body: ProcedureInputSchema,
          response: { 201: ProcedureSchema },
        },
      },
      async (req, reply) => {
        const actor = requireSystemAdmin(req.actor);
        return reply.status(201).send(await createProcedure(deps, actor, req.body));
      },
    );

    app.put(
      '/procedures/:id',
      {
        schema: {
          tags,
          summary:
            'Replace a procedure (admin); send `version` to refuse overwriting a newer change',
          params: ProcedureIdParams,
          body: ProcedureReplaceSchema,
          response: { 200: ProcedureSchema },
        },
      },
      async (req) => {
        const actor = requireSystemAdmin(req.actor);
        return replaceProcedure(deps, actor, req.params.id, req.body);
      },
    );

    app.delete(
      '/procedures/:id',
      {
        schema: {
          tags,
          summary: 'Archive (bãi bỏ) a procedure (admin)',
          params: ProcedureIdParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const actor = requireSystemAdmin(req.actor);
        await archiveProcedure(deps, actor, req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/procedures/import',
      {
        schema: {
          tags,
          summary: 'Upsert procedures by code from an export file, all or nothing (admin)',
          description: `JSON body as exported, or the .xlsx file as the raw body (Content-Type ${XLSX_MIME}). A 400 lists every bad row.`,
          querystring: ImportQuery,
          response: { 200: ImportReply },
        },
        bodyLimit: IMPORT_LIMIT_BYTES,
        // Refuse before reading a 10 MB body from someone who may not import.
        onRequest: async (req) => {
          requireSystemAdmin(req.actor);
        },
      },
      async (req) => {
        const actor = requireSystemAdmin(req.actor);
        const body: unknown = req.body;
        const format = req.query.format ?? (Buffer.isBuffer(body) ? 'xlsx' : 'json');
        if (format === 'xlsx' && !Buffer.isBuffer(body)) {
          throw new ValidationError(
            `Gửi tệp Excel làm nội dung yêu cầu với Content-Type ${XLSX_MIME}.`,
            [{ path: 'body', message: 'Thiếu tệp Excel.' }],
          );
        }
        if (format === 'json' && Buffer.isBuffer(body)) {
          throw new ValidationError('Gửi tệp JSON với Content-Type application/json.', [
            { path: 'body', message: 'Nội dung không phải JSON.' },
          ]);
        }
        const rows =
          format === 'xlsx' ? await readProceduresXlsx(body as Buffer) : rowsFromJsonBody(body);
        return importProcedures(deps, actor, rows);
      },
    );
  };
}
