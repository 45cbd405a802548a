// The dashboard's numbers computed the naive way, for bench/indicators.ts to compare with the
// rollups in the same run: one SQL per dashboard call straight over the dossier table (benchmark
// only — modules above dossiers may not name its tables, style.md "Boundaries"). Days are
// local (UTC+07:00) as the dossier fact's receivedOn/finishedOn (dossiers.facts.ts), so the
// year is [Y-01-01 00:00+07, Y+1-01-01 00:00+07) over the indexed timestamps.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../server/src/platform/db/schema.js';

export interface RawQuery {
  name: string;
  run(db: Kysely<Database>): Promise<unknown[]>;
}

export function rawQueries(year: string, units: string[]): RawQuery[] {
  const from = `${year}-01-01T00:00:00+07:00`;
  const to = `${Number(year) + 1}-01-01T00:00:00+07:00`;
  const inUnits = sql`unit_code = any(${units}::text[])`;
  const received = sql`received_at >= ${from}::timestamptz and received_at < ${to}::timestamptz`;
  const finished = sql`finished_at >= ${from}::timestamptz and finished_at < ${to}::timestamptz`;
  const onTime = sql`outcome in ('early', 'on_time')`;
  const q =
    (text: ReturnType<typeof sql>): RawQuery['run'] =>
    async (db) =>
      (await text.execute(db)).rows;
  const list: [string, ReturnType<typeof sql>][] = [
    [
      'dossiers.received (children)',
      sql`select unit_code, count(*) as n from dossier where ${received} and ${inUnits}
        group by unit_code`,
    ],
    [
      'dossiers.on_time (children)',
      sql`select unit_code, count(*) filter (where ${onTime}) as num, count(*) as den
        from dossier where ${finished} and ${inUnits} group by unit_code`,
    ],
    [
      'dossiers.online (children)',
      sql`select unit_code, count(*) filter (where channel = 'online') as num, count(*) as den
        from dossier where ${received} and ${inUnits} group by unit_code`,
    ],
    [
      'dossiers.pending (children)',
      sql`select unit_code, count(*) as n from dossier where ${received} and ${inUnits}
        and finished_at is null and status not in ('returned', 'refused', 'stopped', 'withdrawn')
        group by unit_code`,
    ],
    [
      'trend dossiers.on_time',
      sql`select to_char(finished_at + interval '7 hours', 'YYYYMM') as month,
          count(*) filter (where ${onTime}) as num, count(*) as den
        from dossier where ${finished} and ${inUnits} group by 1 order by 1`,
    ],
    [
      'ranking dossiers.on_time',
      sql`select unit_code, 100.0 * count(*) filter (where ${onTime}) / count(*) as rate
        from dossier where ${finished} and ${inUnits} group by unit_code order by rate desc`,
    ],
    [
      // The 766 index's dossier-table parts: on time (by finish day), online and electronic
      // result (by reception / return day); its other parts are procedures, payments and
      // entered values, which the naive way would read from still other tables.
      'index-766 (dossier parts)',
      sql`select count(*) filter (where ${finished} and ${onTime}) as on_time,
          count(*) filter (where ${finished}) as finished,
          count(*) filter (where ${received} and channel = 'online') as online,
          count(*) filter (where ${received}) as received,
          count(*) filter (where returned_at >= ${from}::timestamptz
            and returned_at < ${to}::timestamptz and return_method = 'electronic') as electronic,
          count(*) filter (where returned_at >= ${from}::timestamptz
            and returned_at < ${to}::timestamptz) as returned
        from dossier where ${inUnits} and (${received} or ${finished}
          or (returned_at >= ${from}::timestamptz and returned_at < ${to}::timestamptz))`,
    ],
  ];
  return list.map(([name, text]) => ({ name, run: q(text) }));
}
