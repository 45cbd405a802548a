import { type Kysely, type Migration, sql } from 'kysely';
import { makeAppendOnly } from '../../platform/db/platform.migrations.js';
import { getProcedure } from '../procedures/index.js';
import {
  dossierRowFact,
  factOnlineLevel,
  requiredAttachmentKeys,
  vnDay,
} from './dossiers.facts.js';

/** Migrations of the dossiers module (range 05xx). */
export const dossiersMigrations: Record<string, Migration> = {
  '0500_dossiers_core': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table dossier (
          id uuid primary key default gen_random_uuid(),
          code text not null unique,
          procedure_id uuid not null references procedure(id) deferrable initially immediate,
          procedure_code text not null,
          procedure_name text not null,
          unit_code text not null,
          handling_unit_code text not null,
          channel text not null check (channel in ('direct','online','postal')),
          applicant jsonb not null,
          applicant_name text not null,
          applicant_phone text,
          form_data jsonb not null default '{}'::jsonb,
          fees_due bigint not null default 0 check (fees_due >= 0),
          status text not null check (status in ('received','in_progress','awaiting_completion',
            'processed','returned','refused','stopped','withdrawn')),
          received_at timestamptz not null,
          due_at timestamptz not null,
          original_due_at timestamptz not null,
          due_soon_at timestamptz,
          overdue_at timestamptz,
          paused_at timestamptz,
          paused_minutes numeric not null default 0,
          completion_requests int not null default 0,
          extended boolean not null default false,
          assignee_id uuid references app_user(id) deferrable initially immediate,
          finished_at timestamptz,
          outcome text check (outcome in ('early','on_time','late')),
          approved_at timestamptz,
          returned_at timestamptz,
          return_method text check (return_method in ('direct','postal','electronic')),
          result_file_id uuid,
          result_summary text,
          version int not null default 1,
          idempotency_key text unique,
          request_hash text,
          created_by uuid,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index dossier_unit_due_idx on dossier (unit_code, due_at)`.execute(db);
      await sql`create index dossier_open_due_idx on dossier (due_at)
        where status in ('received','in_progress','awaiting_completion')`.execute(db);
      await sql`create index dossier_handling_idx on dossier (handling_unit_code, due_at)`.execute(
        db,
      );
      await sql`create index dossier_assignee_idx on dossier (assignee_id, due_at)`.execute(db);
      await sql`create index dossier_received_idx on dossier (received_at)`.execute(db);

      await sql`
        create table dossier_event (
          id bigint generated always as identity primary key,
          dossier_id uuid not null references dossier(id) deferrable initially immediate,
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
          unique (dossier_id, seq)
        )`.execute(db);
      await sql`create index dossier_event_time_idx on dossier_event (occurred_at)`.execute(db);
      // Events are facts the indicators count: append-only like the audit log.
      await makeAppendOnly(db, 'dossier_event');

      await sql`
        create table dossier_code_counter (
          agency_key text not null,
          day text not null,
          last_seq int not null,
          primary key (agency_key, day)
        )`.execute(db);

      await sql`
        create table dossier_file (
          id uuid primary key default gen_random_uuid(),
          dossier_id uuid not null references dossier(id) deferrable initially immediate,
          kind text not null check (kind in ('attachment','result')),
          component_key text,
          filename text not null,
          mime text not null,
          size bigint not null check (size >= 0),
          sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
          uploaded_by uuid,
          created_at timestamptz not null default now()
        )`.execute(db);
      await sql`create index dossier_file_dossier_idx on dossier_file (dossier_id)`.execute(db);
    },
  },
  '0501_dossiers_step_plan': {
    async up(db: Kysely<unknown>) {
      // Deadlines of the procedure's processing steps, fixed at receipt (issue 3 §3).
      await sql`alter table dossier add column step_plan jsonb not null default '[]'::jsonb`.execute(
        db,
      );
    },
  },
  '0502_dossiers_list_indexes': {
    async up(db: Kysely<unknown>) {
      // The work queue and its counts look at open dossiers only (a city keeps ~95% finished
      // ones), and search by code is a prefix match: both must not scan the whole table.
      await sql`create index dossier_status_unit_idx on dossier (status, unit_code)`.execute(db);
      await sql`create index dossier_code_prefix_idx on dossier (code text_pattern_ops)`.execute(
        db,
      );
    },
  },
  '0503_dossiers_result_delivery': {
    async up(db: Kysely<unknown>) {
      // How the applicant wants the result back (issue 4): null = at the desk, as before;
      // {method: 'postal', address} = by public postal service, so the desk knows where to send it.
      await sql`alter table dossier add column result_delivery jsonb`.execute(db);
    },
  },
  '0504_dossiers_personal_ids': {
    async up(db: Kysely<unknown>) {
      // Citizen IDs are now stored encrypted (dossiers.personal-ids.ts); this keyed hash finds
      // a dossier by code + citizen ID without decrypting. The owner is the citizen account
      // that submitted it online (issue 4): staff reads of its ID numbers are logged for them.
      await sql`alter table dossier add column applicant_id_hmac text, add column owner_user_id uuid references app_user(id) deferrable initially immediate`.execute(
        db,
      );
    },
  },
  '0505_dossiers_idempotency_per_unit': {
    async up(db: Kysely<unknown>) {
      // An Idempotency-Key was unique across the whole system, so staff of one unit could
      // probe another unit's keys (and be answered with its dossier). Keys are now scoped to
      // the receiving unit: the same string at another unit is simply a fresh key.
      await sql`alter table dossier drop constraint dossier_idempotency_key_key`.execute(db);
      await sql`create unique index dossier_unit_idempotency_key_idx
        on dossier (unit_code, idempotency_key)`.execute(db);
    },
  },
  // Issue 12: the dossier fact for every dossier already received, so an upgraded database
  // has all facts (later changes publish their own). The procedure's online level and its
  // required papers come from the procedures module's public getProcedure, once per procedure.
  '0506_dossiers_facts': {
    async up(db: Kysely<unknown>) {
      const ids = await sql<{ procedure_id: string }>`
        select distinct procedure_id from dossier`.execute(db);
      const levels: Record<string, string> = {};
      const required: Record<string, string[]> = {};
      for (const { procedure_id } of ids.rows) {
        const p = await getProcedure(db as never, procedure_id).catch(() => null);
        levels[procedure_id] = factOnlineLevel(p?.onlineLevel ?? 'info');
        required[procedure_id] = p ? requiredAttachmentKeys(p.components) : [];
      }
      await sql`
        insert into fact (kind, subject_id, unit_code, data, updated_at)
        select 'dossier', d.id::text, d.unit_code, ${dossierRowFact('d')} || jsonb_build_object(
            'onlineLevel', coalesce(${JSON.stringify(levels)}::jsonb ->> d.procedure_id::text, 'none'),
            'digitised', exists (select 1 from dossier_file f
                where f.dossier_id = d.id and f.kind = 'attachment')
              and not exists (
                select 1 from jsonb_array_elements_text(
                  coalesce(${JSON.stringify(required)}::jsonb -> d.procedure_id::text, '[]'::jsonb)) k
                where not exists (select 1 from dossier_file f where f.dossier_id = d.id
                  and f.kind = 'attachment' and f.component_key = k))),
          now()
        from dossier d
        on conflict (kind, subject_id) do update
          set data = fact.data || excluded.data, unit_code = excluded.unit_code, updated_at = now()`.execute(
        db,
      );
      await sql`insert into fact_pending (kind, subject_id)
        select 'dossier', id::text from dossier`.execute(db);
    },
  },
  // Issue 12: the `procedure_offer` facts of an upgraded database — every unit offers each
  // procedure it has received a dossier of (dossiers.facts.ts offerFactCtes), since its first
  // receipt, at the procedure's level now (the public getProcedure, once per procedure).
  '0507_dossiers_offer_facts': {
    async up(db: Kysely<unknown>) {
      const ids = await sql<{ procedure_id: string }>`
        select distinct procedure_id from dossier`.execute(db);
      const levels: Record<string, string> = {};
      for (const { procedure_id } of ids.rows) {
        const p = await getProcedure(db as never, procedure_id).catch(() => null);
        levels[procedure_id] = factOnlineLevel(p?.onlineLevel ?? 'info');
      }
      // One offer per (unit, code): the level of the procedure row received last.
      await sql`
        insert into fact (kind, subject_id, unit_code, data, updated_at)
        select distinct on (d.unit_code, d.procedure_code) 'procedure_offer',
          d.unit_code || ':' || d.procedure_code, d.unit_code,
          jsonb_build_object('procedureCode', d.procedure_code,
            'onlineLevel', coalesce(${JSON.stringify(levels)}::jsonb ->> d.procedure_id::text, 'none'),
            'sinceOn', (select ${vnDay(sql`min(x.received_at)`)} from dossier x
              where x.unit_code = d.unit_code and x.procedure_code = d.procedure_code)),
          now()
        from dossier d
        order by d.unit_code, d.procedure_code, d.received_at desc
        on conflict (kind, subject_id) do nothing`.execute(db);
      await sql`insert into fact_pending (kind, subject_id)
        select kind, subject_id from fact where kind = 'procedure_offer'`.execute(db);
    },
  },
  // Issue 12: the dashboard's on-time figure opens the dossiers finished in its period
  // (GET /dossiers?dates=finished&from=&to=), a range on the finishing time.
  '0508_dossiers_finished_index': {
    async up(db: Kysely<unknown>) {
      await sql`create index dossier_finished_idx on dossier (finished_at)
        where finished_at is not null`.execute(db);
    },
  },
  // Issue 13 deliver 3: a PDF result is signed when a leader approves it (dossiers.signing.ts).
  // The signed version becomes what every download serves; the uploaded bytes are kept.
  '0509_dossiers_result_signatures': {
    async up(db: Kysely<unknown>) {
      await sql`alter table dossier_file
        add column unsigned_sha256 text check (unsigned_sha256 ~ '^[0-9a-f]{64}$'),
        add column unsigned_size bigint check (unsigned_size >= 0),
        add column signed_at timestamptz,
        add column signed_by uuid references app_user(id) deferrable initially immediate,
        add column signers jsonb`.execute(db);
    },
  },
};
