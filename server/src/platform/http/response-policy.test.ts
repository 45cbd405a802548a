import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossierInput, buildOneStopShop } from '../../../test/factories/dossiers.js';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../clock.js';

// Monday 23/11/2026 09:00 in Vietnam.
const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
let dossier: { id: string; code: string };
beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await buildOneStopShop(t);
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: shop.desk.headers,
    payload: buildDossierInput(shop),
  });
  expect(r.statusCode, r.body).toBe(201);
  dossier = r.json();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const noStore = (r: { headers: Record<string, unknown> }) =>
  /\bno-store\b/.test(String(r.headers['cache-control'] ?? ''));

describe('Cache-Control: no-store', () => {
  it('on every answer to a signed-in API request, errors included', async () => {
    const desk = shop.desk.headers;
    for (const url of [
      '/api/v1/auth/me',
      `/api/v1/dossiers/${dossier.id}`,
      '/api/v1/dossiers?state=all',
      '/api/v1/procedures',
      '/api/v1/dossiers/00000000-0000-0000-0000-000000000000',
    ]) {
      const r = await get(url, desk);
      expect(noStore(r), `${url} ${r.statusCode} ${r.headers['cache-control']}`).toBe(true);
    }
  });

  it('on the sign-in answer (it carries the session cookie and CSRF token)', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(r.statusCode).toBe(200);
    expect(noStore(r)).toBe(true);
  });

  it('on file downloads: dossier files, forms, exports, receipts reached with code and phone', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% bản scan\n');
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossier.id}/files?kind=attachment&component=to_khai&filename=to-khai.pdf`,
      headers: { ...shop.desk.headers, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(up.statusCode, up.body).toBe(201);
    const paid = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossier.id}/payments`,
      headers: shop.desk.headers,
      payload: { method: 'cash', amount: 8000 },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const code = encodeURIComponent(dossier.code);
    const downloads = [
      { url: `/api/v1/dossiers/${dossier.id}/files/${up.json().id}`, headers: shop.desk.headers },
      { url: `/api/v1/dossiers/${dossier.id}/forms/01.pdf`, headers: shop.desk.headers },
      {
        url: `/api/v1/dossiers/register.xlsx?unit=${shop.unit.code}&from=2026-11-01&to=2026-11-30`,
        headers: shop.desk.headers,
      },
      {
        url: `/api/v1/dossiers/${dossier.id}/payments/${paid.json().id}/receipt.pdf`,
        headers: shop.desk.headers,
      },
      // No session: the citizen proves the dossier with its code and their phone.
      {
        url: `/api/v1/public/dossiers/${code}/payments/${paid.json().id}/receipt.pdf?phone=0912345678`,
        headers: {},
      },
      { url: '/api/v1/public/reports.csv', headers: {} },
    ];
    for (const d of downloads) {
      const r = await get(d.url, d.headers);
      expect(r.statusCode, `${d.url} ${r.body.slice(0, 200)}`).toBe(200);
      expect(r.headers['content-disposition'], d.url).toBeDefined();
      expect(noStore(r), `${d.url} ${r.headers['cache-control']}`).toBe(true);
    }
  });

  it('not on anonymous catalogue reads, nor on what a route declares public', async () => {
    const anon = await get('/api/v1/procedures');
    expect(anon.statusCode).toBe(200);
    expect(noStore(anon)).toBe(false);
    // A blank form is the same for everyone: it stays cacheable, even for staff.
    const blank = await get(
      `/api/v1/public/procedures/${encodeURIComponent(shop.procedure.code)}/forms/to_khai.pdf`,
      t.admin.headers,
    );
    expect(blank.statusCode, blank.body.slice(0, 200)).toBe(200);
    expect(blank.headers['cache-control']).toBe('public, max-age=300');
  });
});

describe('Strict-Transport-Security', () => {
  it('absent on plain HTTP (COOKIE_SECURE off)', async () => {
    expect((await get('/api/health')).headers['strict-transport-security']).toBeUndefined();
  });

  it('present when COOKIE_SECURE=true', async () => {
    const secure = await createTestApp({ config: { cookieSecure: true } });
    try {
      const r = await secure.app.inject({ method: 'GET', url: '/api/health' });
      expect(r.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
    } finally {
      await secure.close();
    }
  });
});
