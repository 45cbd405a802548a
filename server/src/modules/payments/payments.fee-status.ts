// Whether a dossier's fees are paid, and paid online: what `return_result` checks (app.ts
// passes this reader to the dossiers module). The fees due come from the dossiers module's
// public brief, the payment from our own table — no SQL names `dossier` (issue 12). The 766
// index's "fee-bearing dossiers paid online" is no longer computed here: the indicators module
// counts it from the dossier facts (payments.facts.ts publishes paid / paidOnline / paidOn).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { dossierBriefById } from '../dossiers/index.js';

type Db = Kysely<Database>;

export interface DossierPaymentStatus {
  status: 'not_required' | 'unpaid' | 'paid';
  feesDue: number;
  /** null until paid. */
  paidOnline: boolean | null;
  paidAt: Date | null;
}

/** "Paid? Paid online?" for one dossier; null if the dossier does not exist. */
export async function paymentStatusOf(
  db: Db,
  dossierId: string,
): Promise<DossierPaymentStatus | null> {
  const d = await dossierBriefById(db, dossierId);
  if (!d) return null;
  if (d.fees_due <= 0)
    return { status: 'not_required', feesDue: 0, paidOnline: null, paidAt: null };
  const p = await db
    .selectFrom('payment')
    .select(['online', 'paid_at'])
    .where('dossier_id', '=', dossierId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  if (!p) return { status: 'unpaid', feesDue: d.fees_due, paidOnline: null, paidAt: null };
  return { status: 'paid', feesDue: d.fees_due, paidOnline: p.online, paidAt: new Date(p.paid_at) };
}
