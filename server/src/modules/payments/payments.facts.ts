// The payments module's keys of the `dossier` fact (platform/facts/fact-kinds.ts: paid,
// paidOnline, paidOn): published in the transaction that confirms a payment, so the
// indicators count "fee-bearing dossiers paid online" (766 index, regulations.md §5) without
// reading payments' or dossiers' tables.
import { vnDateOf } from '@cqs/shared/calendar/index';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { publishFact } from '../../platform/facts/index.js';
import type { PaymentRow } from './payments.repository.js';

/** Marks the payment's dossier paid (online when by gateway or bank transfer). */
export async function publishPaymentFact(trx: Kysely<Database>, p: PaymentRow): Promise<void> {
  if (p.status !== 'confirmed' || !p.dossier_id) return;
  await publishFact(trx, {
    kind: 'dossier',
    subjectId: p.dossier_id,
    data: { paid: true, paidOnline: p.online, paidOn: vnDateOf(new Date(p.paid_at)) },
  });
}
