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
import { checkpointFilePath } from '../src/platform/audit/audit.checkpoint.js';
import { auditKeyFilePath, loadAuditKey } from '../src/platform/audit/audit.key.js';
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

/** A fixed test key for the CLI runs on PostgreSQL (where the key is required), not a secret. */
const PG_AUDIT_KEY = Buffer.alloc(32, 42).toString('base64');

/** Opens a CLI's database as the CLIs do: with the audit key of that DATA_DIR or PG_AUDIT_KEY. */
function openKeyed(target: { dataDir?: string; databaseUrl?: string }) {
  const auditKey = loadAuditKey({
    dataDir: target.dataDir ?? os.tmpdir(),
    databaseUrl: target.databaseUrl,
    demoData: false,
    auditChainKey: target.databaseUrl ? PG_AUDIT_KEY : undefined,
  });
  return openDb({ ...target, auditKey });
}

async function unitCount(target: { dataDir?: string; databaseUrl?: string }) {
  const db = await openKeyed(target);
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

    // Restoring elsewhere needs the original audit key (README): copy the key file along.
    fs.mkdirSync(path.join(dirB, 'keys'));
    fs.copyFileSync(auditKeyFilePath(dirA), auditKeyFilePath(dirB));
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

    // The restore wrote a signed checkpoint of the restored head: a tail deleted behind the
    // triggers afterwards is reported from its first missing seq, also from a copy of the file.
    const lastSeq = before.audit; // the import's own audit row(s)
    expect(lastSeq).toBeGreaterThanOrEqual(1);
    const db = await openKeyed({ dataDir: dirB });
    try {
      await sql`alter table audit_log disable trigger user`.execute(db.kysely);
      await sql`delete from audit_log where seq = ${lastSeq}`.execute(db.kysely);
      await sql`alter table audit_log enable trigger user`.execute(db.kysely);
    } finally {
      await db.close();
    }
    const truncated = await npmScript('audit-verify', [], { DATA_DIR: dirB });
    expect(truncated.code, truncated.out).toBe(1);
    expect(truncated.out).toContain(`Thiếu các dòng từ seq=${lastSeq}`);
    expect(truncated.out).toContain(`first fault at seq ${lastSeq}`);
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-cli-cp-')), 'copy.jsonl');
    fs.copyFileSync(checkpointFilePath(dirB), copy);
    fs.rmSync(checkpointFilePath(dirB));
    const local = await npmScript('audit-verify', [], { DATA_DIR: dirB });
    expect(local.code, local.out).toBe(0); // no checkpoint left on the machine: nothing to compare
    const shipped = await npmScript('audit-verify', ['--checkpoints', copy], { DATA_DIR: dirB });
    expect(shipped.code, shipped.out).toBe(1);
    expect(shipped.out).toContain(`first fault at seq ${lastSeq}`);
  }, 300_000); // a dozen CLI processes, each starting tsx and PGlite

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
    const db = await openKeyed({ dataDir: dir });
    await migrateToLatest(db.kysely);
    const identity = new IdentityService(db.kysely, systemClock);
    await identity.ensureAdmin(SYSTEM_ACTOR, 'mat-khau-da-quen');
    await db.close();
    const r = await npmScript('reset-password', [], { DATA_DIR: dir });
    expect(r.code, r.out).toBe(0);
    const newPassword = r.out.match(/new password: (\S+)/)?.[1];
    expect(newPassword).toBeDefined();
    const again = await openKeyed({ dataDir: dir });
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
      // DATA_DIR: where the restore writes its checkpoint line (not the checkout's ./data).
      const pgEnv = {
        AUDIT_CHAIN_KEY: PG_AUDIT_KEY,
        DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-cli-pgdata-')),
      };
      const imported = await npmScript('import-units', ['--province', '89', '--district', '883'], {
        DATABASE_URL: urlA,
        ...pgEnv,
      });
      expect(imported.code, imported.out).toBe(0);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-cli-pg-')), 'pg.jsonl.gz');
      expect(
        (await npmScript('backup', ['--out', file], { DATABASE_URL: urlA, ...pgEnv })).code,
      ).toBe(0);
      const restored = await npmScript('restore', [file], { DATABASE_URL: urlB, ...pgEnv });
      expect(restored.code, restored.out).toBe(0);
      expect(await unitCount({ databaseUrl: urlB })).toEqual(
        await unitCount({ databaseUrl: urlA }),
      );
      // Restoring again into the non-empty database is refused unless --force.
      const refused = await npmScript('restore', [file], { DATABASE_URL: urlB, ...pgEnv });
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('không trống');
      expect(
        (await npmScript('restore', [file, '--force'], { DATABASE_URL: urlB, ...pgEnv })).code,
      ).toBe(0);
      // Without the key, a PostgreSQL deployment refuses with a clear message.
      const keyless = await npmScript('audit-verify', [], {
        DATABASE_URL: urlB,
        ...pgEnv,
        AUDIT_CHAIN_KEY: '',
        DEMO_DATA: '0',
      });
      expect(keyless.code).toBe(1);
      expect(keyless.out).toContain('Chưa cấu hình AUDIT_CHAIN_KEY');
      const verified = await npmScript('audit-verify', [], { DATABASE_URL: urlB, ...pgEnv });
      expect(verified.code, verified.out).toBe(0);
    } finally {
      for (const d of [a, b]) await admin.query(`drop database if exists ${d} with (force)`);
      await admin.end();
    }
  });
});
