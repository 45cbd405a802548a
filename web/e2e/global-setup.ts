// Migrating and seeding a database costs a server ~15 s; done once here, each spec then starts
// on a copy (web/e2e/server.ts startServer): the data directory copied (its generated keys and
// audit checkpoint belong with the data) and, on PostgreSQL, `CREATE DATABASE … TEMPLATE`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runSql, spawnServer, withDatabase } from './spawn-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated, demo-seeded data directory each spec's server starts on a copy of. */
    e2eTemplateDir: string;
    /** On PostgreSQL (E2E_DATABASE_URL): the template database; '' on the embedded one. */
    e2eTemplateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-e2e-template-'));
  const base = process.env.E2E_DATABASE_URL;
  const database = base ? `cqs_e2e_tmpl_${process.pid}_${Date.now()}` : '';
  if (base) await runSql(base, `create database ${database}`);
  const server = await spawnServer({
    dataDir: dir,
    databaseUrl: base ? withDatabase(base, database) : undefined,
  });
  await server.stop();
  project.provide('e2eTemplateDir', dir);
  project.provide('e2eTemplateDatabase', database);
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (base) await runSql(base, `drop database if exists ${database} with (force)`);
  };
}
