import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import type { Db } from '../db/connect.js';
import {
  claimPendingFacts,
  pendingFactCount,
  publishFact,
  publishFactsSql,
  scanFacts,
} from './facts.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await db.kysely.deleteFrom('fact_pending').execute();
  await db.kysely.deleteFrom('fact').execute();
});

describe('facts', () => {
  it('merges the keys of every publisher into one snapshot and queues the subject', async () => {
    await publishFact(db.kysely, {
      kind: 'dossier',
      subjectId: 'd1',
      unitCode: '30280',
      data: { channel: 'online', feesDue: 50000, paid: false },
    });
    await publishFact(db.kysely, { kind: 'dossier', subjectId: 'd1', data: { paid: true } });
    const [f] = await scanFacts(db.kysely, { kind: 'dossier', limit: 10 });
    expect(f).toMatchObject({
      unitCode: '30280',
      data: { channel: 'online', feesDue: 50000, paid: true },
    });
    expect(await pendingFactCount(db.kysely)).toBe(2);
    const claimed = await db.kysely.transaction().execute((trx) => claimPendingFacts(trx, 10));
    expect(claimed).toHaveLength(1);
    expect(await pendingFactCount(db.kysely)).toBe(0);
  });

  it('keeps the subjects queued when the follower rolls back', async () => {
    await publishFact(db.kysely, {
      kind: 'report',
      subjectId: 'r1',
      unitCode: '30283',
      data: { status: 'received' },
    });
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        expect(await claimPendingFacts(trx, 10)).toHaveLength(1);
        throw new Error('follower failed');
      }),
    ).rejects.toThrow('follower failed');
    expect(await pendingFactCount(db.kysely)).toBe(1);
  });

  it('does not publish a change whose transaction rolls back', async () => {
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await publishFact(trx, { kind: 'task', subjectId: 't1', unitCode: '883', data: {} });
        throw new Error('change refused');
      }),
    ).rejects.toThrow('change refused');
    expect(await scanFacts(db.kysely, { kind: 'task', limit: 10 })).toEqual([]);
    expect(await pendingFactCount(db.kysely)).toBe(0);
  });

  it('publishes many subjects set-based, merged and queued as publishFact does', async () => {
    await publishFact(db.kysely, {
      kind: 'dossier',
      subjectId: 'b1',
      unitCode: '30280',
      data: { channel: 'direct', paid: false },
    });
    const n = await db.kysely.transaction().execute((trx) =>
      publishFactsSql(
        trx,
        'dossier',
        sql`select 'b' || g as subject_id, case when g = 1 then '' else '30283' end as unit_code,
              jsonb_build_object('paid', true, 'g', g) as data
            from generate_series(1, 3) g`,
      ),
    );
    expect(n).toBe(3);
    const facts = await scanFacts(db.kysely, { kind: 'dossier', limit: 10 });
    expect(facts.map((f) => [f.subjectId, f.unitCode, f.data])).toEqual([
      // An empty unit keeps the subject's unit; keys merge over the stored snapshot.
      ['b1', '30280', { channel: 'direct', paid: true, g: 1 }],
      ['b2', '30283', { paid: true, g: 2 }],
      ['b3', '30283', { paid: true, g: 3 }],
    ]);
    expect(await pendingFactCount(db.kysely)).toBe(4);
  });
});
