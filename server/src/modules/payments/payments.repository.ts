// The payments module's SQL, over its own tables only. What it needs of a dossier (code, unit,
// fees due, status, applicant's name) the dossiers module reads (dossiers/index.ts briefs).
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { dossierCodesByIds } from '../dossiers/index.js';
import type { PaymentAccountTable, PaymentTable } from './payments.tables.js';

type Db = Kysely<Database>;
export type PaymentRow = Selectable<PaymentTable>;
export type AccountRow = Selectable<PaymentAccountTable>;

export type { DossierBrief } from '../dossiers/index.js';

const toPayment = (r: PaymentRow): PaymentRow => ({ ...r, amount: Number(r.amount) });

export type NewPayment = Omit<
  PaymentTable,
  | 'id'
  | 'created_at'
  | 'fee_items'
  | 'receipt_year'
  | 'receipt_seq'
  | 'receipt_number'
  | 'receipt_issued_at'
> & { fee_items: { name: string; amount: number }[] };

export const paymentsRepository = {
  /** The payee accounts of these units (callers pick the nearest in the lineage). */
  async accountsOf(db: Db, unitCodes: string[]): Promise<AccountRow[]> {
    if (unitCodes.length === 0) return [];
    return db
      .selectFrom('payment_account')
      .selectAll()
      .where('unit_code', 'in', unitCodes)
      .execute();
  },

  async upsertAccount(db: Db, row: Omit<AccountRow, 'updated_at'> & { updated_at: Date }) {
    await db
      .insertInto('payment_account')
      .values(row)
      .onConflict((oc) =>
        oc.column('unit_code').doUpdateSet({
          bank_bin: row.bank_bin,
          bank_name: row.bank_name,
          account_number: row.account_number,
          account_name: row.account_name,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  },

  async paymentsOfDossier(db: Db, dossierId: string): Promise<PaymentRow[]> {
    const rows = await db
      .selectFrom('payment')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toPayment);
  },

  async paymentOfDossier(db: Db, dossierId: string, paymentId: string): Promise<PaymentRow | null> {
    const r = await db
      .selectFrom('payment')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .where('id', '=', paymentId)
      .executeTakeFirst();
    return r ? toPayment(r) : null;
  },

  async byTransaction(db: Db, provider: string, transactionId: string): Promise<PaymentRow | null> {
    const r = await db
      .selectFrom('payment')
      .selectAll()
      .where('provider', '=', provider)
      .where('transaction_id', '=', transactionId)
      .executeTakeFirst();
    return r ? toPayment(r) : null;
  },

  /**
   * Inserts a payment unless it collides with a unique index (the same provider transaction,
   * or a second confirmed payment of a dossier); null then. `on conflict do nothing` keeps a
   * PostgreSQL transaction usable, so the caller can look for the row that won.
   */
  async insertPayment(db: Db, p: NewPayment): Promise<PaymentRow | null> {
    const r = await db
      .insertInto('payment')
      .values({ ...p, fee_items: JSON.stringify(p.fee_items) })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    return r ? toPayment(r) : null;
  },

  /**
   * The next receipt number of a unit and year. The counter row stays locked until the
   * transaction ends, so concurrent confirmations queue here, and a rollback returns the
   * number: the sequence has no gaps.
   */
  async nextReceiptSeq(db: Db, unitCode: string, year: number): Promise<number> {
    const r = await db
      .insertInto('payment_receipt_counter')
      .values({ unit_code: unitCode, year, last_seq: 1 })
      .onConflict((oc) =>
        oc
          .columns(['unit_code', 'year'])
          .doUpdateSet({ last_seq: sql`payment_receipt_counter.last_seq + 1` }),
      )
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    return r.last_seq;
  },

  async setReceipt(
    db: Db,
    id: string,
    receipt: { year: number; seq: number; number: string; issuedAt: Date },
  ): Promise<PaymentRow> {
    const r = await db
      .updateTable('payment')
      .set({
        receipt_year: receipt.year,
        receipt_seq: receipt.seq,
        receipt_number: receipt.number,
        receipt_issued_at: receipt.issuedAt,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPayment(r);
  },

  /**
   * Payments waiting for reconciliation, newest first: those of dossiers in `unitCodes`
   * (null = every unit) and, when `withUnassigned`, those that matched no dossier.
   */
  async unmatched(
    db: Db,
    unitCodes: string[] | null,
    withUnassigned: boolean,
    limit: number,
  ): Promise<(PaymentRow & { dossier_code: string | null })[]> {
    let q = db.selectFrom('payment').selectAll('payment').where('payment.status', '=', 'unmatched');
    if (unitCodes !== null) {
      q = q.where((eb) => {
        const ors = [];
        if (unitCodes.length > 0) ors.push(eb('payment.unit_code', 'in', unitCodes));
        if (withUnassigned) ors.push(eb('payment.unit_code', 'is', null));
        return ors.length > 0 ? eb.or(ors) : eb.val(false);
      });
    }
    const rows = await q
      .orderBy('payment.created_at', 'desc')
      .orderBy('payment.id')
      .limit(limit)
      .execute();
    // The codes come from the dossiers module (its table is not ours to join).
    const ids = [...new Set(rows.flatMap((r) => (r.dossier_id ? [r.dossier_id] : [])))];
    const codes = await dossierCodesByIds(db, ids);
    return rows.map((r) => ({
      ...toPayment(r),
      dossier_code: r.dossier_id ? (codes.get(r.dossier_id) ?? null) : null,
    }));
  },
};
