// The authorization matrix (issue 11): every operation of the OpenAPI document × every kind
// of caller, over objects of unit A, each answer compared with the table of what the product
// should answer (authorization-matrix.data.ts). An operation without a row fails, so a new
// endpoint cannot ship unclassified; a row without an operation fails too. A write that is
// refused must leave the database as it was.
//
// To print the answers as a table (to classify a new endpoint, then check every cell against
// docs/architecture.md): AUTHZ_MATRIX_PRINT=1 npx vitest run server/test/authorization-matrix.test.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATRIX } from './authorization-matrix.data.js';
import { ROLES, type RoleName, World } from './authorization-matrix.fixtures.js';
import { REQUESTS, RUN_LAST } from './authorization-matrix.requests.js';

type Expected = 'ok' | '4xx' | number;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The table as data: `METHOD /path` → the expected answer of each caller. */
export function parseMatrix(text: string): Map<string, Record<RoleName, Expected>> {
  const rows = new Map<string, Record<RoleName, Expected>>();
  let header = false;
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const cells = line.split(/\s+/);
    if (!header) {
      if (cells.join(' ') !== ['operation', ...ROLES].join(' '))
        throw new Error(`matrix line ${i + 1}: the header must be "operation ${ROLES.join(' ')}"`);
      header = true;
      continue;
    }
    const [method, path, ...values] = cells;
    if (!METHODS.has(method!) || !path?.startsWith('/') || values.length !== ROLES.length)
      throw new Error(`matrix line ${i + 1}: "METHOD /path" and ${ROLES.length} cells expected`);
    const key = `${method} ${path}`;
    if (rows.has(key)) throw new Error(`matrix line ${i + 1}: ${key} appears twice`);
    const row = {} as Record<RoleName, Expected>;
    values.forEach((v, j) => {
      if (v !== 'ok' && v !== '4xx' && !/^[1-5]\d\d$/.test(v))
        throw new Error(`matrix line ${i + 1}: "${v}" is not ok, 4xx or a status`);
      row[ROLES[j]!] = v === 'ok' || v === '4xx' ? v : Number(v);
    });
    rows.set(key, row);
  }
  return rows;
}

const matches = (e: Expected, status: number) =>
  e === 'ok'
    ? status >= 200 && status < 300
    : e === '4xx'
      ? status >= 400 && status < 500
      : e === status;

/** `METHOD /path` of every operation of the OpenAPI document. */
function operationsOf(doc: { paths?: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => METHODS.has(m.toUpperCase()))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

const table = parseMatrix(MATRIX);
const order = [
  ...[...table.keys()].filter((k) => !RUN_LAST.has(k)),
  ...[...table.keys()].filter((k) => RUN_LAST.has(k)),
];
const printed: string[] = [];

describe(`authorization matrix: ${table.size} operations × ${ROLES.length} callers = ${table.size * ROLES.length} cells`, () => {
  let w: World;
  beforeAll(async () => {
    w = await World.create();
  }, 300_000);
  afterAll(async () => {
    if (process.env.AUTHZ_MATRIX_PRINT)
      console.log(['operation', ...ROLES].join(' '), `\n${printed.join('\n')}`);
    await w?.t.close();
  });

  it('has one row per operation of the OpenAPI document, and no row for an operation that is gone', () => {
    const ops = operationsOf(w.t.app.swagger() as never);
    expect(
      ops.filter((o) => !table.has(o)),
      'operations without a row',
    ).toEqual([]);
    expect(
      [...table.keys()].filter((k) => !ops.includes(k)),
      'rows of no operation',
    ).toEqual([]);
    expect(
      [...table.keys()].filter((k) => !REQUESTS[k]),
      'rows without a request',
    ).toEqual([]);
    expect(
      Object.keys(REQUESTS).filter((k) => !table.has(k)),
      'requests without a row',
    ).toEqual([]);
  });

  it('sees a write in its database digest (the refused-write guard can fail)', async () => {
    const before = await w.fingerprint();
    await w.setup(
      'sys',
      'PUT',
      '/api/v1/citizens/me/consents/surveys',
      { granted: true },
      {},
      [403],
    );
    expect(await w.fingerprint()).toBe(before);
    await w.setup('citB', 'PUT', '/api/v1/citizens/me/consents/surveys', { granted: true });
    expect(await w.fingerprint()).not.toBe(before);
    await w.setup('citB', 'PUT', '/api/v1/citizens/me/consents/surveys', { granted: false });
  });

  for (const op of order) {
    it(op, async () => {
      const build = REQUESTS[op];
      if (!build) throw new Error(`no request for ${op}`);
      const [method, path] = op.split(' ') as [string, string];
      const row = table.get(op)!;
      const wrong: string[] = [];
      const got: string[] = [];
      for (const role of ROLES) {
        const req = await build(w, role);
        // A refused write must change nothing: compare the database before and after.
        const guard = method !== 'GET' && row[role] !== 'ok';
        const before = guard ? await w.fingerprint() : null;
        const res = await w.send(role, method as 'GET', req.url, req.payload, req.headers);
        got.push(String(res.statusCode));
        if (!matches(row[role], res.statusCode))
          wrong.push(
            `${role}: expected ${row[role]}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
          );
        else if (
          res.statusCode >= 400 &&
          !String(res.headers['content-type']).includes('problem+json')
        )
          wrong.push(`${role}: ${res.statusCode} is not problem+json`);
        for (const secret of req.mustNotContain ?? [])
          if (res.body.includes(secret)) wrong.push(`${role}: the answer reveals ${secret}`);
        if (before !== null && (res.statusCode < 200 || res.statusCode >= 300)) {
          const after = await w.fingerprint();
          if (after !== before) wrong.push(`${role}: refused with ${res.statusCode} but wrote`);
        }
      }
      printed.push(`${method} ${path} ${got.join(' ')}`);
      expect(wrong, `${op}: cells that differ from the table`).toEqual([]);
    });
  }
});
