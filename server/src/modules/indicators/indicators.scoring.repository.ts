// The SQL of grading, the 766 index and rankings: only their two settings tables. Raw SQL so
// the part stands before platform/db/schema.ts knows IndicatorsScoringTables.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export interface WeightSetRow {
  code: string;
  name: string;
  items: unknown;
  created_at: Date;
  updated_at: Date;
}

export const scoringRepository = {
  async index766Setting(
    db: Kysely<Database>,
  ): Promise<{ setting: unknown; updated_at: Date } | null> {
    const r = await sql<{ setting: unknown; updated_at: Date }>`
      select setting, updated_at from index766_setting where id = 'current'`.execute(db);
    return r.rows[0] ?? null;
  },

  async saveIndex766Setting(
    db: Kysely<Database>,
    setting: unknown,
    by: string | null,
  ): Promise<void> {
    await sql`
      insert into index766_setting (id, setting, updated_at, updated_by)
      values ('current', ${JSON.stringify(setting)}::jsonb, now(), ${by})
      on conflict (id) do update
        set setting = excluded.setting, updated_at = now(), updated_by = excluded.updated_by
    `.execute(db);
  },

  async weightSets(db: Kysely<Database>): Promise<WeightSetRow[]> {
    const r = await sql<WeightSetRow>`
      select code, name, items, created_at, updated_at from indicator_weight_set order by code
    `.execute(db);
    return r.rows;
  },

  async weightSet(db: Kysely<Database>, code: string): Promise<WeightSetRow | null> {
    const r = await sql<WeightSetRow>`
      select code, name, items, created_at, updated_at from indicator_weight_set
      where code = ${code}`.execute(db);
    return r.rows[0] ?? null;
  },

  /** Creates or replaces a set; true when it was created. */
  async saveWeightSet(
    db: Kysely<Database>,
    set: { code: string; name: string; items: unknown },
  ): Promise<boolean> {
    const r = await sql<{ created: boolean }>`
      insert into indicator_weight_set (code, name, items)
      values (${set.code}, ${set.name}, ${JSON.stringify(set.items)}::jsonb)
      on conflict (code) do update
        set name = excluded.name, items = excluded.items, updated_at = now()
      returning (xmax = 0) as created
    `.execute(db);
    return r.rows[0]?.created ?? false;
  },
};
