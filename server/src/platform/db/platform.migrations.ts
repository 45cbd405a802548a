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
  // The keyed chain (docs/decisions/0006-keyed-audit-chain.md): from here on each row's hash is
  // HMAC-SHA256(chain key, prev_hash | canonical row). The key never lives in the database: the
  // application gives it to each of its sessions (`cqs.audit_key`, platform/db/connect.ts) and
  // the trigger refuses to insert without it. Rows written before this migration keep their
  // plain sha256; `audit_chain` records from which seq the chain is keyed, with a MAC so that
  // nobody without the key can move that boundary ("downgrade" keyed rows to plain ones).
  '0004_platform_audit_keyed': {
    async up(db: Kysely<unknown>) {
      // The session holds the chain key as hex(key XOR ipad) || hex(key XOR opad) (64 bytes
      // each, AuditKey.sessionSetting), so HMAC (RFC 2104) is two sha256 calls, no extension.
      await sql`
        create function audit_hmac(message text) returns text language plpgsql stable as $$
        declare pads text := current_setting('cqs.audit_key', true);
        begin
          if pads is null or length(pads) <> 256 then
            raise exception 'audit_log: this session has no audit chain key; open the database through the application (AUDIT_CHAIN_KEY or DATA_DIR/keys/audit-chain.key)'
              using errcode = 'P0001';
          end if;
          return encode(sha256(decode(substr(pads, 129, 128), 'hex')
            || sha256(decode(substr(pads, 1, 128), 'hex') || convert_to(message, 'UTF8'))), 'hex');
        end $$`.execute(db);
      await sql`
        create or replace function audit_log_chain() returns trigger language plpgsql as $$
        declare last_row record;
        begin
          -- Refuse before taking the chain lock: a path that forgot the key fails at once
          -- (audit_hmac raises the message).
          if coalesce(length(current_setting('cqs.audit_key', true)), 0) <> 256 then
            perform audit_hmac('');
          end if;
          perform pg_advisory_xact_lock(7660001);
          select seq, hash into last_row from audit_log order by seq desc limit 1;
          new.seq := coalesce(last_row.seq, 0) + 1;
          new.prev_hash := coalesce(last_row.hash, repeat('0', 64));
          new.hash := audit_hmac(new.prev_hash || '|' || audit_log_canonical(
            new.seq, new.occurred_at, new.actor_id, new.actor_name, new.action, new.entity_type,
            new.entity_id, new.unit_code, new.before, new.after));
          return new;
        end $$`.execute(db);
      await sql`
        create table audit_chain (
          one_row boolean primary key default true check (one_row),
          keyed_from bigint not null check (keyed_from >= 1),
          mac text not null,
          created_at timestamptz not null default now()
        )`.execute(db);
      // Under the chain lock, so no row slips in between reading the head and recording it.
      await sql`select pg_advisory_xact_lock(7660001)`.execute(db);
      await sql`insert into audit_chain (keyed_from, mac)
        select n, audit_hmac('cqs-audit-keyed-from|' || n)
        from (select coalesce(max(seq), 0) + 1 as n from audit_log) head`.execute(db);
      await makeAppendOnly(db, 'audit_chain');
      await sql`revoke update, delete, truncate on audit_chain from public`.execute(db);
    },
  },
  // Facts published by modules for the modules above them (platform/facts, issue 12): one
  // row per subject with its current snapshot, and the queue of subjects changed since the
  // followers last looked. `fact` is rewritten in place (a snapshot, not a history: the
  // owners' event tables are the history), so it carries no append-only trigger.
  '0005_platform_facts': {
    async up(db: Kysely<unknown>) {
      await sql`create table fact (
          kind text not null,
          subject_id text not null,
          unit_code text not null,
          data jsonb not null,
          updated_at timestamptz not null,
          primary key (kind, subject_id)
        )`.execute(db);
      await sql`create index fact_kind_unit on fact (kind, unit_code)`.execute(db);
      await sql`create table fact_pending (
          id bigserial primary key,
          kind text not null,
          subject_id text not null
        )`.execute(db);
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
