// What the indicators read of payments: whether a dossier's fees are paid, and paid online,
// and the 766 index's "share of fee-bearing dossiers paid online" (regulations.md §5,
// Quyết định 766/QĐ-TTg: Thanh toán trực tuyến, 10 points, target 80%).
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

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
  const r = await db
    .selectFrom('dossier')
    .leftJoin('payment', (j) =>
      j.onRef('payment.dossier_id', '=', 'dossier.id').on('payment.status', '=', 'confirmed'),
    )
    .select(['dossier.fees_due', 'payment.online', 'payment.paid_at'])
    .where('dossier.id', '=', dossierId)
    .executeTakeFirst();
  if (!r) return null;
  const feesDue = Number(r.fees_due);
  if (feesDue <= 0) return { status: 'not_required', feesDue: 0, paidOnline: null, paidAt: null };
  if (r.online === null) return { status: 'unpaid', feesDue, paidOnline: null, paidAt: null };
  return { status: 'paid', feesDue, paidOnline: r.online, paidAt: new Date(r.paid_at!) };
}

export interface OnlinePaymentShare {
  /** Dossiers with fees received in the period (by their receiving unit). */
  feeBearing: number;
  /** …of which paid, and paid online (gateway or bank transfer). */
  paid: number;
  paidOnline: number;
  /** paidOnline / feeBearing; null when there is no fee-bearing dossier. */
  share: number | null;
}

/**
 * Fee-bearing dossiers received by these units in [from, to) that were paid online, over all
 * fee-bearing dossiers received there then. The denominator counts unpaid ones too: a dossier
 * whose fee is still to be paid, or was paid at the desk, is not paid online.
 */
export async function onlinePaymentShare(
  db: Db,
  q: { unitCodes: string[]; from: Date; to: Date },
): Promise<OnlinePaymentShare> {
  if (q.unitCodes.length === 0) return { feeBearing: 0, paid: 0, paidOnline: 0, share: null };
  const r = await db
    .selectFrom('dossier')
    .leftJoin('payment', (j) =>
      j.onRef('payment.dossier_id', '=', 'dossier.id').on('payment.status', '=', 'confirmed'),
    )
    .select([
      sql<number>`count(*)::int`.as('fee_bearing'),
      sql<number>`count(payment.id)::int`.as('paid'),
      sql<number>`count(*) filter (where payment.online)::int`.as('paid_online'),
    ])
    .where('dossier.unit_code', 'in', q.unitCodes)
    .where('dossier.fees_due', '>', 0)
    .where('dossier.received_at', '>=', q.from)
    .where('dossier.received_at', '<', q.to)
    .executeTakeFirstOrThrow();
  const feeBearing = Number(r.fee_bearing);
  const paidOnline = Number(r.paid_online);
  return {
    feeBearing,
    paid: Number(r.paid),
    paidOnline,
    share: feeBearing === 0 ? null : paidOnline / feeBearing,
  };
}
