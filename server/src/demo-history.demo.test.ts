// The demo's year of history (issue 12 deliver 7): seeded into a test database with a fixed
// "now", rebuilt into rollups from the facts the modules published, and checked for the shapes
// the leaders' dashboard should show. Smaller volume than npm start's, same distributions.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/helpers.js';
import { DEMO_ACCOUNTS, seedDemo } from './demo.js';
import { DEMO_WARDS } from './modules/dossiers/index.js';
import { IdentityService } from './modules/identity/index.js';
import {
  indicatorValue,
  rebuildIndicators,
  syncIndicatorLibrary,
} from './modules/indicators/index.js';
import { TaskService } from './modules/tasks/index.js';
import { SYSTEM_ACTOR } from './platform/actor.js';
import { FixedClock, systemClock } from './platform/clock.js';

let t: TestApp;
const history = { now: new Date('2026-01-01T03:00:00Z'), dossiers: 6000, reports: 400 };
const counts = async () => {
  const r = await sql<{ t: string; n: string }>`
    select 'dossier' as t, count(*) as n from dossier union all
    select 'dossier_event', count(*) from dossier_event union all
    select 'payment', count(*) from payment union all
    select 'dossier_rating', count(*) from dossier_rating union all
    select 'dossier_petition', count(*) from dossier_petition union all
    select 'report', count(*) from report union all
    select 'task_progress', count(*) from task_progress union all
    select 'task_done', count(*) from task where status = 'done' union all
    select 'fact', count(*) from fact`.execute(t.db.kysely);
  return Object.fromEntries(r.rows.map((x) => [x.t, Number(x.n)]));
};
const value = (indicator: string, period: string, unitCode = '883') =>
  indicatorValue(t.db.kysely, { indicator, unitCode, period });

beforeAll(async () => {
  t = await createTestApp();
  const identity = new IdentityService(t.db.kysely, systemClock);
  await seedDemo(t.db.kysely, identity, 'http://localhost:3000');
  // The plans' tasks as the plans↔tasks wiring will create them (until then the demo has none).
  // Created at the start of the demo year, so their deadlines (in 2025) were ahead then.
  const tasks = new TaskService({
    db: t.db.kysely,
    clock: new FixedClock(new Date('2025-01-02T03:00:00Z')),
  });
  await tasks.createMany(
    SYSTEM_ACTOR,
    DEMO_WARDS.slice(0, 6).flatMap(([ward], i) => [
      {
        content: `Nhiệm vụ minh họa ${i + 1}`,
        source: { type: 'plan_section' as const, label: 'Kế hoạch minh họa' },
        assignedByUnitCode: '883',
        leadUnitCode: ward,
        deadline: { on: `2025-0${i + 3}-15` },
      },
      {
        content: `Nhiệm vụ thường xuyên minh họa ${i + 1}`,
        source: { type: 'plan_section' as const, label: 'Kế hoạch minh họa' },
        assignedByUnitCode: '883',
        leadUnitCode: ward,
        deadline: { ongoing: true as const },
      },
    ]),
    { authorize: false },
  );
  await seedDemo(t.db.kysely, identity, 'http://localhost:3000', undefined, history);
  // The library may already be in the database (the app syncs it when ready): sync, then
  // rebuild every indicator from the facts the history published.
  await syncIndicatorLibrary(t.db.kysely);
  await rebuildIndicators(t.db.kysely);
}, 300_000);
afterAll(() => t.close());

describe('demo year of history', () => {
  it('has the city leader account', () => {
    expect(
      DEMO_ACCOUNTS.some((a) => a.username === 'lanhdao.longxuyen' && a.unitCode === '883'),
    ).toBe(true);
  });

  it('gives rollups for the year with a realistic on-time rate', async () => {
    const onTime = await value('dossiers.on_time', '2025');
    expect(onTime.denominator).toBeGreaterThan(4000);
    expect(onTime.value).toBeGreaterThan(80);
    expect(onTime.value).toBeLessThan(99.9);
    for (const code of [
      'payments.online',
      'satisfaction',
      'reports.on_time',
      'petitions.on_time',
      'tasks.on_time',
    ])
      expect((await value(code, '2025')).denominator, code).toBeGreaterThan(0);
  });

  it('shows the online share rising and on-time improving from the first quarter to the last', async () => {
    const q1 = await value('dossiers.online', '2025Q1');
    const q4 = await value('dossiers.online', '2025Q4');
    expect(q4.value!).toBeGreaterThan(q1.value!);
    const l1 = await value('dossiers.on_time', '2025Q1');
    const l4 = await value('dossiers.on_time', '2025Q4');
    expect(l4.value!).toBeGreaterThan(l1.value!);
  });

  it('has at least one late dossier in every ward', async () => {
    const late = await sql<{ unit_code: string }>`
      select distinct unit_code from dossier where outcome = 'late'`.execute(t.db.kysely);
    expect(late.rows.map((r) => r.unit_code).sort()).toEqual(DEMO_WARDS.map((w) => w[0]).sort());
  });

  it('adds nothing the second time', async () => {
    const before = await counts();
    expect(before.dossier).toBe(6000);
    expect(before.task_progress).toBeGreaterThan(12);
    expect(before.task_done).toBeGreaterThan(0);
    const identity = new IdentityService(t.db.kysely, systemClock);
    await seedDemo(t.db.kysely, identity, 'http://localhost:3000', undefined, history);
    expect(await counts()).toEqual(before);
  });
});
