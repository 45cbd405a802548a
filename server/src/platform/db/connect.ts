import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AUDIT_KEY_SETTING, type AuditKey } from '../audit/audit.key.js';
import { DataDirLock } from './data-dir-lock.js';
import { installTypeParsers } from './pg-types.js';
import { openPglite } from './pglite-durable.js';
import { prepareStatementsOnConnect } from './prepared-statements.js';
import type { Database } from './schema.js';

export type DbKind = 'pglite' | 'postgres';

/** An open database: the Kysely handle, which backend it is, and how to close it. */
export interface Db {
  kysely: Kysely<Database>;
  kind: DbKind;
  /** The embedded engine, when kind is 'pglite' (used by backup and tests). */
  pglite?: PGlite;
  /** The audit chain key its sessions were given (verification and checkpoints use it). */
  auditKey?: AuditKey;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite directory is used. */
  databaseUrl?: string;
  /** Where the embedded database lives (`<dataDir>/pgdata`). */
  dataDir?: string;
  /** An already-open PGlite (tests load one from a template in memory). */
  pglite?: PGlite;
  /** Who takes the data-directory lock, for the message a second process sees. */
  purpose?: string;
  /** Pool size on PostgreSQL. */
  poolSize?: number;
  /** Embedded only: fsync every commit (default true; DB_FSYNC=off trades safety for speed). */
  durable?: boolean;
  /** Told when an idle PostgreSQL connection fails (logged by the server). */
  onIdleError?: (err: Error) => void;
  /**
   * The audit chain key, handed to every session the pool opens: the audit trigger refuses
   * to insert without it. Every caller that may write audit rows must pass it.
   */
  auditKey?: AuditKey;
}

/** Directory of the embedded database inside DATA_DIR. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

/**
 * Opens the database. Embedded mode goes through Kysely's PostgresDialect over PGlite's
 * node-postgres adapter with a pool of ONE connection: a transaction holds that connection
 * until it ends, so concurrent requests' transactions are serialised and a failing one
 * cannot roll back another's work (the `kysely-pglite` dialect shares one session without
 * a lock and did exactly that). See docs/decisions/0002-embedded-database.md.
 */
export async function openDb(opts: OpenOptions): Promise<Db> {
  installTypeParsers();
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection the server drops (restart, failover) emits 'error' on the pool;
    // unhandled, that would crash the process. The pool replaces the connection by itself.
    pool.on('error', (err) => opts.onIdleError?.(err));
    giveAuditKeyOnConnect(pool, opts.auditKey);
    prepareStatementsOnConnect(pool);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, kind: 'postgres', auditKey: opts.auditKey, close: () => kysely.destroy() };
  }
  let lock: DataDirLock | undefined;
  let pglite = opts.pglite;
  if (!pglite) {
    if (!opts.dataDir) throw new Error('openDb: dataDir or databaseUrl is required');
    lock = await DataDirLock.acquire(opts.dataDir, opts.purpose ?? 'server');
    const dir = pgliteDir(opts.dataDir);
    try {
      pglite = await openPglite(dir, opts.durable ?? true);
    } catch (err) {
      await lock.release();
      throw err;
    }
  }
  const engine = pglite;
  const pool = new pg.Pool({
    ...createPgConfig(engine),
    max: 1,
    // A query issued on `db` while a transaction holds the only connection would wait
    // forever; fail loudly instead so the bug (not passing `trx`) is found.
    connectionTimeoutMillis: 60_000,
  } as pg.PoolConfig);
  giveAuditKeyOnConnect(pool, opts.auditKey);
  prepareStatementsOnConnect(pool);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    kind: 'pglite',
    pglite: engine,
    auditKey: opts.auditKey,
    async close() {
      await kysely.destroy();
      if (!opts.pglite) await engine.close();
      await lock?.release();
    },
  };
}

/**
 * Sets the audit chain key in every new session before anything else runs on it (a client runs
 * its queries in order). The value is a bind parameter, so `pg_stat_activity` shows `$2`, not
 * the key. On PGlite the one session keeps it for the engine's life.
 */
function giveAuditKeyOnConnect(pool: pg.Pool, key: AuditKey | undefined): void {
  if (!key) return;
  const setting = key.sessionSetting();
  pool.on('connect', (client) => {
    // A failure here leaves the session without the key; the trigger then refuses every audit
    // insert loudly, which is the intended outcome of a session that cannot be keyed.
    client.query('select set_config($1, $2, false)', [AUDIT_KEY_SETTING, setting]).catch(() => {});
  });
}
