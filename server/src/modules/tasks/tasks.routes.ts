import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { ValidationError } from '../../platform/errors.js';
import { FileStore } from '../../platform/files/file-store.js';
import { acceptRawBodies, rawUpload } from '../../platform/http/raw-upload.js';
import { attachmentHeader } from '../dossiers/index.js';
import { requireStaff } from '../identity/index.js';
import { vnToday } from '../org/index.js';
import { downloadTaskFile, reportProgress, uploadTaskFile } from './tasks.progress.js';
import { listTasks, presentTask, taskDetail } from './tasks.query.js';
import type { TaskRow } from './tasks.repository.js';
import {
  ActionBody,
  CreateTaskBody,
  IdParams,
  ListQuery,
  ListReply,
  PatchTaskBody,
  ProgressBody,
  TaskDetailSchema,
  TaskFileSchema,
  TaskSchema,
} from './tasks.schemas.js';
import type { TaskService } from './tasks.service.js';

const tags = ['tasks'];

/** `If-Match: "3"` (or `3`, or `W/"3"`) → 3; absent → undefined; anything else → 400. */
function ifMatchVersion(h: string | undefined): number | undefined {
  if (h === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(h);
  if (!m)
    throw new ValidationError('If-Match không hợp lệ: gửi phiên bản nhiệm vụ, ví dụ "3".', [
      { path: 'headers.if-match', message: 'Phiên bản không hợp lệ.' },
    ]);
  return Number(m[1]);
}

/** Routes of the tasks module (nhiệm vụ). */
export function tasksRoutes(ctx: AppContext, svc: TaskService): FastifyPluginAsyncZod {
  const store = new FileStore(path.join(ctx.config.dataDir, 'files'));
  const view = async (t: TaskRow) =>
    presentTask(t, await svc.calendarOf(t.lead_unit_code), vnToday(ctx.clock.now()));
  return async (app) => {
    // Evidence arrives as the raw file (any type); JSON routes keep their own parser.
    acceptRawBodies(app);

    app.get(
      '/tasks',
      {
        schema: {
          tags,
          summary:
            "Tasks assigned by or led by units of the caller's subtrees (or of `unit`'s subtree)",
          querystring: ListQuery,
          response: { 200: ListReply },
        },
      },
      async (req) =>
        listTasks(ctx.kysely, req.actor, req.query, 'all', svc.calendarOf, ctx.clock.now()),
    );

    app.get(
      '/tasks/mine',
      {
        schema: {
          tags,
          summary: "Our tasks: led by one of the caller's units, or with the caller responsible",
          querystring: ListQuery,
          response: { 200: ListReply },
        },
      },
      async (req) =>
        listTasks(ctx.kysely, req.actor, req.query, 'mine', svc.calendarOf, ctx.clock.now()),
    );

    app.post(
      '/tasks',
      {
        schema: {
          tags,
          summary: 'Assign a task (leader, secretariat or administrator of the assigning unit)',
          body: CreateTaskBody,
          response: { 201: TaskSchema },
        },
      },
      async (req, reply) => {
        const row = await svc.create(requireStaff(req.actor), req.body);
        return reply.status(201).send(await view(row));
      },
    );

    app.get(
      '/tasks/:id',
      {
        schema: {
          tags,
          summary: 'A task with its progress history, events and files',
          params: IdParams,
          response: { 200: TaskDetailSchema },
        },
      },
      async (req) =>
        taskDetail(
          ctx.kysely,
          requireStaff(req.actor),
          req.params.id,
          svc.calendarOf,
          ctx.clock.now(),
        ),
    );

    app.patch(
      '/tasks/:id',
      {
        schema: {
          tags,
          summary:
            'Change content, deadline, units or person (the assigning unit; If-Match or version)',
          params: IdParams,
          headers: z.object({ 'if-match': z.string().max(40).optional() }),
          body: PatchTaskBody,
          response: { 200: TaskSchema },
        },
      },
      async (req) => {
        const actor = requireStaff(req.actor);
        const row = await svc.patch(
          actor,
          req.params.id,
          req.body,
          ifMatchVersion(req.headers['if-match']),
        );
        return view(row);
      },
    );

    app.post(
      '/tasks/:id/actions',
      {
        schema: {
          tags,
          summary: 'Pause, resume or cancel a task (the assigning unit)',
          params: IdParams,
          body: ActionBody,
          response: { 200: TaskSchema },
        },
      },
      async (req) => view(await svc.act(requireStaff(req.actor), req.params.id, req.body)),
    );

    app.post(
      '/tasks/:id/progress',
      {
        schema: {
          tags,
          summary:
            'Report progress (lead unit: percent, text, evidence; percent 100 + done finishes it) or add a note (supporting unit: no percent)',
          params: IdParams,
          body: ProgressBody,
          response: { 201: TaskSchema },
        },
      },
      async (req, reply) => {
        const row = await reportProgress(svc, requireStaff(req.actor), req.params.id, req.body);
        return reply.status(201).send(await view(row));
      },
    );

    app.post(
      '/tasks/:id/files',
      {
        schema: {
          tags,
          summary: 'Upload an evidence file (the raw bytes as the body, its type as Content-Type)',
          params: IdParams,
          querystring: z.object({ filename: z.string().min(1, 'Nhập tên tệp.').max(255) }),
          response: { 201: TaskFileSchema },
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req.actor);
        const { bytes, mime } = rawUpload(req);
        const file = await uploadTaskFile(svc, store, actor, req.params.id, {
          filename: req.query.filename,
          mime,
          bytes,
        });
        return reply.status(201).send(file);
      },
    );

    app.get(
      '/tasks/:id/files/:fileId',
      {
        schema: {
          tags,
          summary: 'Download an evidence file of a task',
          params: IdParams.extend({ fileId: z.string().uuid('Mã tệp không hợp lệ.') }),
        },
      },
      async (req, reply) => {
        const { file, bytes } = await downloadTaskFile(
          svc,
          store,
          requireStaff(req.actor),
          req.params.id,
          req.params.fileId,
        );
        return reply
          .type(file.mime)
          .header('content-disposition', attachmentHeader(file.filename))
          .send(bytes);
      },
    );
  };
}
