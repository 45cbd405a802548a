// What a stream subscribes to when the query names nothing: the current year and month of the
// caller's units and their ancestors (issue 12 deliver 4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { FixedClock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/connect.js';
import { seedDemoOrg } from '../org/index.js';
import { CITY, WARD_A } from './indicators.fixtures.js';
import { resolveSubscription } from './indicators.stream.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  await seedDemoOrg(db.kysely, SYSTEM_ACTOR);
});
afterAll(() => db.close());

// 23:30 on 31 December UTC is already 1 January in Việt Nam (UTC+07:00).
const clock = new FixedClock(new Date('2026-12-31T23:30:00Z'));

describe('stream subscriptions', () => {
  it('default to this year and month of the caller’s units and their ancestors', async () => {
    const sub = await resolveSubscription(
      db.kysely,
      clock,
      { id: null, name: 'lãnh đạo phường', roles: [{ role: 'leader', unitCode: WARD_A }] },
      {},
    );
    expect(sub.periods.map((p) => p.code)).toEqual(['2027', '202701']);
    expect([...sub.units.keys()]).toEqual(expect.arrayContaining([WARD_A, CITY]));
    expect(sub.units.get(CITY)?.has(WARD_A)).toBe(true);
    expect(sub.units.get(WARD_A)?.has(CITY)).toBe(false);
    expect(sub.indicators).toBeNull();
  });

  it('take the named periods, units and indicators', async () => {
    const sub = await resolveSubscription(db.kysely, clock, null, {
      period: '2026Q3, 20261122',
      unit: CITY,
      indicator: 'dossiers.on_time,satisfaction',
    });
    expect(sub.periods.map((p) => [p.first, p.last])).toEqual([
      ['2026-07-01', '2026-09-30'],
      ['2026-11-22', '2026-11-22'],
    ]);
    expect([...sub.units.keys()]).toEqual([CITY]);
    expect([...(sub.indicators ?? [])]).toEqual(['dossiers.on_time', 'satisfaction']);
  });

  it('refuse an unknown unit (404) and a caller without units naming none (400)', async () => {
    await expect(
      resolveSubscription(db.kysely, clock, null, { unit: '99999' }),
    ).rejects.toMatchObject({
      status: 404,
      code: 'unit_not_found',
    });
    await expect(resolveSubscription(db.kysely, clock, null, {})).rejects.toMatchObject({
      status: 400,
      code: 'unit_required',
    });
  });
});
