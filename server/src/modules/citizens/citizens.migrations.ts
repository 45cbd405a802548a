import { type Kysely, type Migration, sql } from 'kysely';
import { makeAppendOnly } from '../../platform/db/platform.migrations.js';

/** Migrations of the citizens module (range 08xx). */
export const citizensMigrations: Record<string, Migration> = {
  '0800_citizens_accounts': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table citizen_registration (
          id uuid primary key default gen_random_uuid(),
          channel text not null check (channel in ('sms','email')),
          contact text not null,
          password_hash text not null,
          full_name text not null,
          terms_version text not null,
          code_hash text not null,
          expires_at timestamptz not null,
          attempts int not null default 0,
          sends int not null default 1,
          last_sent_at timestamptz not null,
          created_at timestamptz not null default now(),
          verified_at timestamptz,
          user_id uuid references app_user(id) deferrable initially immediate
        )`.execute(db);
      await sql`create index citizen_registration_contact_idx on citizen_registration (contact)`.execute(
        db,
      );
      await sql`
        create table citizen_profile (
          user_id uuid primary key references app_user(id) deferrable initially immediate,
          full_name text not null,
          citizen_id_cipher text,
          citizen_id_key_id text,
          citizen_id_hmac text,
          date_of_birth date,
          phone text,
          email text,
          address_line text,
          address_unit_code text,
          terms_version text,
          terms_accepted_at timestamptz,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          check ((citizen_id_cipher is null) = (citizen_id_key_id is null))
        )`.execute(db);
      await sql`create index citizen_profile_id_hmac_idx on citizen_profile (citizen_id_hmac)`.execute(
        db,
      );
      await sql`create index citizen_profile_key_idx on citizen_profile (citizen_id_key_id)`.execute(
        db,
      );
      await sql`
        create table citizen_consent (
          user_id uuid not null references app_user(id) deferrable initially immediate,
          purpose text not null,
          granted boolean not null,
          wording_version text not null,
          decided_at timestamptz not null,
          primary key (user_id, purpose)
        )`.execute(db);
      await sql`
        create table citizen_consent_event (
          id bigint generated always as identity primary key,
          user_id uuid not null references app_user(id) deferrable initially immediate,
          purpose text not null,
          granted boolean not null,
          wording_version text not null,
          at timestamptz not null,
          request_id text
        )`.execute(db);
      await sql`create index citizen_consent_event_user_idx on citizen_consent_event (user_id, id)`.execute(
        db,
      );
      // The proof of what a citizen agreed to must not be rewritten (regulations.md §7).
      await makeAppendOnly(db, 'citizen_consent_event');
      await sql`
        create table personal_data_access (
          id bigint generated always as identity primary key,
          accessor_id uuid,
          accessor_name text not null,
          subject_user_id uuid not null references app_user(id) deferrable initially immediate,
          field text not null,
          purpose text not null,
          at timestamptz not null,
          request_id text
        )`.execute(db);
      await sql`create index personal_data_access_subject_idx on personal_data_access (subject_user_id, id)`.execute(
        db,
      );
      await makeAppendOnly(db, 'personal_data_access');
    },
  },
  '0801_citizens_registration_expiry': {
    async up(db: Kysely<unknown>) {
      // A verified registration is deleted (the account holds the password hash), so the
      // columns that linked it to its account are gone; abandoned sign-ups (a contact and a
      // password hash) are purged once long expired.
      await sql`alter table citizen_registration drop column verified_at, drop column user_id`.execute(
        db,
      );
      await sql`create index citizen_registration_expiry_idx on citizen_registration (expires_at)`.execute(
        db,
      );
    },
  },
  '0802_citizens_password_reset': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table citizen_password_reset (
          id uuid primary key,
          user_id uuid references app_user(id) deferrable initially immediate,
          channel text not null check (channel in ('sms','email')),
          contact text not null,
          code_hash text not null,
          expires_at timestamptz not null,
          attempts int not null default 0,
          sends int not null default 1,
          last_sent_at timestamptz not null,
          created_at timestamptz not null
        )`.execute(db);
      // The per-contact rate limit counts a contact's recent requests.
      await sql`create index citizen_password_reset_contact_idx on citizen_password_reset (contact, created_at)`.execute(
        db,
      );
      await sql`create index citizen_password_reset_user_idx on citizen_password_reset (user_id)`.execute(
        db,
      );
      await sql`create index citizen_password_reset_expiry_idx on citizen_password_reset (expires_at)`.execute(
        db,
      );
    },
  },
};
