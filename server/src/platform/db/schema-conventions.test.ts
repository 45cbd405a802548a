import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/helpers.js';
import type { Db } from './connect.js';
import { migrateToLatest } from './migrations.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  await migrateToLatest(db.kysely);
});
afterAll(() => db.close());

describe('schema conventions', () => {
  it('every foreign key is deferrable, so a restore may load tables in any order', async () => {
    const r = await sql<{ table_name: string; constraint_name: string }>`
      select table_name, constraint_name from information_schema.table_constraints
      where constraint_schema = current_schema() and constraint_type = 'FOREIGN KEY'
        and is_deferrable = 'NO'
      order by 1, 2`.execute(db.kysely);
    expect(r.rows).toEqual([]);
    const all = await sql<{ n: number }>`select count(*)::int as n
      from information_schema.table_constraints
      where constraint_schema = current_schema() and constraint_type = 'FOREIGN KEY'`.execute(
      db.kysely,
    );
    expect(all.rows[0]!.n).toBeGreaterThan(10);
  });
});
