import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backend } from './db.js';

const main = path.resolve(import.meta.dirname, '../src/main.ts');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

/** Starts the real server; resolves with its output so far once it prints its URL, or on exit. */
function start(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      DEMO_DATA: '1',
      ADMIN_PASSWORD: 'mat-khau-khoi-dong',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const ready = new Promise<{ out: string; url?: string; code?: number | null }>((resolve) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/is running at: (http:\/\/\S+)/);
      if (m && out.includes('demo logins')) resolve({ out, url: m[1] });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => resolve({ out, code }));
  });
  return { child, ready };
}

// The embedded database is what this is about; on PostgreSQL the suite skips it.
describe.skipIf(backend !== 'pglite')('npm start on the embedded database', () => {
  it('serves the demo with logins printed, and a second start on the same directory refuses', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-start-'));
    const first = await start(dir).ready;
    expect(first.url, first.out).toBeDefined();
    expect(first.out).toContain('motcua.mybinh');
    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const procedures = await (await fetch(`${first.url}/api/v1/procedures?limit=100`)).json();
    expect(procedures.items.length).toBeGreaterThanOrEqual(25);

    const second = await start(dir).ready;
    expect(second.code).toBe(1);
    expect(second.out).toContain('đang được một tiến trình khác sử dụng');
    expect(second.out).toContain('refusing to open it');
    // The first server is unharmed.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
  });
});
