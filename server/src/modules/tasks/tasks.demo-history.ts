// The demo's task progress (issue 12 deliver 7): the demo plans' tasks (seeded by the plans
// module through TaskService) get a year of progress reports — two to four, percent rising —
// and those whose deadline has passed are mostly done (a few after the deadline), the rest in
// progress. One event per change as the service writes it; each task republishes its `task`
// fact (keys of tasks.service.ts). Deterministic (from the task's order), idempotent (skipped
// when a demo progress report exists), marked "Dữ liệu minh họa".
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { publishFactsSql } from '../../platform/facts/index.js';

const NOTE = 'Dữ liệu minh họa';

export async function seedDemoHistory(
  trx: Transaction<Database>,
  opts: { now: Date },
): Promise<{ tasks: number }> {
  const seeded =
    await sql`select 1 from task_progress where text like ${`${NOTE}%`} limit 1`.execute(trx);
  if (seeded.rows.length > 0) return { tasks: 0 };
  const today = new Date(opts.now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  await sql`drop table if exists demo_task_b`.execute(trx);
  // i: the task's order; done when its deadline passed (9 in 10; 1 in 6 of those late) or,
  // for an ongoing task, 1 in 3.
  await sql`
    create temp table demo_task_b on commit drop as
    select t.id, t.lead_unit_code, t.status as from_status, t.deadline_on, i,
      case when (t.deadline_on is not null and t.deadline_on < ${today} and i % 10 <> 0)
                or (t.deadline_on is null and i % 3 = 0) then 'done' else 'in_progress' end as status,
      case when t.deadline_on is not null and t.deadline_on < ${today} and i % 6 = 0
             then to_char(t.deadline_on::date + 5 + (i % 20), 'YYYY-MM-DD')
           when t.deadline_on is not null and t.deadline_on < ${today}
             then to_char(t.deadline_on::date - (i % 25), 'YYYY-MM-DD')
           else to_char(${today}::date - 1 - (i % 60), 'YYYY-MM-DD') end as last_on,
      2 + i % 3 as reports
    from (select t.*, (row_number() over (order by t.created_at, t.id))::int as i from task t
          where t.status in ('not_started', 'in_progress') and t.source_type <> 'manual') t`.execute(
    trx,
  );
  await sql`update demo_task_b set last_on = least(last_on, to_char(${today}::date - 1, 'YYYY-MM-DD'))`.execute(
    trx,
  );
  await sql`
    insert into task_progress (task_id, percent, text, author_id, author_name, author_unit_code,
      reported_at)
    select b.id,
      case when b.status = 'done' and s = b.reports then 100 else least(90, s * (90 / b.reports)) end,
      ${NOTE}::text || ': báo cáo tiến độ lần ' || s || '.', null, 'Cán bộ đầu mối (' || ${NOTE}::text || ')',
      b.lead_unit_code,
      ((b.last_on::date - (b.reports - s) * 45) + time '09:00' - interval '7 hours') at time zone 'UTC'
    from demo_task_b b, generate_series(1, b.reports) s
    order by b.i, s`.execute(trx);
  await sql`
    insert into task_event (task_id, seq, action, from_status, to_status, actor_id, actor_name,
      unit_code, occurred_at, payload)
    select b.id, coalesce((select max(e.seq) from task_event e where e.task_id = b.id), 0) + 1,
      'progress', b.from_status, b.status, null, 'Cán bộ đầu mối (' || ${NOTE}::text || ')',
      b.lead_unit_code, (b.last_on::date + time '09:00' - interval '7 hours') at time zone 'UTC',
      jsonb_build_object('note', ${NOTE}::text, 'percent', case when b.status = 'done' then 100 else 90 end)
    from demo_task_b b`.execute(trx);
  const r = await sql`
    update task t set status = b.status,
      percent = case when b.status = 'done' then 100 else least(90, b.reports * (90 / b.reports)) end,
      done_on = case when b.status = 'done' then b.last_on end,
      on_time = case when b.status = 'done' then (b.deadline_on is null or b.last_on <= b.deadline_on) end,
      version = t.version + 1, updated_at = now()
    from demo_task_b b where b.id = t.id`.execute(trx);
  await publishFactsSql(
    trx,
    'task',
    sql`select t.id as subject_id, t.lead_unit_code as unit_code, jsonb_build_object(
          'assignedByUnitCode', t.assigned_by_unit_code, 'status', t.status,
          'deadlineOn', t.deadline_on, 'doneOn', t.done_on, 'onTime', t.on_time,
          'createdOn', to_char((t.created_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD'))
          as data
        from task t join demo_task_b b on b.id = t.id`,
  );
  return { tasks: Number(r.numAffectedRows ?? 0) };
}
