import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_AUDIT_KEY } from '../../../test/db.js';
import { SYSTEM_ACTOR } from '../actor.js';
import { recordAudit } from '../audit/audit.js';
import { AuditKey } from '../audit/audit.key.js';
import { verifyAuditChain } from '../audit/audit.verify.js';
import type { Db } from '../db/connect.js';
import { allMigrations } from '../db/migrations.js';
import { backupFileName, createBackup, pruneBackups, restoreBackup } from './backup.js';

let source: Db;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-backup-'));
const file = path.join(dir, 'b.jsonl.gz');

beforeAll(async () => {
  source = await createTestDb();
  await source.kysely
    .insertInto('app_user')
    .values({
      username: 'nguyen.van.a',
      password_hash: 'x',
      full_name: 'Nguyễn Văn Á',
      email: null,
      kind: 'staff',
      failed_window_start: null,
      locked_until: null,
    })
    .execute();
  await sql`insert into calendar_override (year, days_off, working_days) values (2027, '{2027-02-12}', '{2027-02-20}')`.execute(
    source.kysely,
  );
  for (let i = 0; i < 3; i++) {
    await source.kysely.transaction().execute((trx) =>
      recordAudit(trx, SYSTEM_ACTOR, {
        action: 'x.y',
        entityType: 'x',
        entityId: String(i),
        after: { i, tên: 'Đ' },
      }),
    );
  }
  await sql`insert into job (name, payload) values ('platform.backup', '{}')`.execute(
    source.kysely,
  );
});
afterAll(() => source.close());

describe('backup and restore', () => {
  it('round-trips every table, identity sequences and the audit chain', async () => {
    const counts = await createBackup(source.kysely, file);
    expect(counts.app_user).toBe(1);
    expect(counts.audit_log).toBe(3);
    const target = await createTestDb();
    try {
      const restored = await restoreBackup(target.kysely, file, TEST_AUDIT_KEY);
      expect(restored.app_user).toBe(1);
      const user = await target.kysely.selectFrom('app_user').selectAll().executeTakeFirstOrThrow();
      expect(user.full_name).toBe('Nguyễn Văn Á');
      const cal = await sql<{
        d: string[];
      }>`select days_off::text[] as d from calendar_override where year = 2027`.execute(
        target.kysely,
      );
      expect(cal.rows[0]!.d).toEqual(['2027-02-12']);
      const hashes = async (db: Db) =>
        (await db.kysely.selectFrom('audit_log').select('hash').orderBy('seq').execute()).map(
          (r) => r.hash,
        );
      expect(await hashes(target)).toEqual(await hashes(source));
      expect(await verifyAuditChain(target.kysely, TEST_AUDIT_KEY)).toMatchObject({
        ok: true,
        rows: 3,
        keyedFrom: 1,
      });
      // New rows continue after the restored ones (identity sequences were moved on).
      await sql`insert into job (name, payload) values ('platform.vacuum', '{}')`.execute(
        target.kysely,
      );
      await target.kysely
        .transaction()
        .execute((trx) =>
          recordAudit(trx, SYSTEM_ACTOR, { action: 'after', entityType: 'x', entityId: 'z' }),
        );
      expect(await verifyAuditChain(target.kysely, TEST_AUDIT_KEY)).toMatchObject({
        ok: true,
        rows: 4,
      });
      // A second restore into the now non-empty database is refused and changes nothing.
      await expect(restoreBackup(target.kysely, file, TEST_AUDIT_KEY)).rejects.toMatchObject({
        code: 'restore_target_not_empty',
      });
    } finally {
      await target.close();
    }
  });

  it('restores a backup from an older version: a column added since takes its default', async () => {
    // An older version's backup has no key for a column a later migration added with
    // `not null default …` (here app_user.disabled stands for it): the restore must not
    // insert NULL there.
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    let table = '';
    const older = lines.map((line, i) => {
      if (i === 0 || !line) return line;
      if (line.startsWith('{"table":')) {
        table = (JSON.parse(line) as { table: string }).table;
        return line;
      }
      if (table !== 'app_user') return line;
      const row = JSON.parse(line) as Record<string, unknown>;
      expect(row).toHaveProperty('disabled');
      delete row.disabled;
      return JSON.stringify(row);
    });
    const old = path.join(dir, 'older.jsonl.gz');
    fs.writeFileSync(old, zlib.gzipSync(older.join('\n')));
    const target = await createTestDb();
    try {
      const restored = await restoreBackup(target.kysely, old, TEST_AUDIT_KEY);
      expect(restored.app_user).toBe(1);
      const user = await target.kysely.selectFrom('app_user').selectAll().executeTakeFirstOrThrow();
      expect(user.full_name).toBe('Nguyễn Văn Á');
      expect(user.disabled).toBe(false);
    } finally {
      await target.close();
    }
  });

  it('refuses a backup whose audit log was edited', async () => {
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    const forged = text.replace(/"tên": ?"Đ"/, '"tên": "X"');
    expect(forged).not.toBe(text);
    const bad = path.join(dir, 'forged.jsonl.gz');
    fs.writeFileSync(bad, zlib.gzipSync(forged));
    const target = await createTestDb();
    try {
      await expect(restoreBackup(target.kysely, bad, TEST_AUDIT_KEY)).rejects.toMatchObject({
        code: 'backup_audit_mismatch',
      });
      const n = await sql<{ n: number }>`select count(*)::int as n from app_user`.execute(
        target.kysely,
      );
      expect(n.rows[0]!.n).toBe(0); // all or nothing
    } finally {
      await target.close();
    }
  });

  it('refuses a restore under another audit key (restoring elsewhere needs the same key)', async () => {
    const target = await createTestDb();
    try {
      await expect(
        restoreBackup(target.kysely, file, new AuditKey(Buffer.alloc(32, 9))),
      ).rejects.toMatchObject({ code: 'backup_audit_key_mismatch' });
      const n = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(
        target.kysely,
      );
      expect(n.rows[0]!.n).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('refuses a backup whose audit rows were rewritten with recomputed plain hashes', async () => {
    // What the unkeyed chain allowed: the owner rewrites rows 3–5 and recomputes sha256.
    const tampered = await createTestDb();
    const bad = path.join(dir, 'recomputed.jsonl.gz');
    try {
      for (let i = 0; i < 5; i++)
        await tampered.kysely
          .transaction()
          .execute((trx) =>
            recordAudit(trx, SYSTEM_ACTOR, { action: 'a', entityType: 'x', entityId: String(i) }),
          );
      await sql`alter table audit_log disable trigger user`.execute(tampered.kysely);
      for (let seq = 3; seq <= 5; seq++)
        await sql`update audit_log a set actor_name = 'mallory', prev_hash = p.hash,
            hash = encode(sha256(convert_to(p.hash || '|' || audit_log_canonical(a.seq,
              a.occurred_at, a.actor_id, 'mallory', a.action, a.entity_type, a.entity_id,
              a.unit_code, a.before, a.after), 'UTF8')), 'hex')
          from audit_log p where p.seq = a.seq - 1 and a.seq = ${seq}`.execute(tampered.kysely);
      await sql`alter table audit_log enable trigger user`.execute(tampered.kysely);
      await createBackup(tampered.kysely, bad);
    } finally {
      await tampered.close();
    }
    const target = await createTestDb();
    try {
      await expect(restoreBackup(target.kysely, bad, TEST_AUDIT_KEY)).rejects.toMatchObject({
        code: 'backup_audit_mismatch',
        detail: expect.stringContaining('seq=3'),
      });
      const n = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(
        target.kysely,
      );
      expect(n.rows[0]!.n).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('restores a backup from before the keyed chain: its rows stay plain, new rows are keyed', async () => {
    const old = await createTestDb({ empty: true });
    const legacy = path.join(dir, 'legacy.jsonl.gz');
    try {
      const migrator = new Migrator({
        db: old.kysely,
        provider: { getMigrations: async () => allMigrations() },
        allowUnorderedMigrations: true,
      });
      expect((await migrator.migrateTo('0003_platform_cache_generation')).error).toBeUndefined();
      for (let i = 0; i < 4; i++)
        await old.kysely
          .transaction()
          .execute((trx) =>
            recordAudit(trx, SYSTEM_ACTOR, { action: 'old', entityType: 'x', entityId: String(i) }),
          );
      await createBackup(old.kysely, legacy);
    } finally {
      await old.close();
    }
    const target = await createTestDb();
    try {
      await restoreBackup(target.kysely, legacy, TEST_AUDIT_KEY);
      await target.kysely
        .transaction()
        .execute((trx) =>
          recordAudit(trx, SYSTEM_ACTOR, { action: 'new', entityType: 'x', entityId: 'n' }),
        );
      expect(await verifyAuditChain(target.kysely, TEST_AUDIT_KEY)).toMatchObject({
        ok: true,
        rows: 5,
        keyedFrom: 5,
      });
    } finally {
      await target.close();
    }
  });

  it('keeps only the newest N scheduled backups', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-prune-'));
    for (let i = 0; i < 5; i++)
      fs.writeFileSync(path.join(d, backupFileName(new Date(Date.UTC(2026, 0, i + 1)))), '');
    fs.writeFileSync(path.join(d, 'other.txt'), '');
    pruneBackups(d, 2);
    expect(fs.readdirSync(d).sort()).toEqual([
      'cqs-backup-2026-01-04T00-00-00-000Z.jsonl.gz',
      'cqs-backup-2026-01-05T00-00-00-000Z.jsonl.gz',
      'other.txt',
    ]);
  });
});
