import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDb } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrations.js';
import { TEST_AUDIT_KEY } from './audit-key.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a tarball of the migrated template data directory. */
    pgliteTemplate: string;
    /** PostgreSQL: name of the migrated template database. */
    pgTemplate: string;
  }
}

/**
 * Migrates ONE template database before all test files; each file then gets a fresh copy
 * (style.md rule 12): a PostgreSQL `CREATE DATABASE … TEMPLATE`, or a PGlite loaded in
 * memory from the template's data-directory tarball.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `cqs_tmpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const db = await openDb({
      databaseUrl: withDatabase(url, name),
      poolSize: 1,
      auditKey: TEST_AUDIT_KEY,
    });
    await migrateToLatest(db.kysely);
    await db.close();
    project.provide('pgTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const engine = await PGlite.create();
  const db = await openDb({ pglite: engine, auditKey: TEST_AUDIT_KEY });
  await migrateToLatest(db.kysely);
  await db.close();
  const blob = await engine.dumpDataDir('none');
  await engine.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

/** The same connection string pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
