// The demo's year of fee payments (issue 12 deliver 7): every fee-bearing demo dossier the
// caller passes (the dossiers module's history) is paid in full — at the desk in cash, or
// online (gateway for most online submissions, bank transfer for some desk ones), the online
// part growing with the online channel. Set-based (unnest); each payment publishes the
// payments keys of its `dossier` fact (paid, paidOnline, paidOn) as payments.facts.ts does.
// Deterministic, idempotent (skipped when a demo payment exists), marked "Dữ liệu minh họa".
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { publishFactsSql } from '../../platform/facts/index.js';

const NOTE = 'Dữ liệu minh họa';

/** A fee-bearing dossier to pay (structurally the dossiers module's DemoFeeDossier). */
export interface PaymentDemoDossier {
  id: string;
  unitCode: string;
  feesDue: number;
  channel: string;
  paidAt: Date;
}

export async function seedDemoHistory(
  trx: Transaction<Database>,
  opts: { dossiers: PaymentDemoDossier[] },
): Promise<{ payments: number }> {
  const ds = opts.dossiers;
  if (ds.length === 0) return { payments: 0 };
  const seeded = await sql`select 1 from payment where reference = ${NOTE} limit 1`.execute(trx);
  if (seeded.rows.length > 0) return { payments: 0 };
  const r = await sql`
    insert into payment (id, dossier_id, unit_code, amount, method, online, status, fee_items,
      payer_name, paid_at, confirmed_by_name, reference, created_at)
    select md5('cqs-demo-payment:' || i)::uuid, dossier_id, unit_code, amount, method,
      method <> 'cash', 'confirmed',
      jsonb_build_array(jsonb_build_object('name', 'Phí, lệ phí', 'amount', amount)),
      'Người nộp (' || ${NOTE} || ')', paid_at, 'Hệ thống (' || ${NOTE} || ')', ${NOTE}, paid_at
    from (
      select s.*, case when channel = 'online' and i % 10 < 8 then 'gateway'
                       when i % 10 = 9 then 'bank_transfer' else 'cash' end as method
      from unnest(${ds.map((d) => d.id)}::uuid[], ${ds.map((d) => d.unitCode)}::text[],
                  ${ds.map((d) => d.feesDue)}::bigint[], ${ds.map((d) => d.channel)}::text[],
                  ${ds.map((d) => d.paidAt.toISOString())}::timestamptz[])
        with ordinality as s(dossier_id, unit_code, amount, channel, paid_at, i)
    ) t
    on conflict do nothing`.execute(trx);
  await publishFactsSql(
    trx,
    'dossier',
    sql`select dossier_id as subject_id, '' as unit_code, jsonb_build_object('paid', true,
          'paidOnline', online,
          'paidOn', to_char((paid_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')) as data
        from payment where reference = ${NOTE}`,
  );
  return { payments: Number(r.numAffectedRows ?? 0) };
}
