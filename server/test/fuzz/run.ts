// Sending fuzz cases and judging the answers: never 5xx; every 4xx is problem+json with a
// string `code`; a case that must be refused gets a 4xx. Failures print a reproducible request.
import { sql } from 'kysely';
import type { TestApp } from '../helpers.js';
import type { FuzzCase, RequestSpec } from './cases.js';
import type { Identity } from './world.js';

export interface Outcome {
  status: number;
  problem: string | null;
}

export interface Tally {
  cases: number;
  refused: number;
  status5xx: number;
  failures: string[];
  byStatus: Record<string, number>;
}

export const newTally = (): Tally => ({
  cases: 0,
  refused: 0,
  status5xx: 0,
  failures: [],
  byStatus: {},
});

let client = 0;
/** A new client address per request, so per-client rate limits do not hide deeper answers. */
const nextAddress = () => {
  client++;
  return `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`;
};

/** Why an answer breaks the rules, or null when it keeps them. */
export function judge(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  mustRefuse: boolean,
  problemRequired = true,
): string | null {
  if (res.statusCode >= 500) return `answered ${res.statusCode}`;
  if (mustRefuse && res.statusCode < 400)
    return `accepted (${res.statusCode}) a request it must refuse`;
  if (res.statusCode >= 400 && problemRequired) {
    const type = String(res.headers['content-type'] ?? '');
    if (!type.startsWith('application/problem+json'))
      return `${res.statusCode} as ${type || 'no content type'}`;
    try {
      const code = (JSON.parse(res.body) as { code?: unknown }).code;
      if (typeof code !== 'string' || code === '')
        return `${res.statusCode} problem without a string code`;
    } catch {
      return `${res.statusCode} problem body is not JSON`;
    }
  }
  return null;
}

/** The request as a line to paste into a test (cookie values left out: they name a session). */
export function reproduction(
  seed: number,
  who: Identity,
  c: FuzzCase | { op: string; target: string; label: string },
  r: RequestSpec,
): string {
  const headers = Object.fromEntries(
    Object.entries(r.headers).filter(([k]) => k !== 'cookie' && k !== 'x-csrf-token'),
  );
  const body =
    r.payload === undefined
      ? ''
      : ` payload=${JSON.stringify(r.payload.length > 600 ? `${r.payload.slice(0, 600)}…(${r.payload.length} chars)` : r.payload)}`;
  return `FUZZ_SEED=${seed} [${c.op} | ${c.target} | ${c.label}] as ${who}: ${r.method} ${r.url.length > 300 ? `${r.url.slice(0, 300)}…(${r.url.length} chars)` : r.url} headers=${JSON.stringify(headers)}${body}`;
}

/** Sends one request through the app (app.inject: the real router, parsers and hooks). */
export async function send(t: TestApp, r: RequestSpec) {
  try {
    return await t.app.inject({
      method: r.method as 'GET',
      url: r.url,
      headers: r.headers,
      payload: r.payload,
      remoteAddress: nextAddress(),
    });
  } catch (err) {
    // A connection cut mid-answer (e.g. a stream that failed after its 200 began).
    return { statusCode: 599, headers: {}, body: String(err) };
  }
}

/** Row counts of every table, with the audit log's length: what a refused request must not change. */
export async function fingerprint(t: TestApp): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(
    t.db.kysely,
  );
  const out: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(
      t.db.kysely,
    );
    out[name] = Number(r.rows[0]!.n);
  }
  return out;
}
