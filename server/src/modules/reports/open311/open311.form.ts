/**
 * Reading a GeoReport v2 POST body (application/x-www-form-urlencoded, parsed by
 * @fastify/formbody into key → value or key → values): the plain fields, and the answers
 * `attribute[code]=value` / `attribute[code][]=value` whose keys the parser leaves as they are.
 */
import type { RawAnswer } from './open311.attributes.js';

/** A parsed POST body: plain fields (first value of each) and attribute answers by code. */
export interface Open311Form {
  fields: Record<string, string>;
  attributes: Record<string, RawAnswer>;
}

const ATTRIBUTE_KEY = /^attribute\[([^\]]*)\](\[\])?$/;

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function strings(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.map(scalar).filter((s): s is string => s !== undefined);
}

function addAnswer(
  into: Record<string, RawAnswer>,
  code: string,
  values: string[],
  multi: boolean,
) {
  const before = into[code];
  if (before === undefined && !multi && values.length === 1) {
    into[code] = values[0]!;
    return;
  }
  const prior = before === undefined ? [] : Array.isArray(before) ? before : [before];
  into[code] = [...prior, ...values];
}

/**
 * Splits a body into fields and attribute answers. Unknown keys stay in `fields` (the caller
 * ignores them); a field sent twice keeps its first value. A JSON body with an `attribute`
 * object (`{"attribute": {"code": "v" | ["v", …]}}`) is read the same way.
 */
export function readOpen311Form(body: unknown): Open311Form {
  const fields: Record<string, string> = {};
  const attributes: Record<string, RawAnswer> = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { fields, attributes };
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const m = ATTRIBUTE_KEY.exec(key);
    if (m) {
      const values = strings(value);
      if (m[1] && values.length > 0)
        addAnswer(attributes, m[1], values, m[2] !== undefined || values.length > 1);
      continue;
    }
    if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [code, v] of Object.entries(value as Record<string, unknown>)) {
        const values = strings(v);
        if (values.length > 0) addAnswer(attributes, code, values, Array.isArray(v));
      }
      continue;
    }
    const first = strings(value)[0];
    if (first !== undefined) fields[key] = first;
  }
  return { fields, attributes };
}
