// HTTP helpers of bench/indicators.ts: node:http with one keep-alive agent (global fetch costs
// ~1.3 ms of client CPU per request, see bench/dossier-lifecycle.ts), sign-in, a server-sent
// events reader, a valid dossier body, and percentiles.
import http from 'node:http';

export interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export function httpClient(base: string) {
  const target = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const send = (
    method: 'GET' | 'POST',
    path: string,
    headers: http.OutgoingHttpHeaders,
    body?: string,
  ): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { agent, host: target.hostname, port: Number(target.port), method, path, headers },
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

  /** Signs in; returns the headers of this user's GET and POST requests. */
  async function login(username: string, password: string) {
    const res = await send(
      'POST',
      '/api/v1/auth/login',
      { 'content-type': 'application/json' },
      JSON.stringify({ username, password }),
    );
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body}`);
    const cookie = (res.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('cqs_session='));
    if (!cookie) throw new Error(`login ${username}: no session cookie`);
    const csrf = (JSON.parse(res.body) as { csrfToken: string }).csrfToken;
    return {
      username,
      get: { cookie } as http.OutgoingHttpHeaders,
      post: {
        cookie,
        'content-type': 'application/json',
        'x-csrf-token': csrf,
        origin: target.origin,
      } as http.OutgoingHttpHeaders,
    };
  }

  /** GET that must answer 200; returns the parsed body. */
  async function getJson<T>(path: string, headers: http.OutgoingHttpHeaders): Promise<T> {
    const r = await send('GET', path, headers);
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.body.slice(0, 300)}`);
    return JSON.parse(r.body) as T;
  }

  /** Opens an SSE stream; `onEvent` gets each `data:` of an `event: value`, with its arrival time. */
  function sse(
    path: string,
    headers: http.OutgoingHttpHeaders,
    onEvent: (data: unknown, at: number) => void,
  ): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: target.hostname, port: Number(target.port), method: 'GET', path, headers },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`SSE ${path}: ${res.statusCode}`));
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            const at = performance.now();
            buf += chunk;
            for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
              const block = buf.slice(0, i);
              buf = buf.slice(i + 2);
              const data = block.split('\n').find((l) => l.startsWith('data: '));
              if (block.includes('event: value') && data) onEvent(JSON.parse(data.slice(6)), at);
            }
          });
          resolve(() => req.destroy());
        },
      );
      req.on('error', (e) => reject(e));
      req.end();
    });
  }

  return { send, login, getJson, sse, close: () => agent.destroy() };
}

// ---- a valid dossier body (the form subset bench/dossier-lifecycle.ts fills) -------------
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
export interface Component {
  key: string;
  required: boolean;
  formSchema: { properties?: Record<string, FieldSchema>; required?: string[] } | null;
}
const digits = (n: number) =>
  Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

export function applicantAndForm(components: Component[]) {
  const year = 1950 + Math.floor(Math.random() * 56);
  const applicant = {
    type: 'individual' as const,
    fullName: 'Nguyễn Văn Đo',
    citizenId: `089${year >= 2000 ? '2' : '0'}${String(year % 100).padStart(2, '0')}${digits(6)}`,
    dateOfBirth: `${year}-03-14`,
    phone: `09${digits(8)}`,
    address: { line: 'Số 12 đường Trần Hưng Đạo, khóm 3' },
  };
  const valueFor = (key: string, f: FieldSchema): unknown => {
    if (f.enum?.length) return f.enum[0];
    if (f.type === 'boolean') return true;
    if (f.type === 'integer' || f.type === 'number')
      return Math.min(Math.max(f.minimum ?? 1, 1), f.maximum ?? Number.MAX_SAFE_INTEGER);
    if (f.format === 'date') return '2020-01-15';
    if (f.format === 'email') return 'nguoidan@example.vn';
    if (f.pattern?.includes('\\d{12}')) return applicant.citizenId;
    if (f.pattern?.startsWith('^0[35789]')) return applicant.phone;
    if (f.pattern?.includes('\\d{10}')) return `18${digits(8)}`;
    if (/HoTen$/.test(key)) return applicant.fullName;
    const text = 'Giấy khai sinh bản chính';
    return text.slice(0, f.maxLength ?? text.length).padEnd(f.minLength ?? 0, '.');
  };
  const formData: Record<string, Record<string, unknown>> = {};
  for (const c of components) {
    if (!c.formSchema) continue;
    const data: Record<string, unknown> = {};
    for (const k of c.formSchema.required ?? [])
      data[k] = valueFor(k, c.formSchema.properties?.[k] ?? {});
    if (c.required || Object.keys(data).length > 0) formData[c.key] = data;
  }
  return { applicant, formData };
}

/** Nearest-rank percentile. */
export function pct(a: number[], p: number): number {
  if (a.length === 0) return Number.NaN;
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export const ms = (x: number) => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(1) : x.toFixed(0));
