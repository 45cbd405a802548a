// Electronic receipts (biên lai điện tử): numbering within the confirming transaction, the
// fee items they list, and the PDF of one.
import { vnDateOf } from '@cqs/shared/calendar/index';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/errors.js';
import { dossierBriefById } from '../dossiers/index.js';
import { cachedUnit } from '../org/index.js';
import { cachedProcedure } from '../procedures/index.js';
import { type ReceiptData, renderReceiptPdf } from './payments.receipt-pdf.js';
import { type PaymentRow, paymentsRepository as repo } from './payments.repository.js';
import { receiptNumber } from './payments.rules.js';

type Db = Kysely<Database>;

/**
 * Numbers the receipt of a confirmed payment, inside the transaction that confirms it: per
 * collecting unit and Vietnam calendar year, gap-free (see nextReceiptSeq).
 */
export async function issueReceipt(trx: Db, row: PaymentRow, now: Date): Promise<PaymentRow> {
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
export async function feeItemsOf(db: Db, procedureId: string, due: number) {
  if (due <= 0) return [];
  try {
    const p = await cachedProcedure(db, procedureId, undefined);
    const items = p.fees
      .filter((f) => f.amount > 0)
      .map((f) => ({ name: f.name, amount: f.amount }));
    if (items.reduce((s, f) => s + f.amount, 0) === due) return items;
  } catch {
    // the procedure was removed: fall back to the total
  }
  return [{ name: 'Phí, lệ phí', amount: due }];
}

/** The receipt PDF of a payment of this dossier; 404 if there is none. */
export async function receiptPdf(db: Db, dossierId: string, paymentId: string) {
  const p = await repo.paymentOfDossier(db, dossierId, paymentId);
  if (!p?.receipt_number) throw new NotFoundError('Không tìm thấy biên lai.', 'receipt_not_found');
  const d = (await dossierBriefById(db, dossierId))!;
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
