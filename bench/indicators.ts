// Benchmark of the indicators (issue 12 "Benchmark"), on the database the server would open
// (DATABASE_URL for PostgreSQL, else the embedded one in DATA_DIR), filled beforehand by
// bench/dossier-bulk.ts. In one process, on one database:
//  1. publishes the dossier facts of the bulk rows (the dossiers and payments modules' own
//     backfill migrations 0506/0901 — bulk rows are written by SQL, so they have none), then
//     times the FULL REBUILD of every computed indicator (rebuildIndicators);
//  2. starts the server in this process (its fact follower runs while listening) and times the
//     dashboard's calls for the whole city (883) and one year, each interleaved with the same
//     numbers computed by scanning the dossier table (bench/indicators-raw.ts);
//  3. times a dossier action (finish over HTTP) until the changed value shows in the values API
//     and on the SSE stream.
// The server and the client share this process (the embedded database admits one process):
// client time is inside the measured latencies.
//
// Usage: node --import tsx bench/indicators.ts [--year 2026] [--calls 200] [--actions 60]
//          [--raw-calls 200] [--port 3941] [--skip-prepare] [--skip-api] [--skip-latency] [--out result.json]
import fs from 'node:fs';
import { sql } from 'kysely';
import { buildApp, openAndMigrate } from '../server/src/app.js';
import { dossiersMigrations } from '../server/src/modules/dossiers/dossiers.migrations.js';
import { rebuildIndicators, syncIndicatorLibrary } from '../server/src/modules/indicators/index.js';
import { vnToday } from '../server/src/modules/org/index.js';
import { paymentsMigrations } from '../server/src/modules/payments/payments.migrations.js';
import { loadConfig } from '../server/src/platform/config.js';
import { createLogger } from '../server/src/platform/logger.js';
import { applicantAndForm, type Component, httpClient, ms, pct } from './indicators-http.js';
import { rawQueries } from './indicators-raw.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const today = vnToday(new Date());
const year = arg('year', today.slice(0, 4));
const calls = Number(arg('calls', '200'));
const actions = Number(arg('actions', '60'));
// The raw scans take seconds each at 1M: fewer rounds of them keep a run within minutes.
const rawCalls = Number(arg('raw-calls', arg('calls', '200')));
const port = Number(arg('port', '3941'));
const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo@2026';
const CITY = '883';

// As the benchmark servers run (DEMO_DATA=1: the demo accounts sign in; PostgreSQL then
// accepts the generated citizen-data key).
const env = { ...process.env, DEMO_DATA: process.env.DEMO_DATA ?? '1' };
const config = { ...loadConfig(env), port, host: '127.0.0.1' };
const db = await openAndMigrate(config, 'bench indicators');
const k = db.kysely;
const count = async (table: string) =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(k)).rows[0]!.n,
  );
const result: Record<string, unknown> = {
  backend: db.kind,
  dossiers: await count('dossier'),
  events: await count('dossier_event'),
  year,
};
console.log(`indicators bench: ${db.kind}, ${result.dossiers} dossiers, ${result.events} events`);

// ---- 1. facts of the bulk rows, then the full rebuild -------------------------------------
if (!flag('skip-prepare')) {
  let t = performance.now();
  await dossiersMigrations['0506_dossiers_facts']!.up(k as never);
  await paymentsMigrations['0901_payments_facts']!.up(k as never);
  // The rebuild below reads every fact; the queue those backfills filled would only fold the
  // same subjects again.
  await sql`delete from fact_pending`.execute(k);
  result.factsPublishS = Number(((performance.now() - t) / 1000).toFixed(1));
  result.facts = await count('fact');
  await syncIndicatorLibrary(k);
  t = performance.now();
  const r = await rebuildIndicators(k);
  result.rebuildS = Number(((performance.now() - t) / 1000).toFixed(1));
  result.rebuild = r;
  // The embedded server analyzes nightly (VACUUM_CRON); PostgreSQL's autovacuum would soon.
  await sql`analyze`.execute(k);
  console.log(
    `facts: ${result.facts} published in ${result.factsPublishS} s; ` +
      `full rebuild (${r.indicators} indicators, ${r.subjects} subject scans) in ${result.rebuildS} s`,
  );
}

// ---- the server, in this process ------------------------------------------------------------
const { app } = await buildApp({ config, db, log: createLogger('warn') });
await app.listen({ port, host: '127.0.0.1' });
const http = httpClient(`http://127.0.0.1:${port}`);
const office = await http.login('vanphong.longxuyen', PASSWORD); // the city's secretariat

// ---- 2. the dashboard's calls vs scanning the dossier table ---------------------------------
interface Value {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  children?: { unit: string; value: number | null; numerator: number | null }[];
}
const values = (code: string, unit: string, period: string, children = false) =>
  `/api/v1/indicators/${code}/values?unit=${unit}&period=${period}${children ? '&children=true' : ''}`;
if (!flag('skip-api')) {
  const api = [
    values('dossiers.received', CITY, year, true),
    values('dossiers.on_time', CITY, year, true),
    values('dossiers.online', CITY, year, true),
    values('dossiers.pending', CITY, year, true),
    `/api/v1/indicators/dossiers.on_time/trend?unit=${CITY}&year=${year}`,
    `/api/v1/indicators/dossiers.on_time/ranking?unit=${CITY}&period=${year}`,
    `/api/v1/units/${CITY}/index-766?period=${year}`,
  ];
  const received = await http.getJson<Value>(api[0]!, office.get);
  const units = [CITY, ...(received.children ?? []).map((c) => c.unit)];
  const raw = rawQueries(year, units);
  // The same numbers both ways (a benchmark of two different answers would mean nothing).
  const rawReceived = (await raw[0]!.run(k)) as { n: string }[];
  const rawOnTime = (await raw[1]!.run(k)) as { num: string; den: string }[];
  const onTime = await http.getJson<Value>(api[1]!, office.get);
  const sum = (rows: Record<string, string>[], key: string) =>
    rows.reduce((a, r) => a + Number(r[key]), 0);
  result.check = {
    received: { api: received.value, raw: sum(rawReceived, 'n') },
    onTime: {
      api: [onTime.numerator, onTime.denominator],
      raw: [sum(rawOnTime, 'num'), sum(rawOnTime, 'den')],
    },
  };
  console.log(`same numbers: ${JSON.stringify(result.check)}`);
  // A call the server refuses is reported and left out (timing an error answer means nothing).
  result.refused = [] as string[];
  for (let j = api.length - 1; j >= 0; j--) {
    const r = await http.send('GET', api[j]!, office.get);
    if (r.status === 200) continue;
    (result.refused as string[]).push(`GET ${api[j]}: ${r.status} ${r.body.slice(0, 200)}`);
    api.splice(j, 1);
    raw.splice(j, 1);
  }
  for (const r of result.refused as string[]) console.log(`REFUSED ${r}`);
  const apiMs = api.map(() => [] as number[]);
  const rawMs = raw.map(() => [] as number[]);
  const warm = 2;
  for (let i = 0; i < calls + warm; i++) {
    for (let j = 0; j < api.length; j++) {
      let t = performance.now();
      await http.getJson(api[j]!, office.get);
      if (i >= warm) apiMs[j]!.push(performance.now() - t);
      if (i >= warm + rawCalls) continue;
      t = performance.now();
      await raw[j]!.run(k);
      if (i >= warm) rawMs[j]!.push(performance.now() - t);
    }
  }
  result.api = api.map((path, j) => ({
    call: `GET ${path}`,
    raw: raw[j]!.name,
    n: apiMs[j]!.length,
    rawN: rawMs[j]!.length,
    apiP50: Number(pct(apiMs[j]!, 50).toFixed(1)),
    apiP95: Number(pct(apiMs[j]!, 95).toFixed(1)),
    rawP50: Number(pct(rawMs[j]!, 50).toFixed(1)),
    rawP95: Number(pct(rawMs[j]!, 95).toFixed(1)),
  }));
  console.log(
    [
      `\n| dashboard call (unit ${CITY}, period ${year}) | n | API p50 / p95 ms | raw n | raw scan p50 / p95 ms |`,
      '|---|---|---|---|---|',
      ...(result.api as Record<string, number | string>[]).map(
        (r) =>
          `| \`${String(r.call).replace('/api/v1', '')}\` | ${r.n} | ${ms(r.apiP50 as number)} / ${ms(r.apiP95 as number)} | ${r.rawN} | ${ms(r.rawP50 as number)} / ${ms(r.rawP95 as number)} |`,
      ),
    ].join('\n'),
  );
}

// ---- 3. from a finish over HTTP to the value in the API and on the stream -------------------
if (!flag('skip-latency')) {
  const desk = await http.login('motcua.mybinh', PASSWORD);
  const spec = await http.login('chuyenvien.mybinh', PASSWORD);
  const page = await http.getJson<{ items: { id: string; code: string }[] }>(
    '/api/v1/procedures?q=2.000815&limit=10',
    desk.get,
  );
  const procId = page.items.find((p) => p.code === '2.000815')!.id;
  const proc = await http.getJson<{ components: Component[] }>(
    `/api/v1/procedures/${procId}`,
    desk.get,
  );
  const ready: { id: string; version: number }[] = [];
  for (let i = 0; i < actions; i++) {
    const body = applicantAndForm(proc.components);
    const c = await http.send(
      'POST',
      '/api/v1/dossiers',
      { ...desk.post, 'idempotency-key': `bench-ind-${process.pid}-${i}` },
      JSON.stringify({ procedureId: procId, unitCode: '30280', channel: 'direct', ...body }),
    );
    if (c.status !== 201) throw new Error(`create: ${c.status} ${c.body.slice(0, 300)}`);
    const d = JSON.parse(c.body) as { id: string; version: number };
    const a = await http.send(
      'POST',
      `/api/v1/dossiers/${d.id}/actions`,
      desk.post,
      JSON.stringify({ action: 'assign', assigneeUsername: spec.username, version: d.version }),
    );
    if (a.status !== 200) throw new Error(`assign: ${a.status} ${a.body.slice(0, 300)}`);
    ready.push({ id: d.id, version: (JSON.parse(a.body) as { version: number }).version });
  }
  await new Promise((r) => setTimeout(r, 2000)); // let the follower fold those receptions
  const day = today.replaceAll('-', '');
  let lastEvent = { value: -1, at: 0 };
  const stop = await http.sse(
    `/api/v1/indicators/stream?unit=${CITY}&period=${day}&indicator=dossiers.finished`,
    office.get,
    (data, at) => {
      lastEvent = { value: (data as { value: number }).value, at };
    },
  );
  await new Promise((r) => setTimeout(r, 500));
  const finishMs: number[] = [];
  const apiLag: number[] = [];
  const sseLag: number[] = [];
  let misses = 0;
  const path = values('dossiers.finished', CITY, day);
  for (const d of ready) {
    const before = (await http.getJson<Value>(path, office.get)).value ?? 0;
    const t0 = performance.now();
    const f = await http.send(
      'POST',
      `/api/v1/dossiers/${d.id}/actions`,
      spec.post,
      JSON.stringify({ action: 'finish', resultSummary: 'Đã chứng thực.', version: d.version }),
    );
    if (f.status !== 200) throw new Error(`finish: ${f.status} ${f.body.slice(0, 300)}`);
    finishMs.push(performance.now() - t0);
    let tApi = 0;
    let tSse = 0;
    while (performance.now() - t0 < 5000 && (!tApi || !tSse)) {
      if (!tSse && lastEvent.value >= before + 1) tSse = lastEvent.at;
      if (!tApi && ((await http.getJson<Value>(path, office.get)).value ?? 0) >= before + 1)
        tApi = performance.now();
      if (!tApi || !tSse) await new Promise((r) => setTimeout(r, 20));
    }
    if (tApi) apiLag.push(tApi - t0);
    if (tSse) sseLag.push(tSse - t0);
    if (!tApi || !tSse) misses++;
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
  }
  stop();
  const stat = (a: number[]) => ({
    n: a.length,
    p50: Number(pct(a, 50).toFixed(0)),
    p95: Number(pct(a, 95).toFixed(0)),
    max: Number(pct(a, 100).toFixed(0)),
  });
  result.latency = {
    indicator: 'dossiers.finished',
    unit: CITY,
    period: day,
    finishRequest: stat(finishMs),
    toValuesApi: stat(apiLag),
    toSse: stat(sseLag),
    missesOver5s: misses,
  };
  console.log(`\nfinish → value: ${JSON.stringify(result.latency)}`);
}

http.close();
await app.close();
await db.close();
console.log(`RESULT ${JSON.stringify(result)}`);
const out = arg('out', '');
if (out) fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
