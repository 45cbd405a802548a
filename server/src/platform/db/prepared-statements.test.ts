import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import type { Db } from './connect.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

it('prepares a plannable statement once per connection and reuses it; DDL and transaction control stay unnamed', async () => {
  await db.kysely.connection().execute(async (c) => {
    for (let i = 0; i < 3; i++) {
      const r = await sql<{ n: number }>`select ${i}::int + 40 as n`.execute(c);
      expect(r.rows[0]!.n).toBe(i + 40);
    }
    await sql`create temporary table prepared_probe (x int)`.execute(c);
    const prepared = await sql<{ statement: string }>`
      select statement from pg_prepared_statements
      where (statement like '%prepared_probe%' or statement like 'select $1::int + 40%')
        and statement not like '%pg_prepared_statements%'`.execute(c);
    expect(prepared.rows.map((r) => r.statement)).toEqual(['select $1::int + 40 as n']);
  });
  // Transactions (begin/commit sent by Kysely) still work around prepared statements.
  const n = await db.kysely
    .transaction()
    .execute(
      async (trx) => (await sql<{ n: number }>`select 1 + ${1}::int as n`.execute(trx)).rows[0]!.n,
    );
  expect(n).toBe(2);
});

it('prepares a statement afresh when a migration changed what it returns (no lasting failure)', async () => {
  await db.kysely.connection().execute(async (c) => {
    await sql`create table stale_probe (a int)`.execute(c);
    await sql`insert into stale_probe values (1)`.execute(c);
    const read = () =>
      sql<Record<string, unknown>>`select * from stale_probe where a = ${1}`.execute(c);
    expect((await read()).rows).toEqual([{ a: 1 }]);
    await sql`alter table stale_probe add column b text default 'x'`.execute(c);
    // Outside a transaction: retried at once under a new name.
    expect((await read()).rows).toEqual([{ a: 1, b: 'x' }]);
    await sql`alter table stale_probe add column c int`.execute(c);
    // Inside one: that statement fails (the transaction is aborted anyway), the next works.
    await expect(
      c.transaction().execute(async (trx) => {
        await sql`select * from stale_probe where a = ${1}`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: '0A000' });
    expect((await read()).rows).toEqual([{ a: 1, b: 'x', c: null }]);
    await sql`drop table stale_probe`.execute(c);
  });
});
