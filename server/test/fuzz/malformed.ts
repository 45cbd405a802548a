// Malformed values, as fast-check arbitraries: for URL parts (path segments and query values,
// given as the text on the wire) and for JSON body values.
import fc from 'fast-check';
import { exampleOf } from './examples.js';
import { isDateSchema, type JsonSchema } from './operations.js';

/** A value on the wire: `wire` is already percent-encoded; `text` is what the server decodes. */
export interface UrlValue {
  label: string;
  wire: string;
  /** The decoded text, when decoding is well defined (undefined for broken escapes). */
  text?: string;
}

const enc = (label: string, text: string): UrlValue => ({
  label,
  wire: encodeURIComponent(text),
  text,
});
const raw = (label: string, wire: string, text?: string): UrlValue => ({ label, wire, text });

export const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2025-02-29',
  '0000-00-00',
  '9999-12-31',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '1899-12-31',
  '2200-01-01',
  // Real days at the edges of the range (accepted, but reach the calendar's limits).
  '1900-01-01',
  '1950-06-15',
  '1975-12-31',
  '2199-12-31',
  '2024-02-29',
];
export const ODD_INSTANTS = [
  '2026-02-30T10:00:00+07:00',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '1950-06-15T08:00:00+07:00',
  '2199-12-31T23:59:59+07:00',
  '2026-03-02T25:00:00+07:00',
  '2026-03-02',
  '1',
];
const UNICODE = [
  'Mỹ Bình',
  '🙂🙃',
  'zero\u200bwidth',
  '\u202eevil',
  'e\u0301\u0301\u0301',
  '中文',
  '\uFEFF',
  '\uFFFD',
  'ǅ',
  '\u00A0',
];
const INJECTION = [
  "' OR '1'='1",
  '"; drop table dossier; --',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '%s%s%n',
  '\\',
  '../../etc/passwd',
  'null',
  'undefined',
  '[object Object]',
];
const NUMBERS = [
  '-1',
  '0',
  '1.5',
  '-0',
  '1e400',
  '99999999999999999999999',
  '9223372036854775808',
  'NaN',
  'Infinity',
  '0x10',
  ' 7 ',
  'abc',
];

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const SOME_ID = '5f0c1a9e-3b8d-4f6a-9c2e-7d4b1e8a6f30';
/** Cursors no list gave out: overflowing numbers, forged keyset parts, other lists' shapes. */
export const BAD_CURSORS = [
  '99999999999999999999999',
  '9223372036854775808',
  '-1',
  '1.5',
  'abc',
  '2026-01-01|abc',
  '2026-01-01T00:00:00Z|not-a-uuid',
  '|',
  b64(['0000-01-01T00:00:00Z', SOME_ID]),
  b64(['+275760-09-13T00:00:00Z', SOME_ID]),
  b64(['1', '------------------------------------']),
  b64([null, 'x']),
  b64(['due', '99999-01-01', SOME_ID]),
  b64(['due', null, `${SOME_ID}'`]),
  b64(['x'.repeat(2000), SOME_ID]),
  b64([1, 2, 3]),
  b64({ a: 1 }),
  b64('x'),
  b64([]),
];

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

/** Inserts `s` into `base` at a drawn position. */
function inserted(base: string, s: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(s, fc.nat({ max: base.length }))
    .map(([x, at]) => base.slice(0, at) + x + base.slice(at));
}

/** Strings longer than the schema allows (or very long when it sets no bound). */
function overlong(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.maxLength !== undefined ? s.maxLength + 1 : 5_000;
  return fc.integer({ min, max: min * 3 }).map((n) => 'x'.repeat(n));
}

/** Malformed values for one path segment or query value whose schema is `s`. */
export function malformedUrlValue(
  s: JsonSchema,
  base: string,
  where: 'path' | 'query',
  name = '',
): fc.Arbitrary<UrlValue> {
  const choices: fc.Arbitrary<UrlValue>[] = [
    inserted(base, controlChar).map((v) => enc('control character', v)),
    fc.constant(raw('NUL', `${encodeURIComponent(base)}%00`, `${base}\u0000`)),
    fc.constantFrom(...UNICODE).map((v) => enc('unicode', v)),
    fc.constantFrom(...INJECTION).map((v) => enc('injection text', v)),
    fc.constantFrom(...NUMBERS).map((v) => enc('number text', v)),
    overlong(s).map((v) => enc('overlong', v)),
    fc.constantFrom('%ZZ', '%', '%E0%A4%A', '%C0%AE', '%ED%A0%80').map((w) => raw('bad escape', w)),
    fc.uuid().map((v) => enc('unknown uuid', v)),
    fc.constantFrom('', ' ', '-').map((v) => enc('blank', v)),
  ];
  if (where === 'path') {
    choices.push(
      fc
        .constantFrom(
          '..',
          '.',
          '%2e%2e',
          '%2E%2E%2F%2E%2E',
          '..%2F..%2Fetc%2Fpasswd',
          '%2F',
          '%5C',
        )
        .map((w) => raw('path trick', w, safeDecode(w))),
      fc.integer({ min: 101, max: 4000 }).map((n) => enc('very long segment', 'a'.repeat(n))),
    );
  }
  if (s.enum) choices.push(fc.constantFrom('zzz', 'TRUE', '1 ').map((v) => enc('not in enum', v)));
  // Dates, instants and cursors get a larger share: the probe found the most 5xx there.
  const special: fc.Arbitrary<UrlValue>[] = [];
  if (isDateSchema(s))
    special.push(fc.constantFrom(...IMPOSSIBLE_DATES).map((v) => enc('impossible date', v)));
  if (s.format === 'date-time' || /^(from|to|start_date|end_date)$/.test(name))
    special.push(fc.constantFrom(...ODD_INSTANTS).map((v) => enc('odd instant', v)));
  if (name === 'cursor')
    special.push(fc.constantFrom(...BAD_CURSORS).map((v) => enc('bad cursor', v)));
  return fc.oneof(
    ...choices.map((arbitrary) => ({ arbitrary, weight: 1 })),
    ...special.map((arbitrary) => ({ arbitrary, weight: choices.length })),
  );
}

function safeDecode(w: string): string | undefined {
  try {
    return decodeURIComponent(w);
  } catch {
    return undefined;
  }
}

/** A JSON value nested `depth` arrays deep. */
export function deeplyNested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

const WRONG_TYPES: unknown[] = [123, -1, 1.5, true, false, null, 'abc', [], {}, [1, 'a'], { a: 1 }];

/** Malformed JSON values for a body field whose schema is `s` and valid value `base`. */
export function malformedJsonValue(s: JsonSchema, base: unknown): fc.Arbitrary<unknown> {
  const text = typeof base === 'string' ? base : 'Nội dung';
  const choices: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(...WRONG_TYPES),
    inserted(text, controlChar),
    inserted(text, fc.constantFrom('\uD800', '\uDFFF', '\uDBFF\uDBFF')),
    fc.constantFrom(...UNICODE, ...INJECTION),
    overlong(s),
    fc.constantFrom(
      1e308,
      -1e308,
      2 ** 53 + 2,
      -(2 ** 63),
      2 ** 64,
      0.1,
      -0,
      Number.MIN_VALUE,
      2147483648,
    ),
    fc.integer({ min: 2, max: 4 }).map((n) => Array.from({ length: n }, () => base)),
    fc.constant({ nested: { deeper: [base, null, { x: '\u0000' }] } }),
    fc.integer({ min: 200, max: 3000 }).map(deeplyNested),
  ];
  // Dates and instants get a larger share: the probe found the most 5xx there.
  const weighted: fc.WeightedArbitrary<unknown>[] = choices.map((arbitrary) => ({
    arbitrary,
    weight: 1,
  }));
  if (isDateSchema(s))
    weighted.push({ arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES), weight: choices.length });
  if (s.format === 'date-time')
    weighted.push({ arbitrary: fc.constantFrom(...ODD_INSTANTS), weight: choices.length });
  if (s.format === 'uuid')
    weighted.push({
      arbitrary: fc.constantFrom('not-a-uuid', '------------------------------------', `${base}0`),
      weight: 1,
    });
  if (s.maxItems !== undefined && s.maxItems < 5_000) {
    const item = Array.isArray(base) && base.length ? base[0] : exampleOf(s.items ?? {});
    weighted.push({
      arbitrary: fc.constant(Array.from({ length: s.maxItems + 1 }, () => item)),
      weight: 1,
    });
  }
  return fc.oneof(...weighted);
}
