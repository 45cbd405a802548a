import { type Kysely, type Migration, sql } from 'kysely';
import { bumpCacheGenerationOn } from '../../platform/db/platform.migrations.js';

/** Migrations of the procedures module (range 04xx). */
export const proceduresMigrations: Record<string, Migration> = {
  '0400_procedures_catalogue': {
    async up(db: Kysely<unknown>) {
      // Format rules for the code live in shared/src/procedures (one place, Vietnamese
      // messages); the database only refuses what no rule version could accept.
      // `components` is json, not jsonb: jsonb reorders object keys, and the order of a form
      // schema's properties is the order the form shows its fields.
      await sql`
        create table procedure (
          id uuid primary key default gen_random_uuid(),
          code text not null check (length(code) between 8 and 40),
          name text not null check (length(name) between 1 and 500),
          field text not null check (length(field) between 1 and 200),
          implementing_agency text not null,
          level text not null check (level in ('province','district','commune')),
          processing_time_value numeric(8,2) not null check (processing_time_value > 0),
          processing_time_unit text not null check (processing_time_unit in ('working_days','working_hours')),
          fees jsonb not null default '[]' check (jsonb_typeof(fees) = 'array'),
          result text not null,
          legal_basis text not null,
          online_level text not null check (online_level in ('full','partial','info')),
          components json not null default '[]' check (json_typeof(components) = 'array'),
          steps jsonb not null default '[]' check (jsonb_typeof(steps) = 'array'),
          status text not null default 'active' check (status in ('active','archived')),
          version int not null default 1 check (version >= 1),
          search_text text not null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      // A code names one procedure in force; archived versions keep theirs for history.
      await sql`create unique index procedure_code_active_idx on procedure (code) where status = 'active'`.execute(
        db,
      );
      // Keyset paging by code (byte order, identical on PGlite and PostgreSQL), id breaks ties.
      await sql`create index procedure_status_code_idx on procedure (status, code collate "C", id)`.execute(
        db,
      );
      await sql`create index procedure_status_field_idx on procedure (status, field)`.execute(db);
    },
  },
  // Writes here invalidate the dossier module's cached copies (platform/cache).
  '0401_procedures_cache_generation': {
    async up(db: Kysely<unknown>) {
      await bumpCacheGenerationOn(db, 'procedure', 'procedures');
    },
  },
  // Search synonyms of the public catalogue (issue 4), edited by administrators
  // (PUT /api/v1/procedure-synonyms). Created empty: a restore needs every table empty after
  // the migrations, so the starting list lives in code (procedures.synonyms-default.ts) and
  // applies while the table has no rows. Writes bump their own generation so the cached
  // search index is rebuilt.
  '0402_procedures_synonyms': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table procedure_synonym (
          position int primary key check (position >= 1),
          terms jsonb not null check (jsonb_typeof(terms) = 'array' and jsonb_array_length(terms) >= 2)
        )`.execute(db);
      await bumpCacheGenerationOn(db, 'procedure_synonym', 'procedure_synonyms');
    },
  },
  // Issue 11: may the desk hand over a result whose fee is unpaid? 'refuse', or 'with_reason'
  // (a stated reason, recorded on the dossier). Existing procedures take the default.
  '0403_procedures_unpaid_return': {
    async up(db: Kysely<unknown>) {
      await sql`
        alter table procedure add column unpaid_return text not null default 'with_reason'
          check (unpaid_return in ('refuse','with_reason'))`.execute(db);
    },
  },
};
