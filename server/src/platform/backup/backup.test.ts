import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import { SYSTEM_ACTOR } from '../actor.js';
import { recordAudit, verifyAuditChain } from '../audit/audit.js';
import type { Db } from '../db/connect.js';
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
      const restored = await restoreBackup(target.kysely, file);
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
      expect(await verifyAuditChain(target.kysely)).toEqual({ ok: true, rows: 3 });
      // New rows continue after the restored ones (identity sequences were moved on).
      await sql`insert into job (name, payload) values ('platform.vacuum', '{}')`.execute(
        target.kysely,
      );
      await target.kysely
        .transaction()
        .execute((trx) =>
          recordAudit(trx, SYSTEM_ACTOR, { action: 'after', entityType: 'x', entityId: 'z' }),
        );
      expect((await verifyAuditChain(target.kysely)).rows).toBe(4);
      // A second restore into the now non-empty database is refused and changes nothing.
      await expect(restoreBackup(target.kysely, file)).rejects.toMatchObject({
        code: 'restore_target_not_empty',
      });
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
      await expect(restoreBackup(target.kysely, bad)).rejects.toMatchObject({
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
