import { vnDateOf } from '@cqs/shared/calendar/index';
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
import { type DossierService, dossierForApplicant } from '../dossiers/index.js';
import { findAccountsByIds, holdsOverLineage, requireUnitAdmin } from '../identity/index.js';
import { cachedUnit, cachedUnitDescendants, cachedUnitLineage, unitLineage } from '../org/index.js';
import { cachedProcedure } from '../procedures/index.js';
import { type ReceiptData, renderReceiptPdf } from './payments.receipt-pdf.js';
import {
  type AccountRow,
  type DossierBrief,
  type NewPayment,
  type PaymentRow,
  paymentsRepository as repo,
} from './payments.repository.js';
import type {
  AccountInput,
  ConfirmInput,
  PaymentViewT,
  Proof,
  PublicPayment,
} from './payments.schemas.js';
import type { PaymentMethod, UnmatchedReason } from './payments.tables.js';
import {
  buildVietQrPayload,
  compactCode,
  qrSvgDataUrl,
  transferReference,
  vietQrBank,
} from './payments.vietqr.js';
import type { GatewayPayment, WebhookAdapter } from './payments.webhook.js';

type Db = Kysely<Database>;

/**
 * Paid online, for the 766 index's "Thanh toán trực tuyến" (Quyết định 766/QĐ-TTg,
 * regulations.md §5): a payment the citizen made remotely — through a gateway, or by bank
 * transfer (scanning the VietQR code or typing the details) even when the desk confirms it
 * from the bank statement. Cash and card at the desk are not online.
 */
export const isOnline = (method: PaymentMethod): boolean =>
  method === 'gateway' || method === 'bank_transfer';

/** Statuses after which no fee is collected any more. */
const NOT_PAYABLE = new Set(['refused', 'withdrawn', 'stopped']);
/** How far back the webhook looks for a code whose punctuation a bank app removed. */
const COMPACT_MATCH_DAYS = 400;

export interface PaymentDeps {
  db: Db;
  clock: Clock;
  dossiers: DossierService;
  /** Webhook adapters by provider name (the path segment). */
  adapters: Record<string, WebhookAdapter>;
}

export interface WebhookResult {
  payment: PaymentRow;
  dossierCode: string | null;
  duplicate: boolean;
}

const receiptNumber = (year: number, seq: number) => `BL-${year}-${String(seq).padStart(6, '0')}`;

/** Fees and payments of dossiers: payee accounts, confirmations, receipts. */
export class PaymentService {
  constructor(readonly deps: PaymentDeps) {}

  // ---- Payee accounts ------------------------------------------------------------------

  /** The unit's own account and the one its fees go to (nearest in its lineage). */
  async getAccount(actor: Actor | null, unitCode: string) {
    const { db } = this.deps;
    await requireUnitAdmin(db, actor, unitCode);
    return this.accountView(unitCode);
  }

  /** Sets the unit's own payee account (an administrator of the unit); audited. */
  async putAccount(actor: Actor | null, unitCode: string, input: AccountInput) {
    const { db, clock } = this.deps;
    const a = await requireUnitAdmin(db, actor, unitCode);
    const unit = await cachedUnit(db, unitCode, a.generations);
    if (!unit) throw new NotFoundError(`Không tìm thấy đơn vị mã ${unitCode}.`, 'unit_not_found');
    const bank = vietQrBank(input.bankBin);
    if (!bank)
      throw new ValidationError(
        'Ngân hàng này không nhận chuyển khoản VietQR (mã BIN không có trong danh sách NAPAS).',
        [{ path: 'body.bankBin', message: 'Mã BIN không hợp lệ.' }],
        'unknown_bank',
      );
    const row = {
      unit_code: unitCode,
      bank_bin: bank.bin,
      bank_name: `${bank.shortName} - ${bank.name}`,
      account_number: input.accountNumber,
      account_name: input.accountName.toUpperCase(),
      updated_by: a.id,
      updated_at: clock.now(),
    };
    await db.transaction().execute(async (trx) => {
      const before = (await repo.accountsOf(trx, [unitCode]))[0];
      await repo.upsertAccount(trx, row);
      await recordAudit(trx, a, {
        action: 'payment_account.update',
        entityType: 'payment_account',
        entityId: unitCode,
        unitCode,
        before: before ? accountJson(before) : undefined,
        after: accountJson({ ...row }),
      });
    });
    return this.accountView(unitCode);
  }

  private async accountView(unitCode: string) {
    const lineage = await unitLineage(this.deps.db, unitCode);
    const accounts = await repo.accountsOf(this.deps.db, lineage.length ? lineage : [unitCode]);
    const own = accounts.find((x) => x.unit_code === unitCode) ?? null;
    const effective = nearest(accounts, lineage);
    return {
      unitCode,
      own: own ? accountJson(own) : null,
      effective: effective ? accountJson(effective) : null,
    };
  }

  /** The account a unit's fees are paid to: its own, else the nearest ancestor's. */
  async effectiveAccount(unitCode: string): Promise<AccountRow | null> {
    const lineage = await cachedUnitLineage(this.deps.db, unitCode, undefined);
    return nearest(await repo.accountsOf(this.deps.db, lineage), lineage);
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
    const account = payable ? await this.effectiveAccount(ref.unitCode) : null;
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
      feeItems: confirmed ? confirmed.fee_items : await this.feeItems(ref.procedureId, amount),
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
    return this.receiptOf(ref.id, paymentId);
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
        : await this.feeItems(view.procedure.id, view.feesDue),
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
    const dossier = (await repo.dossierById(db, dossierId))!;
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
    const feeItems = await this.feeItems(dossier.procedure_id, dossier.fees_due);
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
      const withReceipt = await this.issueReceipt(trx, row, now);
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

  /** The receipt PDF of a payment of a dossier the staff member sees. */
  async staffReceipt(actor: Actor, dossierId: string, paymentId: string) {
    await this.deps.dossiers.get(actor, dossierId);
    return this.receiptOf(dossierId, paymentId);
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

  /**
   * Records a payment a gateway reports. Idempotent on (provider, transaction id): a
   * redelivery answers with the first result and stores nothing; two concurrent deliveries
   * meet at the unique index. A payment that cannot settle a dossier (no code in the
   * reference, wrong amount, already paid, not payable) is still stored, as unmatched.
   */
  async recordGatewayPayment(provider: string, p: GatewayPayment): Promise<WebhookResult> {
    const { db, clock } = this.deps;
    const existing = await repo.byTransaction(db, provider, p.transactionId);
    if (existing) return this.result(existing, true);
    const dossier = await this.matchReference(p.reference);
    let reason: UnmatchedReason | null = null;
    if (!dossier) reason = 'no_dossier';
    else if (dossier.fees_due <= 0 || NOT_PAYABLE.has(dossier.status)) reason = 'not_payable';
    else if (p.amount !== dossier.fees_due) reason = 'wrong_amount';
    const actor: Actor = { id: null, name: `Cổng thanh toán ${provider}`, roles: [] };
    const feeItems =
      dossier && !reason ? await this.feeItems(dossier.procedure_id, dossier.fees_due) : [];
    const now = clock.now();
    const base = (status: 'confirmed' | 'unmatched', why: UnmatchedReason | null): NewPayment => ({
      dossier_id: dossier?.id ?? null,
      unit_code: dossier?.unit_code ?? null,
      amount: p.amount,
      method: 'gateway',
      online: true,
      status,
      unmatched_reason: why,
      provider,
      transaction_id: p.transactionId,
      reference: p.reference,
      fee_items: status === 'confirmed' ? feeItems : [],
      payer_name: dossier?.applicant_name ?? null,
      paid_at: p.paidAt,
      confirmed_by: null,
      confirmed_by_name: actor.name,
    });
    return db.transaction().execute(async (trx) => {
      let row = await repo.insertPayment(trx, base(reason ? 'unmatched' : 'confirmed', reason));
      if (!row) {
        // Either a concurrent delivery of this transaction won, or the dossier was settled
        // meanwhile (the one-confirmed-payment index): keep the money on record as unmatched.
        const won = await repo.byTransaction(trx, provider, p.transactionId);
        if (won) return this.result(won, true);
        row = await repo.insertPayment(trx, base('unmatched', 'already_paid'));
        if (!row) {
          const again = await repo.byTransaction(trx, provider, p.transactionId);
          if (again) return this.result(again, true);
          throw new Error('payment insert collided with no visible row');
        }
      }
      if (row.status === 'confirmed') row = await this.issueReceipt(trx, row, now);
      await recordAudit(trx, actor, {
        action: row.status === 'confirmed' ? 'payment.confirm' : 'payment.unmatched',
        entityType: 'payment',
        entityId: row.id,
        unitCode: row.unit_code,
        after: auditJson(row, dossier?.code ?? null),
      });
      return this.result(row, false, dossier?.code ?? null);
    });
  }

  // ---- Helpers -------------------------------------------------------------------------

  private async result(row: PaymentRow, duplicate: boolean, code?: string | null) {
    let dossierCode = code ?? null;
    if (code === undefined && row.dossier_id)
      dossierCode = (await repo.dossierById(this.deps.db, row.dossier_id))?.code ?? null;
    return { payment: row, dossierCode, duplicate };
  }

  /**
   * The dossier a transfer reference names: a word equal to a dossier code; failing that,
   * a code whose letters and digits appear in the reference's (bank apps may drop "." and
   * "-"). Null when none or more than one dossier matches.
   */
  private async matchReference(reference: string): Promise<DossierBrief | null> {
    const { db, clock } = this.deps;
    const words = [
      ...new Set(
        reference
          .toUpperCase()
          .split(/[\s,;:/]+/)
          .filter((w) => w.length >= 6 && w.length <= 80),
      ),
    ].slice(0, 20);
    const exact = await repo.dossiersByCodes(db, words);
    if (exact.length === 1) return exact[0]!;
    if (exact.length > 1) return null;
    const compact = compactCode(reference);
    if (compact.length < 6) return null;
    const since = new Date(clock.now().getTime() - COMPACT_MATCH_DAYS * 86_400_000);
    const found = await repo.dossiersInCompactReference(db, compact, since);
    return found.length === 1 ? found[0]! : null;
  }

  /** Numbers the receipt of a confirmed payment: per collecting unit and Vietnam year. */
  private async issueReceipt(trx: Db, row: PaymentRow, now: Date): Promise<PaymentRow> {
    const year = Number(vnDateOf(now).slice(0, 4));
    const seq = await repo.nextReceiptSeq(trx, row.unit_code!, year);
    return repo.setReceipt(trx, row.id, {
      year,
      seq,
      number: receiptNumber(year, seq),
      issuedAt: now,
    });
  }

  /** The procedure's fee items when they add up to what is due; else one line of the total. */
  private async feeItems(procedureId: string, due: number) {
    if (due <= 0) return [];
    try {
      const p = await cachedProcedure(this.deps.db, procedureId, undefined);
      const items = p.fees
        .filter((f) => f.amount > 0)
        .map((f) => ({ name: f.name, amount: f.amount }));
      if (items.reduce((s, f) => s + f.amount, 0) === due) return items;
    } catch {
      // the procedure was removed: fall back to the total
    }
    return [{ name: 'Phí, lệ phí', amount: due }];
  }

  private async receiptOf(dossierId: string, paymentId: string) {
    const { db } = this.deps;
    const p = await repo.paymentOfDossier(db, dossierId, paymentId);
    if (!p?.receipt_number)
      throw new NotFoundError('Không tìm thấy biên lai.', 'receipt_not_found');
    const d = (await repo.dossierById(db, dossierId))!;
    const unit = await cachedUnit(db, p.unit_code!, undefined);
    const parent = unit?.parentCode ? await cachedUnit(db, unit.parentCode, undefined) : null;
    const data: ReceiptData = {
      parentAgencyName: parent?.fullName ?? parent?.name ?? '',
      agencyName: unit?.fullName ?? unit?.name ?? p.unit_code!,
      place: parent?.name ?? unit?.name ?? '',
      receiptNumber: p.receipt_number,
      issuedAt: p.receipt_issued_at!,
      payerName: p.payer_name ?? d.applicant_name,
      dossierCode: d.code,
      procedureName: d.procedure_name,
      procedureCode: d.procedure_code,
      feeItems: p.fee_items,
      total: p.amount,
      method: p.method,
      provider: p.provider,
      online: p.online,
      paidAt: p.paid_at,
      reference: p.reference,
      transactionId: p.transaction_id,
      collectorName: p.confirmed_by_name,
    };
    return { pdf: await renderReceiptPdf(data), number: p.receipt_number };
  }
}

const alreadyPaid = () =>
  new ConflictError('Hồ sơ này đã được xác nhận nộp đủ phí, lệ phí.', 'already_paid');

function nearest(accounts: AccountRow[], lineage: string[]): AccountRow | null {
  for (const code of lineage) {
    const a = accounts.find((x) => x.unit_code === code);
    if (a) return a;
  }
  return null;
}

function accountJson(a: AccountRow | (Omit<AccountRow, 'updated_at'> & { updated_at: Date })) {
  return {
    unitCode: a.unit_code,
    bankBin: a.bank_bin,
    bankName: a.bank_name,
    accountNumber: a.account_number,
    accountName: a.account_name,
    updatedAt: new Date(a.updated_at).toISOString(),
  };
}

export function paymentView(p: PaymentRow, dossierCode: string | null): PaymentViewT {
  return {
    id: p.id,
    dossierId: p.dossier_id,
    dossierCode,
    amount: p.amount,
    method: p.method,
    online: p.online,
    status: p.status,
    unmatchedReason: p.unmatched_reason,
    provider: p.provider,
    transactionId: p.transaction_id,
    reference: p.reference,
    paidAt: new Date(p.paid_at).toISOString(),
    confirmedByName: p.confirmed_by_name,
    receiptNumber: p.receipt_number,
    receiptIssuedAt: p.receipt_issued_at ? new Date(p.receipt_issued_at).toISOString() : null,
    createdAt: new Date(p.created_at).toISOString(),
  };
}

function auditJson(p: PaymentRow, dossierCode: string | null) {
  return {
    dossierCode,
    amount: p.amount,
    method: p.method,
    online: p.online,
    status: p.status,
    unmatchedReason: p.unmatched_reason,
    provider: p.provider,
    transactionId: p.transaction_id,
    receiptNumber: p.receipt_number,
  };
}
