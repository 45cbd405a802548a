// A VALID value for a JSON Schema, deterministic: the baseline every malformed case starts
// from, so that one field at a time is wrong and the rest reaches as deep as it can.
import fc from 'fast-check';
import type { JsonSchema } from './operations.js';

const UUID_ZERO = '7d1f3c1e-0b7a-4c1e-9a57-2d0e1d3b9f10';

/** Strings tried, in order, for a pattern no fixture covers. */
const CANDIDATES = [
  'abc',
  'fuzz_01',
  'A1',
  '123456',
  '089201000123',
  '0912345678',
  '2026-03-02',
  '2026-03-02T09:00:00+07:00',
  '09:00',
  '01.pdf',
  'mau_01.pdf',
  'application/pdf',
  '105.1,10.1,105.9,10.9',
  '1.000001',
  'mb',
];

function stringExample(s: JsonSchema, name: string): string {
  if (s.enum?.length) return String(s.enum[0]);
  if (s.format === 'uuid') return UUID_ZERO;
  if (s.format === 'date') return '2026-03-02';
  if (s.format === 'date-time') return '2026-03-02T09:00:00+07:00';
  if (s.format === 'email') return 'fuzz@example.vn';
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 10_000;
  const fits = (v: string) => v.length >= min && v.length <= max;
  if (s.pattern) {
    const re = new RegExp(s.pattern, 'u');
    const known = CANDIDATES.find((c) => re.test(c) && fits(c));
    if (known) return known;
    const drawn = fc
      .sample(fc.stringMatching(re), { seed: 7, numRuns: 50 })
      .find((v) => fits(v) && re.test(v));
    if (drawn !== undefined) return drawn;
  }
  const base = /phone/i.test(name) ? '0912345678' : /mail/i.test(name) ? 'fuzz@example.vn' : '';
  if (base && fits(base)) return base;
  const text = 'Nội dung thử nghiệm';
  return text.length >= min ? text.slice(0, max) : text.padEnd(min, 'x').slice(0, max);
}

function numberExample(s: JsonSchema, integer: boolean): number {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : undefined);
  let v = 1;
  if (lo !== undefined && v < lo) v = lo;
  if (hi !== undefined && v > hi) v = hi;
  return integer ? Math.ceil(v) : v;
}

/**
 * A value the schema accepts; `name` is the property or parameter name (a hint for phones
 * and e-mails that carry no pattern). Optional object properties are left out.
 */
export function exampleOf(s: JsonSchema, name = ''): unknown {
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  const branch = s.oneOf?.[0] ?? s.anyOf?.[0];
  if (branch) return exampleOf(branch, name);
  if (s.allOf?.length) return exampleOf(Object.assign({}, ...s.allOf), name);
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') ?? 'null') : s.type;
  switch (type) {
    case 'string':
      return stringExample(s, name);
    case 'integer':
      return numberExample(s, true);
    case 'number':
      return numberExample(s, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const n = s.minItems ?? 0;
      if (s.prefixItems) return s.prefixItems.map((p) => exampleOf(p, name));
      return Array.from({ length: n }, () => exampleOf(s.items ?? {}, name));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = exampleOf(s.properties?.[k] ?? {}, k);
      return out;
    }
    default:
      if (s.enum?.length) return s.enum[0];
      return 'x';
  }
}
