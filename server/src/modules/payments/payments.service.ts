import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/errors.js';
import { type DossierService, dossierBriefById, dossierForApplicant } from '../dossiers/index.js';
import { findAccountsByIds, holdsOverLineage } from '../identity/index.js';
import { type OutboxMessage, queueOutboxRows } from '../notifications/index.js';
import { cachedUnitDescendants, cachedUnitLineage } from '../org/index.js';
import { effectiveAccount, getAccount, putAccount } from './payments.accounts.js';
import { publishPaymentFact } from './payments.facts.js';
import { recordGatewayPayment, type WebhookResult } from './payments.gateway.js';
import { auditJson, paymentView } from './payments.present.js';
import { feeItemsOf, issueReceipt, receiptPdf } from './payments.receipts.js';
import { type PaymentRow, paymentsRepository as repo } from './payments.repository.js';
import { isOnline, NOT_PAYABLE } from './payments.rules.js';
import type {
  AccountInput,
  ConfirmInput,
  PaymentViewT,
  Proof,
  PublicPayment,
} from './payments.schemas.js';
import { buildVietQrPayload, qrSvgDataUrl, transferReference } from './payments.vietqr.js';
import type { GatewayPayment, WebhookAdapter } from './payments.webhook.js';

type Db = Kysely<Database>;

export interface PaymentDeps {
  db: Db;
  clock: Clock;
  dossiers: DossierService;
  /** Webhook adapters by provider name (the path segment). */
  adapters: Record<string, WebhookAdapter>;
}

/**
 * Fees and payments of dossiers: what the applicant and the desk see, the desk's
 * confirmation, and the entry points of payee accounts and the gateway webhook.
 */
export class PaymentService {
  constructor(readonly deps: PaymentDeps) {}

  getAccount(actor: Actor | null, unitCode: string) {
    return getAccount(this.deps.db, actor, unitCode);
  }

  putAccount(actor: Actor | null, unitCode: string, input: AccountInput) {
    return putAccount(this.deps, actor, unitCode, input);
  }

  // ---- The citizen's side --------------------------------------------------------------

  /** What the applicant must pay and how, or what they paid; 404 without a matching proof. */
  async publicPayment(code: string, proof: Proof): Promise<PublicPayment> {
    const { db } = this.deps;
    const ref = await dossierForApplicant(db, code, proof);
    if (!ref) throw new NotFoundError('Không tìm thấy hồ sơ.', 'dossier_not_found');
    const payments = await repo.paymentsOfDossier(db, ref.id);
    const confirmed = payments.find((p) => p.status === 'confirmed');
    const amount = ref.feesDue;
    const status = amount <= 0 ? 'not_required' : confirmed ? 'paid' : 'unpaid';
    const payable = status === 'unpaid' && !NOT_PAYABLE.has(ref.status);
    const reference = transferReference(ref.code);
    const account = payable ? await effectiveAccount(db, ref.unitCode) : null;
    const payload = account
      ? buildVietQrPayload({
          bankBin: account.bank_bin,
          accountNumber: account.account_number,
          amount,
          reference,
        })
      : null;
    const query = proof.phone
      ? `phone=${encodeURIComponent(proof.phone)}`
      : `citizenId=${encodeURIComponent(proof.citizenId ?? '')}`;
    return {
      code: ref.code,
      amount,
      currency: 'VND',
      feeItems: confirmed ? confirmed.fee_items : await feeItemsOf(db, ref.procedureId, amount),
      status,
      paidOnline: confirmed ? confirmed.online : null,
      payable,
      payee: account
        ? {
            bankName: account.bank_name,
            accountNumber: account.account_number,
            accountName: account.account_name,
          }
        : null,
      transferReference: payable ? reference : null,
      qr: payload ? { payload, svg: await qrSvgDataUrl(payload) } : null,
      receipts: payments
        .filter((p) => p.receipt_number)
        .map((p) => ({
          paymentId: p.id,
          number: p.receipt_number!,
          issuedAt: p.receipt_issued_at!.toISOString(),
          url: `/api/v1/public/dossiers/${encodeURIComponent(ref.code)}/payments/${p.id}/receipt.pdf?${query}`,
        })),
    };
  }

  /** The receipt PDF of one of the applicant's payments; 404 otherwise. */
  async publicReceipt(code: string, paymentId: string, proof: Proof) {
    const ref = await dossierForApplicant(this.deps.db, code, proof);
    if (!ref) throw new NotFoundError('Không tìm thấy hồ sơ.', 'dossier_not_found');
    return receiptPdf(this.deps.db, ref.id, paymentId);
  }

  // ---- The desk's side -----------------------------------------------------------------

  /** A dossier's fees and payments for staff who see it (404 otherwise). */
  async staffPayments(actor: Actor, dossierId: string) {
    const { db } = this.deps;
    const view = await this.deps.dossiers.get(actor, dossierId);
    const payments = await repo.paymentsOfDossier(db, dossierId);
    const confirmed = payments.find((p) => p.status === 'confirmed');
    const status = view.feesDue <= 0 ? 'not_required' : confirmed ? 'paid' : 'unpaid';
    const payable = status === 'unpaid' && !NOT_PAYABLE.has(view.status);
    const lineage = await cachedUnitLineage(db, view.unitCode, actor.generations);
    return {
      dossierId,
      code: view.code,
      amount: view.feesDue,
      feeItems: confirmed
        ? confirmed.fee_items
        : await feeItemsOf(db, view.procedure.id, view.feesDue),
      status: status as 'not_required' | 'unpaid' | 'paid',
      paidOnline: confirmed ? confirmed.online : null,
      payable,
      canConfirm: payable && holdsOverLineage(actor, ['desk_officer'], lineage),
      transferReference: transferReference(view.code),
      payments: payments.map((p) => ({
        ...paymentView(p, view.code),
        receiptUrl: p.receipt_number
          ? `/api/v1/dossiers/${dossierId}/payments/${p.id}/receipt.pdf`
          : null,
      })),
    };
  }

  /**
   * The desk confirms a payment it received or saw on the bank statement: a desk officer of
   * the dossier's unit, for exactly the amount still due. One transaction writes the payment,
   * its receipt number and the audit row.
   */
  async confirmAtDesk(actor: Actor, dossierId: string, input: ConfirmInput): Promise<PaymentRow> {
    const { db, clock } = this.deps;
    const view = await this.deps.dossiers.get(actor, dossierId); // 404 outside the actor's units
    const lineage = await cachedUnitLineage(db, view.unitCode, actor.generations);
    if (!holdsOverLineage(actor, ['desk_officer'], lineage))
      throw new ForbiddenError(
        'Chỉ cán bộ Một cửa của đơn vị tiếp nhận mới xác nhận được khoản thu.',
        'not_desk_officer',
      );
    const dossier = (await dossierBriefById(db, dossierId))!;
    if (dossier.fees_due <= 0)
      throw new ConflictError(
        'Thủ tục của hồ sơ này không thu phí, lệ phí.',
        'payment_not_required',
      );
    if (NOT_PAYABLE.has(dossier.status))
      throw new ConflictError(
        'Hồ sơ đã bị từ chối, rút hoặc dừng xử lý: không thu phí, lệ phí.',
        'dossier_not_payable',
      );
    const paid = (await repo.paymentsOfDossier(db, dossierId)).some(
      (p) => p.status === 'confirmed',
    );
    if (paid) throw alreadyPaid();
    if (input.amount !== dossier.fees_due)
      throw new AppError(
        'amount_mismatch',
        400,
        `Số tiền phải đúng số còn phải nộp: ${dossier.fees_due.toLocaleString('vi-VN')} đồng.`,
        {
          errors: [{ path: 'body.amount', message: 'Số tiền không khớp.' }],
          due: dossier.fees_due,
        },
      );
    const now = clock.now();
    const paidAt = input.paidAt ? new Date(input.paidAt) : now;
    if (paidAt.getTime() > now.getTime() + 60_000)
      throw new ValidationError('Thời điểm nộp tiền không được ở tương lai.', [
        { path: 'body.paidAt', message: 'Ở tương lai.' },
      ]);
    const feeItems = await feeItemsOf(db, dossier.procedure_id, dossier.fees_due);
    // The receipt names the collector by full name, not by user name.
    const collector = actor.id
      ? ((await findAccountsByIds(db, [actor.id])).get(actor.id)?.fullName ?? actor.name)
      : actor.name;
    return db.transaction().execute(async (trx) => {
      const row = await repo.insertPayment(trx, {
        dossier_id: dossierId,
        unit_code: dossier.unit_code,
        amount: input.amount,
        method: input.method,
        online: isOnline(input.method),
        status: 'confirmed',
        unmatched_reason: null,
        provider: null,
        transaction_id: null,
        reference: input.reference || null,
        fee_items: feeItems,
        payer_name: dossier.applicant_name,
        paid_at: paidAt,
        confirmed_by: actor.id,
        confirmed_by_name: collector,
      });
      if (!row) throw alreadyPaid(); // another desk or the gateway settled it meanwhile
      const withReceipt = await issueReceipt(trx, row, now);
      await publishPaymentFact(trx, withReceipt);
      await queueOutboxRows(trx, await this.feePaidNotice(trx, withReceipt));
      await recordAudit(trx, actor, {
        action: 'payment.confirm',
        entityType: 'payment',
        entityId: row.id,
        unitCode: dossier.unit_code,
        after: auditJson(withReceipt, dossier.code),
      });
      return withReceipt;
    });
  }

  /** "Fee received, receipt n°…" to the applicant (SMS, and e-mail when given). */
  private feePaidNotice(trx: Db, p: PaymentRow) {
    return feePaidNotice(this.deps.dossiers, trx, p);
  }

  /** The receipt PDF of a payment of a dossier the staff member sees. */
  async staffReceipt(actor: Actor, dossierId: string, paymentId: string) {
    await this.deps.dossiers.get(actor, dossierId);
    return receiptPdf(this.deps.db, dossierId, paymentId);
  }

  /** Payments waiting for reconciliation that the staff member may see. */
  async listUnmatched(actor: Actor, limit = 100): Promise<PaymentViewT[]> {
    const { db } = this.deps;
    const grants = actor.roles.filter((g) => g.role !== 'citizen');
    if (grants.length === 0) throw new ForbiddenError('Chỉ cán bộ mới được truy cập.');
    const global = grants.some((g) => g.unitCode === null);
    let units: string[] | null = null;
    if (!global) {
      const set = new Set<string>();
      for (const g of grants)
        for (const c of await cachedUnitDescendants(db, g.unitCode!, actor.generations)) set.add(c);
      units = [...set];
    }
    // A payment that matched no dossier has no unit yet: every desk officer and administrator
    // may see it, to recognise their citizen's transfer (it shows no personal data).
    const withUnassigned = grants.some((g) => g.role === 'desk_officer' || g.role === 'admin');
    const rows = await repo.unmatched(db, units, withUnassigned, limit);
    return rows.map((r) => paymentView(r, r.dossier_code));
  }

  // ---- The gateway webhook -------------------------------------------------------------

  /** The adapter of a provider, or 404. */
  adapter(provider: string): WebhookAdapter {
    const a = this.deps.adapters[provider];
    if (!a) throw new NotFoundError('Cổng thanh toán này chưa được cấu hình.', 'unknown_provider');
    return a;
  }

  recordGatewayPayment(provider: string, p: GatewayPayment): Promise<WebhookResult> {
    return recordGatewayPayment(this.deps, provider, p, (trx, paid) =>
      this.feePaidNotice(trx, paid),
    );
  }
}

const alreadyPaid = () =>
  new ConflictError('Hồ sơ này đã được xác nhận nộp đủ phí, lệ phí.', 'already_paid');

/** The applicant's "fee received" messages for a confirmed payment with its receipt. */
export async function feePaidNotice(
  dossiers: DossierService,
  trx: Db,
  p: PaymentRow,
): Promise<OutboxMessage[]> {
  if (p.status !== 'confirmed' || !p.dossier_id || !p.receipt_number) return [];
  return dossiers.applicantNotice(trx, p.dossier_id, 'dossier.fee_paid', {
    amount: p.amount,
    receiptNumber: p.receipt_number,
  });
}
