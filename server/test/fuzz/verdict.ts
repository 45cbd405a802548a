// Whether a value MUST be refused by a schema. Conservative: `true` only when every
// correct implementation refuses it (a wrong type, a bound crossed, a control character, an
// impossible date…); anything a lenient parser might take (coercion, stripping) is `false`.
import { acceptedTypes, accepts, isDateSchema, type JsonSchema, jsonType } from './operations.js';

/** Any C0 control character (path and query values take none). */
export const hasControl = (s: string) => [...s].some((ch) => ch.charCodeAt(0) < 0x20);
/** C0 controls other than tab, LF and CR (which are text in JSON bodies). */
const hasNonTextControl = (s: string) =>
  [...s].some((ch) => ch.charCodeAt(0) < 0x20 && !'\t\n\r'.includes(ch));
/** A UTF-16 surrogate without its pair (spread into code points, a lone one stays alone). */
const hasLoneSurrogate = (s: string) =>
  [...s].some((ch) => ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The range of calendar dates the API takes (server/src/platform/http/dates.ts). */
export const DATE_RANGE = { min: '1900-01-01', max: '2199-12-31' };

/** A real calendar date in the API's range. */
export function isSaneDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s && s >= DATE_RANGE.min && s <= DATE_RANGE.max;
}

/** True when a text (path or query value, decoded) must be refused by its parameter schema. */
export function textRefused(s: JsonSchema, text: string): boolean {
  if (hasControl(text)) return true;
  const types = acceptedTypes(s);
  if (!types.has('string') && (types.has('integer') || types.has('number'))) {
    if (text.trim() === '') return false; // zod's coerce makes '' a 0
    const n = Number(text);
    if (!Number.isFinite(n)) return true;
    return numberRefused(s, n, types);
  }
  if (!types.has('string')) return false;
  return stringRefused(s, text);
}

function numberRefused(s: JsonSchema, n: number, types: Set<string>): boolean {
  if (!types.has('number') && types.has('integer') && !Number.isInteger(n)) return true;
  if (s.minimum !== undefined && n < s.minimum) return true;
  if (s.maximum !== undefined && n > s.maximum) return true;
  if (s.exclusiveMinimum !== undefined && n <= s.exclusiveMinimum) return true;
  if (s.exclusiveMaximum !== undefined && n >= s.exclusiveMaximum) return true;
  if (s.enum && !s.enum.includes(n)) return true;
  return false;
}

function stringRefused(s: JsonSchema, v: string): boolean {
  if (s.enum && !s.enum.includes(v)) return true;
  if (s.const !== undefined && s.const !== v) return true;
  // Lengths in UTF-16 units, as zod and JavaScript count them. A schema may trim first (the
  // JSON Schema cannot say so): a bound or pattern must fail on the trimmed text too.
  const trimmed = v.trim();
  if (s.minLength !== undefined && v.length < s.minLength) return true;
  if (s.maxLength !== undefined && trimmed.length > s.maxLength) return true;
  if (s.pattern !== undefined) {
    const re = new RegExp(s.pattern, 'u');
    if (!re.test(v) && !re.test(trimmed)) return true;
  }
  if (s.format === 'uuid' && !UUID.test(v)) return true;
  if (isDateSchema(s) && !isSaneDate(v)) return true;
  return false;
}

/**
 * True when a JSON value must be refused by its (non-union) schema: a type it does not
 * take, a control character or broken UTF-16 in a string, or a bound crossed.
 */
export function jsonRefused(s: JsonSchema, v: unknown): boolean {
  if (containsBadText(v)) return true;
  const types = acceptedTypes(s);
  const t = jsonType(v);
  if (!accepts(types, t)) return true;
  if (s.oneOf || s.anyOf) return false;
  if (t === 'string' && !types.has('any')) return stringRefused(s, v as string);
  if ((t === 'integer' || t === 'number') && !types.has('any'))
    return numberRefused(s, v as number, types);
  if (t === 'array') {
    const a = v as unknown[];
    if (s.maxItems !== undefined && a.length > s.maxItems) return true;
    if (s.minItems !== undefined && a.length < s.minItems) return true;
  }
  return false;
}

/** Any string (or object key) inside the value with a forbidden control character or lone surrogate. */
export function containsBadText(v: unknown): boolean {
  const stack: unknown[] = [v];
  while (stack.length) {
    const x = stack.pop();
    if (typeof x === 'string') {
      if (hasNonTextControl(x) || hasLoneSurrogate(x)) return true;
    } else if (Array.isArray(x)) stack.push(...x);
    else if (x && typeof x === 'object') for (const [k, e] of Object.entries(x)) stack.push(k, e);
  }
  return false;
}
