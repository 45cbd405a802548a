import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Migrations of the indicators module's scoring part (range 1450–1499). Only settings live
 * here: scores, ranks and forecasts are computed from the indicator values on each request.
 * The shipped defaults stay in code (DEFAULT_INDEX766, DEFAULT_WEIGHT_SET) and a stored row
 * overrides them, so a new release's better default reaches those who never changed theirs.
 */
export const indicatorsScoringMigrations: Record<string, Migration> = {
  '1450_indicators_scoring_settings': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table index766_setting (
          id text primary key check (id = 'current'),
          setting jsonb not null,
          updated_at timestamptz not null default now(),
          updated_by text
        )`.execute(db);
      await sql`
        create table indicator_weight_set (
          code text primary key check (code ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
          name text not null check (length(name) between 1 and 300),
          items jsonb not null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
    },
  },
};
