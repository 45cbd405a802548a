import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentHeader } from '../dossiers/index.js';
import {
  DocumentSchema,
  DraftPatchBody,
  DraftSchema,
  MyDossierItem,
  MyDossierSchema,
  SubmittedReply,
} from './portal.schemas.js';
import type { PortalService } from './portal.service.js';

const tags = ['portal'];
const IdParams = z.object({ id: z.string().uuid('Mã không hợp lệ.') });
const CodeParams = z.object({ code: z.string().min(1).max(80) });
const items = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.null() });

/**
 * The signed-in citizen's portal (cổng dịch vụ công): the personal data store, drafts,
 * online submission and "Hồ sơ của tôi". Every route answers only about the caller's own
 * data; another citizen's ids are 404.
 */
export function portalRoutes(svc: PortalService): FastifyPluginAsyncZod {
  return async (app) => {
    // Document uploads arrive as the raw file; JSON routes keep their own parser.
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

    app.post(
      '/portal/documents',
      {
        schema: {
          tags,
          summary:
            'Upload a paper (raw bytes; PDF, JPEG or PNG, ≤ 10 MB): into my data store with the data_store consent; without it, for the draft `draftId` only (409 data_store_consent_required without a draft)',
          querystring: z.object({
            filename: z.string().min(1, 'Nhập tên tệp.').max(255),
            title: z.string().max(200).optional(),
            draftId: z.string().uuid('Mã hồ sơ nháp không hợp lệ.').optional(),
          }),
          response: { 201: DocumentSchema },
        },
        bodyLimit: 11 * 1024 * 1024,
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const doc = await svc.uploadDocument(req.actor, {
          title: req.query.title,
          filename: req.query.filename,
          mime: req.headers['content-type'] ?? 'application/octet-stream',
          bytes,
          draftId: req.query.draftId,
        });
        return reply.status(201).send(doc);
      },
    );

    app.get(
      '/portal/documents',
      {
        schema: {
          tags,
          summary:
            "My data store: my uploads and the electronic results issued to me (results join it with the data_store consent); with draftId, that draft's own papers too",
          querystring: z.object({
            draftId: z.string().uuid('Mã hồ sơ nháp không hợp lệ.').optional(),
          }),
          response: {
            200: items(DocumentSchema).extend({
              /** Whether the citizen consents to data_store: the store is offered only then. */
              dataStoreConsent: z.boolean(),
            }),
          },
        },
      },
      async (req) => ({
        ...(await svc.listDocuments(req.actor, req.query.draftId)),
        nextCursor: null,
      }),
    );

    app.get(
      '/portal/documents/:id/file',
      { schema: { tags, summary: 'Download a document of my data store', params: IdParams } },
      async (req, reply) => {
        const { doc, bytes } = await svc.documentFile(req.actor, req.params.id);
        return reply
          .type(doc.mime)
          .header('cache-control', 'private, no-store')
          .header('content-disposition', attachmentHeader(doc.filename))
          .send(bytes);
      },
    );

    app.delete(
      '/portal/documents/:id',
      { schema: { tags, summary: 'Remove a document from my data store', params: IdParams } },
      async (req, reply) => {
        await svc.deleteDocument(req.actor, req.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/portal/drafts',
      {
        schema: {
          tags,
          summary: 'Start an online submission: a draft prefilled from my profile (with consent)',
          body: z.object({ procedureCode: z.string().min(1, 'Chọn thủ tục.').max(64) }),
          response: { 201: DraftSchema },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.startDraft(req.actor, req.body.procedureCode)),
    );

    app.get(
      '/portal/drafts',
      {
        schema: { tags, summary: 'My drafts, latest first', response: { 200: items(DraftSchema) } },
      },
      async (req) => ({ items: await svc.listDrafts(req.actor), nextCursor: null }),
    );

    app.get(
      '/portal/drafts/:id',
      {
        schema: {
          tags,
          summary: 'One of my drafts',
          params: IdParams,
          response: { 200: DraftSchema },
        },
      },
      async (req) => svc.getDraft(req.actor, req.params.id),
    );

    app.put(
      '/portal/drafts/:id',
      {
        schema: {
          tags,
          summary: 'Save a draft (send the version read; 409 version_conflict if it moved)',
          params: IdParams,
          body: DraftPatchBody,
          response: { 200: DraftSchema },
        },
      },
      async (req) => svc.saveDraft(req.actor, req.params.id, req.body),
    );

    app.delete(
      '/portal/drafts/:id',
      { schema: { tags, summary: 'Discard a draft', params: IdParams } },
      async (req, reply) => {
        await svc.deleteDraft(req.actor, req.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/portal/drafts/:id/submit',
      {
        schema: {
          tags,
          summary:
            'Submit a draft: the dossier is received online (201); submitting it again answers 200 with the same dossier',
          params: IdParams,
          response: { 200: SubmittedReply, 201: SubmittedReply },
        },
      },
      async (req, reply) => {
        const out = await svc.submitDraft(req.actor, req.params.id);
        return reply.status(out.created ? 201 : 200).send(out);
      },
    );

    app.get(
      '/portal/my-dossiers',
      {
        schema: {
          tags,
          summary: 'Hồ sơ của tôi: the dossiers I submitted online, latest first',
          response: { 200: items(MyDossierItem) },
        },
      },
      async (req) => ({ items: await svc.myDossiers(req.actor), nextCursor: null }),
    );

    app.get(
      '/portal/my-dossiers/:code',
      {
        schema: {
          tags,
          summary: 'One of my dossiers with its timeline',
          params: CodeParams,
          response: { 200: MyDossierSchema },
        },
      },
      async (req) => svc.myDossier(req.actor, req.params.code),
    );

    app.get(
      '/portal/my-dossiers/:code/receipt.pdf',
      {
        schema: {
          tags,
          summary: 'Form 01 (giấy tiếp nhận hồ sơ và hẹn trả kết quả) of my dossier',
          params: CodeParams,
        },
      },
      async (req, reply) => {
        const pdf = await svc.myReceiptPdf(req.actor, req.params.code);
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', attachmentHeader(`mau-01-${req.params.code}.pdf`, true))
          .send(pdf);
      },
    );

    app.get(
      '/portal/my-dossiers/:code/result',
      {
        schema: {
          tags,
          summary: 'Download the electronic result of my dossier',
          params: CodeParams,
        },
      },
      async (req, reply) => {
        const { file, bytes } = await svc.myResult(req.actor, req.params.code);
        return reply
          .type(file.mime)
          .header('cache-control', 'private, no-store')
          .header('content-disposition', attachmentHeader(file.filename))
          .send(bytes);
      },
    );
  };
}
