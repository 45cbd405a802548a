import { type Kysely, type Migration, sql } from 'kysely';

/** Platform tables: jobs, schedules and the audit log. */
export const platformMigrations: Record<string, Migration> = {
  '0001_platform_jobs': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table job (
          id bigint generated always as identity primary key,
          name text not null,
          payload jsonb not null default '{}'::jsonb,
          status text not null default 'queued' check (status in ('queued','running','done','failed')),
          run_at timestamptz not null default now(),
          attempts int not null default 0,
          max_attempts int not null default 5,
          locked_by text,
          locked_until timestamptz,
          last_error text,
          singleton_key text,
          created_at timestamptz not null default now(),
          finished_at timestamptz
        )`.execute(db);
      await sql`create index job_due_idx on job (run_at, id) where status = 'queued'`.execute(db);
      await sql`create unique index job_singleton_idx on job (name, singleton_key)
        where singleton_key is not null and status in ('queued','running')`.execute(db);
      await sql`
        create table job_schedule (
          name text primary key,
          cron text not null,
          next_run_at timestamptz not null,
          last_run_at timestamptz
        )`.execute(db);
    },
  },
  '0002_platform_audit': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table audit_log (
          id bigint generated always as identity primary key,
          seq bigint not null unique,
          occurred_at timestamptz not null default now(),
          actor_id uuid,
          actor_name text not null,
          action text not null,
          entity_type text not null,
          entity_id text not null,
          unit_code text,
          before jsonb,
          after jsonb,
          request_id text,
          prev_hash text not null,
          hash text not null
        )`.execute(db);
      await sql`create index audit_entity_idx on audit_log (entity_type, entity_id)`.execute(db);
      // The chain: each row's hash covers the previous row's hash and this row's content.
      // An advisory lock serialises appends across connections and processes, and `seq` is
      // given under that lock, so the chain order is the commit order (ids from the identity
      // sequence are handed out before the lock and may interleave).
      await sql`
        create function audit_log_chain() returns trigger language plpgsql as $$
        declare last_row record;
        begin
          perform pg_advisory_xact_lock(7660001);
          select seq, hash into last_row from audit_log order by seq desc limit 1;
          new.seq := coalesce(last_row.seq, 0) + 1;
          new.prev_hash := coalesce(last_row.hash, repeat('0', 64));
          new.hash := encode(sha256(convert_to(new.prev_hash || '|' || audit_log_canonical(
            new.seq, new.occurred_at, new.actor_id, new.actor_name, new.action, new.entity_type,
            new.entity_id, new.unit_code, new.before, new.after), 'UTF8')), 'hex');
          return new;
        end $$`.execute(db);
      await sql`
        create function audit_log_canonical(seq bigint, occurred_at timestamptz, actor_id uuid,
          actor_name text, action text, entity_type text, entity_id text, unit_code text,
          before jsonb, after jsonb) returns text language sql immutable as $$
          select seq::text || '|' || to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
            || '|' || coalesce(actor_id::text, '') || '|' || actor_name || '|' || action
            || '|' || entity_type || '|' || entity_id || '|' || coalesce(unit_code, '')
            || '|' || coalesce(before::text, 'null') || '|' || coalesce(after::text, 'null')
        $$`.execute(db);
      await sql`create trigger audit_log_chain before insert on audit_log
        for each row execute function audit_log_chain()`.execute(db);
      // Append-only: the application (even as table owner or superuser) cannot change or
      // remove a row; only dropping the table, which no code path does, would.
      await makeAppendOnly(db, 'audit_log');
      await sql`revoke update, delete, truncate on audit_log from public`.execute(db);
    },
  },
  // Generations of reference data for the in-process caches (platform/cache): a statement
  // on a source table stamps its source with the current microsecond (always moving, also
  // after a restore, so a cached generation never matches again by chance).
  '0003_platform_cache_generation': {
    async up(db: Kysely<unknown>) {
      await sql`create table cache_generation (
          name text primary key,
          generation bigint not null
        )`.execute(db);
      await sql`
        create function cache_generation_bump() returns trigger language plpgsql as $$
        begin
          insert into cache_generation (name, generation)
            values (tg_argv[0], (extract(epoch from clock_timestamp()) * 1000000)::bigint)
          on conflict (name) do update
            set generation = greatest(cache_generation.generation + 1, excluded.generation);
          return null;
        end $$`.execute(db);
    },
  },
};

/** Attaches the generation bump of `source` to `table` (used by the modules' migrations). */
export async function bumpCacheGenerationOn(
  db: Kysely<unknown>,
  table: string,
  source: string,
): Promise<void> {
  for (const event of ['insert or update or delete', 'truncate']) {
    await sql`create trigger ${sql.raw(`${table}_cache_generation_${event === 'truncate' ? 't' : 'w'}`)}
      after ${sql.raw(event)} on ${sql.table(table)}
      for each statement execute function cache_generation_bump(${sql.lit(source)})`.execute(db);
  }
}

/**
 * Makes `table` append-only: UPDATE, DELETE and TRUNCATE raise P0001 "<table> is append-only".
 * For facts that are counted or chained (audit log, dossier and report events).
 */
export async function makeAppendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  const fn = sql.raw(`${table}_refuse_change`);
  await sql`
    create function ${fn}() returns trigger language plpgsql as $$
    begin
      raise exception '${sql.raw(table)} is append-only: % refused', tg_op using errcode = 'P0001';
    end $$`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_update`)} before update or delete on ${sql.table(table)}
    for each row execute function ${fn}()`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
    for each statement execute function ${fn}()`.execute(db);
}
