/**
 * Writing GeoReport v2 answers in XML (required by the standard) or JSON (optional), chosen by
 * the URL's `.xml` / `.json` suffix. JSON is the data itself; XML follows the Spark convention
 * the standard uses: a root element, a list as repeated child elements named in the singular
 * (`<services><service>…`, `<formats><format>…`), null as an empty element.
 */

import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply } from 'fastify';

/** The two formats served. */
export type Open311Format = 'xml' | 'json';

/** A JSON-compatible value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export const CONTENT_TYPES: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Element names of list items, by the list's element name (Spark convention). */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

/** The format of a path's last segment (`requests.json` → json), or null when it has none of ours. */
export function formatOfPath(url: string): Open311Format | null {
  const path = url.split('?')[0] ?? '';
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  const ext = m?.[1]?.toLowerCase();
  return ext === 'xml' || ext === 'json' ? ext : null;
}

// Characters XML 1.0 does not allow, even escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is removed.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function toXmlTree(value: Json, name: string): unknown {
  if (value === null) return '';
  if (typeof value === 'string') return value.replace(NOT_XML, '');
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`no XML item name for list <${name}>`);
    return value.length === 0 ? '' : { [item]: value.map((v) => toXmlTree(v, item)) };
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXmlTree(v, k)]));
}

const builder = new XMLBuilder({ format: true, ignoreAttributes: false, indentBy: '  ' });

/** The XML document of `value` under the root element `root`. */
export function toXml(root: string, value: Json): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    [root]: toXmlTree(value, root),
  }) as string;
}

/** Sends `value` (the JSON form) as JSON, or as XML under the root element `root`. */
export function sendOpen311(
  reply: FastifyReply,
  fmt: Open311Format,
  root: string,
  value: Json,
  status = 200,
) {
  const body = fmt === 'json' ? JSON.stringify(value) : toXml(root, value);
  return reply.status(status).type(CONTENT_TYPES[fmt]).send(body);
}

/** One error of a GeoReport v2 error list. */
export interface Open311ErrorItem {
  code: number;
  description: string;
}

/** Sends an error list (`<errors><error><code/><description/></error></errors>`). */
export function sendOpen311Errors(
  reply: FastifyReply,
  fmt: Open311Format,
  status: number,
  errors: Open311ErrorItem[],
) {
  return sendOpen311(
    reply,
    fmt,
    'errors',
    errors.map((e) => ({ code: e.code, description: e.description })),
    status,
  );
}
