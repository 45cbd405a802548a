// Cases inside a JSON body: every property slot the schema names (present in the baseline or
// not) made wrong one at a time, the body made wrong as a whole, and the body catalogue.
import fc from 'fast-check';
import { exampleOf } from './examples.js';
import { deeplyNested, IMPOSSIBLE_DATES, malformedJsonValue, ODD_INSTANTS } from './malformed.js';
import { acceptedTypes, branchFor, isDateSchema, type JsonSchema, jsonType } from './operations.js';
import { containsBadText, jsonRefused } from './verdict.js';

/** Deepest nesting the server takes in a JSON body (server/src/platform/http/input-guard.ts). */
export const MAX_DEPTH = 32;

export type Path = (string | number)[];
export interface Slot {
  path: Path;
  schema: JsonSchema;
  value: unknown;
  present: boolean;
  required: boolean;
  /** Under a union whose branch the value does not pin down: only forbidden text is decidable. */
  ambiguous: boolean;
}

/** True when a union's branch is picked by a literal field (a discriminator) the value carries. */
function discriminated(s: JsonSchema, branch: JsonSchema): boolean {
  const branches = s.oneOf ?? s.anyOf ?? [];
  const lit = (b: JsonSchema, k: string) => {
    const p = b.properties?.[k];
    return p?.const ?? (p?.enum?.length === 1 ? p.enum[0] : undefined);
  };
  return Object.keys(branch.properties ?? {}).some((k) => {
    const mine = lit(branch, k);
    return (
      mine !== undefined &&
      branches.every((b) => b === branch || (lit(b, k) !== undefined && lit(b, k) !== mine))
    );
  });
}

/** Every property slot of the body (present or not), walking the schema beside the value. */
export function slotsOf(s: JsonSchema, value: unknown, path: Path = [], ambiguous = false): Slot[] {
  let schema = s;
  let amb = ambiguous;
  if (s.oneOf || s.anyOf) {
    const b = branchFor(s, value);
    if (!b) return [];
    amb = amb || !discriminated(s, b);
    schema = b;
  }
  const out: Slot[] = [];
  if (jsonType(value) === 'object' && schema.properties) {
    const v = value as Record<string, unknown>;
    for (const [k, ps] of Object.entries(schema.properties)) {
      const required = (schema.required ?? []).includes(k) && ps.default === undefined;
      out.push({
        path: [...path, k],
        schema: ps,
        value: v[k],
        present: k in v,
        required,
        ambiguous: amb,
      });
      if (k in v) out.push(...slotsOf(ps, v[k], [...path, k], amb));
    }
  } else if (Array.isArray(value) && value.length && schema.items) {
    out.push({
      path: [...path, 0],
      schema: schema.items,
      value: value[0],
      present: true,
      required: false,
      ambiguous: amb,
    });
    out.push(...slotsOf(schema.items, value[0], [...path, 0], amb));
  }
  return out;
}

export const REMOVE = Symbol('remove');

export function withValue(body: unknown, path: Path, v: unknown): unknown {
  if (path.length === 0) return v;
  const copy = Array.isArray(body) ? [...body] : { ...(body as Record<string, unknown>) };
  const [head, ...rest] = path;
  const container = copy as Record<string | number, unknown>;
  if (rest.length === 0) {
    if (v === REMOVE) delete container[head!];
    else container[head!] = v;
  } else container[head!] = withValue(container[head!], rest, v);
  return copy;
}

export function depthOf(v: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    max = Math.max(max, d);
    if (x && typeof x === 'object') for (const e of Object.values(x)) stack.push([e, d + 1]);
  }
  return max;
}

/** One case before it becomes a request: what is wrong, and the parts that differ from the baseline. */
export interface Draft {
  target: string;
  label: string;
  refuse: boolean;
  path?: Record<string, string>;
  query?: [string, string][];
  headers?: Record<string, string>;
  /** The body as sent: a JSON value, or raw text with its content type. */
  body?: { json: unknown } | { text: string; type: string } | { none: true };
}

/** The arbitraries of the cases inside a JSON body (`anyType`: a raw-body route reads any content type). */
export function bodyArbitraries(
  schema: JsonSchema,
  body: unknown,
  anyType: boolean,
): fc.Arbitrary<Draft>[] {
  const slots = slotsOf(schema, body);
  const out: fc.Arbitrary<Draft>[] = [];
  for (const slot of slots) {
    const target = `body.${slot.path.join('.')}`;
    out.push(
      malformedJsonValue(slot.schema, slot.value ?? exampleOf(slot.schema)).map((v) => ({
        target,
        label: `malformed ${jsonType(v)}`,
        refuse:
          containsBadText(v) ||
          depthOf(v) + slot.path.length > MAX_DEPTH ||
          (!slot.ambiguous && jsonRefused(slot.schema, v)),
        body: { json: withValue(body, slot.path, v) },
      })),
    );
    if (slot.present)
      out.push(
        fc.constant<Draft>({
          target,
          label: 'missing field',
          refuse: slot.required && !slot.ambiguous,
          body: { json: withValue(body, slot.path, REMOVE) },
        }),
      );
  }
  out.push(
    fc
      .tuple(
        fc.constantFrom('extra', '__proto__', 'constructor', 'x\u0000y', '\uD800', ''),
        fc.constantFrom<unknown>('v', 1, null, { polluted: true }, deeplyNested(60)),
      )
      .map(([k, v]) => {
        const json = jsonType(body) === 'object' ? { ...(body as object), [k]: v } : body;
        return {
          target: `body.${k}`,
          label: 'extra field',
          refuse: containsBadText(k) || depthOf(v) + 1 > MAX_DEPTH,
          body: { text: JSON.stringify(json), type: 'application/json' },
        };
      }),
    fc
      .constantFrom(
        { text: '{"a":', type: 'application/json' },
        { text: '{', type: 'application/json' },
        { text: "{'a': 1}", type: 'application/json' },
        { text: '{"a":1}}', type: 'application/json' },
        { text: '', type: 'application/json' },
        { text: JSON.stringify(body), type: 'text/plain' },
        { text: JSON.stringify(body), type: 'application/xml' },
        { text: 'a=1&b=%00', type: 'application/x-www-form-urlencoded' },
        {
          text: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
          type: 'multipart/form-data; boundary=x',
        },
        { text: JSON.stringify(body), type: 'json' },
      )
      // A raw-body route reads valid JSON under any content type.
      .map((b) => ({
        target: 'body',
        label: `${b.type} body`,
        refuse: !(anyType && b.text === JSON.stringify(body)),
        body: b,
      })),
    // Fastify reads JSON as UTF-8 whatever charset is declared; a BOM is skipped.
    fc
      .constantFrom(
        { text: JSON.stringify(body), type: 'application/json; charset=utf-16' },
        { text: `\uFEFF${JSON.stringify(body)}`, type: 'application/json' },
      )
      .map((b) => ({ target: 'body', label: `${b.type} body`, refuse: false, body: b })),
    fc.constantFrom<unknown>([], 'text', 42, null, true, [body]).map((v) => ({
      target: 'body',
      label: `${jsonType(v)} body`,
      refuse: true,
      body: { json: v },
    })),
  );
  return out;
}

/** `n` cases of an operation, drawn with `seed` (the same seed gives the same cases). */
/** Numbers at the edges of what columns hold (int4, int8, double) and of what schemas mean. */
const EDGE_NUMBERS = [
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  2 ** 53,
  2 ** 63,
  1e308,
  -1,
  0,
  1.5,
];

/** The body catalogue: each impossible date, odd instant and edge number to each such field. */
export function bodyCatalogue(schema: JsonSchema, body: unknown): Draft[] {
  const out: Draft[] = [];
  for (const slot of slotsOf(schema, body)) {
    const types = acceptedTypes(slot.schema);
    const list: unknown[] = isDateSchema(slot.schema)
      ? IMPOSSIBLE_DATES
      : slot.schema.format === 'date-time'
        ? ODD_INSTANTS
        : types.has('integer') || types.has('number')
          ? EDGE_NUMBERS
          : [];
    for (const v of list)
      out.push({
        target: `body.${slot.path.join('.')}`,
        label: 'catalogue',
        refuse: !slot.ambiguous && jsonRefused(slot.schema, v),
        body: { json: withValue(body, slot.path, v) },
      });
  }
  return out;
}
