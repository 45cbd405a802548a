import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Db, openDb } from '../src/platform/db/connect.js';
import { withDatabase } from './global-setup.js';

/** Which backend the suite runs on. */
export const backend: 'postgres' | 'pglite' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** A fresh, migrated database for one test file (a copy of the migrated template). */
export async function createTestDb(): Promise<Db & { url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `cqs_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    } finally {
      await admin.end();
    }
    const dbUrl = withDatabase(url, name);
    const db = await openDb({ databaseUrl: dbUrl, poolSize: 5 });
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
  const tar = fs.readFileSync(inject('pgliteTemplate'));
  const engine = await PGlite.create({ loadDataDir: new Blob([tar]) });
  const db = await openDb({ pglite: engine });
  return {
    ...db,
    async close() {
      await db.close();
      await engine.close();
    },
  };
}
