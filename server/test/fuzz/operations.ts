// The operations of the OpenAPI document, as the fuzz test needs them: every path, query and
// header parameter with its JSON Schema, and the JSON body schema when there is one.

/** The subset of JSON Schema 2020-12 the zod → OpenAPI 3.1 transform produces. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `GET /api/v1/dossiers/{id}`: how failures and the fixture tables name an operation. */
  key: string;
  method: string;
  /** The OpenAPI path template, `{name}` for each path parameter. */
  path: string;
  params: Param[];
  /** The JSON body schema, when the operation declares one. */
  body?: JsonSchema;
  /** The route reads its raw bytes whatever the content type (a signed webhook). */
  rawBody?: boolean;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document, in document order. */
export function operationsOf(doc: unknown): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries((doc as OpenApiDoc).paths)) {
    for (const [m, op] of Object.entries(ops)) {
      if (!METHODS.has(m)) continue;
      const method = m.toUpperCase();
      out.push({
        key: `${method} ${path}`,
        method,
        path,
        params: (op.parameters ?? [])
          .filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header')
          .map((p) => ({
            name: p.name,
            in: p.in as Param['in'],
            required: p.in === 'path' || p.required === true,
            schema: p.schema ?? {},
          })),
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return out;
}

/** The JSON types a schema accepts (`any` when it does not say). */
export function acceptedTypes(s: JsonSchema): Set<string> {
  const branches = s.oneOf ?? s.anyOf;
  if (branches) {
    const all = new Set<string>();
    for (const b of branches) for (const t of acceptedTypes(b)) all.add(t);
    return all;
  }
  if (s.const !== undefined) return new Set([jsonType(s.const)]);
  if (s.enum) return new Set(s.enum.map(jsonType));
  if (s.type === undefined) return new Set(['any']);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  // An integer is also a number, and a number schema takes integers.
  return new Set(types.flatMap((t) => (t === 'number' ? ['number', 'integer'] : [t])));
}

/** The JSON type of a value (`integer` for whole numbers). */
export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** True when the type list takes `t` (or anything). */
export function accepts(types: Set<string>, t: string): boolean {
  return types.has('any') || types.has(t) || (t === 'integer' && types.has('number'));
}

const DATE_PATTERNS = new Set(['^\\d{4}-\\d{2}-\\d{2}$']);

/** A calendar date (`YYYY-MM-DD`), by format or by the bare pattern some schemas use. */
export function isDateSchema(s: JsonSchema): boolean {
  return s.format === 'date' || (s.pattern !== undefined && DATE_PATTERNS.has(s.pattern));
}

/** The branch of a union that a value takes (the first whose required fields it has). */
export function branchFor(s: JsonSchema, value: unknown): JsonSchema | undefined {
  const branches = s.oneOf ?? s.anyOf;
  if (!branches) return s;
  const v = value as Record<string, unknown> | null;
  return branches.find((b) => {
    if (jsonType(value) === 'object' && b.properties) {
      for (const [k, p] of Object.entries(b.properties)) {
        const fixed = p.const ?? (p.enum?.length === 1 ? p.enum[0] : undefined);
        if (fixed !== undefined && v?.[k] !== fixed) return false;
      }
      return (b.required ?? []).every((k) => v !== null && k in (v as object));
    }
    return accepts(acceptedTypes(b), jsonType(value));
  });
}
