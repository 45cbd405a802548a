import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import type { Db } from './connect.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  await sql`create table tx_probe (id text primary key)`.execute(db.kysely);
});
afterAll(() => db.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('concurrent transactions', () => {
  it("a transaction that fails does not roll back another request's committed work", async () => {
    // Request A writes, waits (other work interleaves), then fails.
    const a = db.kysely.transaction().execute(async (trx) => {
      await sql`insert into tx_probe values ('a')`.execute(trx);
      await sleep(50);
      throw new Error('A fails inside its transaction');
    });
    // Request B starts while A is open and commits.
    await sleep(5);
    const b = db.kysely.transaction().execute(async (trx) => {
      await sql`insert into tx_probe values ('b')`.execute(trx);
    });
    const [ra, rb] = await Promise.allSettled([a, b]);
    expect(ra.status).toBe('rejected');
    expect(rb.status).toBe('fulfilled');
    const rows = await sql<{ id: string }>`select id from tx_probe order by id`.execute(db.kysely);
    expect(rows.rows.map((r) => r.id)).toEqual(['b']);
  });

  it('keeps many interleaved transactions apart', async () => {
    await sql`delete from tx_probe`.execute(db.kysely);
    const work = Array.from({ length: 20 }, (_, i) =>
      db.kysely.transaction().execute(async (trx) => {
        await sql`insert into tx_probe values (${`k${i}`})`.execute(trx);
        await sleep(i % 3);
        if (i % 2 === 1) throw new Error('odd ones fail');
      }),
    );
    await Promise.allSettled(work);
    const rows = await sql<{ id: string }>`select id from tx_probe`.execute(db.kysely);
    expect(rows.rows.map((r) => r.id).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `k${i * 2}`).sort(),
    );
  });
});
