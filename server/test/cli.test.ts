import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { IdentityService } from '../src/modules/identity/index.js';
import { SYSTEM_ACTOR } from '../src/platform/actor.js';
import { systemClock } from '../src/platform/clock.js';
import { openDb } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrations.js';
import { backend } from './db.js';
import { withDatabase } from './global-setup.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const cli = (name: string) => path.join(root, 'server/src/cli', `${name}.ts`);

/** Runs one of the npm CLI scripts the way `npm run <name>` does; never throws. */
async function npmScript(name: string, args: string[], env: Record<string, string>) {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', cli(name), ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function unitCount(target: { dataDir?: string; databaseUrl?: string }) {
  const db = await openDb(target);
  try {
    const r = await sql<{ n: number }>`select count(*)::int as n from org_unit`.execute(db.kysely);
    const a = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(db.kysely);
    return { units: r.rows[0]!.n, audit: a.rows[0]!.n };
  } finally {
    await db.close();
  }
}

describe.skipIf(backend !== 'pglite')('CLI on the embedded database', () => {
  it('imports units, backs up, restores into another directory and in place, verifies the audit chain', async () => {
    const dirA = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-cli-a-'));
    const dirB = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-cli-b-'));
    const imported = await npmScript('import-units', ['--province', '89', '--district', '883'], {
      DATA_DIR: dirA,
    });
    expect(imported.code, imported.out).toBe(0);
    const file = path.join(dirA, 'manual.jsonl.gz');
    const backup = await npmScript('backup', ['--out', file], { DATA_DIR: dirA });
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toContain('Đã sao lưu');
    const before = await unitCount({ dataDir: dirA });
    expect(before.units).toBe(14); // An Giang, Long Xuyên and its 12 wards and communes

    const restored = await npmScript('restore', [file], { DATA_DIR: dirB });
    expect(restored.code, restored.out).toBe(0);
    expect(await unitCount({ dataDir: dirB })).toEqual(before);

    // In place: the old directory is kept beside the restored one.
    const again = await npmScript('restore', [file], { DATA_DIR: dirB });
    expect(again.code, again.out).toBe(0);
    expect(fs.readdirSync(dirB).some((f) => f.startsWith('pgdata.before-restore-'))).toBe(true);
    expect(await unitCount({ dataDir: dirB })).toEqual(before);

    const reset = await npmScript('reset-password', ['--user', 'admin'], { DATA_DIR: dirB });
    expect(reset.code, reset.out).toBe(1); // the units-only database has no admin account
    expect(reset.out).toContain('Không có tài khoản');

    const verified = await npmScript('audit-verify', [], { DATA_DIR: dirB });
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toContain('toàn vẹn');
  });

  it('explains an unreadable units file in Vietnamese and English, without a stack trace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-cli-missing-'));
    const missing = path.join(dir, 'khong-co.json');
    const r = await npmScript('import-units', ['--file', missing], { DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`✖ Không đọc được tệp dữ liệu ${missing}: tệp không tồn tại`);
    expect(r.out).toContain('Cannot read the data file');
    expect(r.out).not.toMatch(/\n\s+at /); // no stack frames
  });

  it('resets a lost admin password and unlocks the account', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-cli-reset-'));
    const db = await openDb({ dataDir: dir });
    await migrateToLatest(db.kysely);
    const identity = new IdentityService(db.kysely, systemClock);
    await identity.ensureAdmin(SYSTEM_ACTOR, 'mat-khau-da-quen');
    await db.close();
    const r = await npmScript('reset-password', [], { DATA_DIR: dir });
    expect(r.code, r.out).toBe(0);
    const newPassword = r.out.match(/new password: (\S+)/)?.[1];
    expect(newPassword).toBeDefined();
    const again = await openDb({ dataDir: dir });
    try {
      const s = await new IdentityService(again.kysely, systemClock).login('admin', newPassword!, {
        ip: null,
        userAgent: null,
      });
      expect(s.user.username).toBe('admin');
    } finally {
      await again.close();
    }
  });

  it('refuses to back up a directory a running server holds, with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-cli-lock-'));
    const held = await openDb({ dataDir: dir, purpose: 'server' });
    try {
      const r = await npmScript('backup', [], { DATA_DIR: dir });
      expect(r.code).toBe(1);
      expect(r.out).toContain('đang được một tiến trình khác sử dụng');
      expect(r.out).toContain('/api/v1/admin/backups');
    } finally {
      await held.close();
    }
  });
});

describe.skipIf(backend !== 'postgres')('CLI on PostgreSQL', () => {
  it('imports units, backs up and restores into another database', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const a = `cqs_cli_a_${process.pid}`;
    const b = `cqs_cli_b_${process.pid}`;
    for (const d of [a, b]) {
      await admin.query(`drop database if exists ${d} with (force)`);
      await admin.query(`create database ${d}`);
    }
    try {
      const urlA = withDatabase(url, a);
      const urlB = withDatabase(url, b);
      const imported = await npmScript('import-units', ['--province', '89', '--district', '883'], {
        DATABASE_URL: urlA,
      });
      expect(imported.code, imported.out).toBe(0);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-cli-pg-')), 'pg.jsonl.gz');
      expect((await npmScript('backup', ['--out', file], { DATABASE_URL: urlA })).code).toBe(0);
      const restored = await npmScript('restore', [file], { DATABASE_URL: urlB });
      expect(restored.code, restored.out).toBe(0);
      expect(await unitCount({ databaseUrl: urlB })).toEqual(
        await unitCount({ databaseUrl: urlA }),
      );
      // Restoring again into the non-empty database is refused unless --force.
      const refused = await npmScript('restore', [file], { DATABASE_URL: urlB });
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('không trống');
      expect((await npmScript('restore', [file, '--force'], { DATABASE_URL: urlB })).code).toBe(0);
    } finally {
      for (const d of [a, b]) await admin.query(`drop database if exists ${d} with (force)`);
      await admin.end();
    }
  });
});
