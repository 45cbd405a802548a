import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import type { Db } from '../db/connect.js';
import { type Generations, ReferenceCache } from './reference-cache.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

/** A cache over 'org' whose loader counts its calls. */
function counting() {
  const cache = new ReferenceCache<number>('org');
  let loads = 0;
  const get = (seen?: Generations, through = db.kysely) =>
    cache.get(through, 'k', async () => ++loads, seen);
  return { get, loads: () => loads };
}

const orgGeneration = async () =>
  (
    await sql<{
      g: string | null;
    }>`select (select generation::text from cache_generation where name = 'org') as g`.execute(
      db.kysely,
    )
  ).rows[0]!.g;

describe('reference cache', () => {
  it('serves from memory while the source is unchanged, and reloads after any write to it', async () => {
    const c = counting();
    expect(await c.get()).toBe(1);
    expect(await c.get()).toBe(1);
    const before = await orgGeneration();
    // Any statement on a source table moves its generation, even one that changes no row
    // (the triggers are per statement) — here as another process would write it.
    await sql`update org_unit set code = code where false`.execute(db.kysely);
    expect(await orgGeneration()).not.toBe(before);
    expect(await c.get()).toBe(2);
    expect(await c.get()).toBe(2);
    // Sources it does not depend on leave it alone.
    await sql`update procedure set name = name where false`.execute(db.kysely);
    expect(await c.get()).toBe(2);
  });

  it('uses the generations a session read instead of reading them again', async () => {
    const c = counting();
    const seen = { org: '17' };
    expect(await c.get(seen)).toBe(1);
    expect(await c.get(seen)).toBe(1);
    expect(await c.get({ org: '18' })).toBe(2);
    // Back to reading the table: a different generation again, so a reload.
    expect(await c.get()).toBe(3);
  });

  it('never caches what it reads through a transaction', async () => {
    const c = counting();
    await db.kysely.transaction().execute(async (trx) => {
      expect(await c.get(undefined, trx)).toBe(1);
      expect(await c.get(undefined, trx)).toBe(2);
    });
    expect(await c.get()).toBe(3);
    expect(await c.get()).toBe(3);
  });

  it('keeps each database apart', async () => {
    const other = await createTestDb();
    try {
      const c = counting();
      expect(await c.get()).toBe(1);
      expect(await c.get(undefined, other.kysely)).toBe(2);
      expect(await c.get()).toBe(1);
      expect(await c.get(undefined, other.kysely)).toBe(2);
    } finally {
      await other.close();
    }
  });
});
