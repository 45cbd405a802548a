// The demo's year of field reports (phản ánh hiện trường, issue 12 deliver 7): a few a day
// across Long Xuyên's wards (weights as the dossiers' history), in the default categories,
// located around each ward; almost all resolved — some after the resolve deadline, fewer as
// the year goes on —, a few reopened and resolved again, the recent ones partly still open.
// Set-based (generate_series); each report publishes its `report` fact with the keys of
// reports.facts.ts. Deterministic (setseed, ids from md5), idempotent (skipped when the first
// id exists), marked "Dữ liệu minh họa"; no reporter (anonymous).
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { publishFactsSql } from '../../platform/facts/index.js';

const NOTE = 'Dữ liệu minh họa';
const CATEGORIES = ['road', 'lighting', 'waste', 'drainage', 'trees', 'order'];
const TEXTS = [
  'Mặt đường hư hỏng, có ổ gà',
  'Đèn chiếu sáng công cộng không sáng',
  'Rác thải tập kết không đúng nơi quy định',
  'Cống thoát nước bị nghẹt, nước ứ đọng',
  'Cây xanh nghiêng, có nguy cơ gãy đổ',
  'Lấn chiếm vỉa hè, lòng đường',
];

export async function seedDemoHistory(
  trx: Transaction<Database>,
  opts: { now: Date; wards: [string, number][]; reports?: number },
): Promise<{ reports: number }> {
  const seeded = await sql`select 1 from report where id = md5('cqs-demo-report:1')::uuid`.execute(
    trx,
  );
  if (seeded.rows.length > 0) return { reports: 0 };
  const n = opts.reports ?? 800;
  const total = opts.wards.reduce((s, w) => s + w[1], 0);
  let acc = 0;
  const bounds = opts.wards.map((w) => {
    const lo = acc / total;
    acc += w[1];
    return lo;
  });
  const now = opts.now;
  await sql`select setseed(0.766)`.execute(trx);
  const r = await sql`
    insert into report (id, code, category_code, description, lat, long, address, unit_code,
      handling_unit_code, status, anonymous, channel, attributes, follow_token_hash,
      accept_due_at, resolve_due_at, due_at, accepted_at, resolution, resolved_at, closed_at,
      reopen_count, version, created_at, updated_at)
    select md5('cqs-demo-report:' || g)::uuid, 'PA-MH-' || lpad(g::text, 5, '0'), cat,
      txt || ' (' || ${NOTE} || ').', round((10.375 + (ui - 6) * 0.004 + (r_lat - 0.5) * 0.01)::numeric, 6),
      round((105.435 + (r_lon - 0.5) * 0.03)::numeric, 6), 'Khóm ' || (1 + g % 9) || ' (' || ${NOTE} || ')',
      ward, ward, status, true, case when r_ch < 0.6 then 'web' when r_ch < 0.85 then 'open311' else 'desk' end,
      '{}'::jsonb, md5('cqs-demo-report-token:' || g) || md5('cqs-demo-report-token2:' || g),
      created + interval '1 day', created + interval '7 days', created + interval '7 days',
      case when status <> 'new' then created + interval '3 hours' end,
      case when resolved then ${`${NOTE}: đã xử lý xong.`} end,
      case when resolved then resolved_at end, case when status = 'closed' then resolved_at + interval '3 days' end,
      case when reopened then 1 else 0 end, 3, created, coalesce(resolved_at, created)
    from (
      select t.*, status in ('resolved', 'closed') as resolved,
        case when status in ('resolved', 'closed') then least(created + case
          when r_late < 0.15 - 0.1 * frac then make_interval(days => 8 + floor(r_fin * 6)::int)
          else make_interval(hours => 6 + floor(r_fin * 150)::int) end,
          ${now}::timestamptz - interval '2 hours') end as resolved_at
      from (
        select g, frac, r_late, r_fin, r_lat, r_lon, r_ch, ui, created,
          (${opts.wards.map((w) => w[0])}::text[])[ui] as ward,
          (${CATEGORIES}::text[])[1 + g % 6] as cat, (${TEXTS}::text[])[1 + g % 6] as txt,
          r_reo < 0.04 as reopened,
          case when age <= 10 and r_st < 0.5 then (case when r_st < 0.15 then 'new' else 'in_progress' end)
               when r_st < 0.7 then 'closed' else 'resolved' end as status
        from (
          select g, random() as r_late, random() as r_fin, random() as r_lat, random() as r_lon,
            random() as r_ch, random() as r_st, random() as r_reo,
            width_bucket(random(), ${bounds}::float8[]) as ui, day, (day - s0)::float8 / 365 as frac,
            (${now}::date - day) as age,
            (day + make_interval(hours => 7 + floor(random() * 12)::int) - interval '7 hours')
              at time zone 'UTC' as created
          from (select g, s0, s0 + 1 + floor(random() * 364)::int as day
                from generate_series(1, ${n}) g,
                     (select (${now}::date - 365) as s0) s) d
        ) u
      ) t
    ) x
    on conflict do nothing`.execute(trx);
  await publishFactsSql(
    trx,
    'report',
    sql`select id as subject_id, handling_unit_code as unit_code, jsonb_build_object(
          'categoryCode', category_code, 'channel', channel,
          'receivedOn', to_char((created_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD'),
          'status', status,
          'resolvedOn', case when status in ('resolved', 'closed') then
            to_char((resolved_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD') end,
          'onTime', case when status in ('resolved', 'closed') then resolved_at <= resolve_due_at end,
          'reopenedCount', reopen_count, 'reopened', reopen_count > 0) as data
        from report where code like 'PA-MH-%'`,
  );
  return { reports: Number(r.numAffectedRows ?? 0) };
}
