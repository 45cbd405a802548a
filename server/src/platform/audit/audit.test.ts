import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import { SYSTEM_ACTOR } from '../actor.js';
import type { Db } from '../db/connect.js';
import { recordAudit, verifyAuditChain } from './audit.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

const actor = { ...SYSTEM_ACTOR, name: 'kiểm-thử' };

async function appendSome(n: number) {
  for (let i = 0; i < n; i++) {
    await db.kysely.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: 'thing.update',
        entityType: 'thing',
        entityId: `t${i}`,
        before: { name: 'Cũ', n: i },
        after: { name: 'Mới — đ', n: i + 1 },
      }),
    );
  }
}

describe('audit log', () => {
  it('chains every row and verifies', async () => {
    await appendSome(5);
    // Concurrent appends still form one chain.
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.kysely
          .transaction()
          .execute((trx) =>
            recordAudit(trx, actor, { action: 'x', entityType: 'y', entityId: String(i) }),
          ),
      ),
    );
    const report = await verifyAuditChain(db.kysely);
    expect(report).toEqual({ ok: true, rows: 13 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(
      sql`update audit_log set actor_name = 'mallory'`.execute(db.kysely),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db.kysely)).rejects.toThrow(/append-only/);
    const n = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(db.kysely);
    expect(n.rows[0]!.n).toBe(13);
  });

  it('detects a row changed behind the triggers', async () => {
    // Someone with owner rights disables the guard and edits a row: the chain must show it.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db.kysely);
    await sql`update audit_log set after = '{"name":"giả mạo"}' where seq = 3`.execute(db.kysely);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db.kysely);
    const report = await verifyAuditChain(db.kysely);
    expect(report.ok).toBe(false);
    expect(report.firstBad).toEqual({ seq: 3, reason: 'hash does not match content' });
  });
});
