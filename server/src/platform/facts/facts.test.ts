import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import type { Db } from '../db/connect.js';
import { claimPendingFacts, pendingFactCount, publishFact, scanFacts } from './facts.js';

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
});
