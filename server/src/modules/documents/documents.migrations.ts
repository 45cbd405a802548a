import { type Kysely, type Migration, sql } from 'kysely';
import { makeAppendOnly } from '../../platform/db/platform.migrations.js';

// Statuses as the database accepts them (shared/documents vocabulary; style.md rule 6).
const STATUSES = `'received','registered','proposed','directed','in_progress','done','returned',
  'draft','in_review','approved','signed','issued','withdrawn'`;

/** Migrations of the documents module (văn bản, range 15xx). */
export const documentsMigrations: Record<string, Migration> = {
  '1500_documents_core': {
    async up(db: Kysely<unknown>) {
      // Numbers come from this row, incremented in the registering transaction: the row lock
      // orders concurrent registrations and a rollback returns the number, so the series has
      // no gaps (ND30 Điều 15, Điều 22: numbers run from 01 on 1 January).
      await sql`
        create table document_register (
          unit_code text not null,
          direction text not null check (direction in ('incoming','outgoing')),
          year int not null check (year between 2000 and 2100),
          series text not null default 'all',
          last_number int not null check (last_number >= 0),
          primary key (unit_code, direction, year, series)
        )`.execute(db);

      await sql
        .raw(`
        create table document (
          id uuid primary key,
          direction text not null check (direction in ('incoming','outgoing')),
          unit_code text not null,
          drafting_unit_code text,
          status text not null check (status in (${STATUSES})),
          version int not null default 1,
          source text check (source in ('platform','edxml','paper')),
          arrival_number int,
          arrival_year int,
          registered_at timestamptz,
          code_number text,
          code_notation text not null,
          number_year int,
          issuer_name text,
          issuer_organ_id text,
          issued_on date,
          type_code text not null,
          summary text not null check (char_length(summary) between 1 and 2000),
          signer_name text,
          signer_position text,
          signer_user_id uuid,
          urgency text not null check (urgency in ('normal','urgent','very_urgent','flash')),
          confidentiality text not null
            check (confidentiality in ('normal','confidential','secret','top_secret')),
          deadline date,
          reply_to_id uuid references document(id) deferrable initially immediate,
          origin_id uuid references document(id) deferrable initially immediate,
          leader_direction text,
          content jsonb,
          review_step int,
          review_flow jsonb not null default '[]'::jsonb,
          exchange jsonb,
          pdf_layout jsonb,
          search_text text not null default '',
          created_by uuid,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          done_at timestamptz,
          unique (unit_code, direction, arrival_year, arrival_number),
          -- a confidential document's content never enters the system (ND30 Điều 21)
          check (confidentiality = 'normal' or content is null)
        )`)
        .execute(db);
      await sql`create index document_unit_idx on document (unit_code, direction, created_at desc, id)`.execute(
        db,
      );
      await sql`create index document_reply_idx on document (reply_to_id) where reply_to_id is not null`.execute(
        db,
      );
      await sql`create index document_origin_idx on document (origin_id) where origin_id is not null`.execute(
        db,
      );
      // Full-text over accent-folded words ('simple' config: no stemming, the words as folded);
      // core PostgreSQL, so PGlite has it too.
      await sql`create index document_search_idx on document using gin (to_tsvector('simple', search_text))`.execute(
        db,
      );

      await sql`
        create table document_assignment (
          document_id uuid not null references document(id) deferrable initially immediate,
          role text not null check (role in ('lead','support','info')),
          unit_code text not null,
          user_id uuid,
          user_name text,
          task_id uuid,
          done_at timestamptz
        )`.execute(db);
      await sql`create index document_assignment_doc_idx on document_assignment (document_id)`.execute(
        db,
      );

      await sql`
        create table document_access (
          document_id uuid not null references document(id) deferrable initially immediate,
          unit_code text,
          user_id uuid,
          reason text not null check (reason in ('assigned','shared','drafter','signer','reviewer')),
          check ((unit_code is null) <> (user_id is null))
        )`.execute(db);
      await sql`create index document_access_unit_idx on document_access (unit_code, document_id) where unit_code is not null`.execute(
        db,
      );
      await sql`create index document_access_user_idx on document_access (user_id, document_id) where user_id is not null`.execute(
        db,
      );
      await sql`create index document_access_doc_idx on document_access (document_id)`.execute(db);

      await sql`
        create table document_event (
          id bigserial primary key,
          document_id uuid not null references document(id) deferrable initially immediate,
          seq int not null,
          action text not null,
          from_status text,
          to_status text not null,
          actor_id uuid,
          actor_name text not null,
          occurred_at timestamptz not null,
          note text,
          payload jsonb not null default '{}'::jsonb,
          unique (document_id, seq)
        )`.execute(db);
      await makeAppendOnly(db, 'document_event');

      await sql`
        create table document_file (
          id uuid primary key,
          n bigserial not null,
          document_id uuid not null references document(id) deferrable initially immediate,
          kind text not null check (kind in
            ('main','attachment','draft_attachment','scan','draft_docx','draft_pdf','signed_pdf','edxml')),
          name text not null,
          content_type text not null,
          size int not null,
          sha256 text not null,
          draft_version int,
          created_by uuid,
          created_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index document_file_doc_idx on document_file (document_id, created_at)`.execute(
        db,
      );

      await sql`
        create table document_version (
          document_id uuid not null references document(id) deferrable initially immediate,
          no int not null,
          content jsonb not null,
          author_id uuid,
          author_name text not null,
          comment text,
          created_at timestamptz not null default now(),
          primary key (document_id, no)
        )`.execute(db);
      await makeAppendOnly(db, 'document_version');

      await sql`
        create table document_signature (
          id uuid primary key,
          document_id uuid not null references document(id) deferrable initially immediate,
          file_id uuid references document_file(id) deferrable initially immediate,
          kind text not null check (kind in ('personal','organisation','received')),
          signer text,
          signed_at timestamptz,
          result jsonb not null,
          checked_at timestamptz not null
        )`.execute(db);
      await sql`create index document_signature_doc_idx on document_signature (document_id)`.execute(
        db,
      );

      await sql`
        create table document_read (
          id bigserial primary key,
          document_id uuid not null references document(id) deferrable initially immediate,
          user_id uuid,
          user_name text not null,
          read_at timestamptz not null
        )`.execute(db);
      await sql`create index document_read_doc_idx on document_read (document_id, read_at)`.execute(
        db,
      );
      await makeAppendOnly(db, 'document_read');

      await sql`
        create table document_review_flow (
          unit_code text not null,
          type_code text not null,
          steps jsonb not null,
          primary key (unit_code, type_code)
        )`.execute(db);

      await sql`create table document_word (word text primary key)`.execute(db);

      // Deferred signing (a USB token through a local signing app): the prepared PDF waits
      // here, by its file hash, until the client returns the CMS over its byte ranges.
      await sql`
        create table document_signing_session (
          id uuid primary key,
          document_id uuid not null references document(id) deferrable initially immediate,
          user_id uuid,
          document_version int not null,
          prepared_sha256 text not null,
          byte_range jsonb not null,
          hash text not null,
          pdf_layout jsonb not null,
          created_at timestamptz not null,
          expires_at timestamptz not null,
          completed_at timestamptz
        )`.execute(db);
    },
  },
  // Work files (hồ sơ công việc, ND30 Điều 28–29, Phụ lục V): a handler's file of the documents
  // about one piece of work, numbered per unit and year ("03.VHTT"), opened, filled, closed.
  '1501_document_work_files': {
    async up(db: Kysely<unknown>) {
      // Work files are numbered from the unit's registers too (a series of their own).
      await sql`alter table document_register drop constraint document_register_direction_check`.execute(
        db,
      );
      await sql`alter table document_register add constraint document_register_direction_check
        check (direction in ('incoming','outgoing','work_file'))`.execute(db);
      await sql`
        create table document_work_file (
          id uuid primary key,
          unit_code text not null,
          year int not null check (year between 2000 and 2100),
          number int not null check (number >= 1),
          code text not null,
          title text not null check (char_length(title) between 1 and 500),
          retention text not null check (retention ~ '^(permanent|[1-9][0-9]?)$'),
          owner_id uuid,
          owner_name text not null,
          status text not null check (status in ('open','closed')),
          opened_on date not null,
          closed_on date,
          note text,
          search_text text not null default '',
          version int not null default 1,
          created_at timestamptz not null,
          updated_at timestamptz not null,
          unique (unit_code, year, number),
          check ((status = 'closed') = (closed_on is not null))
        )`.execute(db);
      await sql`create index document_work_file_owner_idx on document_work_file (owner_id, status)`.execute(
        db,
      );

      await sql`
        create table document_work_file_item (
          work_file_id uuid not null references document_work_file(id) deferrable initially immediate,
          document_id uuid not null references document(id) deferrable initially immediate,
          added_by uuid,
          added_by_name text not null,
          added_at timestamptz not null,
          primary key (work_file_id, document_id)
        )`.execute(db);
      await sql`create index document_work_file_item_doc_idx on document_work_file_item (document_id)`.execute(
        db,
      );

      await sql`
        create table document_work_file_event (
          id bigserial primary key,
          work_file_id uuid not null references document_work_file(id) deferrable initially immediate,
          action text not null,
          actor_id uuid,
          actor_name text not null,
          occurred_at timestamptz not null,
          note text,
          payload jsonb not null default '{}'::jsonb
        )`.execute(db);
      await sql`create index document_work_file_event_idx on document_work_file_event (work_file_id, id)`.execute(
        db,
      );
      await makeAppendOnly(db, 'document_work_file_event');
    },
  },
  '1502_documents_edxml_signature': {
    async up(db: Kysely<unknown>) {
      // The check of an edXML package's XML-DSig (QCVN 102:2016; interop.md) is kept beside
      // the PDF signatures of the document, as kind 'edxml' (file_id null: it signs the package).
      await sql`alter table document_signature drop constraint document_signature_kind_check`.execute(
        db,
      );
      await sql`alter table document_signature add constraint document_signature_kind_check
        check (kind in ('personal','organisation','received','edxml'))`.execute(db);
      // The gateway folder imports a package once per receiver: looked up by its DocumentId.
      await sql`create index document_edxml_document_id_idx
        on document (unit_code, ((exchange->'package'->>'documentId')))
        where source = 'edxml'`.execute(db);
    },
  },
};
