import { type Kysely, type Migration, sql } from 'kysely';
import { bumpCacheGenerationOn } from '../../platform/db/platform.migrations.js';

/**
 * Migrations of the org module (range 01xx). The lists in the CHECK constraints are written
 * out rather than taken from org.rules.ts on purpose: a migration must not change once run;
 * adding a category means a new migration.
 */
export const orgMigrations: Record<string, Migration> = {
  '0100_org_units': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table org_unit (
          id uuid primary key default gen_random_uuid(),
          code text not null unique
            check (code ~ '^[0-9A-Z]+([._-][0-9A-Z]+)*$' and length(code) <= 40),
          created_at timestamptz not null default now()
        )`.execute(db);
      await sql`
        create table org_unit_version (
          id uuid primary key default gen_random_uuid(),
          unit_id uuid not null references org_unit(id) deferrable initially immediate,
          valid_from date not null,
          valid_to date,
          name text not null check (length(name) between 1 and 200),
          full_name text not null check (length(full_name) between 1 and 300),
          name_en text,
          full_name_en text,
          kind text not null check (kind in ('province','district','commune','hamlet','agency')),
          category text not null check (category in (
            'tinh','thanh_pho_tw','thanh_pho','quan','huyen','thi_xa','phuong','xa','thi_tran',
            'dac_khu','ap','khom','thon','to_dan_pho',
            'ubnd','hdnd','van_phong','phong','one_stop','cong_an','other')),
          parent_unit_id uuid references org_unit(id) deferrable initially immediate,
          agency_id text check (agency_id ~ '^[0-9A-Z]+(\\.[0-9A-Z]+)*$' and length(agency_id) <= 35),
          successor_unit_id uuid references org_unit(id) deferrable initially immediate,
          change_reason text,
          end_reason text,
          created_at timestamptz not null default now(),
          check (valid_to is null or valid_to > valid_from),
          check (parent_unit_id is null or parent_unit_id <> unit_id),
          check (successor_unit_id is null or valid_to is not null),
          unique (unit_id, valid_from)
        )`.execute(db);
      // At most one open-ended version per unit; the service keeps the others from overlapping.
      await sql`create unique index org_unit_version_open_idx on org_unit_version (unit_id) where valid_to is null`.execute(
        db,
      );
      await sql`create index org_unit_version_parent_idx on org_unit_version (parent_unit_id, valid_from)`.execute(
        db,
      );
      await sql`create index org_unit_version_agency_idx on org_unit_version (agency_id) where agency_id is not null`.execute(
        db,
      );
      await sql`
        create table org_unit_boundary (
          unit_id uuid primary key references org_unit(id) deferrable initially immediate,
          geometry jsonb not null check (geometry->>'type' in ('Polygon','MultiPolygon')),
          min_lon double precision not null,
          min_lat double precision not null,
          max_lon double precision not null,
          max_lat double precision not null,
          source text not null,
          updated_at timestamptz not null default now()
        )`.execute(db);
    },
  },
  // Writes here invalidate the dossier module's cached copies (platform/cache).
  '0101_org_cache_generation': {
    async up(db: Kysely<unknown>) {
      await bumpCacheGenerationOn(db, 'org_unit', 'org');
      await bumpCacheGenerationOn(db, 'org_unit_version', 'org');
    },
  },
};
