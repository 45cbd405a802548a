import { type Kysely, type Migration, sql } from 'kysely';

/** Migrations of the Open311 interface of the reports module (range 07xx, after the reports'). */
export const open311Migrations: Record<string, Migration> = {
  '0720_open311_clients': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table open311_client (
          id uuid primary key,
          name text not null check (char_length(name) between 1 and 200),
          key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
          key_prefix text not null check (char_length(key_prefix) = 8),
          created_at timestamptz not null default now(),
          created_by uuid references app_user(id) deferrable initially immediate,
          revoked_at timestamptz
        )`.execute(db);
      // Reports remember the client that sent them (column from 0702_reports_origin).
      await sql`alter table report add constraint report_source_client_fk
        foreign key (source_client_id) references open311_client(id)
        deferrable initially immediate`.execute(db);
      await sql`create index report_source_client_idx on report (source_client_id, created_at desc)
        where source_client_id is not null`.execute(db);
      // GET /tokens/{token} finds a report by the hash of its follow token.
      await sql`create index report_follow_token_idx on report (follow_token_hash)`.execute(db);
    },
  },
};
