import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDb } from './connect.js';
import { DurableNodeFS } from './pglite-durable.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-durable-'));

describe('embedded durability', () => {
  it('fsyncs every commit through to the real file system', async () => {
    const db = await openDb({ dataDir: tmp() });
    try {
      const show = await sql<{ fsync: string }>`show fsync`.execute(db.kysely);
      expect(show.rows[0]!.fsync).toBe('on');
      await sql`create table f (n int)`.execute(db.kysely);
      const before = DurableNodeFS.fsyncCalls;
      for (let i = 0; i < 20; i++) await sql`insert into f values (${i})`.execute(db.kysely);
      expect(DurableNodeFS.fsyncCalls - before).toBeGreaterThanOrEqual(20);
    } finally {
      await db.close();
    }
  });

  it('keeps fsync off only when asked to', async () => {
    const db = await openDb({ dataDir: tmp(), durable: false });
    try {
      const show = await sql<{ fsync: string }>`show fsync`.execute(db.kysely);
      expect(show.rows[0]!.fsync).toBe('off');
    } finally {
      await db.close();
    }
  });

  it('recovers every acknowledged commit after the process is killed mid-work', async () => {
    const dir = tmp();
    const script = path.resolve(import.meta.dirname, '../../../test/fixtures/commit-then-wait.ts');
    const acknowledged = await new Promise<number>((resolve, reject) => {
      const c = spawn(process.execPath, ['--import', 'tsx', script, dir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let last = 0;
      c.stdout!.on('data', (d: Buffer) => {
        const m = [...d.toString().matchAll(/committed (\d+)/g)].at(-1);
        if (m) last = Number(m[1]);
        if (last >= 50) c.kill('SIGKILL');
      });
      c.on('exit', () => resolve(last));
      c.on('error', reject);
    });
    expect(acknowledged).toBeGreaterThanOrEqual(50);
    const db = await openDb({ dataDir: dir });
    try {
      const r = await sql<{
        n: number;
        max: number;
      }>`select count(*)::int as n, max(n) as max from crash_probe`.execute(db.kysely);
      expect(r.rows[0]!.n).toBeGreaterThanOrEqual(acknowledged);
      expect(r.rows[0]!.n).toBe(r.rows[0]!.max); // no holes
    } finally {
      await db.close();
    }
  });
});
