import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import type { AuditKey } from '../src/platform/audit/audit.key.js';
import { type Db, openDb } from '../src/platform/db/connect.js';
import { TEST_AUDIT_KEY } from './audit-key.js';
import { withDatabase } from './global-setup.js';

export { TEST_AUDIT_KEY };

/** Which backend the suite runs on. */
export const backend: 'postgres' | 'pglite' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one test file (a copy of the migrated template), its sessions
 * given TEST_AUDIT_KEY. `auditKey: null` opens it without the key (the audit trigger then
 * refuses inserts); `empty: true` gives a database with no migrations applied.
 */
export async function createTestDb(
  opts: { auditKey?: AuditKey | null; empty?: boolean } = {},
): Promise<Db & { url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  const auditKey = opts.auditKey === null ? undefined : (opts.auditKey ?? TEST_AUDIT_KEY);
  if (url) {
    const name = `cqs_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(
        opts.empty
          ? `create database ${name}`
          : `create database ${name} template ${inject('pgTemplate')}`,
      );
    } finally {
      await admin.end();
    }
    const dbUrl = withDatabase(url, name);
    const db = await openDb({ databaseUrl: dbUrl, poolSize: 5, auditKey });
    return {
      ...db,
      url: dbUrl,
      async close() {
        await db.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const engine = opts.empty
    ? await PGlite.create()
    : await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) });
  const db = await openDb({ pglite: engine, auditKey });
  return {
    ...db,
    async close() {
      await db.close();
      await engine.close();
    },
  };
}
