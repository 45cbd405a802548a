import { type Kysely, type Migration, sql } from 'kysely';
import { makeAppendOnly } from '../../platform/db/platform.migrations.js';

/** Migrations of the indicators module (range 14xx). */
export const indicatorsMigrations: Record<string, Migration> = {
  '1400_indicators_tables': {
    async up(db: Kysely<unknown>) {
      await sql`create table indicator_definition (
          code text primary key,
          name text not null,
          name_en text not null,
          unit text not null,
          kind text not null check (kind in ('computed', 'entered', 'imported')),
          definition text not null,
          decimals int not null check (decimals between 0 and 6),
          published boolean not null,
          spec jsonb,
          updated_at timestamptz not null default now()
        )`.execute(db);
      // Num and den are sums of counts or of numeric keys: double precision is exact for
      // integers below 2^53, far beyond any count a unit can reach.
      await sql`create table indicator_contribution (
          indicator text not null,
          subject_kind text not null,
          subject_id text not null,
          unit_code text not null,
          day date not null,
          num double precision not null,
          den double precision not null,
          primary key (indicator, subject_id)
        )`.execute(db);
      await sql`create table indicator_rollup (
          indicator text not null,
          unit_code text not null,
          day date not null,
          num double precision not null,
          den double precision not null,
          primary key (indicator, unit_code, day)
        )`.execute(db);
      await sql`create table indicator_value (
          indicator text not null,
          unit_code text not null,
          period text not null,
          first_day date not null,
          last_day date not null,
          value double precision not null,
          comment text,
          updated_by uuid,
          updated_at timestamptz not null default now(),
          primary key (indicator, unit_code, period)
        )`.execute(db);
      await sql`create table indicator_value_event (
          id bigserial primary key,
          indicator text not null,
          unit_code text not null,
          period text not null,
          value double precision not null,
          comment text,
          actor_id uuid,
          actor_name text not null,
          at timestamptz not null default now()
        )`.execute(db);
      await makeAppendOnly(db, 'indicator_value_event');
      await sql`create table indicator_change (
          id bigserial primary key,
          indicator text not null,
          unit_code text not null,
          first_day date not null,
          last_day date not null,
          at timestamptz not null default now()
        )`.execute(db);
    },
  },
  // The fold reads a batch of subjects' contributions (indicators.repository contributionsOf):
  // keyed by subject first, that is one index descent per subject instead of one per
  // (indicator, subject) pair — at 1M dossiers (8.4M contributions) the pair-wise probes of a
  // 300-subject batch took ~250 ms and the follower fell behind the dossier lifecycle bench.
  // The rebuild, which reads by indicator, scans once per subject kind instead.
  '1401_indicators_contribution_by_subject': {
    async up(db: Kysely<unknown>) {
      await sql`alter table indicator_contribution
        drop constraint indicator_contribution_pkey,
        add primary key (subject_id, indicator)`.execute(db);
    },
  },
};
