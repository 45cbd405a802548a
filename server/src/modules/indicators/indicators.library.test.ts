import { IndicatorDefinitionSchema } from '@cqs/shared/indicators/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import type { Db } from '../../platform/db/connect.js';
import { seedDemoOrg } from '../org/index.js';
import { syncIndicatorLibrary } from './indicators.definitions.js';
import { CITY, publishFixture, WARD_A, WARD_B } from './indicators.fixtures.js';
import { drainFacts } from './indicators.follower.js';
import { INDICATOR_LIBRARY } from './indicators.library.js';
import { rebuildIndicators } from './indicators.rebuild.js';
import { indicatorSeries, indicatorValue } from './indicators.values.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  // What the app does when ready (a migration leaves the definitions empty, for restores).
  await syncIndicatorLibrary(db.kysely);
  await seedDemoOrg(db.kysely, SYSTEM_ACTOR);
  await publishFixture(db.kysely);
  await drainFacts(db.kysely);
});
afterAll(() => db.close());

describe('syncIndicatorLibrary', () => {
  it('reports no change when the stored definitions are the library (no rebuild at start)', async () => {
    expect(await syncIndicatorLibrary(db.kysely)).toEqual([]);
  });
});

// [indicator, unit, period, numerator, denominator, value] — computed by hand from
// indicators.fixtures.ts (March 2026 unless the period says otherwise).
const CASES: [string, string, string, number, number | null, number | null][] = [
  ['dossiers.received', WARD_A, '202603', 4, null, 4],
  ['dossiers.received', CITY, '202603', 5, null, 5],
  ['dossiers.received', WARD_A, '2026', 5, null, 5],
  ['dossiers.received', WARD_A, '20260302', 1, null, 1],
  ['dossiers.received_direct', WARD_A, '202603', 1, null, 1],
  ['dossiers.received_online', WARD_A, '202603', 2, null, 2],
  ['dossiers.received_online', CITY, '2026Q1', 3, null, 3],
  ['dossiers.received_postal', WARD_A, '202603', 1, null, 1],
  ['dossiers.online', WARD_A, '202603', 2, 4, 50],
  ['dossiers.online', CITY, '202603', 3, 5, 60],
  ['dossiers.finished', WARD_A, '202603', 2, null, 2],
  ['dossiers.finished', CITY, '2026S1', 3, null, 3],
  ['dossiers.on_time', WARD_A, '202603', 1, 2, 50],
  ['dossiers.on_time', CITY, '202603', 2, 3, 66.67],
  ['dossiers.on_time', WARD_A, '202604', 0, 0, null],
  ['dossiers.finished_late', WARD_A, '202603', 1, null, 1],
  // d3 in progress; d4 refused (closed) is not pending.
  ['dossiers.pending', WARD_A, '202603', 1, null, 1],
  ['dossiers.returned', WARD_A, '202603', 1, null, 1],
  ['dossiers.returned', CITY, '202603', 2, null, 2],
  ['payments.online', WARD_A, '202603', 1, 2, 50],
  ['payments.online', CITY, '202603', 2, 3, 66.67],
  ['dossiers.digitised', WARD_A, '202603', 2, 4, 50],
  ['dossiers.digitised', CITY, '202603', 3, 5, 60],
  ['dossiers.result_electronic', WARD_A, '202603', 1, 1, 100],
  ['dossiers.result_electronic', CITY, '202603', 1, 2, 50],
  // Online dossiers only: d2 (4 of 10), d3 (6 of 10); the city adds d5 (0 of 5).
  ['portal.prefilled', WARD_A, '202603', 10, 20, 50],
  ['portal.prefilled', CITY, '202603', 10, 25, 40],
  // Stock: every offer since on or before the period's end.
  ['procedures.full_online', WARD_A, '2025', 1, 1, 100],
  ['procedures.full_online', WARD_A, '202602', 1, 2, 50],
  ['procedures.full_online', WARD_A, '202603', 1, 3, 33.33],
  ['procedures.partial_online', WARD_A, '202603', 1, 3, 33.33],
  ['procedures.partial_online', CITY, '2026', 1, 3, 33.33],
  ['reports.received', WARD_A, '202603', 4, null, 4],
  ['reports.open', WARD_A, '202603', 2, null, 2],
  ['reports.resolved_count', WARD_A, '202603', 2, null, 2],
  ['reports.on_time', WARD_A, '202603', 1, 2, 50],
  ['reports.resolved', WARD_A, '202603', 2, 4, 50],
  ['reports.reopened', WARD_A, '202603', 1, 4, 25],
  ['petitions.on_time', WARD_A, '202603', 2, 3, 66.67],
  ['satisfaction', WARD_A, '202603', 2, 3, 66.67],
  ['satisfaction', CITY, '202603', 3, 4, 75],
  ['satisfaction', WARD_B, '202603', 1, 1, 100],
  ['ratings.count', WARD_A, '202603', 3, null, 3],
  ['ratings.count', CITY, '202603', 4, null, 4],
  ['tasks.assigned', WARD_A, '202603', 3, null, 3],
  ['tasks.done', WARD_A, '202603', 2, null, 2],
  ['tasks.done_late', WARD_A, '202603', 1, null, 1],
  ['tasks.on_time', WARD_A, '202603', 1, 2, 50],
  // Documents: doc3 is confidential (left out of every rate); doc6 waits for direction.
  ['documents.electronic', WARD_A, '202603', 2, 3, 66.67],
  ['documents.electronic', CITY, '202603', 3, 5, 60],
  ['documents.signed', WARD_A, '202603', 1, 1, 100],
  ['documents.signed', CITY, '202603', 2, 2, 100],
  ['documents.online', WARD_A, '202603', 3, 3, 100],
  ['documents.online', CITY, '202603', 4, 5, 80],
  ['documents.online_upper', CITY, '202603', 1, 2, 50],
  ['documents.online_commune', CITY, '202603', 3, 3, 100],
  ['documents.on_time', WARD_A, '202603', 1, 2, 50],
  ['directives.on_time', WARD_A, '202603', 1, 2, 50],
  // Work files: wf1 closed in March; wf2 still open; wf3 (the city's) closed in April.
  ['work_files.closed', WARD_A, '202603', 1, null, 1],
  ['work_files.closed', CITY, '202603', 1, null, 1],
  ['work_files.closed', CITY, '2026Q2', 1, null, 1],
];

describe('the indicator library against hand-computed fixtures', () => {
  it('every shipped definition passes the shared schema', () => {
    for (const d of INDICATOR_LIBRARY) expect(IndicatorDefinitionSchema.parse(d)).toEqual(d);
    expect(new Set(INDICATOR_LIBRARY.map((d) => d.code)).size).toBe(INDICATOR_LIBRARY.length);
  });

  it('every computed indicator of the library has a case', () => {
    const covered = new Set(CASES.map((c) => c[0]));
    const computed = INDICATOR_LIBRARY.filter((d) => d.kind === 'computed').map((d) => d.code);
    expect(computed.filter((c) => !covered.has(c))).toEqual([]);
  });

  it.each(CASES)('%s for %s in %s = %d / %s → %s', async (indicator, unitCode, period, n, d, v) => {
    const r = await indicatorValue(db.kysely, { indicator, unitCode, period });
    expect({ numerator: r.numerator, denominator: r.denominator, value: r.value }).toEqual({
      numerator: n,
      denominator: d,
      value: v,
    });
  });

  it('a rebuild from the facts gives the same rollups', async () => {
    const snapshot = () =>
      db.kysely
        .selectFrom('indicator_rollup')
        .selectAll()
        .orderBy('indicator')
        .orderBy('unit_code')
        .orderBy('day')
        .execute();
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(30);
    await rebuildIndicators(db.kysely);
    expect(await snapshot()).toEqual(before);
  });

  it('a monthly series, cumulative for a stock', async () => {
    const flow = await indicatorSeries(db.kysely, {
      indicator: 'dossiers.received',
      unitCode: WARD_A,
      from: '2026-02-01',
      to: '2026-04-30',
      grain: 'month',
    });
    expect(flow.map((p) => [p.period, p.value])).toEqual([
      ['202602', 0],
      ['202603', 4],
      ['202604', 1],
    ]);
    const stock = await indicatorSeries(db.kysely, {
      indicator: 'procedures.full_online',
      unitCode: WARD_A,
      from: '2026-01-01',
      to: '2026-03-31',
      grain: 'month',
    });
    expect(stock.map((p) => [p.period, p.numerator, p.denominator, p.value])).toEqual([
      ['202601', 1, 1, 100],
      ['202602', 1, 2, 50],
      ['202603', 1, 3, 33.33],
    ]);
  });
});
