// Benchmark data: fills the dossier tables up to N dossiers with realistic distributions,
// set-based (insert … select … from generate_series, one transaction per batch of ~50k rows,
// each batch in received_at order), on the database the server would open.
//
// Usage (DATABASE_URL for PostgreSQL, otherwise the embedded database in DATA_DIR):
//   node --import tsx bench/dossier-bulk.ts --count 1000000 [--batch 50000] [--months 24]
//
// --count is the TOTAL the dossier table should hold afterwards: rows already there (an earlier
// run, or dossiers the lifecycle benchmark created) count, so 0 → 100k → 1M is incremental.
//
// What the rows look like:
// - received over the last --months months, never today (so their codes can never meet the
//   codes the live benchmark gets today), weekdays and office hours for desk/postal dossiers
//   (online ones also in the evening and at weekends);
// - the 12 wards and communes of Long Xuyên (30280…30313), weighted unevenly, procedures
//   and names as the demo's history has them (server dossiers.distributions.ts);
// - procedures from the demo catalogue, skewed (a handful are most of the volume);
// - channel ~60% direct / 35% online / 5% postal;
// - ~95% final (mostly returned; some refused, withdrawn, stopped), the rest open — open ones
//   are mostly recent; due_at = received + the procedure's processing time (working days
//   approximated as calendar days × 7/5, weekends skipped); ~1.5% of finished ones late;
// - codes `{agencyId}-{yymmdd}-{seq:4}` numbered on top of dossier_code_counter, which is
//   advanced too, so codes are unique and the counters stay consistent;
// - one dossier_event per action of the dossier's path (returned: receive, assign, finish,
//   approve, return_result), version = number of events.
// Then VACUUM ANALYZE of the dossier tables (the embedded server does that nightly).
import { sql } from 'kysely';
import { openAndMigrate } from '../server/src/app.js';
import { seedDemo } from '../server/src/demo.js';
import {
  DEMO_WARDS,
  GIVEN_NAMES,
  lowerBounds,
  MIDDLE_NAMES,
  procedureWeight,
  SURNAMES,
} from '../server/src/modules/dossiers/index.js';
import { IdentityService } from '../server/src/modules/identity/index.js';
import { OrgService } from '../server/src/modules/org/index.js';
import { systemClock } from '../server/src/platform/clock.js';
import { loadConfig } from '../server/src/platform/config.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const target = arg('count', 100_000);
const batchSize = arg('batch', 50_000);
const months = arg('months', 24);

const UNITS = DEMO_WARDS;
const MIDDLE = MIDDLE_NAMES;
const GIVEN = GIVEN_NAMES;
const STREETS = [
  'Trần Hưng Đạo',
  'Hà Hoàng Hổ',
  'Lý Thái Tổ',
  'Nguyễn Trãi',
  'Tôn Đức Thắng',
  'Hùng Vương',
  'Lê Lợi',
  'Phan Đình Phùng',
  'Trần Quang Khải',
  'Nguyễn Huệ',
  'Bùi Văn Danh',
  'Ung Văn Khiêm',
];

/** Local (UTC+07:00) calendar date of an instant, as YYYY-MM-DD. */
const localDate = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

const config = loadConfig(process.env);
const db = await openAndMigrate(config, 'bench dossier-bulk');
const k = db.kysely;
const t0 = performance.now();
await seedDemo(k, new IdentityService(k, systemClock), config.publicUrl);

// The catalogue and the people the rows refer to.
const procs = (
  await sql<{
    id: string;
    code: string;
    name: string;
    level: string;
    ptv: string;
    ptu: string;
    fees: { amount: number }[];
    components: { key: string; formSchema: unknown }[];
    steps: { order: number; name: string; role: string }[];
  }>`select id, code, name, level, processing_time_value as ptv, processing_time_unit as ptu,
       fees, components, steps from procedure where status = 'active' order by code`.execute(k)
).rows;
if (procs.length === 0) throw new Error('no active procedures (demo catalogue missing?)');
const procWeights = procs.map(procedureWeight);
const users = new Map(
  (
    await sql<{ id: string; username: string }>`select id, username from app_user
      where username in ('motcua.mybinh', 'chuyenvien.mybinh', 'lanhdao.mybinh')`.execute(k)
  ).rows.map((u) => [u.username, u.id]),
);
const org = new OrgService(k, systemClock);
const agencyKeys: string[] = [];
for (const [code] of UNITS) {
  const u = await org.get(code);
  agencyKeys.push(u.agencyId ?? u.code); // exactly what the receipt path numbers under
}

const existing = Number(
  (await sql<{ n: string }>`select count(*) as n from dossier`.execute(k)).rows[0]!.n,
);
const toAdd = Math.max(0, target - existing);
console.log(
  `dossier-bulk: ${db.kind}, ${existing} dossiers stored, target ${target} → adding ${toAdd}` +
    ` (${procs.length} procedures, batches of ${batchSize})`,
);

const now = new Date();
const today = localDate(now);
const firstDay = new Date(`${today}T00:00:00Z`);
firstDay.setUTCMonth(firstDay.getUTCMonth() - months);
const start = firstDay.toISOString().slice(0, 10);
const totalDays = Math.round((Date.parse(`${today}T00:00:00Z`) - firstDay.getTime()) / 86_400_000);
const batches = Math.ceil(toAdd / batchSize);

// Event paths per kind of dossier: [path, seq, action, from, to, who].
const PATHS: [string, number, string, string | null, string, 'desk' | 'spec' | 'lead'][] = [
  ['R', 1, 'receive', null, 'received', 'desk'],
  ['R', 2, 'assign', 'received', 'in_progress', 'desk'],
  ['R', 3, 'finish', 'in_progress', 'processed', 'spec'],
  ['R', 4, 'approve', 'processed', 'processed', 'lead'],
  ['R', 5, 'return_result', 'processed', 'returned', 'desk'],
  ['PA', 1, 'receive', null, 'received', 'desk'],
  ['PA', 2, 'assign', 'received', 'in_progress', 'desk'],
  ['PA', 3, 'finish', 'in_progress', 'processed', 'spec'],
  ['PA', 4, 'approve', 'processed', 'processed', 'lead'],
  ['P', 1, 'receive', null, 'received', 'desk'],
  ['P', 2, 'assign', 'received', 'in_progress', 'desk'],
  ['P', 3, 'finish', 'in_progress', 'processed', 'spec'],
  ['I', 1, 'receive', null, 'received', 'desk'],
  ['I', 2, 'assign', 'received', 'in_progress', 'desk'],
  ['A', 1, 'receive', null, 'received', 'desk'],
  ['A', 2, 'assign', 'received', 'in_progress', 'desk'],
  ['A', 3, 'request_completion', 'in_progress', 'awaiting_completion', 'spec'],
  ['N', 1, 'receive', null, 'received', 'desk'],
  ['F', 1, 'receive', null, 'received', 'desk'],
  ['F', 2, 'assign', 'received', 'in_progress', 'desk'],
  ['F', 3, 'refuse', 'in_progress', 'refused', 'lead'],
  ['W', 1, 'receive', null, 'received', 'desk'],
  ['W', 2, 'withdraw', 'received', 'withdrawn', 'desk'],
  ['S', 1, 'receive', null, 'received', 'desk'],
  ['S', 2, 'assign', 'received', 'in_progress', 'desk'],
  ['S', 3, 'request_completion', 'in_progress', 'awaiting_completion', 'spec'],
  ['S', 4, 'stop', 'awaiting_completion', 'stopped', 'lead'],
];
const pathValues = sql.join(
  PATHS.map(([p, s, a, f, t, w]) => sql`(${p}, ${s}::int, ${a}, ${f}::text, ${t}, ${w})`),
);
const iso = (col: string) =>
  sql.raw(`to_char((${col}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

let dossiers = 0;
let events = 0;
const tGen = performance.now();
for (let b = 0; b < batches; b++) {
  const n = Math.min(batchSize, toAdd - b * batchSize);
  // Batch b covers its own slice of days, so the whole run is in received_at order.
  const d0 = Math.floor((b * totalDays) / batches);
  const d1 = Math.max(d0 + 1, Math.floor(((b + 1) * totalDays) / batches));
  const tb = performance.now();
  const r = await k.transaction().execute(async (trx) => {
    await sql`select setseed(${((existing + b * 7919) % 100_000) / 100_000})`.execute(trx);
    await sql`drop table if exists bulk_b`.execute(trx);
    // 1. The batch's dossiers, every attribute decided, in a temporary table.
    await sql`
      create temp table bulk_b on commit drop as
      with cand as (
        select random() as rk,
               ${start}::date + (${d0}::int + floor(random() * ${d1 - d0})::int) as day,
               random() as r_ch, random() as r_tod, random() as r_tod2
        from generate_series(1, ${Math.ceil(n * 1.6) + 100})
      ), acc as (
        select *, case when r_ch < 0.60 then 'direct' when r_ch < 0.95 then 'online' else 'postal' end
                    as channel,
               extract(isodow from day)::int as dow
        from cand
      ), kept as (
        -- Desks work Monday–Friday (a few open on Saturday morning); online comes any day.
        select * from acc
        where random() < case when dow <= 5 then 1.0
                              when channel = 'online' then (case when dow = 6 then 0.5 else 0.35 end)
                              when dow = 6 then 0.12 else 0.03 end
        order by rk limit ${n}
      ), t as (
        select day, channel,
          day + case
            when channel = 'online' then make_interval(mins => (360 + power(r_tod2, 0.9) * 1020)::int)
            when r_tod < 0.55 then make_interval(mins => (420 + power(r_tod2, 1.4) * 270)::int)
            else make_interval(mins => (780 + power(r_tod2, 1.2) * 240)::int)
          end + make_interval(secs => floor(random() * 60)::int) as local_ts
        from kept
      ), x as (
        select gen_random_uuid() as id, day, channel, local_ts,
          (local_ts - interval '7 hours') at time zone 'UTC' as received_at,
          width_bucket(random(), ${lowerBounds(UNITS.map((u) => u[1]))}::float8[]) as ui,
          width_bucket(random(), ${lowerBounds(procWeights)}::float8[]) as pi,
          width_bucket(random(), ${lowerBounds(SURNAMES.map((s) => s[1]))}::float8[]) as si,
          1 + floor(random() * ${MIDDLE.length})::int as mi,
          1 + floor(random() * ${GIVEN.length})::int as gi,
          1 + floor(random() * ${STREETS.length})::int as sti,
          random() as r_stat, random() as r_stat2, random() as r_late, random() as r_fin,
          random() as r_app, random() as r_ret, random() as r_org, random() as r_mail,
          random() as r_x1, random() as r_x2,
          1950 + floor(random() * 56)::int as birth_year
        from t
      ), y as (
        select x.*,
          (${UNITS.map((u) => u[0])}::text[])[ui] as unit_code,
          (${agencyKeys}::text[])[ui] as agency_key,
          (${procs.map((p) => p.id)}::uuid[])[pi] as procedure_id,
          (${procs.map((p) => p.code)}::text[])[pi] as procedure_code,
          (${procs.map((p) => p.name)}::text[])[pi] as procedure_name,
          (${procs.map((p) => Number(p.ptv))}::float8[])[pi] as pt_value,
          (${procs.map((p) => p.ptu)}::text[])[pi] as pt_unit,
          (${procs.map((p) => p.fees.reduce((s, f) => s + Number(f.amount), 0))}::bigint[])[pi]
            as fees_due,
          (${procs.map((p) => p.components.find((c) => c.formSchema)?.key ?? '')}::text[])[pi]
            as form_key,
          (${procs.map((p) => JSON.stringify(p.steps.map((s) => ({ order: s.order, name: s.name, role: s.role }))))}::jsonb[])[pi]
            as steps_tpl,
          (${SURNAMES.map((s) => s[0])}::text[])[si] || ' ' || (${MIDDLE}::text[])[mi] || ' '
            || (${GIVEN}::text[])[gi] as person,
          case when random() < 0.9 then '089' else lpad((1 + floor(random() * 96))::text, 3, '0') end
            || case when birth_year >= 2000 then '2' else '0' end
            || lpad((birth_year % 100)::text, 2, '0')
            || lpad(floor(random() * 1000000)::text, 6, '0') as cccd,
          '0' || (array['9','8','3','7','5'])[1 + floor(random() * 5)::int]
            || lpad(floor(random() * 100000000)::text, 8, '0') as phone,
          'Số ' || (1 + floor(random() * 300))::int || ' đường ' || (${STREETS}::text[])[sti]
            || ', khóm ' || (1 + floor(random() * 9))::int as addr_line,
          (${today}::date - day) as age,
          -- Due: the processing time from receipt (approximate working-day arithmetic).
          case when (${procs.map((p) => p.ptu)}::text[])[pi] = 'working_hours' then
            local_ts + make_interval(hours => (${procs.map((p) => Number(p.ptv))}::float8[])[pi]::int)
              + case when (local_ts + make_interval(hours => (${procs.map((p) => Number(p.ptv))}::float8[])[pi]::int))::time > time '17:00'
                     then interval '14 hours' else interval '0' end
          else
            (day + ceil((${procs.map((p) => Number(p.ptv))}::float8[])[pi] * 7 / 5)::int) + time '17:00'
          end as due_local0
        from x
      ), z as (
        select y.*,
          due_local0 + case extract(isodow from due_local0) when 6 then interval '2 days'
                                                              when 7 then interval '1 day'
                                                              else interval '0' end as due_local,
          case when r_stat < (case when age <= 3 then 0.95 when age <= 14 then 0.75
                                   when age <= 45 then 0.5 else 0.015 end)
            then case when r_stat2 < 0.25 then 'received' when r_stat2 < 0.70 then 'in_progress'
                      when r_stat2 < 0.80 then 'awaiting_completion' else 'processed' end
            else case when r_stat2 < 0.93 then 'returned' when r_stat2 < 0.97 then 'refused'
                      when r_stat2 < 0.995 then 'withdrawn' else 'stopped' end
          end as status
        from y
      ), w as (
        select z.*,
          (due_local - interval '7 hours') at time zone 'UTC' as due_at,
          case status when 'returned' then 'R' when 'processed' then (case when r_app < 0.5 then 'PA' else 'P' end)
                      when 'in_progress' then 'I' when 'awaiting_completion' then 'A'
                      when 'received' then 'N' when 'refused' then 'F' when 'withdrawn' then 'W'
                      else 'S' end as path
        from z
      ), v as (
        select w.*,
          -- Timestamps of the steps, never in the future.
          least(received_at + make_interval(mins => (5 + power(r_x1, 2) * 120)::int),
                greatest(received_at, ${now}::timestamptz - interval '4 hours')) as assigned_at,
          case when path in ('R', 'PA', 'P') then
            greatest(received_at + interval '10 minutes', least(
              case when r_late < 0.015 then due_at + make_interval(mins => (120 + r_fin * 5760)::int)
                   else received_at + (due_at - received_at) * (0.2 + 0.75 * r_fin) end,
              ${now}::timestamptz - interval '3 hours'))
          end as finished_at0
        from w
      )
      select v.*,
        case when finished_at0 is null then null
             when finished_at0 > due_at then 'late'
             when (finished_at0 + interval '7 hours')::date < (due_at + interval '7 hours')::date then 'early'
             else 'on_time' end as outcome,
        finished_at0 as finished_at,
        case when path in ('R', 'PA') then
          greatest(finished_at0 + interval '5 minutes', least(
            finished_at0 + make_interval(mins => (10 + r_app * 180)::int),
            ${now}::timestamptz - interval '2 hours')) end as approved_at,
        case when path = 'R' then
          greatest(finished_at0 + interval '10 minutes', least(
            finished_at0 + make_interval(mins => (200 + power(r_ret, 2) * 2880)::int),
            ${now}::timestamptz - interval '1 hour')) end as returned_at,
        case when path in ('A', 'S') then assigned_at + make_interval(mins => (30 + r_x2 * 600)::int) end
          as paused_at,
        case when path in ('F', 'W', 'S') then
          least(received_at + make_interval(mins => (60 + r_x2 * 4320)::int),
                greatest(received_at + interval '2 hours', ${now}::timestamptz - interval '30 minutes'))
        end as closed_at,
        case when unit_code = '30280' then ${users.get('motcua.mybinh') ?? null}::uuid end as desk_id,
        case when unit_code = '30280' then ${users.get('chuyenvien.mybinh') ?? null}::uuid end as spec_id,
        case when unit_code = '30280' then ${users.get('lanhdao.mybinh') ?? null}::uuid end as lead_id,
        case when unit_code = '30280' then 'motcua.mybinh' else 'motcua.' || unit_code end as desk_name,
        case when unit_code = '30280' then 'chuyenvien.mybinh' else 'chuyenvien.' || unit_code end as spec_name,
        case when unit_code = '30280' then 'lanhdao.mybinh' else 'lanhdao.' || unit_code end as lead_name,
        to_char(day, 'YYYY-MM-DD') as day_key,
        row_number() over (partition by agency_key, day order by received_at)
          + coalesce((select c.last_seq from dossier_code_counter c
                      where c.agency_key = v.agency_key and c.day = to_char(v.day, 'YYYY-MM-DD')), 0)
          as seq
      from v`.execute(trx);

    // 2. The dossiers, in received_at order.
    const ins = await sql`
      insert into dossier (id, code, procedure_id, procedure_code, procedure_name, unit_code,
        handling_unit_code, channel, applicant, applicant_name, applicant_phone, form_data, fees_due,
        status, received_at, due_at, original_due_at, step_plan, due_soon_at, overdue_at, paused_at,
        completion_requests, assignee_id, finished_at, outcome, approved_at, returned_at,
        return_method, result_summary, version, created_by, created_at, updated_at)
      select id,
        agency_key || '-' || to_char(day, 'YYMMDD') || '-'
          || case when seq < 10000 then lpad(seq::text, 4, '0') else seq::text end,
        procedure_id, procedure_code, procedure_name, unit_code, unit_code, channel,
        case when r_org < 0.06 then jsonb_build_object('type', 'organization',
               'name', 'Hộ kinh doanh ' || person, 'taxCode', '18' || lpad(floor(r_x1 * 100000000)::text, 8, '0'),
               'representative', person, 'phone', phone, 'address', jsonb_build_object('line', addr_line, 'unitCode', unit_code))
             else jsonb_build_object('type', 'individual', 'fullName', person, 'citizenId', cccd,
               'dateOfBirth', birth_year || '-' || lpad((1 + floor(r_x1 * 12))::text, 2, '0') || '-'
                 || lpad((1 + floor(r_x2 * 28))::text, 2, '0'),
               'phone', phone, 'address', jsonb_build_object('line', addr_line, 'unitCode', unit_code))
               || case when r_mail < 0.12 then jsonb_build_object('email', 'nguoidan' || floor(r_x2 * 1e6)::int || '@gmail.com')
                       else '{}'::jsonb end
        end,
        case when r_org < 0.06 then 'Hộ kinh doanh ' || person else person end,
        phone,
        case when form_key = '' then '{}'::jsonb
             else jsonb_build_object(form_key, jsonb_build_object('nguoiYeuCauHoTen', person,
                    'nguoiYeuCauCccd', cccd, 'nguoiYeuCauNoiCuTru', addr_line, 'nguoiYeuCauDienThoai', phone)) end,
        fees_due, status, received_at, due_at, due_at,
        (select coalesce(jsonb_agg(s || jsonb_build_object('dueAt', ${iso(
          `received_at + (due_at - received_at) * (s->>'order')::int / jsonb_array_length(steps_tpl)`,
        )})), '[]'::jsonb) from jsonb_array_elements(steps_tpl) s),
        -- The deadline sweep's marks, as if it had been running all along.
        case when status in ('received', 'in_progress') and due_at < ${now}::timestamptz + interval '1 day'
               then least(due_at - interval '1 hour', ${now}::timestamptz)
             when finished_at > due_at then due_at - interval '1 hour' end,
        case when (status in ('received', 'in_progress') and due_at < ${now}::timestamptz)
               or finished_at > due_at then due_at + interval '1 minute' end,
        case when status = 'awaiting_completion' then paused_at end,
        case when path in ('A', 'S') then 1 else 0 end,
        case when path not in ('N', 'W') then spec_id end,
        finished_at, outcome, approved_at, returned_at,
        case when path = 'R' then (case when r_ret < 0.88 then 'direct' else 'postal' end) end,
        case when finished_at is not null then 'Đã giải quyết theo đề nghị của người yêu cầu.' end,
        (select count(*) from (values ${pathValues}) p(path, seq, action, f, t, who) where p.path = bulk_b.path),
        desk_id, received_at,
        coalesce(returned_at, closed_at, approved_at, finished_at, paused_at,
                 case when path <> 'N' then assigned_at end, received_at)
      from bulk_b order by received_at`.execute(trx);

    // 3. Their events, set-based too (the append-only trigger only refuses UPDATE/DELETE).
    const ev = await sql`
      insert into dossier_event (dossier_id, seq, action, from_status, to_status, actor_id,
        actor_name, unit_code, occurred_at, reason, payload)
      select b.id, p.seq, p.action, p.f, p.t,
        case p.who when 'desk' then b.desk_id when 'spec' then b.spec_id else b.lead_id end,
        case p.who when 'desk' then b.desk_name when 'spec' then b.spec_name else b.lead_name end,
        b.unit_code,
        case p.action when 'receive' then b.received_at when 'assign' then b.assigned_at
          when 'finish' then b.finished_at when 'approve' then b.approved_at
          when 'return_result' then b.returned_at when 'request_completion' then b.paused_at
          else b.closed_at end,
        case p.action when 'finish' then 'Đã giải quyết theo đề nghị của người yêu cầu.'
          when 'request_completion' then 'Hồ sơ còn thiếu giấy tờ.'
          when 'refuse' then 'Hồ sơ không đủ điều kiện giải quyết theo quy định.'
          when 'withdraw' then 'Người yêu cầu xin rút hồ sơ.'
          when 'stop' then 'Quá hạn bổ sung hồ sơ.' end,
        case p.action
          when 'receive' then jsonb_build_object('channel', b.channel, 'dueAt', ${iso('b.due_at')},
                                                 'receivedAt', ${iso('b.received_at')})
          when 'assign' then jsonb_build_object('assigneeId', b.spec_id, 'unitCode', b.unit_code, 'note', null)
          when 'finish' then jsonb_build_object('outcome', b.outcome, 'resultFileId', null)
          when 'return_result' then jsonb_build_object('method',
                                      case when b.r_ret < 0.88 then 'direct' else 'postal' end)
          when 'request_completion' then jsonb_build_object('items',
                                      jsonb_build_array('Bản sao giấy tờ tùy thân'), 'completionRequests', 1)
          else '{}'::jsonb end
      from bulk_b b join (values ${pathValues}) p(path, seq, action, f, t, who) on p.path = b.path
      order by b.received_at, b.id, p.seq`.execute(trx);

    // 4. The code counters move past the numbers used.
    await sql`
      insert into dossier_code_counter (agency_key, day, last_seq)
      select agency_key, day_key, max(seq) from bulk_b group by agency_key, day_key
      on conflict (agency_key, day) do update
        set last_seq = greatest(dossier_code_counter.last_seq, excluded.last_seq)`.execute(trx);
    return { d: Number(ins.numAffectedRows ?? 0), e: Number(ev.numAffectedRows ?? 0) };
  });
  dossiers += r.d;
  events += r.e;
  const s = (performance.now() - tb) / 1000;
  console.log(
    `  batch ${b + 1}/${batches}: ${r.d} dossiers + ${r.e} events in ${s.toFixed(1)} s` +
      ` (${Math.round(r.d / s)} dossiers/s)`,
  );
}
const genS = (performance.now() - tGen) / 1000;
const tVac = performance.now();
if (toAdd > 0) {
  for (const t of ['dossier', 'dossier_event', 'dossier_code_counter'])
    await sql.raw(`vacuum analyze ${t}`).execute(k);
}
const vacS = (performance.now() - tVac) / 1000;
const stats = (
  await sql<{ n: string; open: string; late: string; events: string }>`
    select (select count(*) from dossier) as n,
           (select count(*) from dossier where status in ('received','in_progress','awaiting_completion','processed')) as open,
           (select count(*) from dossier where outcome = 'late') as late,
           (select count(*) from dossier_event) as events`.execute(k)
).rows[0]!;
console.log(
  `dossier-bulk done: +${dossiers} dossiers, +${events} events in ${genS.toFixed(1)} s → ` +
    `${Math.round(dossiers / Math.max(genS, 1e-9))} dossiers/s, ` +
    `${Math.round((dossiers + events) / Math.max(genS, 1e-9))} rows/s; vacuum analyze ${vacS.toFixed(1)} s; ` +
    `total ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
console.log(
  `  now stored: ${stats.n} dossiers (${stats.open} open, ${stats.late} late), ${stats.events} events`,
);
console.log(
  `GENERATOR ${JSON.stringify({ backend: db.kind, added: dossiers, events, seconds: Number(genS.toFixed(1)), dossiersPerSec: Math.round(dossiers / Math.max(genS, 1e-9)), rowsPerSec: Math.round((dossiers + events) / Math.max(genS, 1e-9)), vacuumSeconds: Number(vacS.toFixed(1)), stored: Number(stats.n) })}`,
);
await db.close();
