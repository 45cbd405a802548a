import { type Kysely, type Migration, sql } from 'kysely';
import { bumpCacheGenerationOn } from '../../platform/db/platform.migrations.js';

/** Migrations of the calendar module (range 03xx). */
export const calendarMigrations: Record<string, Migration> = {
  '0300_calendar_overrides_and_hours': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table calendar_override (
          year int primary key check (year between 1976 and 2199),
          days_off date[] not null default '{}',
          working_days date[] not null default '{}',
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`
        create table calendar_unit_setting (
          unit_code text primary key,
          morning_start text not null check (morning_start ~ '^[0-2][0-9]:[0-5][0-9]$'),
          morning_end text not null check (morning_end ~ '^[0-2][0-9]:[0-5][0-9]$'),
          afternoon_start text not null check (afternoon_start ~ '^[0-2][0-9]:[0-5][0-9]$'),
          afternoon_end text not null check (afternoon_end ~ '^[0-2][0-9]:[0-5][0-9]$'),
          cutoff text not null check (cutoff ~ '^[0-2][0-9]:[0-5][0-9]$'),
          updated_at timestamptz not null default now()
        )`.execute(db);
    },
  },
  // Writes here invalidate the dossier module's cached copies (platform/cache).
  '0301_calendar_cache_generation': {
    async up(db: Kysely<unknown>) {
      await bumpCacheGenerationOn(db, 'calendar_override', 'calendar');
      await bumpCacheGenerationOn(db, 'calendar_unit_setting', 'calendar');
    },
  },
};
