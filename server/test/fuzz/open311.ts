// Fuzz cases for the Open311 GeoReport v2 routes (/open311/v2): not in the OpenAPI document,
// and their errors follow the GeoReport format, so only "never 5xx" applies to them.
import fc from 'fast-check';
import type { FuzzCase } from './cases.js';
import { malformedUrlValue } from './malformed.js';

const FORMATS = ['json', 'xml', 'zzz', 'JSON', '%00', ''];
const text = { type: 'string' } as const;

/** `n` seeded cases over every GeoReport v2 route (a real client key for the writes). */
export function open311Cases(
  seed: number,
  n: number,
  apiKey: string,
  serviceCode: string,
): FuzzCase[] {
  const bad = (base: string) => malformedUrlValue(text, base, 'query').map((v) => v.wire);
  const fmt = fc.constantFrom(...FORMATS);
  const get = (label: string, url: fc.Arbitrary<string>) =>
    url.map((u) => ({
      label,
      method: 'GET',
      url: u,
      payload: undefined as string | undefined,
      type: undefined as string | undefined,
    }));
  const form = fc
    .record(
      {
        api_key: fc.oneof(fc.constant(encodeURIComponent(apiKey)), bad(apiKey)),
        service_code: fc.oneof(fc.constant(serviceCode), bad(serviceCode)),
        lat: fc.oneof(fc.constant('10.38'), bad('10.38')),
        long: fc.oneof(fc.constant('105.75'), bad('105.75')),
        description: fc.oneof(fc.constant('Đèn hỏng'), bad('Đèn hỏng')),
        email: fc.oneof(fc.constant('a%40example.vn'), bad('a@example.vn')),
        'attribute%5Bx%5D': bad('1'),
      },
      { requiredKeys: [] },
    )
    .map((r) =>
      Object.entries(r)
        .map(([k, v]) => `${k}=${v}`)
        .join('&'),
    );
  const arb = fc.oneof(
    get(
      'discovery',
      fmt.map((f) => `/open311/v2/discovery.${f}`),
    ),
    get(
      'services',
      fmt.map((f) => `/open311/v2/services.${f}`),
    ),
    get(
      'service definition',
      fc.tuple(bad(serviceCode), fmt).map(([c, f]) => `/open311/v2/services/${c}.${f}`),
    ),
    get(
      'one request',
      fc
        .tuple(bad('00000000-0000-4000-8000-000000000000'), fmt)
        .map(([c, f]) => `/open311/v2/requests/${c}.${f}`),
    ),
    get(
      'token',
      fc.tuple(bad('abc'), fmt).map(([c, f]) => `/open311/v2/tokens/${c}.${f}`),
    ),
    get(
      'request list',
      fc
        .tuple(
          fmt,
          fc.constantFrom(
            'start_date',
            'end_date',
            'status',
            'service_code',
            'service_request_id',
            'page',
            'api_key',
          ),
          bad('2026-03-02'),
        )
        .map(([f, k, v]) => `/open311/v2/requests.${f}?${k}=${v}`),
    ),
    fc
      .tuple(
        fmt,
        form,
        fc.constantFrom(
          'application/x-www-form-urlencoded',
          'application/json',
          'text/plain',
          'multipart/form-data; boundary=x',
        ),
      )
      .map(([f, body, type]) => ({
        label: 'create request',
        method: 'POST',
        url: `/open311/v2/requests.${f}`,
        payload: body,
        type,
      })),
  );
  return fc.sample(arb, { seed, numRuns: n }).map((c) => ({
    op: `${c.method} /open311/v2`,
    target: c.label,
    label: c.label,
    refuse: false,
    request: {
      method: c.method,
      url: c.url,
      headers: c.type ? { 'content-type': c.type } : ({} as Record<string, string>),
      payload: c.payload,
    },
  }));
}
