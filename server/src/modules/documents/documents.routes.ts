// HTTP of the documents module (issue 13 API, contracts exact): parse, authorise, call the
// service, present.
import path from 'node:path';
import { IsoDateSchema } from '@cqs/shared/calendar/index';
import {
  CreateOutgoingBody,
  DocumentActionBody,
  DocumentDetailSchema,
  DocumentIdParams,
  DocumentListQuery,
  DocumentListReply,
  DraftVersionSchema,
  OcrReply,
  RegisterIncomingBody,
  RegisterIncomingReply,
  SigningSessionSchema,
  VerifyReply,
} from '@cqs/shared/documents/index';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { FileStore } from '../../platform/files/file-store.js';
import { acceptRawBodies, rawUpload } from '../../platform/http/raw-upload.js';
import { XLSX_MIME } from '../../platform/xlsx/xlsx.js';
import { attachmentHeader } from '../dossiers/index.js';
import { requireStaff } from '../identity/index.js';
import { TaskService } from '../tasks/index.js';
import { beginTokenSigning, completeTokenSigning, tokenSigningPdf } from './documents.deferred.js';
import { DocumentExchange, packageXml, transportsFrom } from './documents.exchange.js';
import { OutgoingDocuments } from './documents.outgoing.js';
import { documentDetail, listDocuments } from './documents.query.js';
import { registerXlsx } from './documents.registers.js';
import { reviewFlowRoutes } from './documents.review-flows.js';
import { requireClerk, scanProposals } from './documents.scans.js';
import { DocumentService, type IncomingFile } from './documents.service.js';
import { SigningSetup } from './documents.signing.js';
import { WorkFiles } from './documents.work-files.js';
import { workFilesRoutes } from './documents.work-files.routes.js';
import { edxmlFileName } from './edxml/index.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

import { documentNotFound, readableDocument } from './documents.access.js';
import { documentsRepository as repo } from './documents.repository.js';

const tags = ['documents'];

/** Decodes inline base64 files of a request. */
function decodeFiles(
  files: { name: string; contentType: string; data: string }[],
  kind?: IncomingFile['kind'],
): IncomingFile[] {
  return files.map((f) => ({
    name: f.name,
    contentType: f.contentType,
    bytes: Buffer.from(f.data, 'base64'),
    kind,
  }));
}

/** The documents service of an app (one per app: the routes and the jobs share it). */
export function documentService(ctx: AppContext): DocumentService {
  const svc = new DocumentService({
    db: ctx.kysely,
    clock: ctx.clock,
    store: new FileStore(path.join(ctx.config.dataDir, 'files')),
    tasks: new TaskService({ db: ctx.kysely, clock: ctx.clock }),
  });
  svc.outgoing = new OutgoingDocuments(
    svc,
    new SigningSetup({ dataDir: ctx.config.dataDir, ...ctx.config.signing }),
  );
  svc.exchange = new DocumentExchange(svc, ctx.jobs, transportsFrom(ctx.config.edxml));
  svc.workFiles = new WorkFiles({ db: ctx.kysely, clock: ctx.clock });
  svc.hooks = { ...svc.outgoing.hooks(), ...svc.exchange.hooks() };
  return svc;
}

/** The document if the caller may read it, else 404. */
async function readable(ctx: AppContext, actor: Actor, id: string) {
  return (await readableDocument(ctx.kysely, actor, id)).d;
}

/** Routes of the documents module (văn bản đến, văn bản đi). */
export function documentsRoutes(ctx: AppContext, svc: DocumentService): FastifyPluginAsyncZod {
  return async (app) => {
    // PDFs to verify, scans and edXML packages arrive as raw bodies; JSON routes keep their parser.
    acceptRawBodies(app);
    await app.register(workFilesRoutes(ctx, svc.workFiles!));
    await app.register(reviewFlowRoutes(ctx));

    app.post(
      '/documents/incoming',
      {
        schema: {
          tags,
          summary:
            'Register an incoming document (văn bản đến), from the unit’s office: metadata and files (base64) as JSON, or an edXML package as application/xml',
          body: RegisterIncomingBody,
          response: { 201: RegisterIncomingReply },
        },
        // An edXML package is registered at once, like a paper document, from its own fields.
        preValidation: async (req, reply) => {
          if (!/^application\/xml|^text\/xml/i.test(req.headers['content-type'] ?? '')) return;
          const actor = requireStaff(req.actor);
          const d = await svc.exchange!.receivePackage(actor, rawUpload(req).bytes, {
            status: 'registered',
          });
          return reply
            .status(201)
            .send({ id: d.id, arrivalNumber: d.arrival_number, status: d.status });
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req.actor);
        const d = await svc.registerIncoming(
          actor,
          req.body,
          decodeFiles(req.body.files, req.body.source === 'paper' ? 'scan' : 'main'),
        );
        return reply
          .status(201)
          .send({ id: d.id, arrivalNumber: d.arrival_number, status: d.status });
      },
    );

    app.post(
      '/documents/outgoing',
      {
        schema: {
          tags,
          summary:
            'Start an outgoing document (văn bản đi) as a draft from the ND30 template’s fields',
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
          summary:
            'The caller’s documents: incoming, outgoing, or to handle (todo); search without diacritics',
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
          summary:
            'The register of incoming or outgoing documents (sổ văn bản đến / đi) for a date range, as XLSX',
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
          .header(
            'content-disposition',
            attachmentHeader(`${name}-${req.query.from}-${req.query.to}.xlsx`),
          )
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
          summary:
            'One step of the document’s handling or approval; 409 on a stale version or an action not allowed now',
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
        const d = await readable(ctx, actor, req.params.id);
        const file = await repo.file(ctx.kysely, d.id, req.params.fileId);
        if (!file) throw documentNotFound();
        await repo.insertRead(ctx.kysely, {
          document_id: d.id,
          user_id: actor.id,
          user_name: actor.name,
          read_at: ctx.clock.now(),
        });
        return reply
          .type(file.content_type)
          .header('content-disposition', attachmentHeader(file.name))
          .send(svc.deps.store.get(file.sha256));
      },
    );

    app.get(
      '/documents/:id/draft.:format',
      {
        schema: {
          tags,
          summary:
            'An outgoing document in the Nghị định 30/2020 layout: draft.pdf or draft.docx (editable)',
          params: DocumentIdParams.extend({ format: z.enum(['pdf', 'docx']) }),
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req.actor);
        const d = await readable(ctx, actor, req.params.id);
        if (d.direction !== 'outgoing' || !d.content) throw documentNotFound();
        const { bytes, name } = await svc.outgoing!.render(d, req.params.format);
        return reply
          .type(req.params.format === 'pdf' ? 'application/pdf' : DOCX_MIME)
          .header('content-disposition', attachmentHeader(name))
          .send(bytes);
      },
    );

    app.get(
      '/documents/:id/versions/:no',
      {
        schema: {
          tags,
          summary: 'One version of an outgoing draft, to compare versions',
          params: DocumentIdParams.extend({ no: z.coerce.number().int().min(1).max(100_000) }),
          response: { 200: DraftVersionSchema },
        },
      },
      async (req) => {
        const d = await readable(ctx, requireStaff(req.actor), req.params.id);
        const v = (await repo.versions(ctx.kysely, d.id)).find((x) => x.no === req.params.no);
        if (!v) throw new NotFoundError('Không có phiên bản này của dự thảo.', 'version_not_found');
        return {
          no: v.no,
          content: v.content,
          authorName: v.author_name,
          createdAt: new Date(v.created_at).toISOString(),
          comment: v.comment,
        };
      },
    );

    app.post(
      '/documents/:id/signing-sessions',
      {
        schema: {
          tags,
          summary:
            'Start signing with a USB token (the signer): the PDF is prepared and its SHA-256 handed to the local signing app',
          params: DocumentIdParams,
          body: z.object({ version: z.number().int().min(1).max(2_147_483_647) }),
          response: { 201: SigningSessionSchema },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await beginTokenSigning(svc, requireStaff(req.actor), req.params.id, req.body.version),
          ),
    );

    app.get(
      '/documents/:id/signing-sessions/:sessionId/pdf',
      {
        schema: {
          tags,
          summary:
            'The prepared PDF of a token signing session (what the signing app shows and signs)',
          params: DocumentIdParams.extend({
            sessionId: z.string().uuid('Mã phiên ký không hợp lệ.'),
          }),
        },
      },
      async (req, reply) =>
        reply
          .type('application/pdf')
          .send(
            await tokenSigningPdf(
              svc,
              requireStaff(req.actor),
              req.params.id,
              req.params.sessionId,
            ),
          ),
    );

    app.post(
      '/documents/:id/signing-sessions/:sessionId',
      {
        schema: {
          tags,
          summary:
            'Complete a token signing with the CMS (base64 DER) the signing app made over the prepared bytes',
          description:
            'The certificate must chain to a configured trust anchor, be valid at signing time and not be revoked (when the CA answers): else 409 `token_certificate_untrusted`, `token_certificate_expired` or `token_certificate_revoked`, and the document stays unsigned. A CMS over other bytes: 409 from the signature library.',
          params: DocumentIdParams.extend({
            sessionId: z.string().uuid('Mã phiên ký không hợp lệ.'),
          }),
          body: z.object({
            cms: z
              .string()
              .min(1, 'Gửi chữ ký CMS dạng base64.')
              .max(200_000)
              .regex(/^[A-Za-z0-9+/=\s]+$/, 'Chữ ký CMS phải mã hóa base64.'),
          }),
          response: { 200: DocumentDetailSchema },
        },
      },
      async (req) => {
        const actor = requireStaff(req.actor);
        await completeTokenSigning(svc, actor, req.params.id, req.params.sessionId, req.body.cms);
        return documentDetail(ctx.kysely, ctx.clock, actor, req.params.id);
      },
    );

    app.post(
      '/documents/ocr',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary:
            'OCR of a scanned document (body: PDF, PNG, JPEG or TIFF): proposals for the clerk to confirm',
          response: { 200: OcrReply },
        },
      },
      async (req) => {
        requireClerk(requireStaff(req.actor));
        const { bytes, mime } = rawUpload(req);
        return scanProposals(bytes, mime);
      },
    );

    app.post(
      '/edxml/inbox',
      {
        schema: {
          tags,
          summary:
            'Receive an edXML package (application/xml): it waits in the clerk’s inbox (status received) to be registered',
          querystring: z.object({ unitCode: z.string().max(64).optional() }),
          response: { 201: RegisterIncomingReply },
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req.actor);
        const { bytes } = rawUpload(req);
        const d = await svc.exchange!.receivePackage(actor, bytes, {
          unitCode: req.query.unitCode,
          status: 'received',
        });
        return reply
          .status(201)
          .send({ id: d.id, arrivalNumber: d.arrival_number, status: d.status });
      },
    );

    app.get(
      '/documents/:id/edxml',
      {
        schema: {
          tags,
          summary:
            'The document as an edXML package (QCVN 102:2016): an issued document, or one received as edXML',
          params: DocumentIdParams,
        },
      },
      async (req, reply) => {
        const d = await readable(ctx, requireStaff(req.actor), req.params.id);
        const xml = await packageXml(ctx.kysely, svc.deps.store, d, ctx.clock.now());
        return reply
          .type('application/xml; charset=utf-8')
          .header(
            'content-disposition',
            attachmentHeader(
              `${edxmlFileName(`${d.code_number ?? 'van-ban'}-${d.code_notation}`)}.edxml`,
            ),
          )
          .send(xml);
      },
    );

    app.post(
      '/signatures/verify',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary:
            'Verify the digital signatures of any PDF (body: the PDF): integrity, chain to the trust anchors, coverage',
          response: { 200: VerifyReply },
        },
      },
      async (req) => {
        const { bytes } = rawUpload(req);
        if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
          throw new ValidationError(
            'Tệp gửi lên không phải PDF.',
            [{ path: 'body', message: 'Chọn một tệp PDF.' }],
            'not_pdf',
          );
        const reports = await svc.outgoing!.verify(bytes);
        return {
          signatures: reports.map((r) => ({
            signer: r.signer || null,
            signedAt: r.signedAt,
            integrity: r.integrity,
            chain: r.chain,
            trusted: r.trusted,
            coversWholeDocument: r.coversWholeDocument,
            validAtSigningTime: r.validAtSigningTime,
            revocation: r.revocation,
            modifiedAfter: r.modifiedAfter,
          })),
        };
      },
    );
  };
}
