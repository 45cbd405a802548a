// Benchmark of official documents (issue 13 "Benchmark"; results in docs/benchmarks.md, section
// "Official documents (issue 13)"), on the database the server would open (DATABASE_URL for
// PostgreSQL, else the embedded one in DATA_DIR). In one process (PGlite admits one):
//  1. corpus: fills `document` up to --count rows, set-based SQL in batches (generate_series),
//     over Long Xuyên's 94 document-using units (the demo's 883 subtree without hamlets, plus
//     schools added to reach 94), 2022-01-01 → yesterday, ~60%
//     incoming / 40% outgoing (issued); summaries of 6–13 words drawn (Zipf-like) from the
//     vocabulary of the seed plans (server/assets/seed-plans, folded with foldVietnamese for
//     search_text); arrival / issue numbers per unit and year on top of document_register,
//     which is advanced too; one or two document_event rows per document; document_word
//     filled with the vocabulary. The GIN index is dropped during the load and rebuilt after.
//  2. registration: N clerks (secretariat of different wards, then all of one ward) POST
//     /api/v1/documents/incoming for --seconds each; then checks every unit's arrival numbers.
//  3. the outgoing flow draft → submit → office approve → leader approve → sign → issue
//     (dispatch to one ward), --flows concurrent flows for --seconds.
//  4. search GET /api/v1/documents?box=incoming&q=… as a ward clerk and as the city leader.
//  5. in-process signPdf (PKCS#12, PAdES) on a 1-page and a 10-page ND30 PDF, and
//     verifyPdfSignatures on an issued (two-signature) PDF.
// The server and the clients share this process: client CPU is inside the latencies.
//
// Usage: node --import tsx bench/documents.ts [--count 1000000] [--batch 100000] [--seconds 30]
//          [--flows 4] [--searches 200] [--sign-runs 50] [--port 3951] [--skip-load] [--out r.json]
//          [--load-deadline <ISO instant: stop adding batches after it>]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { foldVietnamese } from '@cqs/shared/procedures/index';
import { sql } from 'kysely';
import { buildApp, openAndMigrate } from '../server/src/app.js';
import { seedDemo } from '../server/src/demo.js';
import { searchQuery } from '../server/src/modules/documents/documents.query.js';
import { SigningSetup } from '../server/src/modules/documents/documents.signing.js';
import { lowerBounds } from '../server/src/modules/dossiers/index.js';
import { IdentityService } from '../server/src/modules/identity/index.js';
import {
  findUnitsByCodes,
  OrgService,
  unitDescendants,
  vnToday,
} from '../server/src/modules/org/index.js';
import { SYSTEM_ACTOR } from '../server/src/platform/actor.js';
import { systemClock } from '../server/src/platform/clock.js';
import { loadConfig } from '../server/src/platform/config.js';
import { FileStore } from '../server/src/platform/files/file-store.js';
import { createLogger } from '../server/src/platform/logger.js';
import { renderOfficialPdf } from '../server/src/platform/pdf/index.js';
import {
  longPlan,
  SAMPLE_PLAN,
} from '../server/src/platform/pdf/official-document.test-support.js';
import {
  createDemoCa,
  issueCertificate,
  pkcs12Provider,
  signPdf,
} from '../server/src/platform/signatures/index.js';
import { verifyPdfSignatures } from '../server/src/platform/signatures/verify.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const target = Number(arg('count', '1000000'));
const batchSize = Number(arg('batch', '100000'));
const seconds = Number(arg('seconds', '30'));
const flows = Number(arg('flows', '4'));
const searches = Number(arg('searches', '200'));
const signRuns = Number(arg('sign-runs', '50'));
const port = Number(arg('port', '3951'));
const loadDeadline = arg('load-deadline', '') ? Date.parse(arg('load-deadline', '')) : Infinity;
const PASSWORD = 'demo@2026';
const BENCH_PASSWORD = 'bench-van-ban-2026';
const CITY = '883';

const pct = (a: number[], p: number) => {
  if (a.length === 0) return Number.NaN;
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const r1 = (x: number) => Number(x.toFixed(1));
const stat = (a: number[]) => ({
  n: a.length,
  mean: r1(a.reduce((s, x) => s + x, 0) / Math.max(1, a.length)),
  p50: r1(pct(a, 50)),
  p95: r1(pct(a, 95)),
  p99: r1(pct(a, 99)),
});

const env = { ...process.env, DEMO_DATA: process.env.DEMO_DATA ?? '1' };
const config = { ...loadConfig(env), port, host: '127.0.0.1' };
const db = await openAndMigrate(config, 'bench documents');
const k = db.kysely;
const result: Record<string, unknown> = { backend: db.kind };
const identity = new IdentityService(k, systemClock);
const t = performance.now();
await seedDemo(k, identity, config.publicUrl);
console.log(
  `documents bench: ${db.kind}; demo seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

// ---- units and vocabulary ----------------------------------------------------------------
// Long Xuyên runs its documents system in 94 units: 12 departments, 13 public-service units and
// associations, 13 wards and communes, 56 schools (seed 003 §III, VNPT-iOffice). The demo seeds
// the city, its wards and departments (hamlets aside, they keep no documents); the schools it
// lacks are added here as agencies under the city, so the corpus spreads over 94 units.
const LONG_XUYEN_DOCUMENT_UNITS = 94;
{
  const all = await unitDescendants(k, CITY);
  const have = new Set(
    [...(await findUnitsByCodes(k, all)).values()]
      .filter((u) => u.kind !== 'hamlet')
      .map((u) => u.code),
  );
  const org = new OrgService(k, systemClock);
  // In force since the city is (the demo dates its units), so they exist across the corpus.
  const cityFrom =
    (await org.get(CITY)).versions.map((v) => v.validFrom).sort()[0] ?? vnToday(new Date());
  for (let i = 1; have.size < LONG_XUYEN_DOCUMENT_UNITS; i++) {
    const code = `${CITY}.TH${String(i).padStart(2, '0')}`;
    if (have.has(code)) continue;
    have.add(
      (
        await org.create(SYSTEM_ACTOR, {
          code,
          name: `Trường Tiểu học thử số ${i}`,
          kind: 'agency',
          category: 'other',
          parentCode: CITY,
          agencyId: null,
          validFrom: cityFrom,
        })
      ).code,
    );
  }
}
const subtree = await unitDescendants(k, CITY);
const kinds = new Map(
  [...(await findUnitsByCodes(k, subtree)).values()]
    .filter((u) => u.kind !== 'hamlet')
    .map((u) => [u.code, u.kind]),
);
const units = subtree.filter((u) => kinds.has(u));
const wards = units.filter((u) => kinds.get(u) === 'commune').sort();
const agencies = units.filter((u) => kinds.get(u) === 'agency').sort();
result.units = {
  total: units.length,
  wards: wards.length,
  agencies: agencies.length,
  byKind: Object.fromEntries(
    [...new Set(kinds.values())].map((x) => [x, [...kinds.values()].filter((y) => y === x).length]),
  ),
};
console.log(`units under ${CITY}: ${JSON.stringify(result.units)}`);
// Weights: the city's own office receives most, wards a fair share, departments fewer.
const unitWeights = units.map((u) => (u === CITY ? 12 : kinds.get(u) === 'commune' ? 3 : 1));

const counts = new Map<string, number>();
const collect = (v: unknown): void => {
  if (typeof v === 'string') {
    for (const w of v
      .normalize('NFC')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)) {
      if (w.length < 2 || /^\d+$/.test(w) || w.length > 20) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  } else if (Array.isArray(v)) v.forEach(collect);
  else if (v && typeof v === 'object') Object.values(v).forEach(collect);
};
const plansDir = 'server/assets/seed-plans';
for (const f of fs.readdirSync(plansDir).filter((f) => f.endsWith('.json')))
  collect(JSON.parse(fs.readFileSync(path.join(plansDir, f), 'utf8')));
const vocab = [...counts.entries()]
  .sort((a, b) => b[1] - a[1])
  .map(([w]) => w)
  .slice(0, 4000);
const folded = vocab.map((w) => foldVietnamese(w).replace(/[^a-z0-9]/g, ''));
result.vocabulary = vocab.length;
console.log(`vocabulary: ${vocab.length} words (most frequent: ${vocab.slice(0, 8).join(', ')})`);

const ISSUERS = [
  'UBND tỉnh An Giang',
  'Sở Nội vụ tỉnh An Giang',
  'Sở Tài chính tỉnh An Giang',
  'Sở Thông tin và Truyền thông tỉnh An Giang',
  'Sở Giáo dục và Đào tạo tỉnh An Giang',
  'Sở Y tế tỉnh An Giang',
  'Sở Tài nguyên và Môi trường tỉnh An Giang',
  'Văn phòng UBND tỉnh An Giang',
  'Công an tỉnh An Giang',
  'Bảo hiểm xã hội tỉnh An Giang',
  'UBND thành phố Long Xuyên',
  'Thành ủy Long Xuyên',
];
const TYPES = ['CV', 'CV', 'CV', 'CV', 'QĐ', 'KH', 'TB', 'BC', 'TTr', 'HD'];
const NOTATION: Record<string, string> = {
  CV: 'UBND-VP',
  QĐ: 'QĐ-UBND',
  KH: 'KH-UBND',
  TB: 'TB-UBND',
  BC: 'BC-UBND',
  TTr: 'TTr-UBND',
  HD: 'HD-UBND',
};

// ---- 1. corpus -----------------------------------------------------------------------------
const docCount = async () =>
  Number((await sql<{ n: string }>`select count(*) as n from document`.execute(k)).rows[0]!.n);
const existing = await docCount();
const toAdd = Math.max(0, target - existing);
if (!flag('skip-load') && toAdd > 0) {
  const today = vnToday(new Date());
  const start = '2022-01-01';
  const totalDays = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000,
  );
  const batches = Math.ceil(toAdd / batchSize);
  console.log(
    `corpus: ${existing} stored, adding ${toAdd} in ${batches} batches of ${batchSize} (${start} → ${today}, ${totalDays} days)`,
  );
  const tLoad = performance.now();
  await sql`drop index if exists document_search_idx`.execute(k);
  let added = 0;
  let stoppedEarly = false;
  for (let b = 0; b < batches; b++) {
    if (Date.now() > loadDeadline) {
      stoppedEarly = true;
      console.log(`load deadline reached after ${added} documents: stopping the load`);
      break;
    }
    const n = Math.min(batchSize, toAdd - b * batchSize);
    // Batch b covers its own slice of days: numbers follow registration time across batches.
    const d0 = Math.floor((b * totalDays) / batches);
    const d1 = Math.max(d0 + 1, Math.floor(((b + 1) * totalDays) / batches));
    const tb = performance.now();
    await k.transaction().execute(async (trx) => {
      await sql`select setseed(${((existing + b * 7919) % 100_000) / 100_000})`.execute(trx);
      await sql`drop table if exists bulk_doc`.execute(trx);
      await sql`
        create temp table bulk_doc on commit drop as
        with g as (
          select gen_random_uuid() as id, i,
            case when random() < 0.6 then 'incoming' else 'outgoing' end as dir,
            (${units}::text[])[width_bucket(random(), ${lowerBounds(unitWeights)}::float8[])] as unit_code,
            ((${start}::date + (${d0}::int + floor(random() * ${d1 - d0})::int))
              + make_interval(mins => (450 + floor(random() * 540))::int)) as local_ts,
            1 + floor(random() * ${TYPES.length})::int as ti,
            1 + floor(random() * ${ISSUERS.length})::int as ii,
            random() as r_st, random() as r_src, random() as r_urg,
            array(select 1 + floor(${vocab.length} * power(random(), 2.2))::int
                  from generate_series(1, 6 + (i % 8)) s where s > 0 and i > 0) as w
          from generate_series(1, ${n}) i
        )
        select g.*, (local_ts - interval '7 hours') at time zone 'UTC' as created_at,
          extract(year from local_ts)::int as yr,
          (${TYPES}::text[])[ti] as type_code,
          (${ISSUERS}::text[])[ii] as issuer,
          'Về việc ' || array_to_string(array(select (${vocab}::text[])[x] from unnest(w) x), ' ') as summary,
          've viec ' || array_to_string(array(select (${folded}::text[])[x] from unnest(w) x), ' ') as ftext
        from g`.execute(trx);
      await sql`
        insert into document (id, direction, unit_code, drafting_unit_code, status, version, source,
          arrival_number, arrival_year, registered_at, code_number, code_notation, number_year,
          issuer_name, issued_on, type_code, summary, signer_name, signer_position, urgency,
          confidentiality, deadline, review_flow, search_text, created_at, updated_at, done_at)
        select b.id, b.dir, b.unit_code, case when b.dir = 'outgoing' then b.unit_code end,
          case when b.dir = 'outgoing' then 'issued'
               when b.r_st < 0.86 then 'done' when b.r_st < 0.93 then 'in_progress'
               when b.r_st < 0.97 then 'directed' else 'registered' end,
          case when b.dir = 'outgoing' then 6 else 3 end,
          case when b.dir = 'outgoing' then null when b.r_src < 0.35 then 'paper'
               when b.r_src < 0.75 then 'edxml' else 'platform' end,
          case when b.dir = 'incoming' then coalesce(r.last_number, 0) + x.rn end,
          case when b.dir = 'incoming' then b.yr end,
          case when b.dir = 'incoming' then b.created_at end,
          case when b.dir = 'incoming' then (1 + floor(random() * 900))::text
               else lpad((coalesce(r.last_number, 0) + x.rn)::text, 2, '0') end,
          case when b.dir = 'incoming' then (${Object.values(NOTATION)}::text[])[1 + floor(random() * 7)::int]
               else (${TYPES}::text[])[b.ti] || '-UBND' end,
          case when b.dir = 'outgoing' then b.yr end,
          case when b.dir = 'incoming' then b.issuer else 'UBND ' || b.unit_code end,
          (b.local_ts)::date - case when b.dir = 'incoming' then (1 + floor(random() * 5))::int else 0 end,
          b.type_code, b.summary, 'Nguyễn Văn An', 'Chủ tịch',
          case when b.r_urg < 0.9 then 'normal' when b.r_urg < 0.98 then 'urgent' else 'very_urgent' end,
          'normal',
          case when b.dir = 'incoming' and b.r_urg < 0.4 then (b.local_ts)::date + 10 end,
          '[]'::jsonb,
          b.ftext || ' ' || case when b.dir = 'incoming'
            then lower(translate(b.issuer, 'ÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ',
                                     'AAAAAAAAAAAAAAAAADEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYaaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy'))
            else 'nguyen van an' end,
          b.created_at, b.created_at + interval '3 days',
          case when b.dir = 'outgoing' or b.r_st < 0.86 then b.created_at + interval '3 days' end
        from bulk_doc b
        join (select id, row_number() over (partition by dir, unit_code, yr order by created_at, id) as rn
              from bulk_doc) x on x.id = b.id
        left join document_register r on r.unit_code = b.unit_code and r.direction = b.dir
          and r.year = b.yr and r.series = 'all'`.execute(trx);
      await sql`
        insert into document_register (unit_code, direction, year, series, last_number)
        select unit_code, dir, yr, 'all', count(*) from bulk_doc group by unit_code, dir, yr
        on conflict (unit_code, direction, year, series)
        do update set last_number = document_register.last_number + excluded.last_number`.execute(
        trx,
      );
      await sql`
        insert into document_event (document_id, seq, action, from_status, to_status, actor_name, occurred_at, payload)
        select id, 1, case when dir = 'incoming' then 'register' else 'draft' end, null,
          case when dir = 'incoming' then 'registered' else 'draft' end, 'Văn thư', created_at, '{}'::jsonb
        from bulk_doc
        union all
        select id, 2, case when dir = 'incoming' then 'complete' else 'issue' end,
          case when dir = 'incoming' then 'in_progress' else 'signed' end,
          case when dir = 'incoming' then 'done' else 'issued' end, 'Cán bộ', created_at + interval '3 days', '{}'::jsonb
        from bulk_doc where dir = 'outgoing' or r_st < 0.86`.execute(trx);
      // City mail assigned to a department: that department's staff see it through document_access.
      if (agencies.length > 0)
        await sql`
          insert into document_access (document_id, unit_code, user_id, reason)
          select id, (${agencies}::text[])[1 + floor(random() * ${agencies.length})::int], null, 'assigned'
          from bulk_doc where dir = 'incoming' and unit_code = ${CITY} and r_st < 0.93`.execute(
          trx,
        );
    });
    added += n;
    console.log(
      `  batch ${b + 1}/${batches}: ${n} documents in ${((performance.now() - tb) / 1000).toFixed(1)} s`,
    );
  }
  const tIdx = performance.now();
  await sql`create index document_search_idx on document using gin (to_tsvector('simple', search_text))`.execute(
    k,
  );
  const indexS = (performance.now() - tIdx) / 1000;
  await sql`insert into document_word (word) select unnest(${[...new Set(folded.filter((w) => w.length >= 2))]}::text[]) on conflict do nothing`.execute(
    k,
  );
  await sql`insert into document_word (word) select distinct unnest(string_to_array(lower(translate(x, 'Đ', 'D')), '-')) from unnest(${Object.values(NOTATION)}::text[]) x on conflict do nothing`.execute(
    k,
  );
  const tAn = performance.now();
  await sql`vacuum analyze document`.execute(k);
  await sql`vacuum analyze document_event`.execute(k);
  await sql`analyze`.execute(k);
  result.load = {
    added,
    stoppedEarly,
    totalS: r1((performance.now() - tLoad) / 1000),
    ginIndexS: r1(indexS),
    vacuumAnalyzeS: r1((performance.now() - tAn) / 1000),
  };
  console.log(`corpus load: ${JSON.stringify(result.load)}`);
}
result.documents = await docCount();
result.events = Number(
  (await sql<{ n: string }>`select count(*) as n from document_event`.execute(k)).rows[0]!.n,
);
result.words = Number(
  (await sql<{ n: string }>`select count(*) as n from document_word`.execute(k)).rows[0]!.n,
);
console.log(
  `corpus: ${result.documents} documents, ${result.events} events, ${result.words} words`,
);

// ---- bench accounts: a clerk per ward, and 3 wards with a specialist, a leader and a clerk --
const existingUsers = new Set(
  (
    await sql<{
      username: string;
    }>`select username from app_user where username like 'bench.%'`.execute(k)
  ).rows.map((r) => r.username),
);
const ensureUser = async (username: string, fullName: string, role: string, unitCode: string) => {
  if (existingUsers.has(username)) return;
  await identity.createUser(SYSTEM_ACTOR, {
    username,
    password: BENCH_PASSWORD,
    fullName,
    kind: 'staff',
    roles: [{ role: role as never, unitCode }],
  });
};
// 16 registers: the wards first, then the city office and departments (the demo has 12 wards).
const clerkWards = [...wards, CITY, ...agencies.filter((a) => a.startsWith(`${CITY}.`))].slice(
  0,
  16,
);
for (const w of clerkWards) await ensureUser(`bench.vt.${w}`, `Văn thư ${w}`, 'secretariat', w);
const flowWards = wards.slice(0, 3);
for (const w of flowWards) {
  await ensureUser(`bench.cv.${w}`, `Chuyên viên ${w}`, 'specialist', w);
  await ensureUser(`bench.ld.${w}`, `Lãnh đạo ${w}`, 'leader', w);
}

// ---- the server, in this process ----------------------------------------------------------
const { app } = await buildApp({ config, db, log: createLogger('warn') });
await app.listen({ port, host: '127.0.0.1' });
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const base = `http://127.0.0.1:${port}`;
interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}
const send = (
  method: 'GET' | 'POST',
  p: string,
  headers: http.OutgoingHttpHeaders,
  body?: string,
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: '127.0.0.1', port, method, path: p, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
type Session = {
  username: string;
  id: string;
  get: http.OutgoingHttpHeaders;
  post: http.OutgoingHttpHeaders;
};
const login = async (username: string, password: string): Promise<Session> => {
  for (;;) {
    const res = await send(
      'POST',
      '/api/v1/auth/login',
      { 'content-type': 'application/json' },
      JSON.stringify({ username, password }),
    );
    if (res.status === 429) {
      // 30 sign-ins a minute per address: wait the window out.
      await new Promise((r) => setTimeout(r, 5000));
      continue;
    }
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body}`);
    const cookie = (res.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('cqs_session='))!;
    const b = JSON.parse(res.body) as { csrfToken: string; user?: { id: string }; id?: string };
    return {
      username,
      id: b.user?.id ?? b.id ?? '',
      get: { cookie },
      post: {
        cookie,
        'content-type': 'application/json',
        'x-csrf-token': b.csrfToken,
        origin: base,
      },
    };
  }
};

const errors: string[] = [];
const note = (what: string, r: Answer) => {
  if (errors.length < 20) errors.push(`${what}: ${r.status} ${r.body.slice(0, 300)}`);
};

// ---- 2. registration throughput -------------------------------------------------------------
const tinyPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
).toString('base64');
const randomSummary = () => {
  const n = 6 + Math.floor(Math.random() * 8);
  const ws = Array.from(
    { length: n },
    () => vocab[Math.floor(vocab.length * Math.random() ** 2.2)]!,
  );
  return `Về việc ${ws.join(' ')}`;
};
const today = vnToday(new Date());
const clerks: Session[] = [];
for (const w of clerkWards) clerks.push(await login(`bench.vt.${w}`, BENCH_PASSWORD));

async function registration(label: string, sessions: Session[], unitOf: (i: number) => string) {
  const lat: number[] = [];
  let ok = 0;
  let failed = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    sessions.map(async (s, i) => {
      while (performance.now() < end) {
        const body = JSON.stringify({
          unitCode: unitOf(i),
          source: 'paper',
          issuer: { name: ISSUERS[Math.floor(Math.random() * ISSUERS.length)] },
          codeNumber: String(1 + Math.floor(Math.random() * 900)),
          codeNotation: 'UBND-VP',
          issuedOn: today,
          typeCode: 'CV',
          summary: randomSummary(),
          urgency: 'normal',
          files: [{ name: 'cong-van.pdf', contentType: 'application/pdf', data: tinyPdf }],
        });
        const ts = performance.now();
        const r = await send('POST', '/api/v1/documents/incoming', s.post, body);
        if (r.status === 201) {
          ok++;
          lat.push(performance.now() - ts);
        } else {
          failed++;
          note(`register ${label}`, r);
        }
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const out = {
    label,
    clients: sessions.length,
    seconds: r1(wall),
    registrations: ok,
    failed,
    perSec: r1(ok / wall),
    latency: stat(lat),
  };
  console.log(`registration ${JSON.stringify(out)}`);
  return out;
}
const regRuns = [];
if (!flag('skip-register')) {
  regRuns.push(await registration('8 clerks, 8 wards', clerks.slice(0, 8), (i) => clerkWards[i]!));
  regRuns.push(
    await registration(
      `${clerks.length} clerks, ${clerks.length} wards`,
      clerks,
      (i) => clerkWards[i]!,
    ),
  );
  // All on one register row: 8 sessions of the same ward's clerk.
  const one = clerkWards[0]!;
  const same = [
    clerks[0]!,
    ...(await Promise.all(
      Array.from({ length: 7 }, () => login(`bench.vt.${one}`, BENCH_PASSWORD)),
    )),
  ];
  regRuns.push(await registration(`8 clerks, one ward (${one})`, same, () => one));
}
result.registration = regRuns;
// Gap-free check of every unit's incoming register for every year.
const gaps = (
  await sql<{
    unit_code: string;
    year: number;
    n: string;
    mn: number;
    mx: number;
    distinct_n: string;
    last: number | null;
  }>`
    select d.unit_code, d.arrival_year as year, count(*) as n, min(d.arrival_number) as mn, max(d.arrival_number) as mx,
      count(distinct d.arrival_number) as distinct_n, r.last_number as last
    from document d left join document_register r on r.unit_code = d.unit_code and r.direction = 'incoming'
      and r.year = d.arrival_year and r.series = 'all'
    where d.direction = 'incoming' and d.arrival_number is not null
    group by d.unit_code, d.arrival_year, r.last_number`.execute(k)
).rows;
const bad = gaps.filter(
  (g) =>
    Number(g.n) !== g.mx || g.mn !== 1 || Number(g.distinct_n) !== Number(g.n) || g.last !== g.mx,
);
result.arrivalCheck = {
  registers: gaps.length,
  withGapsOrMismatch: bad.length,
  sample: bad.slice(0, 5),
};
console.log(
  `arrival numbers: ${gaps.length} unit-years checked, ${bad.length} with a gap, a duplicate or a register mismatch`,
);

// ---- 3. the outgoing flow ------------------------------------------------------------------
interface Team {
  ward: string;
  dest: string;
  spec: Session;
  lead: Session;
  clerk: Session;
}
const teams: Team[] = [];
for (const w of flowWards)
  teams.push({
    ward: w,
    dest: wards[wards.length - 1 - flowWards.indexOf(w)]!,
    spec: await login(`bench.cv.${w}`, BENCH_PASSWORD),
    lead: await login(`bench.ld.${w}`, BENCH_PASSWORD),
    clerk: clerks[flowWards.indexOf(w)]!,
  });
const steps: Record<string, number[]> = {
  draft: [],
  submit: [],
  office_approve: [],
  leader_approve: [],
  sign: [],
  issue: [],
};
let flowsDone = 0;
let flowsFailed = 0;
const flowMs: number[] = [];
let issuedId = '';
async function oneFlow(team: Team): Promise<boolean> {
  const f0 = performance.now();
  let ts = performance.now();
  const c = await send(
    'POST',
    '/api/v1/documents/outgoing',
    team.spec.post,
    JSON.stringify({
      typeCode: 'CV',
      summary: randomSummary().replace(/^Về việc /, ''),
      paragraphs: [randomSummary(), randomSummary(), randomSummary()],
      signer: { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: 'Lê Văn Bình' },
      recipients: { units: [team.dest], external: [], places: ['Như trên'] },
    }),
  );
  if (c.status !== 201) {
    note('draft', c);
    return false;
  }
  steps.draft!.push(performance.now() - ts);
  let d = JSON.parse(c.body) as { id: string; version: number; status: string };
  const act = async (step: string, who: Session, body: Record<string, unknown>) => {
    const s = performance.now();
    const r = await send(
      'POST',
      `/api/v1/documents/${d.id}/actions`,
      who.post,
      JSON.stringify({ ...body, version: d.version }),
    );
    if (r.status !== 200) {
      note(step, r);
      return false;
    }
    steps[step]!.push(performance.now() - s);
    d = JSON.parse(r.body);
    return true;
  };
  ts = performance.now();
  if (!(await act('submit', team.spec, { action: 'submit' }))) return false;
  if (!(await act('office_approve', team.clerk, { action: 'approve' }))) return false;
  if (!(await act('leader_approve', team.lead, { action: 'approve' }))) return false;
  if (!(await act('sign', team.lead, { action: 'sign' }))) return false;
  if (!(await act('issue', team.clerk, { action: 'issue' }))) return false;
  if (d.status !== 'issued') {
    note('issue status', { status: 200, body: d.status, headers: {} });
    return false;
  }
  issuedId = d.id;
  flowMs.push(performance.now() - f0);
  return true;
}
if (!flag('skip-flow')) {
  // Warm-up: the demo CA and each signer's and unit's certificate are made on first use.
  for (const team of teams) await oneFlow(team);
  for (const key of Object.keys(steps)) steps[key] = [];
  flowMs.length = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: flows }, async (_, i) => {
      while (performance.now() < end) {
        if (await oneFlow(teams[i % teams.length]!)) flowsDone++;
        else flowsFailed++;
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  result.flow = {
    concurrent: flows,
    seconds: r1(wall),
    flows: flowsDone,
    failed: flowsFailed,
    perSec: Number((flowsDone / wall).toFixed(2)),
    flowMs: stat(flowMs),
    steps: Object.fromEntries(Object.entries(steps).map(([s, a]) => [s, stat(a)])),
  };
  console.log(`outgoing flow ${JSON.stringify(result.flow)}`);
}

// ---- 4. search -----------------------------------------------------------------------------
const typo = (w: string) => {
  const i = 1 + Math.floor(Math.random() * (w.length - 2));
  const c = 'aeiounhtcg'.replace(w[i]!, '')[Math.floor(Math.random() * 9)]!;
  return w.slice(0, i) + c + w.slice(i + 1);
};
const pick = () => Math.floor(Math.min(vocab.length, 800) * Math.random() ** 1.5);
const queries: { q: string; kind: string }[] = [];
for (let i = 0; i < searches; i++) {
  const n = 1 + (i % 3);
  const idx = Array.from({ length: n }, pick);
  const kind = i % 4 === 0 ? 'typo' : i % 4 === 1 ? 'diacritics' : 'folded';
  let words = idx.map((x) => (kind === 'diacritics' ? vocab[x]! : folded[x]!));
  if (kind === 'typo') {
    const j = words.findIndex((w) => w.length >= 5);
    if (j >= 0) words[j] = typo(words[j]!);
  }
  words = words.filter((w) => w.length > 0);
  queries.push({ q: words.join(' '), kind: `${n} word${n > 1 ? 's' : ''}, ${kind}` });
}
const wardClerk = clerks[0]!;
const cityLeader = await login('lanhdao.longxuyen', PASSWORD);
async function searchRun(label: string, s: Session) {
  const lat: number[] = [];
  const byKind: Record<string, number[]> = {};
  const items: number[] = [];
  let zero = 0;
  for (const [i, q] of [...queries.slice(0, 5), ...queries].entries()) {
    const ts = performance.now();
    const r = await send(
      'GET',
      `/api/v1/documents?box=incoming&q=${encodeURIComponent(q.q)}`,
      s.get,
    );
    const dt = performance.now() - ts;
    if (r.status !== 200) {
      note(`search ${q.q}`, r);
      continue;
    }
    if (i < 5) continue; // warm-up
    lat.push(dt);
    byKind[q.kind] ??= [];
    byKind[q.kind]!.push(dt);
    const n = (JSON.parse(r.body) as { items: unknown[] }).items.length;
    items.push(n);
    if (n === 0) zero++;
  }
  const out = {
    label,
    latency: stat(lat),
    meanItems: r1(items.reduce((a, b) => a + b, 0) / Math.max(1, items.length)),
    zeroResults: zero,
    fullPages: items.filter((n) => n === 50).length,
    byKind: Object.fromEntries(
      Object.entries(byKind)
        .sort()
        .map(([kk, a]) => [kk, { n: a.length, p50: r1(pct(a, 50)), p95: r1(pct(a, 95)) }]),
    ),
  };
  console.log(`search ${JSON.stringify(out)}`);
  return out;
}
if (!flag('skip-search')) {
  result.search = [
    await searchRun(`ward clerk (${clerkWards[0]})`, wardClerk),
    await searchRun(`city leader (${CITY})`, cityLeader),
  ];
  // How many documents the queries match in the whole corpus (the city leader's view).
  const totals: number[] = [];
  for (const q of queries.slice(0, 30)) {
    const tq = await searchQuery(k, q.q);
    if (!tq) continue;
    totals.push(
      Number(
        (
          await sql<{ n: string }>`select count(*) as n from document where direction = 'incoming'
      and to_tsvector('simple', search_text) @@ to_tsquery('simple', ${tq})`.execute(k)
        ).rows[0]!.n,
      ),
    );
  }
  result.searchMatches = {
    queries: totals.length,
    p50: pct(totals, 50),
    p95: pct(totals, 95),
    max: pct(totals, 100),
  };
  console.log(`matches per query (corpus, incoming): ${JSON.stringify(result.searchMatches)}`);
  if (db.kind === 'postgres') {
    const explainFor = async (q: string, oversee: string[], staff: string[], userId: string) => {
      const tq = (await searchQuery(k, q))!;
      const rows = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers)
        select d.* from document as d
        where (d.unit_code = any(${oversee}::text[])
          or exists (select 1 from document_access x where x.document_id = d.id
            and (x.unit_code = any(${staff}::text[]) or x.user_id = ${userId}::uuid)))
          and d.direction = 'incoming'
          and to_tsvector('simple', d.search_text) @@ to_tsquery('simple', ${tq})
        order by d.created_at desc, d.id desc limit 51`.execute(k);
      return { q, tsquery: tq, plan: rows.rows.map((r) => r['QUERY PLAN']).join('\n') };
    };
    const common = folded[0]!;
    const rare = `${folded[300]!} ${folded[500]!}`;
    result.explain = [
      await explainFor(
        common,
        units,
        units,
        cityLeader.id || '00000000-0000-0000-0000-000000000000',
      ),
      await explainFor(rare, units, units, cityLeader.id || '00000000-0000-0000-0000-000000000000'),
      await explainFor(
        common,
        [clerkWards[0]!],
        [clerkWards[0]!],
        wardClerk.id || '00000000-0000-0000-0000-000000000000',
      ),
    ];
    for (const e of result.explain as { q: string; tsquery: string; plan: string }[])
      console.log(`\nEXPLAIN q="${e.q}" tsquery=${e.tsquery}\n${e.plan}`);
  }
}

// ---- 5. signing and verification, in process ---------------------------------------------
if (!flag('skip-sign')) {
  const ca = await createDemoCa();
  const person = await issueCertificate(ca, {
    profile: 'person',
    commonName: 'Nguyễn Văn An',
    title: 'Chủ tịch',
    organization: 'UBND phường Mỹ Bình',
  });
  const provider = pkcs12Provider({ p12: person.p12, password: person.password });
  const one = await renderOfficialPdf(SAMPLE_PLAN);
  let n = 40;
  let ten = await renderOfficialPdf(longPlan(n));
  const pagesOf = (pdf: Uint8Array) =>
    (
      Buffer.from(pdf)
        .toString('latin1')
        .match(/\/Type\s*\/Page[^s]/g) ?? []
    ).length;
  while (pagesOf(ten.pdf) < 10 && n < 400) {
    n += 10;
    ten = await renderOfficialPdf(longPlan(n));
  }
  while (pagesOf(ten.pdf) > 10 && n > 10) {
    n -= 2;
    ten = await renderOfficialPdf(longPlan(n));
  }
  const signTimes = async (pdf: Uint8Array) => {
    const a: number[] = [];
    for (let i = 0; i < signRuns + 3; i++) {
      const ts = performance.now();
      await signPdf(pdf, provider, {
        fieldName: 'ChuKyNguoiKy',
        reason: 'Ký ban hành văn bản',
        location: 'Long Xuyên',
        signingTime: new Date(),
      });
      if (i >= 3) a.push(performance.now() - ts);
    }
    return a;
  };
  const sign = {
    onePage: { pages: pagesOf(one.pdf), bytes: one.pdf.length, ...stat(await signTimes(one.pdf)) },
    tenPages: {
      pages: pagesOf(ten.pdf),
      bytes: ten.pdf.length,
      paragraphs: n,
      ...stat(await signTimes(ten.pdf)),
    },
  } as Record<string, unknown>;
  // Rendering, for scale (the sign step renders the layout before signing).
  const render: number[] = [];
  for (let i = 0; i < 20; i++) {
    const ts = performance.now();
    await renderOfficialPdf(SAMPLE_PLAN);
    render.push(performance.now() - ts);
  }
  sign.renderOnePage = stat(render);
  if (issuedId) {
    const file = (
      await sql<{ sha256: string; size: number }>`select sha256, size from document_file
      where document_id = ${issuedId} and kind = 'main' order by n desc limit 1`.execute(k)
    ).rows[0]!;
    const pdf = new FileStore(path.join(config.dataDir, 'files')).get(file.sha256);
    const anchors = await new SigningSetup({ dataDir: config.dataDir }).trustAnchors();
    const a: number[] = [];
    let report: unknown;
    for (let i = 0; i < signRuns + 3; i++) {
      const ts = performance.now();
      report = await verifyPdfSignatures(pdf, { trustAnchors: anchors });
      if (i >= 3) a.push(performance.now() - ts);
    }
    const reps = report as { integrity: unknown; trusted: unknown }[];
    sign.verifyIssued = {
      bytes: file.size,
      signatures: reps.length,
      integrity: reps.map((r) => r.integrity),
      trusted: reps.map((r) => r.trusted),
      ...stat(a),
    };
  }
  result.signing = sign;
  console.log(`signing ${JSON.stringify(sign)}`);
}

result.errors = errors;
if (errors.length) console.log(`errors (first ${errors.length}):\n${errors.join('\n')}`);
agent.destroy();
await app.close();
await db.close();
const out = arg('out', '');
if (out) fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`RESULT ${JSON.stringify(result)}`);
