import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, TEST_ORIGIN, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';

const clock = new FixedClock(new Date('2026-11-23T03:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('sign-in and sessions', () => {
  it('signs in, answers /auth/me, signs out', async () => {
    const res = await login('admin', ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cqs_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const headers = {
      cookie: `cqs_session=${cookie.value}`,
      'x-csrf-token': res.json().csrfToken,
      origin: TEST_ORIGIN,
    };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(me.json().user.roles).toEqual([{ role: 'admin', unitCode: null, unitName: null }]);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode,
    ).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
    expect(after.json().code).toBe('unauthenticated');
  });

  it('stores only a hash of the session token', async () => {
    const res = await login('admin', ADMIN_PASSWORD);
    const token = res.cookies.find((c) => c.name === 'cqs_session')!.value;
    const rows = await sql<{ id: string }>`select id from session`.execute(t.db.kysely);
    expect(rows.rows.some((r) => r.id === token)).toBe(false);
    expect(rows.rows.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const { cookie } = t.admin.headers;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: cookie! },
      payload: { username: 'khong.csrf', password: 'matkhau123', fullName: 'Không CSRF' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const n = await sql<{
      n: number;
    }>`select count(*)::int as n from app_user where username = 'khong.csrf'`.execute(t.db.kysely);
    expect(n.rows[0]!.n).toBe(0);
  });
});

describe('accounts', () => {
  it('creates an account (audited) and validates in Vietnamese', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: { username: 'a', password: 'short', fullName: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.username', 'body.password', 'body.fullName']),
    );
    expect(bad.json().detail).toContain('Mật khẩu cần ít nhất 8 ký tự');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: {
        username: 'le.thi.b',
        password: 'matkhau-dai',
        fullName: 'Lê Thị B',
        roles: [{ role: 'citizen', unitCode: null }],
      },
    });
    expect(ok.statusCode).toBe(201);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: { username: 'LE.THI.B', password: 'matkhau-dai', fullName: 'Trùng' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('username_taken');
    const audit = await sql<{ actor_name: string; after: { username: string } }>`
      select actor_name, after from audit_log where action = 'user.create' and entity_id = ${ok.json().id}`.execute(
      t.db.kysely,
    );
    expect(audit.rows[0]).toMatchObject({ actor_name: 'admin', after: { username: 'le.thi.b' } });
    const hash = await sql<{
      password_hash: string;
    }>`select password_hash from app_user where username = 'le.thi.b'`.execute(t.db.kysely);
    expect(hash.rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses non-admins and anonymous callers', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: {
        username: 'cong.dan',
        password: 'matkhau-dai',
        fullName: 'Công Dân',
        kind: 'citizen',
        roles: [{ role: 'citizen', unitCode: null }],
      },
    });
    const citizen = await t.login('cong.dan', 'matkhau-dai');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: citizen.headers,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });

  it('disabling an account ends its sessions', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=cong.dan',
      headers: t.admin.headers,
    });
    const id = list.json().items[0].id;
    const citizen = await t.login('cong.dan', 'matkhau-dai');
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: t.admin.headers,
      payload: { disabled: true },
    });
    expect(patch.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: citizen.headers }))
        .statusCode,
    ).toBe(401);
    expect((await login('cong.dan', 'matkhau-dai')).json().code).toBe('account_disabled');
  });
});
