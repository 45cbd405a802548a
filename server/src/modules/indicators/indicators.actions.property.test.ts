// Incremental = rebuild over REAL actions (issue 12 deliver 4): random sequences of what the
// one-stop shop and the field-report desk do over the HTTP API — receipts on two channels,
// assignments, finishes (some late: the clock moves on by working days), approvals,
// payments at the desk in cash or by bank transfer (online, regulations.md §5), results
// returned electronically or on paper, refusals, field reports filed, worked, resolved and
// reopened — with the follower folding (drainFacts) at random points. Afterwards the rollups
// equal those rebuildIndicators computes from the facts, for every library indicator.
// indicators.property.test.ts covers the same over synthetic publications.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDossierInput,
  buildOneStopShop,
  STAFF_PASSWORD,
} from '../../../test/factories/dossiers.js';
import {
  buildReportArea,
  buildReportInput,
  REPORT_STAFF_PASSWORD,
} from '../../../test/factories/reports.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { syncIndicatorLibrary } from './indicators.definitions.js';
import { drainFacts } from './indicators.follower.js';
import { rebuildIndicators } from './indicators.rebuild.js';

type Who = { username: string; headers: Record<string, string> };
// Monday 01/02/2027 09:00 in Vietnam.
const clock = new FixedClock(new Date('2027-02-01T02:00:00Z'));
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
let area: Awaited<ReturnType<typeof buildReportArea>>;
const dossiers: { id: string; version: number }[] = [];
const reports: { id: string; code: string; token: string; version: number }[] = [];
let ip = 0;

beforeAll(async () => {
  t = await createTestApp({ clock });
  await syncIndicatorLibrary(t.db.kysely);
  shop = await buildOneStopShop(t);
  area = await buildReportArea(t);
}, 120_000);
afterAll(() => t?.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    payload: payload as never,
    headers,
    remoteAddress: `10.9.${Math.floor(++ip / 250) % 250}.${ip % 250}`,
  });

/** Sessions lapse when the clock jumps days: sign everyone in again. */
async function relogin() {
  const again = async (w: Who, password: string) => {
    w.headers = (await t.login(w.username, password)).headers;
  };
  for (const w of [shop.desk, shop.specialist, shop.leader]) await again(w, STAFF_PASSWORD);
  for (const w of [area.desk, area.specialist, area.leader]) await again(w, REPORT_STAFF_PASSWORD);
}

/** A dossier action; the version moves when the server says it happened. */
async function dossierAct(i: number, body: Record<string, unknown>, who: Who) {
  const d = pick(dossiers, i);
  if (!d) return;
  const r = await post(`/dossiers/${d.id}/actions`, { ...body, version: d.version }, who.headers);
  // 409 (not in that state) is an answer too: nothing changed, nothing published.
  expect([200, 409], r.body).toContain(r.statusCode);
  if (r.statusCode === 200) d.version = (r.json() as { version: number }).version;
}

async function reportAct(i: number, body: Record<string, unknown>, who: Who) {
  const rep = pick(reports, i);
  if (!rep) return;
  const r = await post(
    `/reports/${rep.id}/actions`,
    { ...body, version: rep.version },
    who.headers,
  );
  expect([200, 409], r.body).toContain(r.statusCode);
  if (r.statusCode === 200) rep.version = (r.json() as { version: number }).version;
}

type Action =
  | { op: 'receive'; channel: 'direct' | 'postal' }
  | { op: 'assign' | 'finish' | 'approve' | 'refuse'; i: number }
  | { op: 'pay'; i: number; method: 'cash' | 'bank_transfer' | 'card' }
  | { op: 'return'; i: number; method: 'electronic' | 'direct' }
  | { op: 'complete'; i: number; pay: 'cash' | 'bank_transfer'; method: 'electronic' | 'direct' }
  | { op: 'report' }
  | { op: 'work'; i: number; step: 'accept' | 'assign' | 'start' | 'resolve' | 'close' }
  | { op: 'reopen'; i: number }
  | { op: 'advance'; days: number }
  | { op: 'fold' };

// Actions pick among the latest few subjects, so sequences carry them to the end states.
const idx = fc.nat({ max: 3 });
const pick = <T>(list: T[], i: number): T | undefined =>
  list[list.length - 1 - (i % Math.max(1, Math.min(list.length, 4)))];
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('receive' as const),
      channel: fc.constantFrom('direct' as const, 'postal' as const),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      op: fc.constantFrom(
        'assign' as const,
        'finish' as const,
        'approve' as const,
        'refuse' as const,
      ),
      i: idx,
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('pay' as const),
      i: idx,
      method: fc.constantFrom('cash' as const, 'bank_transfer' as const, 'card' as const),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('return' as const),
      i: idx,
      method: fc.constantFrom('electronic' as const, 'direct' as const),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('complete' as const),
      i: idx,
      pay: fc.constantFrom('cash' as const, 'bank_transfer' as const),
      method: fc.constantFrom('electronic' as const, 'direct' as const),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('report' as const) }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant('work' as const),
      i: idx,
      step: fc.constantFrom(
        'accept' as const,
        'assign' as const,
        'start' as const,
        'resolve' as const,
        'close' as const,
      ),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ op: fc.constant('reopen' as const), i: idx }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      days: fc.integer({ min: 1, max: 6 }),
    }),
    weight: 1,
  },
  { arbitrary: fc.constant({ op: 'fold' as const }), weight: 2 },
);

async function run(a: Action): Promise<void> {
  switch (a.op) {
    case 'receive': {
      const r = await post(
        '/dossiers',
        buildDossierInput(shop, { channel: a.channel }),
        shop.desk.headers,
      );
      expect(r.statusCode, r.body).toBe(201);
      dossiers.push({ id: (r.json() as { id: string }).id, version: 1 });
      return;
    }
    case 'assign':
      return dossierAct(
        a.i,
        { action: 'assign', assigneeUsername: shop.specialist.username },
        shop.desk,
      );
    case 'finish':
      return dossierAct(a.i, { action: 'finish', resultSummary: 'Đã giải quyết' }, shop.specialist);
    case 'approve':
      return dossierAct(a.i, { action: 'approve' }, shop.leader);
    case 'refuse':
      return dossierAct(
        a.i,
        { action: 'refuse', reason: 'Hồ sơ không thuộc thẩm quyền' },
        shop.desk,
      );
    case 'return':
      return dossierAct(a.i, { action: 'return_result', method: a.method }, shop.desk);
    case 'pay': {
      const d = pick(dossiers, a.i);
      if (!d) return;
      const r = await post(
        `/dossiers/${d.id}/payments`,
        { method: a.method, amount: 8000 },
        shop.desk.headers,
      );
      // Paid already, or not payable in its state: 409; the dossier's version does not move.
      expect([201, 409], r.body).toContain(r.statusCode);
      return;
    }
    case 'complete': {
      // The whole way in one go (each step may be refused where the dossier already is).
      await run({ op: 'assign', i: a.i });
      await run({ op: 'finish', i: a.i });
      await run({ op: 'approve', i: a.i });
      await run({ op: 'pay', i: a.i, method: a.pay });
      return run({ op: 'return', i: a.i, method: a.method });
    }
    case 'report': {
      const r = await post('/reports', buildReportInput(area));
      expect(r.statusCode, r.body).toBe(201);
      const b = r.json() as { id: string; code: string; followToken: string };
      reports.push({ id: b.id, code: b.code, token: b.followToken, version: 1 });
      return;
    }
    case 'work': {
      const body: Record<string, unknown> = { action: a.step };
      if (a.step === 'assign') body.assigneeUsername = area.specialist.username;
      if (a.step === 'resolve') body.reply = 'Đã khắc phục xong.';
      const who = a.step === 'start' || a.step === 'resolve' ? area.specialist : area.desk;
      return reportAct(a.i, body, who);
    }
    case 'reopen': {
      const rep = pick(reports, a.i);
      if (!rep) return;
      const r = await post(`/public/reports/${rep.code}/reopen`, {
        token: rep.token,
        reason: 'Đèn lại tắt sau hai ngày.',
      });
      expect([200, 409], r.body).toContain(r.statusCode);
      if (r.statusCode === 200) rep.version = (r.json() as { version: number }).version;
      return;
    }
    case 'advance':
      clock.advance(a.days * 86_400_000);
      await relogin();
      return;
    case 'fold':
      await drainFacts(t.db.kysely);
      return;
  }
}

async function snapshot() {
  const r = await sql<{ row: string }>`
    select indicator || '|' || unit_code || '|' || day::text || '|' || num || '|' || den as row
    from indicator_rollup order by 1`.execute(t.db.kysely);
  return r.rows.map((x) => x.row);
}

describe('incremental folding over real actions equals a rebuild', () => {
  it('for dossiers, payments and field reports, folding at random points', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        runs += 1;
        for (const a of actions) await run(a);
        await drainFacts(t.db.kysely);
        const incremental = await snapshot();
        await rebuildIndicators(t.db.kysely);
        expect(await snapshot()).toEqual(incremental);
      }),
      { numRuns: 15, seed: Number(process.env.FC_SEED ?? 1227), endOnFailure: true },
    );
    expect(runs).toBe(15);
    // The sequences did reach the interesting states (not a property over empty tables).
    const counted = await sql<{ indicator: string; n: number }>`
      select indicator, sum(den)::int as n from indicator_rollup
      where indicator in ('dossiers.on_time', 'dossiers.result_electronic', 'reports.resolved')
      group by indicator order by indicator`.execute(t.db.kysely);
    expect(counted.rows.map((r) => r.indicator)).toEqual([
      'dossiers.on_time',
      'dossiers.result_electronic',
      'reports.resolved',
    ]);
  }, 300_000);
});
