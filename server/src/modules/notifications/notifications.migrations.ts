import { type Kysely, type Migration, sql } from 'kysely';

/** Migrations of the notifications module (range 06xx). */
export const notificationsMigrations: Record<string, Migration> = {
  '0600_notifications_outbox': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table notification_outbox (
          id bigint generated always as identity primary key,
          channel text not null check (channel in ('email','sms')),
          recipient text not null check (recipient <> ''),
          template text not null check (template <> ''),
          subject text not null,
          body text not null,
          payload jsonb not null default '{}'::jsonb,
          status text not null default 'queued'
            check (status in ('queued','sending','sent','failed')),
          attempts int not null default 0 check (attempts >= 0),
          max_attempts int not null default 6 check (max_attempts >= 1),
          next_attempt_at timestamptz not null default now(),
          last_error text,
          dedupe_key text unique,
          created_at timestamptz not null default now(),
          sent_at timestamptz,
          claimed_at timestamptz,
          claimed_by text,
          related_type text,
          related_id text,
          check ((status = 'sent') = (sent_at is not null)),
          check (status <> 'sending' or (claimed_at is not null and claimed_by is not null)),
          check ((related_type is null) = (related_id is null))
        )`.execute(db);
      // The dispatcher's two scans: due queued rows, and stale 'sending' claims.
      await sql`create index notification_outbox_due_idx on notification_outbox (next_attempt_at, id)
        where status = 'queued'`.execute(db);
      await sql`create index notification_outbox_sending_idx on notification_outbox (claimed_at)
        where status = 'sending'`.execute(db);
      // "What was sent about this dossier" on the dossier page.
      await sql`create index notification_outbox_related_idx on notification_outbox (related_type, related_id)
        where related_type is not null`.execute(db);
    },
  },
};
