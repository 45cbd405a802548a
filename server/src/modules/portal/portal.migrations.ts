import { type Kysely, type Migration, sql } from 'kysely';

/** Migrations of the citizen portal (cổng dịch vụ công): drafts, data store, submissions. */
export const portalMigrations: Record<string, Migration> = {
  '1100_portal_core': {
    async up(db) {
      await sql`
        create table portal_draft (
          id uuid primary key default gen_random_uuid(),
          user_id uuid not null references app_user(id) deferrable initially immediate,
          procedure_id uuid not null references procedure(id) deferrable initially immediate,
          unit_code text,
          applicant jsonb not null default '{}',
          form_data jsonb not null default '{}',
          attachments jsonb not null default '[]',
          delivery jsonb not null default '{"method":"desk"}',
          prefill_offered jsonb not null default '{}',
          version integer not null default 1,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index portal_draft_user_idx on portal_draft (user_id, updated_at desc)`.execute(
        db,
      );
      await sql`
        create table citizen_document (
          id uuid primary key default gen_random_uuid(),
          user_id uuid not null references app_user(id) deferrable initially immediate,
          title text not null,
          kind text not null check (kind in ('upload', 'result')),
          filename text not null,
          mime text not null,
          size integer not null,
          sha256 text not null,
          source_dossier_id uuid references dossier(id) deferrable initially immediate,
          created_at timestamptz not null default now(),
          unique (user_id, source_dossier_id)
        )`.execute(db);
      await sql`create index citizen_document_user_idx on citizen_document (user_id, created_at desc)`.execute(
        db,
      );
      await sql`
        create table portal_submission (
          dossier_id uuid primary key references dossier(id) deferrable initially immediate,
          user_id uuid not null references app_user(id) deferrable initially immediate,
          procedure_id uuid not null references procedure(id) deferrable initially immediate,
          submitted_at timestamptz not null,
          delivery jsonb not null,
          prefilled_fields integer not null,
          total_fields integer not null,
          reused_attachments integer not null,
          total_attachments integer not null
        )`.execute(db);
      await sql`create index portal_submission_user_idx on portal_submission (user_id, submitted_at desc)`.execute(
        db,
      );
    },
  },
  '1101_portal_draft_papers': {
    async up(db) {
      // Without the "save for reuse" consent (data_store), a paper uploaded for a draft is
      // that draft's only: it never shows in the personal data store, and it goes with the
      // draft (submitted — the dossier keeps its own copy — or discarded).
      await sql`alter table citizen_document add column draft_id uuid
        references portal_draft(id) on delete cascade deferrable initially immediate`.execute(db);
      await sql`create index citizen_document_draft_idx on citizen_document (draft_id)
        where draft_id is not null`.execute(db);
    },
  },
  // Issue 12: the portal's keys of the dossier fact for every online submission already made.
  '1102_portal_facts': {
    async up(db: Kysely<unknown>) {
      await sql`
        insert into fact (kind, subject_id, unit_code, data, updated_at)
        select 'dossier', s.dossier_id::text, '', jsonb_build_object(
            'formFields', s.total_fields, 'prefilledFields', s.prefilled_fields,
            'attachments', s.total_attachments, 'reusedAttachments', s.reused_attachments),
          now()
        from portal_submission s
        on conflict (kind, subject_id) do update
          set data = fact.data || excluded.data, updated_at = now()`.execute(db);
      await sql`insert into fact_pending (kind, subject_id)
        select 'dossier', dossier_id::text from portal_submission`.execute(db);
    },
  },
};
