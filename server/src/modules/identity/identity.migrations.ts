import { type Kysely, type Migration, sql } from 'kysely';

/** Migrations of the identity module (range 02xx). */
export const identityMigrations: Record<string, Migration> = {
  '0200_identity_accounts': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table app_user (
          id uuid primary key default gen_random_uuid(),
          username text not null,
          password_hash text not null,
          full_name text not null,
          email text,
          kind text not null check (kind in ('staff','citizen')),
          disabled boolean not null default false,
          failed_logins int not null default 0,
          failed_window_start timestamptz,
          locked_until timestamptz,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`.execute(db);
      await sql`create unique index app_user_username_idx on app_user (lower(username))`.execute(
        db,
      );
      await sql`
        create table user_role (
          user_id uuid not null references app_user(id) on delete cascade deferrable initially immediate,
          role text not null check (role in ('admin','desk_officer','specialist','leader','secretariat','citizen')),
          unit_code text,
          unique nulls not distinct (user_id, role, unit_code)
        )`.execute(db);
      await sql`
        create table session (
          id text primary key,
          user_id uuid not null references app_user(id) on delete cascade deferrable initially immediate,
          csrf_token text not null,
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          last_seen_at timestamptz not null default now(),
          ip text,
          user_agent text
        )`.execute(db);
      await sql`create index session_user_idx on session (user_id)`.execute(db);
      await sql`
        create table login_attempt (
          id bigint generated always as identity primary key,
          username text not null,
          outcome text not null check (outcome in ('success','failure','locked','disabled')),
          at timestamptz not null default now(),
          ip text
        )`.execute(db);
      await sql`create index login_attempt_user_idx on login_attempt (lower(username), at)`.execute(
        db,
      );
    },
  },
  // Sign-in throttle per (account, client) instead of a lock of the account for everyone
  // (issue 11): five wrong passwords from anywhere used to lock any account, admin included.
  '0210_identity_login_throttle': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table login_throttle (
          username_key text not null,
          client text not null,
          failures int not null check (failures > 0),
          last_failure_at timestamptz not null,
          blocked_until timestamptz,
          primary key (username_key, client)
        )`.execute(db);
      await sql`create index login_throttle_last_failure_idx on login_throttle (last_failure_at)`.execute(
        db,
      );
      await sql`alter table login_attempt drop constraint login_attempt_outcome_check`.execute(db);
      await sql`alter table login_attempt add constraint login_attempt_outcome_check
        check (outcome in ('success','failure','locked','disabled','throttled'))`.execute(db);
      // Locks set by the old per-account rule end now; the account's lock columns stay for an
      // administrator's lock only.
      await sql`update app_user set failed_logins = 0, failed_window_start = null, locked_until = null
        where locked_until is not null or failed_logins <> 0`.execute(db);
    },
  },
};
