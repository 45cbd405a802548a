import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { IdentityService } from './identity.service.js';
import { SIGN_IN_THROTTLE, throttleClient, throttleDelayMs } from './identity.sign-in.js';

const clock = new FixedClock(new Date('2026-11-23T03:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const login = (username: string, password: string, client: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: client,
  });

/** What a caller can observe of an answer: status, Retry-After and the whole body. */
const seen = (r: Awaited<ReturnType<typeof login>>) => ({
  status: r.statusCode,
  retryAfter: r.headers['retry-after'] ?? null,
  body: r.json(),
});

async function createAccount(username: string, password: string, kind = 'staff') {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: t.admin.headers,
    payload: {
      username,
      password,
      fullName: 'Người Thử',
      kind,
      roles: kind === 'citizen' ? [{ role: 'citizen', unitCode: null }] : [],
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string };
}

const count = async (q: RawBuilder<{ n: number }>) => (await q.execute(t.db.kysely)).rows[0]!.n;

describe('the sign-in throttle rule', () => {
  it('waits 1 s from the 5th failure, doubling up to the 15-minute cap', () => {
    expect([1, 4, 5, 6, 7, 14, 15, 40].map(throttleDelayMs)).toEqual([
      0,
      0,
      1000,
      2000,
      4000,
      512_000,
      SIGN_IN_THROTTLE.maxDelayMs,
      SIGN_IN_THROTTLE.maxDelayMs,
    ]);
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped one as IPv4', () => {
    expect(throttleClient('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleClient('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(throttleClient('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleClient('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(throttleClient('10.1.2.3')).toBe('10.1.2.3');
    expect(throttleClient(null)).toBe('unknown');
  });
});

describe('sign-in throttle per account and client', () => {
  it('throttles and locks the admin from one client only; another client signs in at once', async () => {
    const X = '10.1.0.1';
    const Y = '10.1.0.2';
    const answers: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await login('admin', `sai-${i}`, X);
      answers.push(r.statusCode);
      expect(r.headers['content-type']).toContain('application/problem+json');
      if (r.statusCode === 423) break;
      if (r.statusCode === 429) {
        expect(r.json().code).toBe('login_throttled');
        expect(Number(r.headers['retry-after'])).toBe(r.json().retryAfterSeconds);
        clock.advance(Number(r.headers['retry-after']) * 1000);
      }
    }
    // 4 free failures, then 1 s, 2 s … 512 s (10 waits), then the cap: locked from X.
    expect(answers).toEqual([401, 401, 401, 401, ...Array(10).fill(429), 423]);
    // X is refused even with the right password (it is not even checked) …
    const fromX = await login('admin', ADMIN_PASSWORD, X);
    expect(fromX.statusCode).toBe(423);
    expect(fromX.json().code).toBe('account_locked');
    expect(Number(fromX.headers['retry-after'])).toBe(15 * 60);
    // … while the administrator, elsewhere, is not locked out at all.
    expect((await login('admin', ADMIN_PASSWORD, Y)).statusCode).toBe(200);
    const locked = await sql<{ entity_type: string; entity_id: string; after: { client: string } }>`
      select entity_type, entity_id, after from audit_log where action = 'user.locked'`.execute(
      t.db.kysely,
    );
    const admin = await sql<{ id: string; locked_until: Date | null }>`
      select id, locked_until from app_user where username = 'admin'`.execute(t.db.kysely);
    expect(locked.rows).toEqual([
      {
        entity_type: 'user',
        entity_id: admin.rows[0]!.id,
        after: expect.objectContaining({ client: X }),
      },
    ]);
    expect(admin.rows[0]!.locked_until).toBeNull();
    // After the lock, X may try again; a success clears the pair.
    clock.advance(15 * 60_000);
    expect((await login('admin', ADMIN_PASSWORD, X)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('admin', 'sai', X)).statusCode).toBe(401);
  });

  it('a success clears the pair: failures before it do not add up with those after', async () => {
    await createAccount('le.xoa', 'dung-mat-khau');
    const Z = '10.1.0.3';
    for (let i = 0; i < 4; i++) expect((await login('le.xoa', 'sai', Z)).statusCode).toBe(401);
    expect((await login('le.xoa', 'dung-mat-khau', Z)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('le.xoa', 'sai', Z)).statusCode).toBe(401);
    expect((await login('le.xoa', 'sai', Z)).statusCode).toBe(429);
  });

  it('answers an unknown username exactly like a known one, over the same attempts', async () => {
    await createAccount('pham.van.d', 'dung-mat-khau');
    await createAccount('0912345678', 'dung-mat-khau', 'citizen');
    for (const [known, unknown] of [
      ['pham.van.d', 'khong.co.ai'],
      ['+84 912 345 678', '0987 654 321'],
    ] as const) {
      const knownClient = `10.2.${known.length}.1`;
      const unknownClient = `10.2.${known.length}.2`;
      const a: unknown[] = [];
      const b: unknown[] = [];
      for (let i = 0; i < 15; i++) {
        const rk = await login(known, `sai-${i}`, knownClient);
        const ru = await login(unknown, `sai-${i}`, unknownClient);
        a.push(seen(rk));
        b.push(seen(ru));
        // Now and then try again at once (refused while the pair waits), then wait it out.
        if (i % 4 === 0) {
          a.push(seen(await login(known, 'sai-lai', knownClient)));
          b.push(seen(await login(unknown, 'sai-lai', unknownClient)));
        }
        clock.advance(Number(rk.headers['retry-after'] ?? 0) * 1000);
      }
      expect(b).toEqual(a);
      const statuses = a.map((x) => (x as { status: number }).status);
      expect(new Set(statuses)).toEqual(new Set([401, 429, 423]));
      clock.advance(SIGN_IN_THROTTLE.maxDelayMs);
    }
    // The locks of an unknown name are audited too (by its key), as often as the known one's.
    const audited = await sql<{ entity_type: string; n: number }>`
      select entity_type, count(*)::int as n from audit_log where action = 'user.locked'
        and (entity_type = 'username' or entity_id in (select id::text from app_user
          where username in ('pham.van.d', '0912345678')))
      group by entity_type order by entity_type`.execute(t.db.kysely);
    expect(audited.rows).toHaveLength(2);
    expect(audited.rows[0]!.n).toBeGreaterThan(0);
    expect(audited.rows[0]!.n).toBe(audited.rows[1]!.n);
    // The throttle keeps no username in clear.
    expect(
      await count(sql<{ n: number }>`select count(*)::int as n from login_throttle
        where username_key in ('khong.co.ai', '0987654321') or username_key !~ '^[0-9a-f]{64}$'`),
    ).toBe(0);
  });

  it("keeps an administrator's lock, told only to whoever knows the password", async () => {
    const u = await createAccount('vo.khoa', 'dung-mat-khau');
    await sql`update app_user set locked_until = ${new Date(clock.now().getTime() + 3_600_000)}
      where id = ${u.id}`.execute(t.db.kysely);
    const wrong = await login('vo.khoa', 'sai', '10.1.0.4');
    expect(seen(wrong)).toEqual(seen(await login('khong.ai.ca', 'sai', '10.1.0.5')));
    const right = await login('vo.khoa', 'dung-mat-khau', '10.1.0.4');
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('account_locked');
    expect(right.headers['retry-after']).toBe('3600');
  });

  it('a new password from the administrator ends every wait on the account', async () => {
    const u = await createAccount('ngo.doi', 'mat-khau-cu');
    for (let i = 0; i < 5; i++) await login('ngo.doi', 'sai', '10.1.0.6');
    expect((await login('ngo.doi', 'mat-khau-cu', '10.1.0.6')).statusCode).toBe(429);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      headers: t.admin.headers,
      payload: { password: 'mat-khau-moi' },
    });
    expect(patch.statusCode).toBe(200);
    expect((await login('ngo.doi', 'mat-khau-moi', '10.1.0.6')).statusCode).toBe(200);
  });

  it('forgets old pairs (scheduled purge)', async () => {
    await login('ai.do', 'sai', '10.1.0.7');
    const before = await count(sql<{ n: number }>`select count(*)::int as n from login_throttle`);
    clock.advance(SIGN_IN_THROTTLE.forgetMs + 1000);
    expect(await new IdentityService(t.db.kysely, clock).purgeForgottenThrottles()).toBe(before);
  });
});
