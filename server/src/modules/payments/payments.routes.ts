import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { UnauthenticatedError, ValidationError } from '../../platform/errors.js';
import { attachmentHeader, type DossierService } from '../dossiers/index.js';
import { requireStaff } from '../identity/index.js';
import type { WebhookResult } from './payments.gateway.js';
import { paymentView } from './payments.present.js';
import {
  AccountBody,
  AccountReply,
  BanksReply,
  CodeParams,
  CodePaymentParams,
  ConfirmBody,
  DossierParams,
  DossierPaymentParams,
  PaymentView,
  ProofQuery,
  ProviderParams,
  PublicPaymentReply,
  StaffPaymentsReply,
  UnitParams,
  UnmatchedReply,
  WebhookReply,
} from './payments.schemas.js';
import { PaymentService } from './payments.service.js';
import { vietQrBanks } from './payments.vietqr.js';
import { hmacWebhookAdapter, type WebhookAdapter } from './payments.webhook.js';

const tags = ['payments'];
const publicTags = ['public'];
const PDF = 'application/pdf';

const webhookReply = (r: WebhookResult) => ({
  paymentId: r.payment.id,
  status: r.payment.status,
  dossierCode: r.dossierCode,
  receiptNumber: r.payment.receipt_number,
  duplicate: r.duplicate,
});

/** HTTP routes of the payments module (phí, lệ phí; issue 4). */
export function paymentsRoutes(ctx: AppContext, dossiers: DossierService): FastifyPluginAsyncZod {
  const svc = new PaymentService({
    db: ctx.kysely,
    clock: ctx.clock,
    dossiers,
    adapters: webhookAdapters(ctx),
  });
  return async (app) => {
    app.get(
      '/payment-banks',
      {
        schema: {
          tags,
          summary: 'Banks that take VietQR transfers (NAPAS list), for the payee account form',
          response: { 200: BanksReply },
        },
      },
      async (req) => {
        requireStaff(req.actor);
        return { items: vietQrBanks() };
      },
    );

    app.get(
      '/payment-accounts/:unitCode',
      {
        schema: {
          tags,
          summary: "A unit's payee account for fees, and the inherited one (unit administrator)",
          params: UnitParams,
          response: { 200: AccountReply },
        },
      },
      async (req) => svc.getAccount(req.actor, req.params.unitCode),
    );

    app.put(
      '/payment-accounts/:unitCode',
      {
        schema: {
          tags,
          summary: "Set a unit's payee account (bank BIN, account number and name); audited",
          params: UnitParams,
          body: AccountBody,
          response: { 200: AccountReply },
        },
      },
      async (req) => svc.putAccount(req.actor, req.params.unitCode, req.body),
    );

    app.get(
      '/public/dossiers/:code/payment',
      {
        schema: {
          tags: publicTags,
          summary:
            "A dossier's fees: amount, VietQR code and bank details, or the receipts once paid (code + phone or citizen ID)",
          params: CodeParams,
          querystring: ProofQuery,
          response: { 200: PublicPaymentReply },
        },
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      },
      async (req) => svc.publicPayment(req.params.code, req.query),
    );

    app.get(
      '/public/dossiers/:code/payments/:paymentId/receipt.pdf',
      {
        schema: {
          tags: publicTags,
          summary: 'The electronic receipt (biên lai điện tử) of a payment, as PDF',
          params: CodePaymentParams,
          querystring: ProofQuery,
        },
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const { pdf, number } = await svc.publicReceipt(
          req.params.code,
          req.params.paymentId,
          req.query,
        );
        return reply
          .type(PDF)
          .header('content-disposition', attachmentHeader(`bien-lai-${number}.pdf`, true))
          .send(pdf);
      },
    );

    app.get(
      '/dossiers/:id/payments',
      {
        schema: {
          tags,
          summary: "A dossier's fees and payments (staff who see the dossier)",
          params: DossierParams,
          response: { 200: StaffPaymentsReply },
        },
      },
      async (req) => svc.staffPayments(requireStaff(req.actor), req.params.id),
    );

    app.post(
      '/dossiers/:id/payments',
      {
        schema: {
          tags,
          summary:
            'The desk confirms a fee payment (cash, bank transfer or card) for exactly the amount due; issues the receipt',
          params: DossierParams,
          body: ConfirmBody,
          response: { 201: PaymentView },
        },
      },
      async (req, reply) => {
        const row = await svc.confirmAtDesk(requireStaff(req.actor), req.params.id, req.body);
        return reply.status(201).send(paymentView(row, null));
      },
    );

    app.get(
      '/dossiers/:id/payments/:paymentId/receipt.pdf',
      {
        schema: {
          tags,
          summary: 'The electronic receipt of a payment, as PDF (staff)',
          params: DossierPaymentParams,
        },
      },
      async (req, reply) => {
        const { pdf, number } = await svc.staffReceipt(
          requireStaff(req.actor),
          req.params.id,
          req.params.paymentId,
        );
        return reply
          .type(PDF)
          .header('content-disposition', attachmentHeader(`bien-lai-${number}.pdf`, true))
          .send(pdf);
      },
    );

    app.get(
      '/payments/unmatched',
      {
        schema: {
          tags,
          summary:
            'Payments to reconcile: no dossier code in the reference, wrong amount, already paid',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: UnmatchedReply },
        },
      },
      async (req) => ({
        items: await svc.listUnmatched(requireStaff(req.actor), req.query.limit),
        nextCursor: null,
      }),
    );

    // The webhook is signed over its exact bytes: this scope keeps the raw body.
    const webhook: FastifyPluginAsyncZod = async (raw) => {
      raw.removeAllContentTypeParsers();
      raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_r, b, done) =>
        done(null, b),
      );
      raw.post(
        '/payments/webhooks/:provider',
        {
          schema: {
            tags,
            summary:
              'Payment gateway notification. Generic provider: headers X-Timestamp (unix seconds) and X-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">; body {transactionId, amount, reference, paidAt}. Idempotent on transactionId.',
            params: ProviderParams,
            response: { 200: WebhookReply },
          },
          config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
        },
        async (req) => {
          const adapter = svc.adapter(req.params.provider);
          const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const verified = adapter.verify(body, req.headers, ctx.clock.now());
          if ('error' in verified) {
            if (verified.error === 'bad_payload')
              throw new ValidationError(verified.detail, [], 'invalid_webhook_payload');
            throw new UnauthenticatedError(
              verified.detail,
              verified.error === 'stale_timestamp' ? 'stale_timestamp' : 'invalid_signature',
            );
          }
          return webhookReply(await svc.recordGatewayPayment(req.params.provider, verified));
        },
      );
    };
    await app.register(webhook);
  };
}

/** The webhook adapters the configuration enables: `generic` when PAYMENT_WEBHOOK_SECRET is set. */
function webhookAdapters(ctx: AppContext): Record<string, WebhookAdapter> {
  const { paymentWebhookSecret: secret, paymentWebhookToleranceSeconds: tolerance } = ctx.config;
  return secret ? { generic: hmacWebhookAdapter(secret, tolerance) } : {};
}
