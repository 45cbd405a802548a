import type { CalendarSettings, YearOverrides } from '@cqs/shared/calendar/index';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

// date[] comes back from node-postgres as a '{2027-01-01,…}' string because we keep `date`
// values as strings (pg-types.ts); reading the array as text[] avoids parsing it ourselves.
const asTextArray = (col: 'days_off' | 'working_days') =>
  sql<string[]>`${sql.ref(col)}::text[]`.as(col);

/** The only SQL of the calendar module. */
export const calendarRepository = {
  async allOverrides(db: Db): Promise<Record<number, YearOverrides>> {
    const rows = await db
      .selectFrom('calendar_override')
      .select(['year', asTextArray('days_off'), asTextArray('working_days')])
      .execute();
    return Object.fromEntries(
      rows.map((r) => [r.year, { daysOff: r.days_off, workingDays: r.working_days }]),
    );
  },

  async overridesOf(db: Db, year: number): Promise<YearOverrides> {
    const r = await db
      .selectFrom('calendar_override')
      .select([asTextArray('days_off'), asTextArray('working_days')])
      .where('year', '=', year)
      .executeTakeFirst();
    return { daysOff: r?.days_off ?? [], workingDays: r?.working_days ?? [] };
  },

  async replaceOverrides(db: Db, year: number, o: YearOverrides, now: Date): Promise<void> {
    const daysOff = sql`${o.daysOff}::date[]`;
    const workingDays = sql`${o.workingDays}::date[]`;
    await sql`insert into calendar_override (year, days_off, working_days, updated_at)
      values (${year}, ${daysOff}, ${workingDays}, ${now})
      on conflict (year) do update set days_off = excluded.days_off,
        working_days = excluded.working_days, updated_at = excluded.updated_at`.execute(db);
  },

  async settingsOf(db: Db, unitCodes: string[]): Promise<Map<string, CalendarSettings>> {
    if (unitCodes.length === 0) return new Map();
    const rows = await db
      .selectFrom('calendar_unit_setting')
      .selectAll()
      .where('unit_code', 'in', unitCodes)
      .execute();
    return new Map(
      rows.map((r) => [
        r.unit_code,
        {
          morning: { start: r.morning_start, end: r.morning_end },
          afternoon: { start: r.afternoon_start, end: r.afternoon_end },
          cutoff: r.cutoff,
        },
      ]),
    );
  },

  async saveSettings(db: Db, unitCode: string, s: CalendarSettings, now: Date): Promise<void> {
    const row = {
      unit_code: unitCode,
      morning_start: s.morning.start,
      morning_end: s.morning.end,
      afternoon_start: s.afternoon.start,
      afternoon_end: s.afternoon.end,
      cutoff: s.cutoff,
      updated_at: now,
    };
    await db
      .insertInto('calendar_unit_setting')
      .values(row)
      .onConflict((oc) => oc.column('unit_code').doUpdateSet(row))
      .execute();
  },
};
