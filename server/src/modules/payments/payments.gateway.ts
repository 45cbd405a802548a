// Payments a gateway reports through its webhook: matched to a dossier by the code in the
// transfer reference, recorded once per provider transaction, receipted when they settle
// the dossier, and kept as "unmatched" for staff to reconcile when they cannot.
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import {
  dossierBriefById,
  dossierBriefsByCodes,
  dossierBriefsInCompactReference,
} from '../dossiers/index.js';
import { type OutboxMessage, queueOutboxRows } from '../notifications/index.js';
import { publishPaymentFact } from './payments.facts.js';
import { auditJson } from './payments.present.js';
import { feeItemsOf, issueReceipt } from './payments.receipts.js';
import {
  type DossierBrief,
  type NewPayment,
  type PaymentRow,
  paymentsRepository as repo,
} from './payments.repository.js';
import { NOT_PAYABLE } from './payments.rules.js';
import type { UnmatchedReason } from './payments.tables.js';
import { compactCode } from './payments.vietqr.js';
import type { GatewayPayment } from './payments.webhook.js';

type Db = Kysely<Database>;

/** How far back a reference is matched against codes stripped of their punctuation. */
const COMPACT_MATCH_DAYS = 400;

export interface WebhookResult {
  payment: PaymentRow;
  dossierCode: string | null;
  /** This transaction had been recorded before: nothing new was stored. */
  duplicate: boolean;
}

/**
 * Records a payment a gateway reports. Idempotent on (provider, transaction id): a
 * redelivery answers with the first result and stores nothing; two concurrent deliveries
 * meet at the unique index. A payment that cannot settle a dossier (no code in the
 * reference, not payable, wrong amount, already paid) is still stored, as unmatched: money
 * the gateway was told we received must never be lost.
 */
export async function recordGatewayPayment(
  deps: { db: Db; clock: Clock },
  provider: string,
  p: GatewayPayment,
  /** The applicant's notice of a confirmed payment, queued in the same transaction. */
  noticeOf: (trx: Db, paid: PaymentRow) => Promise<OutboxMessage[]> = async () => [],
): Promise<WebhookResult> {
  const { db, clock } = deps;
  const existing = await repo.byTransaction(db, provider, p.transactionId);
  if (existing) return result(db, existing, true);
  const dossier = await matchReference(db, clock, p.reference);
  let reason: UnmatchedReason | null = null;
  if (!dossier) reason = 'no_dossier';
  else if (dossier.fees_due <= 0 || NOT_PAYABLE.has(dossier.status)) reason = 'not_payable';
  else if (p.amount !== dossier.fees_due) reason = 'wrong_amount';
  const actor: Actor = { id: null, name: `Cổng thanh toán ${provider}`, roles: [] };
  const feeItems =
    dossier && !reason ? await feeItemsOf(db, dossier.procedure_id, dossier.fees_due) : [];
  const now = clock.now();
  const row = (status: 'confirmed' | 'unmatched', why: UnmatchedReason | null): NewPayment => ({
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
    let saved = await repo.insertPayment(trx, row(reason ? 'unmatched' : 'confirmed', reason));
    if (!saved) {
      // Either a concurrent delivery of this transaction won, or the dossier was settled
      // meanwhile (the one-confirmed-payment index): keep the money on record as unmatched.
      const won = await repo.byTransaction(trx, provider, p.transactionId);
      if (won) return result(trx, won, true);
      saved = await repo.insertPayment(trx, row('unmatched', 'already_paid'));
      if (!saved) {
        const again = await repo.byTransaction(trx, provider, p.transactionId);
        if (again) return result(trx, again, true);
        throw new Error('payment insert collided with no visible row');
      }
    }
    if (saved.status === 'confirmed') {
      saved = await issueReceipt(trx, saved, now);
      await publishPaymentFact(trx, saved);
      await queueOutboxRows(trx, await noticeOf(trx, saved));
    }
    await recordAudit(trx, actor, {
      action: saved.status === 'confirmed' ? 'payment.confirm' : 'payment.unmatched',
      entityType: 'payment',
      entityId: saved.id,
      unitCode: saved.unit_code,
      after: auditJson(saved, dossier?.code ?? null),
    });
    return { payment: saved, dossierCode: dossier?.code ?? null, duplicate: false };
  });
}

async function result(db: Db, row: PaymentRow, duplicate: boolean): Promise<WebhookResult> {
  const dossierCode = row.dossier_id
    ? ((await dossierBriefById(db, row.dossier_id))?.code ?? null)
    : null;
  return { payment: row, dossierCode, duplicate };
}

/**
 * The dossier a transfer reference names: a word equal to a dossier code; failing that, a
 * code whose letters and digits appear in the reference's (bank apps may drop "." and "-").
 * Null when none, or more than one, matches.
 */
async function matchReference(db: Db, clock: Clock, reference: string) {
  const words = [
    ...new Set(
      reference
        .toUpperCase()
        .split(/[\s,;:/]+/)
        .filter((w) => w.length >= 6 && w.length <= 80),
    ),
  ].slice(0, 20);
  const exact = await dossierBriefsByCodes(db, words);
  if (exact.length > 0) return exact.length === 1 ? exact[0]! : null;
  const compact = compactCode(reference);
  if (compact.length < 6) return null;
  const since = new Date(clock.now().getTime() - COMPACT_MATCH_DAYS * 86_400_000);
  const found: DossierBrief[] = await dossierBriefsInCompactReference(db, compact, since);
  return found.length === 1 ? found[0]! : null;
}
