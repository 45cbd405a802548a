// Benchmark: full dossier lifecycles over HTTP by concurrent clients against a running server
// (started with DEMO_DATA=1). Each client loops: receive (desk) → assign to the specialist
// (desk) → finish (specialist) → approve (leader) → return_result (desk) → one search for the
// new code (desk). Latency is recorded per request type; any non-2xx answer is an error.
//
// Usage:
//   node --import tsx bench/dossier-lifecycle.ts --url http://127.0.0.1:3000 --clients 16 --seconds 30
//     [--warmup 3] [--procedure 2.000815] [--out result.json] [--label "postgres 1M"]
//     [--search-extra "&state=all"]   (appended to the search's query string)
//
// Only requests and lifecycles that complete inside the measured window (after the warm-up)
// count. Output: a Markdown table and a line `RESULT {json}`.
import fs from 'node:fs';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
const base = arg('url', 'http://127.0.0.1:3000').replace(/\/$/, '');
const clients = Number(arg('clients', '16'));
const seconds = Number(arg('seconds', '30'));
const warmup = Number(arg('warmup', '3'));
const procedureCode = arg('procedure', '2.000815');
const outFile = arg('out', '');
const label = arg('label', '');
const searchExtra = arg('search-extra', '');
const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo@2026';
const UNIT = '30280';

type Kind = 'create' | 'assign' | 'finish' | 'approve' | 'return_result' | 'search';
const KINDS: Kind[] = ['create', 'assign', 'finish', 'approve', 'return_result', 'search'];

interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

async function login(username: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${body}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('cqs_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return { username, cookie, csrf: (JSON.parse(body) as { csrfToken: string }).csrfToken };
}

// ---- random applicants -------------------------------------------------------------------
const pick = <T>(a: readonly T[]) => a[Math.floor(Math.random() * a.length)]!;
const digits = (n: number) =>
  Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Hà', 'Hùng', 'Lan', 'Linh', 'Nam', 'Phúc', 'Tâm', 'Trang', 'Tuấn'];

function applicant() {
  const year = 1950 + Math.floor(Math.random() * 56);
  const cccd = `089${year >= 2000 ? '2' : '0'}${String(year % 100).padStart(2, '0')}${digits(6)}`;
  return {
    type: 'individual' as const,
    fullName: `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
    citizenId: cccd,
    dateOfBirth: `${year}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
    phone: `09${digits(8)}`,
    address: { line: `Số ${1 + Math.floor(Math.random() * 300)} đường Trần Hưng Đạo, khóm 3` },
  };
}

interface FieldSchema {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}
interface FormSchema {
  properties?: Record<string, FieldSchema>;
  required?: string[];
}

/** A valid value for one form field (the documented form-schema subset). */
function valueFor(key: string, f: FieldSchema, a: ReturnType<typeof applicant>): unknown {
  if (f.enum?.length) return f.enum[0];
  if (f.type === 'boolean') return true;
  if (f.type === 'integer' || f.type === 'number') {
    const min = f.minimum ?? 1;
    return Math.min(Math.max(min, 1), f.maximum ?? Number.MAX_SAFE_INTEGER);
  }
  if (f.format === 'date') return '2020-01-15';
  if (f.format === 'email') return 'nguoidan@example.vn';
  if (f.pattern) {
    if (f.pattern.includes('\\d{12}')) return /Cccd/i.test(key) ? a.citizenId : a.citizenId;
    if (f.pattern.startsWith('^0[35789]')) return a.phone;
    if (f.pattern.includes('\\d{10}')) return `18${digits(8)}`;
  }
  if (/HoTen$/.test(key)) return a.fullName;
  const text = 'Giấy khai sinh bản chính';
  return text.slice(0, f.maxLength ?? text.length).padEnd(f.minLength ?? 0, '.');
}

/** formData with every required field of every component that has a form. */
function formDataFor(
  components: { key: string; required: boolean; formSchema: FormSchema | null }[],
  a: ReturnType<typeof applicant>,
) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of components) {
    if (!c.formSchema) continue;
    const data: Record<string, unknown> = {};
    for (const k of c.formSchema.required ?? [])
      data[k] = valueFor(k, c.formSchema.properties?.[k] ?? {}, a);
    if (c.required || Object.keys(data).length > 0) out[c.key] = data;
  }
  return out;
}

// ---- the run ---------------------------------------------------------------------------
const desk = await login('motcua.mybinh');
const spec = await login('chuyenvien.mybinh');
const lead = await login('lanhdao.mybinh');

const procRes = await fetch(
  `${base}/api/v1/procedures?q=${encodeURIComponent(procedureCode)}&limit=10`,
  { headers: { cookie: desk.cookie } },
);
const procPage = (await procRes.json()) as {
  items: { id: string; code: string; components?: unknown }[];
};
let procedure = procPage.items.find((p) => p.code === procedureCode);
if (!procedure) throw new Error(`procedure ${procedureCode} not found`);
if (!procedure.components) {
  procedure = (await (await fetch(`${base}/api/v1/procedures/${procedure.id}`)).json()) as {
    id: string;
    code: string;
    components: unknown;
  };
}
const components = procedure.components as {
  key: string;
  required: boolean;
  formSchema: FormSchema | null;
}[];

const lat: Record<Kind, number[]> = {
  create: [],
  assign: [],
  finish: [],
  approve: [],
  return_result: [],
  search: [],
};
const errorsByKind: Record<Kind, number> = {
  create: 0,
  assign: 0,
  finish: 0,
  approve: 0,
  return_result: 0,
  search: 0,
};
const errorSamples: string[] = [];
let lifecycles = 0;
let requests = 0;
let searchMisses = 0;

const tStart = performance.now();
const measureFrom = tStart + warmup * 1000;
const measureTo = measureFrom + seconds * 1000;
const inWindow = (t: number) => t >= measureFrom && t <= measureTo;

class RequestFailed extends Error {}

/** The fields of the answers the loop reads (created dossier, dossier view, list page). */
interface Reply {
  id: string;
  code: string;
  version: number;
  items: { code: string }[];
}

async function call(
  kind: Kind,
  s: Session,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<Reply> {
  const headers: Record<string, string> = { cookie: s.cookie, ...extra };
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = s.csrf;
  }
  const t0 = performance.now();
  let status = 0;
  let text = '';
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    status = res.status;
    text = await res.text();
  } catch (err) {
    text = String(err);
  }
  const t1 = performance.now();
  const ok = status >= 200 && status < 300;
  if (inWindow(t1)) {
    requests++;
    if (ok) lat[kind].push(t1 - t0);
    else errorsByKind[kind]++;
  }
  if (!ok) {
    if (errorSamples.length < 5) errorSamples.push(`${kind} ${status}: ${text.slice(0, 400)}`);
    throw new RequestFailed(kind);
  }
  return JSON.parse(text) as Reply;
}

let seq = 0;
async function client(n: number) {
  while (performance.now() < measureTo) {
    try {
      const a = applicant();
      const created = await call(
        'create',
        desk,
        'POST',
        '/api/v1/dossiers',
        {
          procedureId: procedure!.id,
          unitCode: UNIT,
          channel: 'direct',
          applicant: a,
          formData: formDataFor(components, a),
        },
        { 'idempotency-key': `bench-${process.pid}-${n}-${seq++}-${digits(6)}` },
      );
      const id = created.id;
      const path = `/api/v1/dossiers/${id}/actions`;
      let v = await call('assign', desk, 'POST', path, {
        action: 'assign',
        version: created.version,
        assigneeUsername: spec.username,
      });
      v = await call('finish', spec, 'POST', path, {
        action: 'finish',
        version: v.version,
        resultSummary: 'Đã chứng thực 2 bản sao.',
      });
      v = await call('approve', lead, 'POST', path, { action: 'approve', version: v.version });
      v = await call('return_result', desk, 'POST', path, {
        action: 'return_result',
        version: v.version,
        method: 'direct',
      });
      const found = await call(
        'search',
        desk,
        'GET',
        `/api/v1/dossiers?q=${encodeURIComponent(created.code)}${searchExtra}`,
      );
      if (!found.items.some((i) => i.code === created.code)) {
        searchMisses++;
        if (errorSamples.length < 5) errorSamples.push(`search: ${created.code} not found`);
        continue;
      }
      if (inWindow(performance.now())) lifecycles++;
    } catch (err) {
      if (!(err instanceof RequestFailed)) throw err;
    }
  }
}

const cpu0 = process.cpuUsage();
await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
const cpu = process.cpuUsage(cpu0);
const wall = (performance.now() - tStart) / 1000;

const pct = (a: number[], p: number) => {
  if (a.length === 0) return Number.NaN;
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const f = (x: number) => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(1) : Math.round(x).toString());
const totalErrors = Object.values(errorsByKind).reduce((a, b) => a + b, 0) + searchMisses;
const summary = {
  label,
  url: base,
  clients,
  seconds,
  warmup,
  lifecyclesPerSec: Number((lifecycles / seconds).toFixed(1)),
  requestsPerSec: Number((requests / seconds).toFixed(1)),
  lifecycles,
  requests,
  errors: totalErrors,
  searchMisses,
  clientCpuPct: Math.round(((cpu.user + cpu.system) / 1e6 / wall) * 100),
  perKind: Object.fromEntries(
    KINDS.map((k) => [
      k,
      {
        n: lat[k].length,
        errors: errorsByKind[k],
        p50: Number(pct(lat[k], 50).toFixed(1)),
        p95: Number(pct(lat[k], 95).toFixed(1)),
        p99: Number(pct(lat[k], 99).toFixed(1)),
        max: Number(pct(lat[k], 100).toFixed(1)),
      },
    ]),
  ),
  errorSamples,
};

const lines = [
  `${label ? `**${label}** — ` : ''}${clients} clients × ${seconds} s (after ${warmup} s warm-up): ` +
    `**${summary.lifecyclesPerSec} lifecycles/s**, ${summary.requestsPerSec} requests/s, ` +
    `${totalErrors} errors (load client used ${summary.clientCpuPct}% of a core)`,
  '',
  '| request | n | p50 ms | p95 ms | p99 ms | max ms | errors |',
  '|---|---|---|---|---|---|---|',
  ...KINDS.map((k) => {
    const r = summary.perKind[k] as { n: number; errors: number };
    return `| ${k} | ${r.n} | ${f(pct(lat[k], 50))} | ${f(pct(lat[k], 95))} | ${f(pct(lat[k], 99))} | ${f(pct(lat[k], 100))} | ${r.errors} |`;
  }),
];
console.log(lines.join('\n'));
if (errorSamples.length) console.log(`\nfirst errors:\n${errorSamples.join('\n')}`);
console.log(`RESULT ${JSON.stringify(summary)}`);
if (outFile) fs.writeFileSync(outFile, `${JSON.stringify(summary, null, 2)}\n`);
