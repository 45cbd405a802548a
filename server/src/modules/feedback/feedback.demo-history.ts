// The demo's year of satisfaction ratings and petitions (issue 12 deliver 7): about a third of
// the returned demo dossiers the caller passes (the dossiers module's history) are rated —
// mostly satisfied, a little more so as the year goes on — and one in fifteen of those gets a
// petition, answered within the 15-working-day limit (≈ 21 calendar days) except a few late.
// Set-based (unnest of the given rows); each row publishes its `rating` / `petition` fact
// (platform/facts publishFactsSql) exactly as feedback.facts.ts does for live ones.
// Deterministic (choices from the dossier's index k), idempotent (skipped when a demo rating
// exists), marked "Dữ liệu minh họa".
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { publishFactsSql } from '../../platform/facts/index.js';
import { SATISFIED_MIN_SCORE } from './feedback.rules.js';

const NOTE = 'Dữ liệu minh họa';

/** A returned dossier to rate (structurally the dossiers module's DemoDossierRef). */
export interface FeedbackDemoDossier {
  id: string;
  code: string;
  unitCode: string;
  procedureId: string;
  procedureCode: string;
  procedureName: string;
  returnedAt: Date;
  k: number;
}

const vnDay = (col: string) =>
  sql.raw(`to_char((${col} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`);

export async function seedDemoHistory(
  trx: Transaction<Database>,
  opts: { dossiers: FeedbackDemoDossier[] },
): Promise<{ ratings: number; petitions: number }> {
  const ds = opts.dossiers.filter((d) => d.k % 3 === 0);
  if (ds.length === 0) return { ratings: 0, petitions: 0 };
  const seeded =
    await sql`select 1 from dossier_rating where comment like ${`${NOTE}%`} limit 1`.execute(trx);
  if (seeded.rows.length > 0) return { ratings: 0, petitions: 0 };
  const src = sql`select * from unnest(
      ${ds.map((d) => d.id)}::uuid[], ${ds.map((d) => d.code)}::text[],
      ${ds.map((d) => d.unitCode)}::text[], ${ds.map((d) => d.procedureId)}::uuid[],
      ${ds.map((d) => d.procedureCode)}::text[], ${ds.map((d) => d.procedureName)}::text[],
      ${ds.map((d) => d.returnedAt.toISOString())}::timestamptz[], ${ds.map((d) => d.k)}::int[])
    as s(dossier_id, dossier_code, unit_code, procedure_id, procedure_code, procedure_name,
         returned_at, k)`;
  // Score from a hash of k: ~55% 5, ~28% 4, ~10% 3, the rest 2 or 1.
  const r = await sql`
    insert into dossier_rating (id, dossier_id, dossier_code, unit_code, procedure_id,
      procedure_code, score, comment, created_at)
    select md5('cqs-demo-rating:' || k)::uuid, dossier_id, dossier_code, unit_code, procedure_id,
      procedure_code,
      case when h < 55 then 5 when h < 83 then 4 when h < 93 then 3 when h < 97 then 2 else 1 end,
      ${`${NOTE}.`}, returned_at + interval '2 hours'
    from (select s.*, (k * 7919 + k / 7) % 100 as h from (${src}) s) t
    on conflict do nothing`.execute(trx);
  await publishFactsSql(
    trx,
    'rating',
    sql`select id as subject_id, unit_code, jsonb_build_object('ratedOn', ${vnDay('created_at')},
          'about', 'dossier', 'score', score, 'satisfied', score >= ${SATISFIED_MIN_SCORE}) as data
        from dossier_rating where comment = ${`${NOTE}.`}`,
  );
  const p = await sql`
    insert into dossier_petition (id, number, dossier_id, dossier_code, unit_code, procedure_id,
      procedure_name, dossier_status, content, contact_phone, status, ack_due_at, due_at,
      accepted_at, answered_at, answer, answered_by_name, created_at, updated_at)
    select md5('cqs-demo-petition:' || k)::uuid,
      'KN-' || to_char(at_ + interval '7 hours', 'YYMMDD') || '-' || lpad(k::text, 4, '0'),
      dossier_id, dossier_code, unit_code, procedure_id, procedure_name, 'returned',
      ${`${NOTE}: đề nghị giải thích thêm về thời gian trả kết quả.`},
      '09' || lpad((k * 104729 % 100000000)::text, 8, '0'), 'answered',
      at_ + interval '2 days', at_ + interval '21 days', at_ + interval '1 day',
      at_ + make_interval(days => case when k % 7 = 0 then 24 else 3 + k % 15 end),
      ${`${NOTE}: đã trả lời người yêu cầu.`}, 'Cán bộ tiếp nhận (' || ${NOTE} || ')',
      at_, at_ + make_interval(days => case when k % 7 = 0 then 24 else 3 + k % 15 end)
    from (select s.*, s.returned_at + interval '1 day' as at_ from (${src}) s
          where s.k % 45 = 0 and s.returned_at < now() - interval '30 days') t
    on conflict do nothing`.execute(trx);
  await publishFactsSql(
    trx,
    'petition',
    sql`select id as subject_id, unit_code, jsonb_build_object('receivedOn', ${vnDay('created_at')},
          'status', status, 'handledOn', ${vnDay('answered_at')},
          'onTime', answered_at <= due_at) as data
        from dossier_petition where answer = ${`${NOTE}: đã trả lời người yêu cầu.`}`,
  );
  return { ratings: Number(r.numAffectedRows ?? 0), petitions: Number(p.numAffectedRows ?? 0) };
}
