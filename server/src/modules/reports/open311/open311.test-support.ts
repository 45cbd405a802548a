/** Helpers of the Open311 integration tests (not a test file itself). */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { TestApp } from '../../../../test/helpers.js';

/** Elements that are lists in GeoReport v2 XML: always parsed as arrays. */
const LIST_ITEMS = new Set([
  'service',
  'request',
  'error',
  'endpoint',
  'format',
  'attribute',
  'value',
]);
const parser = new XMLParser({
  ignoreDeclaration: true,
  parseTagValue: false,
  isArray: (name) => LIST_ITEMS.has(name),
});

/** Checks that `body` is well-formed XML with the UTF-8 declaration, and parses it. */
// biome-ignore lint/suspicious/noExplicitAny: a parsed document is explored by the test.
export function parseXml(body: string): any {
  expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(XMLValidator.validate(body)).toBe(true);
  return parser.parse(body);
}

/** A form-urlencoded body; a list value repeats its key. */
export function form(fields: Record<string, string | string[] | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields))
    if (v !== undefined) for (const x of [v].flat()) p.append(k, x);
  return p.toString();
}

/** Creates an Open311 client through the admin API; returns its key and id. */
export async function newClient(
  t: TestApp,
  name = 'Ứng dụng thử',
): Promise<{ id: string; apiKey: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/open311/clients',
    headers: t.admin.headers,
    payload: { name },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

let ip = 0;
/** POST /open311/v2/requests.{fmt} as a form (each from its own address). */
export function postRequest(
  t: TestApp,
  fmt: string,
  fields: Record<string, string | string[] | undefined>,
) {
  ip += 1;
  return t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${fmt}`,
    payload: form(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    remoteAddress: `10.31.${Math.floor(ip / 250)}.${ip % 250}`,
  });
}

/** GET below /open311/v2. */
export function getOpen311(t: TestApp, path: string) {
  return t.app.inject({ method: 'GET', url: `/open311/v2${path}` });
}
