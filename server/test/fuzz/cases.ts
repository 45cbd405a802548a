// The fuzz cases of one operation: a valid baseline request (real fixture ids in the path,
// required query values, a body the schema takes) with ONE thing made wrong — a path
// segment, a query value, a header, a body field, or the body as a whole. Each case says
// whether the server MUST refuse it (then it also must change nothing).
import fc from 'fast-check';
import { bodyArbitraries, bodyCatalogue, type Draft } from './body-cases.js';
import { exampleOf } from './examples.js';
import {
  BAD_CURSORS,
  IMPOSSIBLE_DATES,
  malformedUrlValue,
  ODD_INSTANTS,
  type UrlValue,
} from './malformed.js';
import { isDateSchema, type Operation } from './operations.js';
import { hasControl, textRefused } from './verdict.js';

export interface RequestSpec {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

export interface FuzzCase {
  op: string;
  /** What was made wrong: `path.id`, `query.from`, `body.applicant.dateOfBirth`, `body`… */
  target: string;
  label: string;
  /** Every correct server refuses it (4xx) and changes nothing. */
  refuse: boolean;
  request: RequestSpec;
}

/** The valid request a case starts from. */
export interface Baseline {
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
}

function urlOf(op: Operation, path: Record<string, string>, query: [string, string][]): string {
  const p = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => path[name] ?? '');
  return query.length ? `${p}?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : p;
}

/** The arbitraries of every kind of case for an operation, from its baseline. */
function draftArbitraries(op: Operation, base: Baseline): fc.Arbitrary<Draft>[] {
  const encPath = Object.fromEntries(
    Object.entries(base.path).map(([k, v]) => [k, encodeURIComponent(v)]),
  );
  const encQuery = (q: Record<string, string>): [string, string][] =>
    Object.entries(q).map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)]);
  const out: fc.Arbitrary<Draft>[] = [];
  for (const p of op.params) {
    if (p.in === 'path') {
      out.push(
        malformedUrlValue(p.schema, base.path[p.name] ?? '', 'path').map((v: UrlValue) => ({
          target: `path.${p.name}`,
          label: v.label,
          refuse:
            v.text === undefined ||
            v.label === 'very long segment' ||
            textRefused(p.schema, v.text),
          path: { ...encPath, [p.name]: v.wire },
        })),
      );
    } else if (p.in === 'query') {
      const others = encQuery(
        Object.fromEntries(Object.entries(base.query).filter(([k]) => k !== p.name)),
      );
      const start = base.query[p.name] ?? String(exampleOf(p.schema, p.name));
      out.push(
        malformedUrlValue(p.schema, start, 'query', p.name).map((v: UrlValue) => ({
          target: `query.${p.name}`,
          label: v.label,
          refuse: v.text !== undefined && textRefused(p.schema, v.text),
          query: [...others, [p.name, v.wire]],
        })),
        fc.constant<Draft>({
          target: `query.${p.name}`,
          label: p.required ? 'missing required' : 'repeated',
          refuse: p.required,
          query: p.required
            ? others
            : [...others, [p.name, encodeURIComponent(start)], [p.name, 'zzz']],
        }),
      );
    } else if (p.in === 'header') {
      const min = p.schema.minLength ?? 0;
      const max = p.schema.maxLength ?? 200;
      out.push(
        fc
          .constantFrom(
            { v: 'x'.repeat(max + 1), refuse: true },
            { v: 'x'.repeat(Math.max(0, min - 1)), refuse: min > 0 },
            { v: 'Ã©Ã©Ã©Ã©Ã©Ã©Ã©Ã©Ã©', refuse: false },
            { v: "'; select pg_sleep(1); --", refuse: false },
          )
          .map(({ v, refuse }) => ({
            target: `header.${p.name}`,
            label: 'malformed header',
            refuse,
            headers: { [p.name]: v },
          })),
      );
    }
  }
  // A query parameter the operation does not declare.
  out.push(
    fc
      .tuple(
        fc.constantFrom('x', 'cursor', '__proto__', 'a[b]'),
        fc.constantFrom('\u0000', '\u0001abc', 'ok', '%ZZ'),
      )
      .map(([k, v]) => ({
        target: `query.${k}`,
        label: 'undeclared parameter',
        refuse: hasControl(v),
        query: [
          ...encQuery(base.query),
          [encodeURIComponent(k), v === '%ZZ' ? v : encodeURIComponent(v)],
        ],
      })),
  );
  if (op.body) out.push(...bodyArbitraries(op.body, base.body, op.rawBody === true));
  else if (op.method !== 'GET')
    out.push(
      fc
        .tuple(
          fc.constantFrom(
            'application/json',
            'text/plain',
            'application/octet-stream',
            'multipart/form-data; boundary=x',
            'application/x-www-form-urlencoded',
          ),
          fc.constantFrom('{"a":', '\u0000\u0001', '--x\r\n\r\n--x--', 'a=%00', '{"x":"\u0000"}'),
        )
        .map(([type, text]) => ({
          target: 'body',
          label: 'unexpected body',
          refuse: false,
          body: { text, type },
        })),
    );
  return out;
}

/**
 * The catalogue every run sends in full, whatever the seed: each bad cursor to each cursor,
 * each impossible or edge date to each date, each odd instant to each instant, numbers at the
 * edges of int4, int8 and double to each number (the kinds of value the probe found 5xx with).
 */
function catalogueDrafts(op: Operation, base: Baseline): Draft[] {
  const out: Draft[] = [];
  const encQuery = (q: Record<string, string>): [string, string][] =>
    Object.entries(q).map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)]);
  for (const p of op.params) {
    if (p.in !== 'query') continue;
    const list =
      p.name === 'cursor'
        ? BAD_CURSORS
        : isDateSchema(p.schema)
          ? IMPOSSIBLE_DATES
          : p.schema.format === 'date-time' || /^(from|to)$/.test(p.name)
            ? ODD_INSTANTS
            : [];
    const others = encQuery(
      Object.fromEntries(Object.entries(base.query).filter(([k]) => k !== p.name)),
    );
    for (const v of list)
      out.push({
        target: `query.${p.name}`,
        label: 'catalogue',
        refuse: textRefused(p.schema, v),
        query: [...others, [p.name, encodeURIComponent(v)]],
      });
  }
  if (op.body) out.push(...bodyCatalogue(op.body, base.body));
  return out;
}

export function casesOf(op: Operation, base: Baseline, seed: number, n: number): FuzzCase[] {
  const arbs = draftArbitraries(op, base);
  // Round-robin over the kinds of case (a parameter, a body field, the body…) from a seeded
  // start, so every one is hit on every run; what is drawn for each comes from the seed.
  const start = (seed >>> 0) % arbs.length;
  const rounds = Math.ceil(n / arbs.length);
  const drawn = arbs.map((arb, k) => fc.sample(arb, { seed: (seed + k) | 0, numRuns: rounds }));
  const drafts = [
    ...Array.from(
      { length: n },
      (_, i) => drawn[(start + i) % arbs.length]![Math.floor(i / arbs.length)]!,
    ),
    ...catalogueDrafts(op, base),
  ];
  return drafts.map((d, i) => ({
    op: op.key,
    target: d.target,
    label: d.label,
    refuse: d.refuse,
    request: requestOf(op, withFreshKeys(op, base, `${seed}-${i}`), d),
  }));
}

/** Stands in a baseline body for a value unique to each case (e.g. a gateway's transaction id). */
export const PER_CASE = '{{case}}';

/**
 * The baseline with a key of its own in every Idempotency-Key header, and PER_CASE replaced
 * in the body: a key or a transaction already seen answers 409 or a replay before anything
 * else is looked at, which would hide the case.
 */
function withFreshKeys(op: Operation, base: Baseline, suffix: string): Baseline {
  const keys = op.params.filter((p) => p.in === 'header' && /idempotency/i.test(p.name));
  const headers = { ...base.headers };
  for (const p of keys)
    headers[p.name] = `fuzz-key-${suffix}-0000000000`.slice(0, p.schema.maxLength ?? 200);
  const body =
    base.body === undefined
      ? undefined
      : JSON.parse(JSON.stringify(base.body).replaceAll(PER_CASE, suffix));
  return { ...base, headers, body };
}

/** The baseline request itself (expected to be valid: how deep the cases can reach). */
export function baselineRequest(op: Operation, base: Baseline): RequestSpec {
  return requestOf(op, base, { target: 'baseline', label: 'baseline', refuse: false });
}

function requestOf(op: Operation, base: Baseline, d: Draft): RequestSpec {
  const path =
    d.path ??
    Object.fromEntries(Object.entries(base.path).map(([k, v]) => [k, encodeURIComponent(v)]));
  const query =
    d.query ??
    Object.entries(base.query).map(
      ([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)] as [string, string],
    );
  const headers: Record<string, string> = { ...base.headers, ...d.headers };
  let payload: string | undefined;
  const body = d.body ?? (base.body !== undefined ? { json: base.body } : { none: true as const });
  if ('json' in body) {
    payload = JSON.stringify(body.json);
    headers['content-type'] = 'application/json';
  } else if ('text' in body) {
    payload = body.text;
    headers['content-type'] = body.type;
  }
  return { method: op.method, url: urlOf(op, path, query), headers, payload };
}
