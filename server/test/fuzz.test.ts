// Bad input never gives 5xx (issue 11): every operation of the OpenAPI document, as an
// anonymous caller, a signed-in staff administrator and a signed-in citizen, with seeded
// malformed path segments, query values, headers and bodies around real fixture objects.
//
//   FUZZ_SEED=<n>       another deterministic draw (default below: what CI runs)
//   FUZZ_CASES=<n>      cases per operation and caller (default 48)
//   FUZZ_OP=<text>      only operations whose key contains the text (e.g. "GET /api/v1/units")
//   FUZZ_REPORT=<file>  also write the summary, every failure and the refused baselines (JSON)
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineRequest, casesOf, type FuzzCase, type RequestSpec } from './fuzz/cases.js';
import { open311Cases } from './fuzz/open311.js';
import { type Operation, operationsOf } from './fuzz/operations.js';
import { fingerprint, judge, newTally, reproduction, send, type Tally } from './fuzz/run.js';
import { buildWorld, IDENTITIES, type Identity, signIn, type World } from './fuzz/world.js';
import { baselineOf, WEBHOOK_SECRET } from './fuzz/world-tables.js';
import { createTestApp, type TestApp } from './helpers.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_111);
const CASES = Number(process.env.FUZZ_CASES ?? 48);
const ONLY = process.env.FUZZ_OP;
const REPORT = process.env.FUZZ_REPORT;

let t: TestApp;
let world: World;
let ops: Operation[];
const summary: Record<string, unknown> = { seed: SEED, casesPerOperationAndCaller: CASES };
const allFailures: string[] = [];
/** Baselines the server refused (how far the cases could not reach), for FUZZ_REPORT. */
const baselineRefusals: string[] = [];

/** FNV-1a: a stable 32-bit seed per (run seed, operation, caller). */
function seedFor(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h | 0;
}

/** Operations that end the caller's session or remove fixtures run last. */
function rank(op: Operation): number {
  if (/\/auth\/logout|\/me\/deletion/.test(op.path)) return 2;
  if (op.method === 'DELETE' || /\/(close|revoke|submit)$/.test(op.path)) return 1;
  return 0;
}

const finishOf = (op: Operation) => world.finish[op.key] ?? ((r: RequestSpec) => r);

function casesFor(op: Operation, who: Identity): FuzzCase[] {
  const finish = finishOf(op);
  return casesOf(op, baselineOf(op, world, who), seedFor(SEED, op.key, who), CASES).map((c) => ({
    ...c,
    request: finish(c.request),
  }));
}

async function runCases(tally: Tally, who: Identity, cases: FuzzCase[]) {
  for (const c of cases) {
    const res = await send(t, c.request);
    tally.cases++;
    if (c.refuse) tally.refused++;
    const bucket = `${Math.floor(res.statusCode / 100)}xx`;
    tally.byStatus[bucket] = (tally.byStatus[bucket] ?? 0) + 1;
    if (res.statusCode >= 500) tally.status5xx++;
    const why = judge(res, c.refuse);
    if (why)
      tally.failures.push(
        `${why}: ${reproduction(SEED, who, c, c.request)} → ${res.body.slice(0, 300)}`,
      );
  }
}

function record(name: string, tally: Tally, started: number) {
  summary[name] = {
    ...tally,
    failures: tally.failures.length,
    seconds: (Date.now() - started) / 1000,
  };
  allFailures.push(...tally.failures);
}

beforeAll(async () => {
  t = await createTestApp({ config: { paymentWebhookSecret: WEBHOOK_SECRET } });
  world = await buildWorld(t);
  ops = operationsOf(t.app.swagger())
    .filter((op) => !ONLY || op.key.includes(ONLY))
    .map((op) =>
      op.body || !world.bodySchemas[op.key]
        ? op
        : { ...op, body: world.bodySchemas[op.key], rawBody: true },
    );
  ops.sort((a, b) => rank(a) - rank(b));
}, 120_000);

afterAll(async () => {
  // The figures the closing note quotes: operations, cases, 5xx.
  const phases = ['mustRefuse', 'other', 'open311'].map((k) => summary[k] as Tally | undefined);
  summary.totals = {
    operations: summary.operations,
    callers: IDENTITIES.length,
    cases: phases.reduce((n, p) => n + (p?.cases ?? 0), 0),
    status5xx: phases.reduce((n, p) => n + (p?.status5xx ?? 0), 0),
  };
  console.log(`fuzz summary ${JSON.stringify(summary, null, 2)}`);
  if (REPORT)
    fs.writeFileSync(
      REPORT,
      JSON.stringify({ summary, failures: allFailures, baselineRefusals }, null, 2),
    );
  await t?.close();
});

describe('fuzzing the API from its OpenAPI document', () => {
  it('aims at real objects: every path parameter has a fixture value', () => {
    const missing = ops.flatMap((op) =>
      op.params
        .filter(
          (p) =>
            p.in === 'path' &&
            world.values[`${op.path}:${p.name}`] === undefined &&
            world.values[p.name] === undefined,
        )
        .map((p) => `${op.key} {${p.name}}`),
    );
    expect(missing).toEqual([]);
    summary.operations = ops.length;
  });

  it('refuses every malformed request with 4xx problem+json, and the refusals change nothing', async () => {
    const started = Date.now();
    const before = await fingerprint(t);
    const tally = newTally();
    for (const op of ops)
      for (const who of IDENTITIES)
        await runCases(
          tally,
          who,
          casesFor(op, who).filter((c) => c.refuse),
        );
    const after = await fingerprint(t);
    record('mustRefuse', tally, started);
    expect.soft(tally.failures.slice(0, 40), `${tally.failures.length} failures`).toEqual([]);
    // Row counts of every table, the audit log included: a refusal wrote nothing anywhere.
    expect(after, 'row counts after the refused requests').toEqual(before);
  }, 600_000);

  it('never answers 5xx (or a non-problem error) to the rest: valid-looking variants and the baselines', async () => {
    await signIn(t, world);
    const started = Date.now();
    const tally = newTally();
    let accepted = 0;
    // Operation by operation (those that end a session last), each baseline before its cases.
    for (const op of ops)
      for (const who of IDENTITIES) {
        const request = finishOf(op)(baselineRequest(op, baselineOf(op, world, who)));
        const res = await send(t, request);
        if (res.statusCode < 300) accepted++;
        else
          baselineRefusals.push(`${op.key} as ${who}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        const why = judge(res, false);
        const base = { op: op.key, target: 'baseline', label: 'baseline' };
        if (why)
          tally.failures.push(
            `${why}: ${reproduction(SEED, who, base, request)} → ${res.body.slice(0, 300)}`,
          );
        await runCases(
          tally,
          who,
          casesFor(op, who).filter((c) => !c.refuse),
        );
      }
    summary.baselinesAccepted = `${accepted}/${ops.length * IDENTITIES.length}`;
    record('other', tally, started);
    expect(tally.failures.slice(0, 40), `${tally.failures.length} failures`).toEqual([]);
  }, 600_000);

  it('never answers 5xx on the Open311 GeoReport v2 routes (their own error format)', async () => {
    const started = Date.now();
    const tally = newTally();
    const cases = open311Cases(
      seedFor(SEED, 'open311'),
      CASES * 4,
      world.open311.apiKey,
      world.open311.serviceCode,
    );
    for (const c of cases) {
      const res = await send(t, c.request);
      tally.cases++;
      if (res.statusCode >= 500) tally.status5xx++;
      const why = judge(res, false, false);
      if (why)
        tally.failures.push(
          `${why}: ${reproduction(SEED, 'anonymous', c, c.request)} → ${res.body.slice(0, 300)}`,
        );
    }
    record('open311', tally, started);
    expect(tally.failures.slice(0, 40), `${tally.failures.length} failures`).toEqual([]);
  }, 300_000);
});
