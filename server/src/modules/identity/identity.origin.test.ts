import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, TEST_ORIGIN, type TestApp } from '../../../test/helpers.js';
import { codeIn, lastMessageTo } from '../citizens/citizens.test-support.js';

let t: TestApp;
let session: { cookie: string; 'x-csrf-token': string };
beforeAll(async () => {
  t = await createTestApp({ config: { publicUrl: 'https://cqs.example.vn' } });
  const { cookie, 'x-csrf-token': csrf } = t.admin.headers;
  session = { cookie: cookie!, 'x-csrf-token': csrf! };
});
afterAll(() => t.close());

let n = 0;
/** A cookie-authenticated account creation with these extra headers. */
async function createUser(headers: Record<string, string>) {
  const username = `nguon.${++n}`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { ...session, ...headers },
    payload: { username, password: 'matkhau-dai', fullName: 'Thử Nguồn' },
  });
  const made = await sql<{ n: number }>`select count(*)::int as n from app_user
    where username = ${username}`.execute(t.db.kysely);
  return { res, created: made.rows[0]!.n === 1 };
}

describe('writes riding on the session cookie must come from our own origin', () => {
  it('refuses no Origin and no Referer, another origin, and "null", changing nothing', async () => {
    for (const headers of <Record<string, string>[]>[
      {},
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost:8080' },
      { origin: 'https://localhost' },
      { referer: 'https://evil.example/cqs' },
      // Origin wins over a same-origin Referer.
      { origin: 'https://evil.example', referer: `${TEST_ORIGIN}/quan-tri` },
    ]) {
      const { res, created } = await createUser(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'origin_mismatch', status: 403 });
      expect(res.json().detail).toContain('không xuất phát từ chính trang của hệ thống');
      expect(created).toBe(false);
    }
  });

  it("accepts the request's own origin, PUBLIC_URL's, or a same-origin Referer", async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: TEST_ORIGIN },
      { origin: 'https://cqs.example.vn' },
      { referer: `${TEST_ORIGIN}/quan-tri/tai-khoan?x=1` },
      // Plain HTTP through a LAN host name (http://cqs.test:<port> mapped to 127.0.0.1).
      { host: 'cqs.test:8080', origin: 'http://cqs.test:8080' },
      { host: 'CQS.test:80', origin: 'http://cqs.test' },
    ]) {
      const { res, created } = await createUser(headers);
      expect(res.statusCode, `${JSON.stringify(headers)} ${res.body}`).toBe(201);
      expect(created).toBe(true);
    }
  });

  it('ignores X-Forwarded-Host and -Proto when no proxy is trusted', async () => {
    const { res } = await createUser({
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      origin: 'https://evil.example',
    });
    expect(res.json().code).toBe('origin_mismatch');
  });

  it('still asks for the CSRF token first, and leaves reads alone', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: session.cookie, origin: TEST_ORIGIN },
      payload: { username: 'khong.csrf', password: 'matkhau-dai', fullName: 'Không CSRF' },
    });
    expect(res.json().code).toBe('csrf_failed');
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { ...session, origin: 'https://evil.example' },
    });
    expect(read.statusCode).toBe(200);
  });
});

describe('routes that open a session refuse a cross-origin Origin (login CSRF)', () => {
  const signIn = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
      headers,
    });
  const sessions = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from session`.execute(t.db.kysely)).rows[0]!
      .n;

  it('login: refused from another origin; same origin or no Origin (a script) signs in', async () => {
    const before = await sessions();
    const evil = await signIn({ origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().code).toBe('origin_mismatch');
    expect(evil.cookies).toHaveLength(0);
    expect(await sessions()).toBe(before);
    expect((await signIn({ origin: TEST_ORIGIN })).statusCode).toBe(200);
    expect((await signIn({})).statusCode).toBe(200);
  });

  it('citizen registration and password reset: verifying from another origin is refused', async () => {
    const phone = '0977000111';
    const reg = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizens/registrations',
      // A cookie-less write from anywhere is not this rule's business.
      headers: { origin: 'https://evil.example' },
      payload: { phone, password: 'matkhau2026', fullName: 'Lý Thị Nguồn', acceptTerms: true },
      remoteAddress: '10.5.0.1',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const code = codeIn((await lastMessageTo(t, phone))!.body);
    const verify = (origin: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/citizens/registrations/${reg.json().id}/verify`,
        headers: { origin },
        payload: { code },
        remoteAddress: '10.5.0.1',
      });
    const evil = await verify('https://evil.example');
    expect(evil.json().code).toBe('origin_mismatch');
    expect((await verify(TEST_ORIGIN)).statusCode).toBe(201);

    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/citizens/password-resets',
      payload: { phone },
      remoteAddress: '10.5.0.2',
    });
    expect(reset.statusCode).toBe(202);
    const resetCode = codeIn((await lastMessageTo(t, phone))!.body);
    const confirm = (origin: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/citizens/password-resets/${reset.json().id}/verify`,
        headers: { origin },
        payload: { code: resetCode, newPassword: 'matkhau-moi-2026' },
        remoteAddress: '10.5.0.2',
      });
    expect((await confirm('https://evil.example')).json().code).toBe('origin_mismatch');
    expect((await confirm(TEST_ORIGIN)).statusCode).toBe(200);
  });
});
