import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db/connect.js';
import { backend, createTestDb } from './db.js';

// Several server processes side by side only exist on PostgreSQL (PGlite is one process by design).
const onPostgres = backend === 'postgres';
let db: Db & { url?: string };
let url: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  db = await createTestDb();
  url = db.url!;
  await sql`create table job_probe (id serial primary key, slot text not null, pid int not null)`.execute(
    db.kysely,
  );
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  if (onPostgres) await db.close();
});

interface Worker {
  pid: number;
  /** Resolves once the process's job runner polls. */
  started: Promise<void>;
  /** Asks the process to stop its runner and resolves when it exited cleanly. */
  stop(): Promise<void>;
}

/** Starts one server-like process (test/fixtures/job-process.ts) that runs until stopped. */
function startWorker(): Worker {
  const script = path.resolve(import.meta.dirname, 'fixtures/job-process.ts');
  const c = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(c);
  const exited = new Promise<void>((resolve, reject) =>
    c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`process exited ${code}`)))),
  );
  const started = new Promise<void>((resolve, reject) => {
    let out = '';
    c.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('started\n')) resolve();
    });
    exited.then(() => reject(new Error('process ended before starting')), reject);
  });
  return {
    pid: c.pid!,
    started,
    async stop() {
      c.kill('SIGTERM');
      await exited;
    },
  };
}

const probe = async () =>
  (
    await sql<{ slot: string; pid: number }>`select slot, pid from job_probe order by id`.execute(
      db.kysely,
    )
  ).rows;

/** Polls until `check` holds; fails with `what` after a generous deadline (no timing asserted). */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 40_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!onPostgres)('two server processes on one PostgreSQL', () => {
  it('run each scheduled slot exactly once, and either carries on when the other leaves', async () => {
    // A alone, then A and B together, then B alone: each phase is waited for by what the
    // processes recorded, not by the clock, so a loaded machine only makes it slower.
    const a = startWorker();
    await a.started;
    await until('A runs a slot alone', async () => (await probe()).some((r) => r.pid === a.pid));
    const b = startWorker();
    await b.started;
    const beforeOverlap = (await probe()).length;
    await until('three slots run while both are up', async () => {
      return (await probe()).length >= beforeOverlap + 3;
    });
    await a.stop();
    const afterA = (await probe()).length;
    await until('B runs slots once A has left', async () => {
      const rows = await probe();
      return rows.length >= afterA + 2 && rows.slice(afterA).every((r) => r.pid === b.pid);
    });
    await b.stop();

    const rows = await probe();
    const slots = rows.map((r) => r.slot);
    expect(new Set(slots).size).toBe(slots.length); // no slot ran twice
    // Each slot is a whole second of the every-second schedule.
    for (const s of slots) expect(Date.parse(s) % 1000, s).toBe(0);
    // Only the two processes ran the job, and both did (A alone first, B alone last).
    expect(new Set(rows.map((r) => r.pid))).toEqual(new Set([a.pid, b.pid]));
  }, 180_000);
});
