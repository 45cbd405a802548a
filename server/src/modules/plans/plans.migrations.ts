import { type Kysely, type Migration, sql } from 'kysely';
import { makeAppendOnly } from '../../platform/db/platform.migrations.js';

/** Migrations of the plans module (range 13xx). */
export const plansMigrations: Record<string, Migration> = {
  '1300_plans_core': {
    async up(db: Kysely<unknown>) {
      // A plan belongs to a unit by code (org keeps units forever, so the code stays
      // reportable after a merge); no foreign key into org's tables (module boundary).
      await sql`
        create table plan (
          id uuid primary key,
          unit_code text not null,
          year int not null check (year between 2000 and 2100),
          title text not null check (char_length(title) between 1 and 1000),
          issuer text,
          document_number text,
          document_date date,
          status text not null check (status in ('draft','issued')),
          source text,
          version int not null default 1,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index plan_unit_year_idx on plan (unit_code, year, id)`.execute(db);

      await sql`
        create table plan_target (
          id uuid primary key,
          plan_id uuid not null references plan(id) deferrable initially immediate,
          position int not null,
          section_code text not null,
          section text,
          text text not null,
          scope text,
          indicator_code text,
          comparator text not null check (comparator in ('>=','<=','=')),
          target_value numeric not null,
          stretch_value numeric,
          stretch_text text,
          baseline numeric,
          unit_of_measure text not null,
          wording text,
          computable boolean,
          note text,
          unique (plan_id, position)
        )`.execute(db);
      await sql`create index plan_target_indicator_idx on plan_target (indicator_code)`.execute(db);

      await sql`
        create table plan_target_assignment (
          target_id uuid not null references plan_target(id) deferrable initially immediate,
          unit_code text not null,
          position int not null,
          value numeric not null,
          primary key (target_id, unit_code)
        )`.execute(db);
      await sql`create index plan_target_assignment_unit_idx on plan_target_assignment (unit_code)`.execute(
        db,
      );

      await sql`
        create table plan_task (
          id uuid primary key,
          plan_id uuid not null references plan(id) deferrable initially immediate,
          position int not null,
          no text,
          group_path text,
          section_code text,
          name text not null,
          content text,
          lead text[],
          support text[],
          kind text check (kind in ('Mới','Chuyển tiếp')),
          deadline date,
          unique (plan_id, position)
        )`.execute(db);

      await sql`
        create table plan_budget_line (
          id uuid primary key,
          plan_id uuid not null references plan(id) deferrable initially immediate,
          position int not null,
          no text,
          name text not null,
          executor text,
          period text,
          total numeric,
          central numeric,
          local numeric,
          currency_note text,
          unique (plan_id, position)
        )`.execute(db);

      await sql`
        create table plan_event (
          id bigint generated always as identity primary key,
          plan_id uuid not null references plan(id) deferrable initially immediate,
          action text not null,
          actor_id uuid,
          actor_name text not null,
          occurred_at timestamptz not null,
          payload jsonb not null default '{}'::jsonb
        )`.execute(db);
      await sql`create index plan_event_plan_idx on plan_event (plan_id, id)`.execute(db);
      await makeAppendOnly(db, 'plan_event');
    },
  },
  // Issue 12: each plan task becomes a task of the tasks module (plans.tasks.ts); the plan
  // keeps its id. No foreign key: the tasks table is another module's.
  '1301_plans_task_link': {
    async up(db: Kysely<unknown>) {
      await sql`alter table plan_task add column task_id uuid`.execute(db);
    },
  },
  // A plan withdrawn (thu hồi) — imported by mistake or replaced by a new one — keeps every row
  // and its history; it leaves the default lists and the dashboard, and its open tasks are
  // cancelled. Not a status: draft/issued stay what the document says.
  '1302_plans_withdrawal': {
    async up(db: Kysely<unknown>) {
      await sql`alter table plan add column withdrawn_at timestamptz,
        add column withdrawn_reason text,
        add column withdrawn_by_name text`.execute(db);
    },
  },
};
