import { type Kysely, type Migration, sql } from 'kysely';

/** Migrations of the payments module (09xx). */
export const paymentsMigrations: Record<string, Migration> = {
  '0900_payments_init': {
    async up(db: Kysely<unknown>) {
      await sql`create table payment_account (
          unit_code text primary key,
          bank_bin text not null check (bank_bin ~ '^[0-9]{6}$'),
          bank_name text not null,
          account_number text not null,
          account_name text not null,
          updated_by uuid,
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create table payment (
          id uuid primary key default gen_random_uuid(),
          dossier_id uuid references dossier (id) deferrable initially immediate,
          unit_code text,
          amount bigint not null check (amount >= 0),
          method text not null check (method in ('cash', 'bank_transfer', 'card', 'gateway')),
          online boolean not null,
          status text not null check (status in ('confirmed', 'unmatched')),
          unmatched_reason text check (unmatched_reason in
            ('no_dossier', 'wrong_amount', 'already_paid', 'not_payable')),
          provider text,
          transaction_id text,
          reference text,
          fee_items jsonb not null default '[]',
          payer_name text,
          paid_at timestamptz not null,
          confirmed_by uuid,
          confirmed_by_name text not null,
          receipt_year integer,
          receipt_seq integer,
          receipt_number text,
          receipt_issued_at timestamptz,
          created_at timestamptz not null default now(),
          check ((status = 'confirmed') = (dossier_id is not null and unmatched_reason is null)),
          unique (provider, transaction_id),
          unique (unit_code, receipt_year, receipt_seq)
        )`.execute(db);
      // Fees are paid in one amount (what is due), so a dossier has at most one confirmed
      // payment: two desks confirming at once, or the desk and a gateway, cannot both settle it.
      await sql`create unique index payment_one_confirmed_idx on payment (dossier_id)
        where status = 'confirmed'`.execute(db);
      await sql`create index payment_dossier_idx on payment (dossier_id)`.execute(db);
      await sql`create index payment_unmatched_idx on payment (created_at)
        where status = 'unmatched'`.execute(db);
      await sql`create table payment_receipt_counter (
          unit_code text not null,
          year integer not null,
          last_seq integer not null,
          primary key (unit_code, year)
        )`.execute(db);
    },
  },
  // Issue 12: paid / paidOnline / paidOn on the dossier fact of every payment already
  // confirmed (after 0506_dossiers_facts, which published the dossiers themselves).
  '0901_payments_facts': {
    async up(db: Kysely<unknown>) {
      await sql`
        insert into fact (kind, subject_id, unit_code, data, updated_at)
        select 'dossier', p.dossier_id::text, '', jsonb_build_object('paid', true,
            'paidOnline', p.online,
            'paidOn', to_char((p.paid_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')),
          now()
        from payment p where p.status = 'confirmed' and p.dossier_id is not null
        on conflict (kind, subject_id) do update
          set data = fact.data || excluded.data, updated_at = now()`.execute(db);
      await sql`insert into fact_pending (kind, subject_id)
        select 'dossier', dossier_id::text from payment
        where status = 'confirmed' and dossier_id is not null`.execute(db);
    },
  },
};
