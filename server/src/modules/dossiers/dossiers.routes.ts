import path from 'node:path';
import { IsoDateSchema } from '@cqs/shared/calendar/index';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { FileStore } from '../../platform/files/file-store.js';
import { acceptRawBodies, rawUpload } from '../../platform/http/raw-upload.js';
import { requireStaff } from '../identity/index.js';
import { actOnDossier } from './dossiers.actions.js';
import { downloadDossierFile, uploadDossierFile } from './dossiers.files.js';
import { dossierFormPdf, dossierRegisterXlsx } from './dossiers.forms.js';
import { listDossiers, publicStatus } from './dossiers.query.js';
import {
  ActionBody,
  ApplicantProofQuery,
  CreateDossierBody,
  CreatedReply,
  DossierSchema,
  FileSchema,
  FormQuery,
  ListQuery,
  ListReply,
  PublicReply,
} from './dossiers.schemas.js';
import type { DossierService } from './dossiers.service.js';
import { FORM_TITLES, type FormNo, PDF_MIME, XLSX_MIME } from './forms/index.js';

const IdParams = z.object({ id: z.string().uuid('Mã hồ sơ không hợp lệ.') });
const tags = ['dossiers'];

/** Content-Disposition with the file name in UTF-8 (RFC 6266 / 5987) and an ASCII fallback. */
export function attachmentHeader(filename: string, inline = false): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Routes of the dossiers module (hồ sơ một cửa). */
export function dossiersRoutes(ctx: AppContext, svc: DossierService): FastifyPluginAsyncZod {
  const store = new FileStore(path.join(ctx.config.dataDir, 'files'));
  return async (app) => {
    // Uploads arrive as the raw file (any type); JSON routes keep their own parser.
    acceptRawBodies(app);

    app.post(
      '/dossiers',
      {
        schema: {
          tags,
          summary:
            'Receive a dossier (desk officer). Send an Idempotency-Key header so a retry never creates a second one.',
          headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }),
          body: CreateDossierBody,
          response: { 201: CreatedReply },
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req.actor);
        const { row } = await svc.receive(actor, req.body, req.headers['idempotency-key']);
        return reply.status(201).send({
          id: row.id,
          code: row.code,
          status: row.status as 'received',
          dueAt: new Date(row.due_at).toISOString(),
          version: row.version,
        });
      },
    );

    app.get(
      '/dossiers',
      {
        schema: {
          tags,
          summary: "The caller's units' dossiers, by appointment",
          querystring: ListQuery,
          response: { 200: ListReply },
        },
      },
      async (req) => listDossiers(ctx.kysely, requireStaff(req.actor), req.query, ctx.clock.now()),
    );

    app.get(
      '/dossiers/:id',
      {
        schema: {
          tags,
          summary: 'A dossier with its events and the actions the caller may take',
          params: IdParams,
          response: { 200: DossierSchema },
        },
      },
      async (req) => svc.get(requireStaff(req.actor), req.params.id),
    );

    app.post(
      '/dossiers/:id/actions',
      {
        schema: {
          tags,
          summary: 'Take an action (optimistic concurrency on `version`)',
          params: IdParams,
          body: ActionBody,
          response: { 200: DossierSchema },
        },
      },
      async (req) => actOnDossier(svc, requireStaff(req.actor), req.params.id, req.body),
    );

    app.post(
      '/dossiers/:id/files',
      {
        schema: {
          tags,
          summary: 'Upload a file (the raw bytes as the body, its type as Content-Type)',
          params: IdParams,
          querystring: z.object({
            kind: z.enum(['attachment', 'result']).default('attachment'),
            component: z.string().max(100).optional(),
            filename: z.string().min(1, 'Nhập tên tệp.').max(255),
          }),
          response: { 201: FileSchema },
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req.actor);
        const { bytes, mime } = rawUpload(req);
        const file = await uploadDossierFile(svc, store, actor, req.params.id, {
          kind: req.query.kind,
          componentKey: req.query.component,
          filename: req.query.filename,
          mime,
          bytes,
        });
        return reply.status(201).send(file);
      },
    );

    app.get(
      '/dossiers/:id/files/:fileId',
      {
        schema: {
          tags,
          summary: 'Download a file of a dossier',
          params: IdParams.extend({ fileId: z.string().uuid() }),
        },
      },
      async (req, reply) => {
        const { file, bytes } = await downloadDossierFile(
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

    app.get(
      '/dossiers/register.xlsx',
      {
        schema: {
          tags,
          summary: 'Form 07, the dossier register (Sổ theo dõi hồ sơ), as XLSX',
          querystring: z.object({
            unit: z.string().max(64).optional(),
            from: IsoDateSchema,
            to: IsoDateSchema,
          }),
        },
      },
      async (req, reply) => {
        const xlsx = await dossierRegisterXlsx(svc, requireStaff(req.actor), req.query);
        return reply
          .type(XLSX_MIME)
          .header(
            'content-disposition',
            attachmentHeader(`so-theo-doi-ho-so-${req.query.from}-${req.query.to}.xlsx`),
          )
          .send(xlsx);
      },
    );

    app.get(
      '/dossiers/:id/forms/:file',
      {
        schema: {
          tags,
          summary:
            'Forms 01–06 of a dossier as PDF (e.g. 01.pdf = receipt and appointment); signed=true: the electronic copy sealed with the receiving unit’s digital signature (PAdES)',
          params: IdParams.extend({
            file: z.string().regex(/^0[1-6]\.pdf$/, 'Chọn mẫu 01.pdf … 06.pdf.'),
          }),
          querystring: FormQuery,
        },
      },
      async (req, reply) => {
        const no = req.params.file.slice(0, 2) as FormNo;
        const signed = req.query.signed === 'true';
        const pdf = await dossierFormPdf(svc, requireStaff(req.actor), req.params.id, no, {
          signed,
        });
        const name = `mau-${no}-${FORM_TITLES[no]}${signed ? ' (bản ký số)' : ''}.pdf`;
        return reply
          .type(PDF_MIME)
          .header('content-disposition', attachmentHeader(name, true))
          .send(pdf);
      },
    );

    app.get(
      '/public/dossiers/:code',
      {
        schema: {
          tags: ['public'],
          summary:
            "Track a dossier by its code and the applicant's phone or citizen ID (no personal data)",
          params: z.object({ code: z.string().min(1).max(80) }),
          querystring: ApplicantProofQuery,
          response: { 200: PublicReply },
        },
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      },
      async (req) => publicStatus(ctx.kysely, req.params.code, req.query),
    );
  };
}
