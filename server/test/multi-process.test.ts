import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db/connect.js';
import { backend, createTestDb } from './db.js';

// Several server processes side by side only exist on PostgreSQL (PGlite is one process by design).
const onPostgres = backend === 'postgres';
let db: Db & { url?: string };
let url: string;

beforeAll(async () => {
  if (!onPostgres) return;
  db = await createTestDb();
  url = db.url!;
  await sql`create table job_probe (slot text not null, pid int not null)`.execute(db.kysely);
});
afterAll(async () => {
  if (onPostgres) await db.close();
});

function runProcess(ms: number): Promise<void> {
  const script = path.resolve(import.meta.dirname, 'fixtures/job-process.ts');
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', 'tsx', script, String(ms)], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`process exited ${code}`))));
  });
}

describe.skipIf(!onPostgres)('two server processes on one PostgreSQL', () => {
  it('run each scheduled slot exactly once', async () => {
    await Promise.all([runProcess(5000), runProcess(5000)]);
    const rows = await sql<{
      slot: string;
      pid: number;
    }>`select slot, pid from job_probe order by slot`.execute(db.kysely);
    const slots = rows.rows.map((r) => r.slot);
    expect(slots.length).toBeGreaterThanOrEqual(3);
    expect(new Set(slots).size).toBe(slots.length); // no slot ran twice
    // The slots are consecutive seconds: none was skipped while both processes were up.
    const times = slots.map((s) => Date.parse(s));
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(1000);
    const pids = new Set(rows.rows.map((r) => r.pid));
    expect(pids.size).toBeGreaterThanOrEqual(1);
  });
});
