import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_AUDIT_KEY } from '../../../test/db.js';
import { SYSTEM_ACTOR } from '../actor.js';
import type { Db } from '../db/connect.js';
import { allMigrations, migrateToLatest } from '../db/migrations.js';
import type { Database } from '../db/schema.js';
import { readCheckpoints, writeCheckpoint } from './audit.checkpoint.js';
import { auditInsertSql, recordAudit } from './audit.js';
import { AuditKey } from './audit.key.js';
import { verifyAuditChain } from './audit.verify.js';

const actor = { ...SYSTEM_ACTOR, name: 'kiểm-thử' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-audit-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const opened: Db[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});
async function freshDb(opts?: Parameters<typeof createTestDb>[0]) {
  const db = await createTestDb(opts);
  opened.push(db);
  return db;
}

/** Appends `n` audit rows, one transaction each (as the application does). */
async function appendSome(db: Kysely<Database>, n: number, from = 0) {
  for (let i = from; i < from + n; i++) {
    await db.transaction().execute((trx) =>
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

/** As the table owner, with the append-only guards off: run `body`, then turn them back on. */
async function behindTheTriggers(db: Kysely<Database>, body: () => Promise<unknown>) {
  await sql`alter table audit_log disable trigger user`.execute(db);
  await sql`alter table audit_chain disable trigger user`.execute(db);
  try {
    await body();
  } finally {
    await sql`alter table audit_log enable trigger user`.execute(db);
    await sql`alter table audit_chain enable trigger user`.execute(db);
  }
}

/**
 * What an attacker without the key can do: rewrite rows from `from` on and recompute every
 * hash after them, as plain sha256 (the old chain) or as HMAC under a key of their own.
 */
async function rewriteTail(db: Kysely<Database>, from: number, as: 'plain' | AuditKey) {
  await behindTheTriggers(db, async () => {
    if (as !== 'plain')
      await sql`select set_config('cqs.audit_key', ${as.sessionSetting()}, false)`.execute(db);
    const hashOf =
      as === 'plain' ? sql`encode(sha256(convert_to(m, 'UTF8')), 'hex')` : sql`audit_hmac(m)`;
    await sql`update audit_log set actor_name = 'mallory' where seq >= ${from}`.execute(db);
    const rows = await sql<{
      seq: number;
    }>`select seq from audit_log where seq >= ${from} order by seq`.execute(db);
    for (const r of rows.rows) {
      await sql`update audit_log a set prev_hash = p.hash, hash = (
          select ${hashOf} from (select p.hash || '|' || audit_log_canonical(a.seq, a.occurred_at,
            a.actor_id, a.actor_name, a.action, a.entity_type, a.entity_id, a.unit_code, a.before,
            a.after) as m) x)
        from (select coalesce((select hash from audit_log where seq = ${r.seq} - 1),
          repeat('0', 64)) as hash) p
        where a.seq = ${r.seq}`.execute(db);
    }
    if (as !== 'plain')
      await sql`select set_config('cqs.audit_key', ${TEST_AUDIT_KEY.sessionSetting()}, false)`.execute(
        db,
      );
  });
}

describe('audit log', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it('chains every row under the key and verifies', async () => {
    await appendSome(db.kysely, 5);
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
    const report = await verifyAuditChain(db.kysely, TEST_AUDIT_KEY);
    expect(report).toMatchObject({ ok: true, rows: 13, lastSeq: 13, keyedFrom: 1, faults: [] });
    // Keyed: the same log does not verify under another key.
    const other = await verifyAuditChain(db.kysely, new AuditKey(randomBytes(32)));
    expect(other.ok).toBe(false);
    expect(other.firstBad).toMatchObject({ seq: 1, kind: 'keying' });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(
      sql`update audit_log set actor_name = 'mallory'`.execute(db.kysely),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_chain set keyed_from = 99`.execute(db.kysely)).rejects.toThrow(
      /append-only/,
    );
    const n = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(db.kysely);
    expect(n.rows[0]!.n).toBe(13);
  });
});

describe('tampering behind the triggers, as the table owner', () => {
  it('(a) reports an edited row at its seq', async () => {
    const db = await freshDb();
    await appendSome(db.kysely, 10);
    await behindTheTriggers(db.kysely, () =>
      sql`update audit_log set after = '{"name":"giả mạo"}' where seq = 4`.execute(db.kysely),
    );
    const r = await verifyAuditChain(db.kysely, TEST_AUDIT_KEY);
    expect(r.ok).toBe(false);
    expect(r.faults).toHaveLength(1);
    expect(r.firstBad).toMatchObject({ seq: 4, kind: 'edited' });
    expect(r.firstBad!.message).toContain('seq=4');
  });

  it('(b) reports rows rewritten from seq 100 with recomputed hashes (plain or another key) at 100', async () => {
    const db = await freshDb();
    await appendSome(db.kysely, 150);
    await rewriteTail(db.kysely, 100, 'plain');
    const plain = await verifyAuditChain(db.kysely, TEST_AUDIT_KEY);
    expect(plain.ok).toBe(false);
    expect(plain.firstBad).toMatchObject({ seq: 100, toSeq: 150, kind: 'recomputed' });

    await rewriteTail(db.kysely, 100, new AuditKey(randomBytes(32)));
    const guessed = await verifyAuditChain(db.kysely, TEST_AUDIT_KEY);
    expect(guessed.ok).toBe(false);
    expect(guessed.firstBad).toMatchObject({ seq: 100, toSeq: 150, kind: 'edited' });
  });

  it('(c) reports the last 100 rows deleted after a checkpoint covered them, from the first missing seq', async () => {
    const db = await freshDb();
    await appendSome(db.kysely, 150);
    const file = path.join(tmp, `c-${randomBytes(4).toString('hex')}.jsonl`);
    await writeCheckpoint(db.kysely, TEST_AUDIT_KEY, file, { now: new Date() });
    await behindTheTriggers(db.kysely, () =>
      sql`delete from audit_log where seq > 50`.execute(db.kysely),
    );
    const checkpoints = readCheckpoints([{ path: file }], TEST_AUDIT_KEY);
    const r = await verifyAuditChain(db.kysely, TEST_AUDIT_KEY, checkpoints);
    expect(r.ok).toBe(false);
    expect(r.faults).toHaveLength(1);
    expect(r.firstBad).toMatchObject({ seq: 51, toSeq: 150, kind: 'missing' });
    expect(r.firstBad!.message).toContain('seq=51');
    // Without a checkpoint the shortened log is a valid chain: the checkpoint is what shows it.
    expect((await verifyAuditChain(db.kysely, TEST_AUDIT_KEY)).ok).toBe(true);

    // New rows written over the gap do not hide it: the checkpoint's row no longer matches.
    await appendSome(db.kysely, 120, 1000);
    const refilled = await verifyAuditChain(db.kysely, TEST_AUDIT_KEY, checkpoints);
    expect(refilled.ok).toBe(false);
    expect(refilled.firstBad).toMatchObject({ seq: 1, toSeq: 150, kind: 'checkpoint_mismatch' });
  });

  it('(d) an intact log passes, with its checkpoints', async () => {
    const db = await freshDb();
    await appendSome(db.kysely, 30);
    const file = path.join(tmp, `d-${randomBytes(4).toString('hex')}.jsonl`);
    const first = await writeCheckpoint(db.kysely, TEST_AUDIT_KEY, file, { now: new Date() });
    expect(first).toMatchObject({ seq: 30, keyedFrom: 1 });
    // An unmoved head adds no line.
    expect(await writeCheckpoint(db.kysely, TEST_AUDIT_KEY, file, { now: new Date() })).toBeNull();
    await appendSome(db.kysely, 5, 30);
    await writeCheckpoint(db.kysely, TEST_AUDIT_KEY, file, { now: new Date() });
    await appendSome(db.kysely, 5, 35);
    const r = await verifyAuditChain(
      db.kysely,
      TEST_AUDIT_KEY,
      readCheckpoints([{ path: file }], TEST_AUDIT_KEY),
    );
    expect(r).toMatchObject({
      ok: true,
      rows: 40,
      keyedFrom: 1,
      checkpoints: { read: 2, lastSeq: 35 },
      faults: [],
    });
    expect(r.firstBad).toBeUndefined();
  });

  it('(e) refuses to insert an audit row from a session without the key', async () => {
    const db = await freshDb({ auditKey: null });
    await expect(
      db.kysely
        .transaction()
        .execute((trx) => recordAudit(trx, actor, { action: 'x', entityType: 'y', entityId: '1' })),
    ).rejects.toThrow(/no audit chain key/);
    // The one-statement path (a data-modifying CTE) is refused the same way.
    await expect(
      sql`with guard as (select 1) ${auditInsertSql(actor, { action: 'x', entityType: 'y', entityId: '2' }, 'guard')}`.execute(
        db.kysely,
      ),
    ).rejects.toThrow(/no audit chain key/);
    const n = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(db.kysely);
    expect(n.rows[0]!.n).toBe(0);
  });

  it('reports a checkpoint line edited without the key, and a moved keyed-from boundary', async () => {
    const db = await freshDb();
    await appendSome(db.kysely, 12);
    const file = path.join(tmp, `k-${randomBytes(4).toString('hex')}.jsonl`);
    await writeCheckpoint(db.kysely, TEST_AUDIT_KEY, file, { now: new Date() });
    const forged = fs.readFileSync(file, 'utf8').replace('"seq":12', '"seq":200');
    const copy = path.join(tmp, `k2-${randomBytes(4).toString('hex')}.jsonl`);
    fs.writeFileSync(copy, forged);
    const bad = await verifyAuditChain(
      db.kysely,
      TEST_AUDIT_KEY,
      readCheckpoints([{ path: copy }], TEST_AUDIT_KEY),
    );
    expect(bad.faults).toEqual([expect.objectContaining({ seq: 200, kind: 'checkpoint_invalid' })]);

    // "Downgrade": move the boundary past the end and recompute everything as plain sha256.
    await rewriteTail(db.kysely, 1, 'plain');
    await behindTheTriggers(db.kysely, () =>
      sql`update audit_chain set keyed_from = 1000`.execute(db.kysely),
    );
    const down = await verifyAuditChain(
      db.kysely,
      TEST_AUDIT_KEY,
      readCheckpoints([{ path: file }], TEST_AUDIT_KEY),
    );
    expect(down.ok).toBe(false);
    // The record's MAC fails; the checkpoint's boundary (1) is used, so the rows fail too.
    expect(down.firstBad).toMatchObject({ seq: 1, kind: 'keying' });
    expect(down.faults.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['keying', 'recomputed', 'checkpoint_mismatch']),
    );
  });
});

describe('an installation whose log predates the keyed chain', () => {
  it('keeps its plain rows verifiable, keys the rows after them, and anchors the old rows', async () => {
    const db = await freshDb({ empty: true });
    const migrator = new Migrator({
      db: db.kysely,
      provider: { getMigrations: async () => allMigrations() },
      allowUnorderedMigrations: true,
    });
    const to3 = await migrator.migrateTo('0003_platform_cache_generation');
    expect(to3.error).toBeUndefined();
    await appendSome(db.kysely, 5); // the old trigger: plain sha256
    await migrateToLatest(db.kysely);
    await appendSome(db.kysely, 3, 5);
    const r = await verifyAuditChain(db.kysely, TEST_AUDIT_KEY);
    expect(r).toMatchObject({ ok: true, rows: 8, keyedFrom: 6 });

    // An unkeyed row rewritten with its plain hashes recomputed: the first keyed row no longer
    // links to it (that row cannot be recomputed without the key).
    await behindTheTriggers(db.kysely, async () => {
      await sql`update audit_log set actor_name = 'mallory' where seq = 2`.execute(db.kysely);
      for (let seq = 2; seq <= 5; seq++)
        await sql`update audit_log a set prev_hash = p.hash, hash = encode(sha256(convert_to(p.hash
            || '|' || audit_log_canonical(a.seq, a.occurred_at, a.actor_id, a.actor_name, a.action,
            a.entity_type, a.entity_id, a.unit_code, a.before, a.after), 'UTF8')), 'hex')
          from audit_log p where p.seq = a.seq - 1 and a.seq = ${seq}`.execute(db.kysely);
    });
    const bad = await verifyAuditChain(db.kysely, TEST_AUDIT_KEY);
    expect(bad.ok).toBe(false);
    expect(bad.firstBad).toMatchObject({ seq: 6, kind: 'unlinked' });
  });
});
