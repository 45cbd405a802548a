// A merged ward's history (issue 12 deliver 4): closing ward A into ward B with org's own
// close keeps ward A's past values under its code and in the city's totals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { systemClock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/connect.js';
import { publishFact } from '../../platform/facts/index.js';
import { OrgService, seedDemoOrg } from '../org/index.js';
import { syncIndicatorLibrary } from './indicators.definitions.js';
import { CITY, WARD_A, WARD_B } from './indicators.fixtures.js';
import { drainFacts } from './indicators.follower.js';
import { IndicatorsService } from './indicators.service.js';
import { indicatorValue } from './indicators.values.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  // What the app does when ready (a migration leaves the definitions empty, for restores).
  await syncIndicatorLibrary(db.kysely);
  await seedDemoOrg(db.kysely, SYSTEM_ACTOR);
});
afterAll(() => db.close());

const received = (id: string, unit: string, on: string) =>
  publishFact(db.kysely, {
    kind: 'dossier',
    subjectId: id,
    unitCode: unit,
    data: { channel: 'online', receivedOn: on, status: 'received', digitised: false },
  });

describe('a merged ward', () => {
  it('keeps its past values under its own code and in the city', async () => {
    await received('a1', WARD_A, '2025-04-10');
    await received('a2', WARD_A, '2025-05-10');
    await received('b1', WARD_B, '2025-05-11');
    await drainFacts(db.kysely);

    await new OrgService(db.kysely, systemClock).close(SYSTEM_ACTOR, WARD_A, {
      date: '2025-07-01',
      successorCode: WARD_B,
      reason: 'Sáp nhập phường (thử nghiệm)',
    });
    await received('b2', WARD_B, '2025-08-01');
    await drainFacts(db.kysely);

    const v = (unitCode: string, period: string) =>
      indicatorValue(db.kysely, { indicator: 'dossiers.received', unitCode, period }).then(
        (r) => r.value,
      );
    expect(await v(WARD_A, '2025Q2')).toBe(2);
    expect(await v(WARD_A, '2025')).toBe(2);
    expect(await v(WARD_B, '2025')).toBe(2);
    expect(await v(CITY, '2025Q2')).toBe(3);
    expect(await v(CITY, '2025')).toBe(4);

    // The city's children for 2025 include the closed ward (it was one until July).
    const svc = new IndicatorsService(db.kysely);
    const withChildren = await svc.values(null, {
      indicator: 'dossiers.received',
      unit: CITY,
      period: '2025',
      children: true,
    });
    const rows = new Map(withChildren.children!.map((c) => [c.unit, c.value]));
    expect(rows.get(WARD_A)).toBe(2);
    expect(rows.get(WARD_B)).toBe(2);
    // For 2026 the closed ward is no longer a child.
    const later = await svc.values(null, {
      indicator: 'dossiers.received',
      unit: CITY,
      period: '2026',
      children: true,
    });
    expect(later.children!.map((c) => c.unit)).not.toContain(WARD_A);
    expect(later.children!.map((c) => c.unit)).toContain(WARD_B);
  });
});
