// The follower's own rules: one folder at a time across processes (advisory lock), a changed
// definition rebuilt at start, and a follower that folds what is published and then stops.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, createTestDb } from '../../../test/db.js';
import type { Db } from '../../platform/db/connect.js';
import { pendingFactCount, publishFact } from '../../platform/facts/index.js';
import { syncIndicatorLibrary } from './indicators.definitions.js';
import { drainFacts, foldPendingBatch, startIndicatorFollower } from './indicators.follower.js';
import { indicatorsRepository as repo } from './indicators.repository.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  // What the app does when ready (a migration leaves the definitions empty, for restores).
  await syncIndicatorLibrary(db.kysely);
});
afterAll(() => db.close());

const received = (id: string, on = '2026-05-04') =>
  publishFact(db.kysely, {
    kind: 'dossier',
    subjectId: id,
    unitCode: '30280',
    data: { channel: 'direct', receivedOn: on, status: 'received' },
  });

const rollupOf = async (indicator: string) =>
  (
    await db.kysely
      .selectFrom('indicator_rollup')
      .select(['day', 'num'])
      .where('indicator', '=', indicator)
      .execute()
  ).map((r) => [r.day, Number(r.num)]);

const until = async (cond: () => Promise<boolean>) => {
  while (!(await cond())) await new Promise((r) => setTimeout(r, 25));
};

describe('the fact follower', () => {
  // PGlite serialises transactions, so a second folder cannot even start there.
  it.skipIf(backend === 'pglite')('lets one process fold at a time', async () => {
    await received('lock-1');
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    const holder = db.kysely.transaction().execute(async (trx) => {
      expect(await repo.tryFoldLock(trx)).toBe(true);
      locked();
      await held;
    });
    await isLocked;
    expect(await foldPendingBatch(db.kysely)).toEqual({ locked: false, claimed: 0, changed: 0 });
    expect(await pendingFactCount(db.kysely)).toBe(1);
    release();
    await holder;
    expect(await foldPendingBatch(db.kysely)).toMatchObject({ locked: true, claimed: 1 });
  });

  it('folds what is published while it runs, and rebuilds a definition changed since', async () => {
    await received('f-1', '2026-05-05');
    await drainFacts(db.kysely);
    const before = await rollupOf('dossiers.received');
    expect(before.length).toBeGreaterThan(0);
    // As if an older release had another spec for dossiers.received and rollups to match.
    await sql`update indicator_definition set spec = jsonb_set(spec, '{date}', '"finishedOn"')
      where code = 'dossiers.received'`.execute(db.kysely);
    await sql`delete from indicator_rollup where indicator = 'dossiers.received'`.execute(
      db.kysely,
    );
    await sql`delete from indicator_contribution where indicator = 'dossiers.received'`.execute(
      db.kysely,
    );
    const follower = startIndicatorFollower(db.kysely, { intervalMs: 20 });
    try {
      await until(async () => (await rollupOf('dossiers.received')).length === before.length);
      expect(await rollupOf('dossiers.received')).toEqual(before);
      await received('f-2', '2026-05-06');
      await until(async () => (await pendingFactCount(db.kysely)) === 0);
      await until(async () =>
        (await rollupOf('dossiers.received')).some(([d]) => d === '2026-05-06'),
      );
    } finally {
      await follower.stop();
    }
    // Stopped: nothing folds any more.
    await received('f-3', '2026-05-07');
    expect(await pendingFactCount(db.kysely)).toBe(1);
  });
});
