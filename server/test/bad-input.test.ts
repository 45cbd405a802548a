// The malformed requests the issue-11 probe (and the fuzz test since) answered with 5xx, each
// now a 4xx problem+json with a stable code that changes nothing. Framework refusals:
// server/src/platform/http/framework-errors.test.ts; everything else: server/test/fuzz.test.ts.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerByPhone } from '../src/modules/citizens/citizens.test-support.js';
import { signGeneric } from '../src/modules/payments/payments.webhook.js';
import { seedReportCategories } from '../src/modules/reports/index.js';
import { buildDossierInput, buildOneStopShop } from './factories/dossiers.js';
import { createTestApp, type TestApp } from './helpers.js';

const WEBHOOK_SECRET = 'secret-of-the-bad-input-test';
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
let citizen: { headers: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp({ config: { paymentWebhookSecret: WEBHOOK_SECRET } });
  shop = await buildOneStopShop(t);
  await seedReportCategories(t.db.kysely);
  citizen = await registerByPhone(t, '0977000111');
}, 60_000);
afterAll(() => t?.close());

type Res = { statusCode: number; headers: Record<string, unknown>; body: string };

function expectProblem(res: Res, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = JSON.parse(res.body);
  expect(p).toMatchObject({ status, code });
  // A Vietnamese detail (with diacritics), not Fastify's English message.
  expect(p.detail).toMatch(/[À-ỹ]/);
}

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

async function rowCount(table: string): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(
    t.db.kysely,
  );
  return Number(r.rows[0]!.n);
}

describe('NUL and control characters never reach the database', () => {
  it.each([
    '/api/v1/public/procedures/%00',
    '/api/v1/public/reports/%00',
    '/api/v1/public/units?within=%00',
    '/api/v1/public/units?within=a%01b',
    '/api/v1/public/dossiers/%00?phone=0912345678',
    '/api/v1/public/reports?unit=%1F',
    '/api/v1/procedures?unknownParameter=%00',
  ])('GET %s → 400 invalid_characters', async (url) => {
    expectProblem(await get(url), 400, 'invalid_characters');
  });

  it('refuses NUL in a JSON body, and writes nothing', async () => {
    const before = await rowCount('open311_client');
    const audit = await rowCount('audit_log');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open311/clients',
      headers: t.admin.headers,
      payload: { name: '\u0000' },
    });
    expectProblem(res, 400, 'invalid_characters');
    expect(res.json().errors).toEqual([{ path: 'body.name', message: expect.any(String) }]);
    expect(await rowCount('open311_client')).toBe(before);
    expect(await rowCount('audit_log')).toBe(audit);
  });

  it('refuses NUL in a citizen draft request, a lone surrogate, and a control character in a key', async () => {
    for (const payload of [
      '{"procedureCode":"\\u0000"}',
      '{"procedureCode":"1.00\\ud8001"}',
      '{"procedureCode":"1.000001","x\\u0007":1}',
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/drafts',
        headers: { ...citizen.headers, 'content-type': 'application/json' },
        payload,
      });
      expectProblem(res, 400, 'invalid_characters');
    }
  });

  it('refuses NUL in an Open311 form body with a GeoReport error, not a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'api_key=x&service_code=lighting%00&lat=10.38&long=105.75&description=a',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: expect.stringContaining('NUL') }]);
  });

  it('lets tab, LF and CR through in body text (multi-line descriptions)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open311/clients',
      headers: t.admin.headers,
      payload: { name: 'Ứng dụng\tthử\r\ndòng hai' },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses JSON nested deeper than any schema needs', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open311/clients',
      headers: { ...t.admin.headers, 'content-type': 'application/json' },
      payload: `{"name":"sâu","extra":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
    });
    expectProblem(res, 400, 'json_too_deep');
  });
});

describe('dates that pass a format check but do not exist', () => {
  it.each(['to=2026-02-30', 'from=0000-00-00', 'to=9999-12-31', 'from=1899-12-31'])(
    'GET /api/v1/reports/stats?%s → 400',
    async (q) => {
      expectProblem(
        await get(`/api/v1/reports/stats?${q}`, t.admin.headers),
        400,
        'validation_failed',
      );
    },
  );

  it.each([
    '/api/v1/dossiers?from=2026-02-30',
    '/api/v1/dossiers/register.xlsx?from=2026-01-01&to=2026-02-29',
    '/api/v1/public/reports?from=0000-00-00',
    '/api/v1/public/reports.csv?to=9999-12-31',
    '/api/v1/reports/export.csv?from=2025-02-29',
    '/api/v1/dossier-feedback/stats?from=2300-01-01',
    '/api/v1/units?asOf=1800-01-01',
  ])('GET %s → 400', async (url) => {
    expectProblem(await get(url, t.admin.headers), 400, 'validation_failed');
  });
});

describe('instants outside what the database and the calendar take', () => {
  it.each(['0000-01-01T00:00:00Z', '9999-12-31T23:59:59+07:00', '1950-06-15T08:00:00+07:00'])(
    'a receipt time of %s → 400, and no dossier',
    async (receivedAt) => {
      const before = await rowCount('dossier');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { ...shop.desk.headers, 'idempotency-key': `instant-${receivedAt}` },
        payload: buildDossierInput(shop, { receivedAt }),
      });
      expectProblem(res, 400, 'validation_failed');
      expect(await rowCount('dossier')).toBe(before);
    },
  );

  it('a payment time of year 0 → 400, at the desk and from the gateway', async () => {
    const dossier = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { ...shop.desk.headers, 'idempotency-key': 'instant-payment-0001' },
      payload: buildDossierInput(shop),
    });
    expect(dossier.statusCode, dossier.body).toBe(201);
    const desk = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossier.json().id}/payments`,
      headers: shop.desk.headers,
      payload: { method: 'cash', amount: 8000, paidAt: '0000-01-01T00:00:00Z' },
    });
    expectProblem(desk, 400, 'validation_failed');
    const before = await rowCount('payment');
    for (const body of [
      { transactionId: 'gw-year-0', amount: 8000, reference: 'x', paidAt: '0000-01-01T00:00:00Z' },
      {
        transactionId: 'gw-nul\u0000',
        amount: 8000,
        reference: 'x',
        paidAt: '2026-03-02T09:00:00Z',
      },
    ]) {
      const raw = JSON.stringify(body);
      const ts = String(Math.floor(Date.now() / 1000));
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/payments/webhooks/generic',
        headers: {
          'content-type': 'application/json',
          'x-timestamp': ts,
          'x-signature': `sha256=${signGeneric(WEBHOOK_SECRET, ts, raw)}`,
        },
        payload: raw,
      });
      expectProblem(res, 400, 'invalid_webhook_payload');
    }
    expect(await rowCount('payment')).toBe(before);
  });
});

describe('coordinates in a JSON body are JSON numbers', () => {
  const report = (lat: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { 'idempotency-key': `latitude-${JSON.stringify(lat)}-000000` },
      payload: {
        categoryCode: 'lighting',
        description: 'Đèn đường không sáng.',
        location: { lat, long: 105.75, unitCode: shop.unit.code },
      },
    });

  it.each([null, false, '', '10.38'])(
    'a report at latitude %j → 400, and no report',
    async (lat) => {
      const before = await rowCount('report');
      expectProblem(await report(lat), 400, 'validation_failed');
      expect(await rowCount('report')).toBe(before);
    },
  );

  it('the same report at a real latitude is filed', async () => {
    const res = await report(10.38);
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('numbers past what the column holds', () => {
  it('a version above the largest PostgreSQL integer → 400, for a draft and a dossier action', async () => {
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/drafts',
      headers: citizen.headers,
      payload: { procedureCode: shop.procedure.code },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const save = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/portal/drafts/${draft.json().id}`,
      headers: citizen.headers,
      payload: { version: 2_147_483_648, formData: {} },
    });
    expectProblem(save, 400, 'validation_failed');
    const dossier = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { ...shop.desk.headers, 'idempotency-key': 'version-overflow-0001' },
      payload: buildDossierInput(shop),
    });
    const act = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossier.json().id}/actions`,
      headers: shop.desk.headers,
      payload: { action: 'assign', version: 2_147_483_648 },
    });
    expectProblem(act, 400, 'validation_failed');
  });
});

describe('cursors', () => {
  it('GET /citizens/me/access-log with an overflowing cursor → 400 invalid_cursor', async () => {
    const res = await get(
      '/api/v1/citizens/me/access-log?cursor=99999999999999999999999',
      citizen.headers,
    );
    expectProblem(res, 400, 'invalid_cursor');
  });

  it.each([
    '/api/v1/dossiers?cursor=2026-01-01%7Cabc',
    `/api/v1/dossiers?cursor=${Buffer.from('["0000-01-01T00:00:00Z","5f0c1a9e-3b8d-4f6a-9c2e-7d4b1e8a6f30"]').toString('base64url')}`,
    `/api/v1/reports?cursor=${Buffer.from('["due","1","x"]').toString('base64url')}`,
    `/api/v1/public/reports?cursor=${Buffer.from('["1","------------------------------------"]').toString('base64url')}`,
    `/api/v1/procedures?cursor=${Buffer.from('[1,2]').toString('base64url')}`,
    `/api/v1/dossier-petitions?cursor=${Buffer.from('{}').toString('base64url')}`,
  ])('GET %s → 400 invalid_cursor', async (url) => {
    expectProblem(await get(url, t.admin.headers), 400, 'invalid_cursor');
  });

  it('a cursor the list gave out still pages', async () => {
    for (let i = 0; i < 3; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/procedures',
        headers: t.admin.headers,
        payload: (await import('./factories/procedures.js')).buildProcedureInput(),
      });
    const first = (await get('/api/v1/procedures?limit=1', t.admin.headers)).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    const next = await get(
      `/api/v1/procedures?limit=1&cursor=${first.nextCursor}`,
      t.admin.headers,
    );
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().items[0].id).not.toBe(first.items[0].id);
  });
});

describe('streamed CSV', () => {
  it('GET /public/reports.csv?category=%00 answers 400 before any 200 begins', async () => {
    expectProblem(await get('/api/v1/public/reports.csv?category=%00'), 400, 'invalid_characters');
  });

  it('a query that fails on the first page answers a problem, not a 200 cut mid-way', async () => {
    // The database refuses the export's query (its table is briefly away): before the fix
    // the 200 and the header went out first, then the connection dropped.
    await sql`alter table report rename to report_away`.execute(t.db.kysely);
    try {
      for (const url of ['/api/v1/public/reports.csv', '/api/v1/reports/export.csv']) {
        const res = await get(url, t.admin.headers);
        expect(res.statusCode, url).toBe(500);
        expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
        expect(res.json().code).toBe('internal_error');
      }
    } finally {
      await sql`alter table report_away rename to report`.execute(t.db.kysely);
    }
    const ok = await get('/api/v1/public/reports.csv');
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Mã phản ánh');
  });
});
