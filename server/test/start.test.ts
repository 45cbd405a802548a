import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backend } from './db.js';
import { withDatabase } from './global-setup.js';

const main = path.resolve(import.meta.dirname, '../src/main.ts');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

/** Starts the real server; resolves with its output so far once it prints its URL, or on exit. */
function start(dataDir: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      DEMO_DATA: '1',
      ADMIN_PASSWORD: 'mat-khau-khoi-dong',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const output = () => out;
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
  return { child, ready, output };
}

// The embedded database is what this is about; on PostgreSQL the suite skips it.
describe.skipIf(backend !== 'pglite')('npm start on the embedded database', () => {
  it('serves the demo with logins printed, and a second start on the same directory refuses', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-start-'));
    // LOG_LEVEL as `npm start` leaves it (info): requests must not flood the terminal.
    const started = start(dir, { LOG_LEVEL: 'info' });
    const first = await started.ready;
    expect(first.url, first.out).toBeDefined();
    expect(first.out).toContain('motcua.mybinh');
    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const procedures = await (await fetch(`${first.url}/api/v1/procedures?limit=100`)).json();
    expect(procedures.items.length).toBeGreaterThanOrEqual(25);
    for (let i = 0; i < 10; i++) await (await fetch(`${first.url}/api/health`)).text();
    // The printed URL, admin password and demo logins stay readable: no JSON line per request.
    expect(started.output()).not.toMatch(/incoming request|request completed/);

    const second = await start(dir).ready;
    expect(second.code).toBe(1);
    expect(second.out).toContain('đang được một tiến trình khác sử dụng');
    expect(second.out).toContain('refusing to open it');
    // The first server is unharmed.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
  });
});

describe.skipIf(backend !== 'pglite')('WORKERS on the embedded database', () => {
  it('refuses more than one process, in Vietnamese and English, touching nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-workers-'));
    const r = await start(dir, { WORKERS: '2' }).ready;
    expect(r.code).toBe(1);
    expect(r.out).toContain('cơ sở dữ liệu nhúng chỉ cho phép một tiến trình');
    expect(r.out).toContain('needs PostgreSQL');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe.skipIf(backend !== 'postgres')('WORKERS on PostgreSQL', () => {
  it('serves from several processes on one port and stops them all on SIGTERM', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `cqs_workers_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const { child, ready } = start(fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-w-')), {
        WORKERS: '2',
        DATABASE_URL: withDatabase(url, name),
      });
      const r = await ready;
      expect(r.url, r.out).toBeDefined();
      // The banner is printed once, by the primary, after both workers listen.
      expect(r.out.match(/is running at/g)).toHaveLength(1);
      // Two worker processes under the primary (Linux exposes a process's children).
      const children = `/proc/${child.pid}/task/${child.pid}/children`;
      if (fs.existsSync(children))
        expect(fs.readFileSync(children, 'utf8').trim().split(/\s+/)).toHaveLength(2);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${r.url}/api/health`).then((x) => x.status)),
      );
      expect(results.every((s) => s === 200)).toBe(true);
      const login = await fetch(`${r.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'motcua.mybinh', password: 'demo@2026' }),
      });
      expect(login.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // No worker is left holding a connection to the database.
      const left = await admin.query(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [name],
      );
      expect(left.rows[0].n).toBe(0);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
