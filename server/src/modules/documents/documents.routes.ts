// HTTP of the documents module (issue 13 API, contracts exact): parse, authorise, call the
// service, present.
import path from 'node:path';
import {
  CreateOutgoingBody,
  DocumentActionBody,
  DocumentDetailSchema,
  DocumentIdParams,
  DocumentListQuery,
  DocumentListReply,
  RegisterIncomingBody,
  RegisterIncomingReply,
} from '@cqs/shared/documents/index';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { FileStore } from '../../platform/files/file-store.js';
import { attachmentHeader } from '../dossiers/index.js';
import { requireStaff } from '../identity/index.js';
import { TaskService } from '../tasks/index.js';
import { documentDetail, listDocuments } from './documents.query.js';
import { registerXlsx } from './documents.registers.js';
import { XLSX_MIME } from '../../platform/xlsx/xlsx.js';
import { IsoDateSchema } from '@cqs/shared/calendar/index';
import { DocumentService, type IncomingFile } from './documents.service.js';
import { documentNotFound, relationsTo } from './documents.access.js';
import { documentsRepository as repo } from './documents.repository.js';

const tags = ['documents'];

/** Decodes inline base64 files of a request. */
function decodeFiles(files: { name: string; contentType: string; data: string }[], kind?: IncomingFile['kind']): IncomingFile[] {
  return files.map((f) => ({ name: f.name, contentType: f.contentType, bytes: Buffer.from(f.data, 'base64'), kind }));
}

/** The documents service of an app (one per app: the routes and the jobs share it). */
export function documentService(ctx: AppContext): DocumentService {
  return new DocumentService({
    db: ctx.kysely,
    clock: ctx.clock,
    store: new FileStore(path.join(ctx.config.dataDir, 'files')),
    tasks: new TaskService({ db: ctx.kysely, clock: ctx.clock }),
  });
}

/** Routes of the documents module (văn bản đến, văn bản đi). */
export function documentsRoutes(ctx: AppContext, svc: DocumentService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/documents/incoming',
      {
        schema: {
          tags,
          summary: 'Register an incoming document (văn bản đến): metadata and files (base64), from the unit’s office',
          body: RegisterIncomingBody,
          response: { 201: RegisterIncomingReply },
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req.actor);
        const d = await svc.registerIncoming(actor, req.body, decodeFiles(req.body.files, req.body.source === 'paper' ? 'scan' : 'main'));
        return reply.status(201).send({ id: d.id, arrivalNumber: d.arrival_number, status: d.status });
      },
    );

    app.post(
      '/documents/outgoing',
      {
        schema: {
          tags,
          summary: 'Start an outgoing document (văn bản đi) as a draft from the ND30 template’s fields',
          body: CreateOutgoingBody,
          response: { 201: DocumentDetailSchema },
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req.actor);
        const d = await svc.createOutgoing(actor, req.body, decodeFiles(req.body.files));
        return reply.status(201).send(await documentDetail(ctx.kysely, ctx.clock, actor, d.id));
      },
    );

    app.get(
      '/documents',
      {
        schema: {
          tags,
          summary: 'The caller’s documents: incoming, outgoing, or to handle (todo); search without diacritics',
          querystring: DocumentListQuery,
          response: { 200: DocumentListReply },
        },
      },
      async (req) => listDocuments(ctx.kysely, ctx.clock, requireStaff(req.actor), req.query),
    );

    app.get(
      '/documents/register.xlsx',
      {
        schema: {
          tags,
          summary: 'The register of incoming or outgoing documents (sổ văn bản đến / đi) for a date range, as XLSX',
          querystring: z.object({
            direction: z.enum(['incoming', 'outgoing']),
            unit: z.string().max(64).optional(),
            from: IsoDateSchema,
            to: IsoDateSchema,
          }),
        },
      },
      async (req, reply) => {
        const xlsx = await registerXlsx(ctx.kysely, ctx.clock, requireStaff(req.actor), req.query);
        const name = req.query.direction === 'incoming' ? 'so-van-ban-den' : 'so-van-ban-di';
        return reply
          .type(XLSX_MIME)
          .header('content-disposition', attachmentHeader(`${name}-${req.query.from}-${req.query.to}.xlsx`))
          .send(xlsx);
      },
    );

    app.get(
      '/documents/:id',
      {
        schema: {
          tags,
          summary: 'A document with its events in order, files, signatures and their verification',
          params: DocumentIdParams,
          response: { 200: DocumentDetailSchema },
        },
      },
      async (req) => documentDetail(ctx.kysely, ctx.clock, requireStaff(req.actor), req.params.id),
    );

    app.post(
      '/documents/:id/actions',
      {
        schema: {
          tags,
          summary: 'One step of the document’s handling or approval; 409 on a stale version or an action not allowed now',
          params: DocumentIdParams,
          body: DocumentActionBody,
          response: { 200: DocumentDetailSchema },
        },
      },
      async (req) => {
        const actor = requireStaff(req.actor);
        await svc.act(actor, req.params.id, req.body, svc.hooks);
        return documentDetail(ctx.kysely, ctx.clock, actor, req.params.id);
      },
    );

    app.get(
      '/documents/:id/files/:fileId',
      {
        schema: {
          tags,
          summary: 'Download a file of a document',
          params: DocumentIdParams.extend({ fileId: z.string().uuid('Mã tệp không hợp lệ.') }),
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req.actor);
        const d = await repo.get(ctx.kysely, req.params.id);
        if (!d) throw documentNotFound();
        const rel = await relationsTo(ctx.kysely, actor, d, await repo.assignments(ctx.kysely, d.id), await repo.access(ctx.kysely, d.id));
        if (!rel.has('reader')) throw documentNotFound();
        const file = await repo.file(ctx.kysely, d.id, req.params.fileId);
        if (!file) throw documentNotFound();
        await repo.insertRead(ctx.kysely, { document_id: d.id, user_id: actor.id, user_name: actor.name, read_at: ctx.clock.now() });
        return reply
          .type(file.content_type)
          .header('content-disposition', attachmentHeader(file.name))
          .send(svc.deps.store.get(file.sha256));
      },
    );
  };
}
