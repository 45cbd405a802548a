import { type Kysely, type Migration, sql } from 'kysely';
import { makeAppendOnly } from '../../platform/db/platform.migrations.js';
import type { Database } from '../../platform/db/schema.js';
import { publishPetitionFact, publishRatingFact } from './feedback.facts.js';

/** Migrations of the feedback module (range 10xx). */
export const feedbackMigrations: Record<string, Migration> = {
  '1000_feedback_core': {
    async up(db: Kysely<unknown>) {
      // One rating per dossier (the unique key is the "once" rule, race-free).
      await sql`
        create table dossier_rating (
          id uuid primary key,
          dossier_id uuid not null unique references dossier(id) deferrable initially immediate,
          dossier_code text not null,
          unit_code text not null,
          procedure_id uuid not null,
          procedure_code text not null,
          score int not null check (score between 1 and 5),
          comment text check (comment is null or char_length(comment) <= 1000),
          created_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index dossier_rating_unit_idx on dossier_rating (unit_code, created_at)`.execute(
        db,
      );

      await sql`
        create table dossier_petition (
          id uuid primary key,
          number text not null unique,
          dossier_id uuid not null references dossier(id) deferrable initially immediate,
          dossier_code text not null,
          unit_code text not null,
          procedure_id uuid not null,
          procedure_name text not null,
          dossier_status text not null,
          content text not null check (char_length(content) between 1 and 4000),
          contact_phone text,
          contact_email text,
          status text not null check (status in ('received','accepted','rejected','answered')),
          ack_due_at timestamptz not null,
          due_at timestamptz not null,
          next_due_at timestamptz,
          accepted_at timestamptz,
          rejected_at timestamptz,
          answered_at timestamptz,
          answer text check (answer is null or char_length(answer) <= 4000),
          answered_by_name text,
          version int not null default 1,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index dossier_petition_dossier_idx on dossier_petition (dossier_id, created_at)`.execute(
        db,
      );
      await sql`create index dossier_petition_queue_idx on dossier_petition (unit_code, next_due_at, id)`.execute(
        db,
      );
      await sql`create index dossier_petition_time_idx on dossier_petition (created_at)`.execute(
        db,
      );

      await sql`
        create table dossier_petition_event (
          id bigint generated always as identity primary key,
          petition_id uuid not null references dossier_petition(id) deferrable initially immediate,
          seq int not null,
          action text not null,
          from_status text,
          to_status text not null,
          actor_id uuid,
          actor_name text not null,
          unit_code text not null,
          occurred_at timestamptz not null,
          reason text,
          payload jsonb not null default '{}'::jsonb,
          unique (petition_id, seq)
        )`.execute(db);
      // Facts the satisfaction indicators count: append-only like dossier_event.
      await makeAppendOnly(db, 'dossier_petition_event');
    },
  },
  '1001_feedback_info_request': {
    async up(db: Kysely<unknown>) {
      // Asking the applicant for more information (regulations.md §5: within 5 working days of
      // receipt). One question at a time: the open one is asked and not yet answered. Earlier
      // questions and answers stay in dossier_petition_event. info_due_at is null on petitions
      // received before this migration; the service computes it from created_at then.
      await sql`
        alter table dossier_petition
          add column info_due_at timestamptz,
          add column info_question text
            check (info_question is null or char_length(info_question) <= 2000),
          add column info_asked_at timestamptz,
          add column info_answer text
            check (info_answer is null or char_length(info_answer) <= 2000),
          add column info_answered_at timestamptz`.execute(db);
    },
  },
  '1002_feedback_deadline_marks': {
    async up(db: Kysely<unknown>) {
      // Marks the deadline sweep leaves (feedback.jobs.ts): the deadline (next_due_at) a
      // petition was found due soon / overdue for. A mark counts only while it equals
      // next_due_at, so accepting a petition (a new deadline) retires the old marks unchanged.
      await sql`
        alter table dossier_petition
          add column due_soon_for timestamptz,
          add column overdue_for timestamptz`.execute(db);
    },
  },
  // Issue 12: rating and petition facts for the rows already there (feedback.facts.ts).
  '1003_feedback_facts': {
    async up(db: Kysely<unknown>) {
      const k = db as unknown as Kysely<Database>;
      for (const r of await k.selectFrom('dossier_rating').selectAll().execute())
        await publishRatingFact(k, r);
      for (const p of await k.selectFrom('dossier_petition').selectAll().execute())
        await publishPetitionFact(k, p);
    },
  },
};
