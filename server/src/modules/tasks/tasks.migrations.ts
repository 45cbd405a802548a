import { type Kysely, type Migration, sql } from 'kysely';
import { makeAppendOnly } from '../../platform/db/platform.migrations.js';

/** Migrations of the tasks module (nhiệm vụ, range 12xx). */
export const tasksMigrations: Record<string, Migration> = {
  '1200_tasks_core': {
    async up(db: Kysely<unknown>) {
      // The source is a typed reference stored as data: plans, documents and meetings sit
      // above tasks (style.md layers), so no foreign key may name their tables.
      await sql`
        create table task (
          id uuid primary key default gen_random_uuid(),
          content text not null check (content <> ''),
          source_type text not null check (source_type in
            ('plan_section','plan_task','document','directive','meeting_conclusion','manual')),
          source_id text,
          source_label text,
          assigned_by_unit_code text not null,
          lead_unit_code text not null,
          support_unit_codes jsonb not null default '[]'::jsonb,
          responsible_id uuid,
          responsible_name text,
          kind text not null check (kind in ('new','carried_over')),
          deadline_on text check (deadline_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          deadline_note text,
          status text not null check (status in
            ('not_started','in_progress','done','paused','cancelled')),
          percent int not null default 0 check (percent between 0 and 100),
          done_on text,
          on_time boolean,
          due_soon_for text,
          overdue_for text,
          version int not null default 1,
          created_by uuid,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index task_lead_idx on task (lead_unit_code, status)`.execute(db);
      await sql`create index task_assigned_idx on task (assigned_by_unit_code, status)`.execute(db);
      await sql`create index task_source_idx on task (source_type, source_id)`.execute(db);
      // The sweep reads open tasks with a deadline only.
      await sql`create index task_open_deadline_idx on task (deadline_on)
        where status in ('not_started','in_progress') and deadline_on is not null`.execute(db);

      await sql`
        create table task_event (
          id bigint generated always as identity primary key,
          task_id uuid not null references task(id) deferrable initially immediate,
          seq int not null,
          action text not null,
          from_status text,
          to_status text not null,
          actor_id uuid,
          actor_name text not null,
          unit_code text not null,
          occurred_at timestamptz not null,
          payload jsonb not null default '{}'::jsonb,
          unique (task_id, seq)
        )`.execute(db);
      await makeAppendOnly(db, 'task_event');

      await sql`
        create table task_progress (
          id uuid primary key default gen_random_uuid(),
          -- Order of the reports as written (several may share one clock instant).
          n bigint generated always as identity,
          task_id uuid not null references task(id) deferrable initially immediate,
          percent int check (percent between 0 and 100),
          text text not null,
          author_id uuid,
          author_name text not null,
          author_unit_code text,
          reported_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index task_progress_task_idx on task_progress (task_id)`.execute(db);

      await sql`
        create table task_file (
          id uuid primary key default gen_random_uuid(),
          task_id uuid not null references task(id) deferrable initially immediate,
          progress_id uuid references task_progress(id) deferrable initially immediate,
          filename text not null,
          mime text not null,
          size bigint not null check (size >= 0),
          sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
          uploaded_by uuid,
          created_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index task_file_task_idx on task_file (task_id)`.execute(db);
    },
  },
};
