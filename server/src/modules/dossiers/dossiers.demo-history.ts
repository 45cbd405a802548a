// The demo's year of one-stop history (issue 12 deliver 7): dossiers of Long Xuyên's 12 wards
// over the 12 months up to yesterday, set-based (insert … select … generate_series), with the
// distributions the benchmark data uses (dossiers.distributions.ts, shared with
// bench/dossier-bulk.ts) — the wards' and procedures' weights, names, ~60/35/5
// direct/online/postal, office hours, ~95% final, a few % late — plus a visible shape: the
// online share rises (≈25% → 45%) and lateness falls (≈7% → 1.5%) over the year. Each dossier
// publishes its `dossier` fact (platform/facts publishFactsSql), so the indicators count it
// exactly as live work. Deterministic (setseed, ids from md5 of the index), idempotent (the
// first id present = already seeded), marked "Dữ liệu minh họa"; applicants are invented
// names with fake 09xx phones and no ID number.
import { sql, type Transaction } from 'kysely';
import { systemClock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { publishFactsSql } from '../../platform/facts/index.js';
import { OrgService } from '../org/index.js';
import { listAllProcedures } from '../procedures/index.js';
import {
  DEMO_WARDS,
  GIVEN_NAMES,
  lowerBounds,
  MIDDLE_NAMES,
  procedureWeight,
  SURNAMES,
} from './dossiers.distributions.js';
import { dossierRowFact, factOnlineLevel } from './dossiers.facts.js';

export const DEMO_NOTE = 'Dữ liệu minh họa';

export interface DemoHistoryOptions {
  /** "Now": the history ends the day before. */
  now: Date;
  /** Dossiers to generate over the year. */
  dossiers?: number;
}

/** A fee-bearing demo dossier, for the payments module's history. */
export interface DemoFeeDossier {
  id: string;
  unitCode: string;
  feesDue: number;
  channel: string;
  /** When it was finished (paid by then), or received when still open. */
  paidAt: Date;
}

/** A returned demo dossier (every tenth), for the feedback module's ratings and petitions. */
export interface DemoDossierRef {
  id: string;
  code: string;
  unitCode: string;
  procedureId: string;
  procedureCode: string;
  procedureName: string;
  returnedAt: Date;
  /** The dossier's index in the generation (a stable seed for the feedback's choices). */
  k: number;
}

const vnDate = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const firstId = sql`md5('cqs-demo-dossier:1')::uuid`;

/** Event paths per kind of dossier: [path, seq, action, from, to] (as bench/dossier-bulk.ts). */
const PATHS: [string, number, string, string | null, string][] = [
  ['R', 1, 'receive', null, 'received'],
  ['R', 2, 'assign', 'received', 'in_progress'],
  ['R', 3, 'finish', 'in_progress', 'processed'],
  ['R', 4, 'approve', 'processed', 'processed'],
  ['R', 5, 'return_result', 'processed', 'returned'],
  ['P', 1, 'receive', null, 'received'],
  ['P', 2, 'assign', 'received', 'in_progress'],
  ['P', 3, 'finish', 'in_progress', 'processed'],
  ['I', 1, 'receive', null, 'received'],
  ['I', 2, 'assign', 'received', 'in_progress'],
  ['N', 1, 'receive', null, 'received'],
  ['F', 1, 'receive', null, 'received'],
  ['F', 2, 'assign', 'received', 'in_progress'],
  ['F', 3, 'refuse', 'in_progress', 'refused'],
  ['W', 1, 'receive', null, 'received'],
  ['W', 2, 'withdraw', 'received', 'withdrawn'],
];

/**
 * Generates the year of dossiers (with their events and facts) unless already there.
 * Returns how many were added and the fee-bearing ones (for payments).
 */
export async function seedDemoHistory(
  trx: Transaction<Database>,
  opts: DemoHistoryOptions,
): Promise<{ added: number; feeDossiers: DemoFeeDossier[]; returned: DemoDossierRef[] }> {
  const seeded = await sql`select 1 from dossier where id = ${firstId}`.execute(trx);
  if (seeded.rows.length > 0) return { added: 0, feeDossiers: [], returned: [] };
  const n = opts.dossiers ?? 8_000;
  const procs = await listAllProcedures(trx, { status: 'active' });
  if (procs.length === 0) return { added: 0, feeDossiers: [], returned: [] };
  const weights = procs.map(procedureWeight);
  const org = new OrgService(trx, systemClock);
  const agencyKeys: string[] = [];
  for (const [code] of DEMO_WARDS) {
    const u = await org.get(code);
    agencyKeys.push(u.agencyId ?? u.code);
  }
  const today = vnDate(opts.now);
  const first = new Date(`${today}T00:00:00Z`);
  first.setUTCFullYear(first.getUTCFullYear() - 1);
  const start = first.toISOString().slice(0, 10);
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - first.getTime()) / 86_400_000);
  const now = opts.now;
  const arr = <T>(xs: T[], type: string) => sql`${xs}::${sql.raw(type)}[]`;
  const pick = <T>(xs: T[], type: string) => sql`(${arr(xs, type)})[pi]`;
  const paths = sql.join(
    PATHS.map(([p, s, a, f, t]) => sql`(${p}, ${s}::int, ${a}, ${f}::text, ${t})`),
  );
  const iso = (col: string) =>
    sql.raw(`to_char((${col}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  await sql`select setseed(0.2026)`.execute(trx);
  await sql`drop table if exists demo_dossier_b`.execute(trx);
  // Every attribute decided in one temporary table; `frac` is the day's place in the year.
  await sql`
    create temp table demo_dossier_b on commit drop as
    with cand as (
      select g, ${start}::date + 1 + floor(random() * ${days - 1})::int as day,
             random() as r_ch, random() as r_keep, random() as r_tod, random() as r_tod2
      from generate_series(1, ${Math.ceil(n * 1.5)}) g
    ), acc as (
      select *, extract(isodow from day)::int as dow,
        (day - ${start}::date)::float8 / ${days} as frac from cand
    ), ch as (
      select *, case when r_ch < 0.05 then 'postal' when r_ch < 0.30 + 0.20 * frac then 'online'
                     else 'direct' end as channel from acc
    ), kept as (
      -- Desks work Monday–Friday (a few on Saturday morning); online comes any day.
      select *, row_number() over (order by g) as k from ch
      where r_keep < case when dow <= 5 then 1.0
                          when channel = 'online' then 0.45 when dow = 6 then 0.12 else 0.03 end
    ), x as (
      select k, day, frac, channel,
        md5('cqs-demo-dossier:' || k)::uuid as id,
        day + case when channel = 'online' then make_interval(mins => (360 + r_tod2 * 1020)::int)
                   when r_tod < 0.55 then make_interval(mins => (420 + power(r_tod2, 1.4) * 270)::int)
                   else make_interval(mins => (780 + power(r_tod2, 1.2) * 240)::int) end as local_ts,
        width_bucket(random(), ${arr(lowerBounds(DEMO_WARDS.map((u) => u[1])), 'float8')}) as ui,
        width_bucket(random(), ${arr(lowerBounds(weights), 'float8')}) as pi,
        width_bucket(random(), ${arr(lowerBounds(SURNAMES.map((s) => s[1])), 'float8')}) as si,
        1 + floor(random() * ${MIDDLE_NAMES.length})::int as mi,
        1 + floor(random() * ${GIVEN_NAMES.length})::int as gi,
        random() as r_stat, random() as r_stat2, random() as r_late, random() as r_fin,
        random() as r_ret, random() as r_x
      from kept where k <= ${n}
    ), y as (
      select x.*, (local_ts - interval '7 hours') at time zone 'UTC' as received_at,
        (${arr(
          DEMO_WARDS.map((u) => u[0]),
          'text',
        )})[ui] as unit_code, (${arr(agencyKeys, 'text')})[ui] as agency_key,
        ${pick(
          procs.map((p) => p.id),
          'uuid',
        )} as procedure_id, ${pick(
          procs.map((p) => p.code),
          'text',
        )} as procedure_code,
        ${pick(
          procs.map((p) => p.name),
          'text',
        )} as procedure_name,
        ${pick(
          procs.map((p) => factOnlineLevel(p.onlineLevel)),
          'text',
        )} as online_level,
        ${pick(
          procs.map((p) => p.fees.reduce((s, f) => s + Number(f.amount), 0)),
          'bigint',
        )} as fees_due,
        ${pick(
          procs.map((p) =>
            p.processingTime.unit === 'working_hours' ? 1 : p.processingTime.value,
          ),
          'float8',
        )} as pt_days,
        (${arr(
          SURNAMES.map((s) => s[0]),
          'text',
        )})[si] || ' ' || (${arr(MIDDLE_NAMES, 'text')})[mi] || ' '
          || (${arr(GIVEN_NAMES, 'text')})[gi] as person,
        '09' || lpad((k * 7919 % 100000000)::text, 8, '0') as phone,
        (${today}::date - day) as age
      from x
    ), z as (
      select y.*,
        ((day + ceil(pt_days * 7 / 5)::int) + time '17:00' - interval '7 hours') at time zone 'UTC'
          as due_at,
        case when r_stat < (case when age <= 3 then 0.95 when age <= 14 then 0.7
                                 when age <= 45 then 0.3 else 0.01 end)
          then case when r_stat2 < 0.3 then 'N' when r_stat2 < 0.8 then 'I' else 'P' end
          else case when r_stat2 < 0.95 then 'R' when r_stat2 < 0.98 then 'F' else 'W' end
        end as path
      from y
    ), v as (
      select z.*,
        least(received_at + make_interval(mins => (5 + r_x * 120)::int),
              greatest(received_at, ${now}::timestamptz - interval '4 hours')) as assigned_at,
        case when path in ('R', 'P') then greatest(received_at + interval '10 minutes', least(
          -- Lateness falls over the year: ~7% in the first month, ~1.5% in the last.
          case when r_late < 0.07 - 0.055 * frac
                 then due_at + make_interval(mins => (120 + r_fin * 5760)::int)
               else received_at + (due_at - received_at) * (0.2 + 0.75 * r_fin) end,
          ${now}::timestamptz - interval '3 hours')) end as finished_at
      from z
    )
    select v.*,
      case when finished_at is null then null when finished_at > due_at then 'late'
           when (finished_at + interval '7 hours')::date < (due_at + interval '7 hours')::date
             then 'early' else 'on_time' end as outcome,
      case when path = 'R' then greatest(finished_at + interval '10 minutes', least(
        finished_at + make_interval(mins => (200 + power(r_ret, 2) * 2880)::int),
        ${now}::timestamptz - interval '1 hour')) end as returned_at,
      case when path = 'R' then (case when channel = 'online' and r_ret < 0.3 + 0.5 * frac
        then 'electronic' when r_ret < 0.9 then 'direct' else 'postal' end) end as return_method,
      case when path in ('F', 'W') then received_at + make_interval(mins => (60 + r_x * 2880)::int)
      end as closed_at,
      to_char(day, 'YYYY-MM-DD') as day_key,
      row_number() over (partition by agency_key, day order by received_at, k)
        + coalesce((select c.last_seq from dossier_code_counter c
                    where c.agency_key = v.agency_key and c.day = to_char(v.day, 'YYYY-MM-DD')), 0)
        as seq
    from v`.execute(trx);

  const status = sql`case path when 'R' then 'returned' when 'P' then 'processed'
    when 'I' then 'in_progress' when 'N' then 'received' when 'F' then 'refused' else 'withdrawn' end`;
  const ins = await sql`
    insert into dossier (id, code, procedure_id, procedure_code, procedure_name, unit_code,
      handling_unit_code, channel, applicant, applicant_name, applicant_phone, form_data, fees_due,
      status, received_at, due_at, original_due_at, step_plan, due_soon_at, overdue_at,
      assignee_id, finished_at, outcome, approved_at, returned_at, return_method, result_summary,
      version, created_by, created_at, updated_at)
    select id, agency_key || '-' || to_char(day, 'YYMMDD') || '-' || lpad(seq::text, 4, '0'),
      procedure_id, procedure_code, procedure_name, unit_code, unit_code, channel,
      jsonb_build_object('type', 'individual', 'fullName', person, 'phone', phone,
        'address', jsonb_build_object('line', 'Khóm ' || (1 + k % 9) || ' (' || ${DEMO_NOTE} || ')',
          'unitCode', unit_code)),
      person, phone, '{}'::jsonb, fees_due, ${status}, received_at, due_at, due_at, '[]'::jsonb,
      case when path in ('N', 'I') and due_at < ${now}::timestamptz + interval '1 day'
             then least(due_at - interval '1 hour', ${now}::timestamptz)
           when finished_at > due_at then due_at - interval '1 hour' end,
      case when (path in ('N', 'I') and due_at < ${now}::timestamptz) or finished_at > due_at
             then due_at + interval '1 minute' end,
      null, finished_at, outcome,
      case when path = 'R' then finished_at + interval '5 minutes' end, returned_at, return_method,
      case when finished_at is not null
        then ${`${DEMO_NOTE}: đã giải quyết theo đề nghị của người yêu cầu.`} end,
      (select count(*) from (values ${paths}) p(path, seq, action, f, t) where p.path = b.path),
      null, received_at,
      coalesce(returned_at, closed_at, finished_at,
               case when path <> 'N' then assigned_at end, received_at)
    from demo_dossier_b b order by received_at`.execute(trx);

  await sql`
    insert into dossier_event (dossier_id, seq, action, from_status, to_status, actor_id,
      actor_name, unit_code, occurred_at, reason, payload)
    select b.id, p.seq, p.action, p.f, p.t, null, 'Cán bộ (' || ${DEMO_NOTE} || ')', b.unit_code,
      case p.action when 'receive' then b.received_at when 'assign' then b.assigned_at
        when 'finish' then b.finished_at when 'approve' then b.finished_at + interval '5 minutes'
        when 'return_result' then b.returned_at else b.closed_at end,
      ${DEMO_NOTE} || case p.action when 'finish' then ': đã giải quyết.'
        when 'refuse' then ': hồ sơ không đủ điều kiện giải quyết.'
        when 'withdraw' then ': người yêu cầu xin rút hồ sơ.' else '.' end,
      case p.action
        when 'receive' then jsonb_build_object('channel', b.channel, 'dueAt', ${iso('b.due_at')},
                                               'receivedAt', ${iso('b.received_at')})
        when 'finish' then jsonb_build_object('outcome', b.outcome, 'resultFileId', null)
        when 'return_result' then jsonb_build_object('method', b.return_method)
        else '{}'::jsonb end
    from demo_dossier_b b join (values ${paths}) p(path, seq, action, f, t) on p.path = b.path
    order by b.received_at, b.id, p.seq`.execute(trx);

  await sql`
    insert into dossier_code_counter (agency_key, day, last_seq)
    select agency_key, day_key, max(seq) from demo_dossier_b group by agency_key, day_key
    on conflict (agency_key, day) do update
      set last_seq = greatest(dossier_code_counter.last_seq, excluded.last_seq)`.execute(trx);

  // The facts, exactly the keys a live dossier publishes (dossiers.facts.ts); no files were
  // attached, so none is digitised.
  await publishFactsSql(
    trx,
    'dossier',
    sql`select d.id as subject_id, d.unit_code, ${dossierRowFact('d')} || jsonb_build_object(
          'onlineLevel', b.online_level, 'digitised', false) as data
        from dossier d join demo_dossier_b b on b.id = d.id`,
  );

  const fee = await sql<{
    id: string;
    unit_code: string;
    fees_due: string;
    channel: string;
    paid_at: Date;
  }>`select id, unit_code, fees_due, channel, coalesce(finished_at, received_at) as paid_at
     from demo_dossier_b where fees_due > 0 and path in ('R', 'P', 'I') order by k`.execute(trx);
  const ret = await sql<{
    id: string;
    code: string;
    unit_code: string;
    procedure_id: string;
    procedure_code: string;
    procedure_name: string;
    returned_at: Date;
    k: string;
  }>`select d.id, d.code, d.unit_code, d.procedure_id, d.procedure_code, d.procedure_name,
       d.returned_at, b.k from demo_dossier_b b join dossier d on d.id = b.id
     where b.path = 'R' and b.k % 10 = 0 order by b.k`.execute(trx);
  return {
    added: Number(ins.numAffectedRows ?? 0),
    returned: ret.rows.map((r) => ({
      id: r.id,
      code: r.code,
      unitCode: r.unit_code,
      procedureId: r.procedure_id,
      procedureCode: r.procedure_code,
      procedureName: r.procedure_name,
      returnedAt: new Date(r.returned_at),
      k: Number(r.k),
    })),
    feeDossiers: fee.rows.map((r) => ({
      id: r.id,
      unitCode: r.unit_code,
      feesDue: Number(r.fees_due),
      channel: r.channel,
      paidAt: new Date(r.paid_at),
    })),
  };
}
