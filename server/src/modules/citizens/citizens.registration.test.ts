import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { dispatchOutbox, LoggingSmsAdapter, SmtpEmailAdapter } from '../notifications/index.js';
import { startSmtpServer } from '../notifications/notifications.test-support.js';
import { VERIFICATION } from './citizens.codes.js';
import { api, codeIn, lastMessageTo, sessionOf } from './citizens.test-support.js';

const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
let t: TestApp;
let a: ReturnType<typeof api>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  a = api(t);
});
afterAll(() => t.close());

const register = (body: Record<string, unknown>) =>
  a.post('/citizens/registrations', {
    password: 'matkhau2026',
    fullName: 'Trần Văn Bình',
    acceptTerms: true,
    ...body,
  });
const verify = (id: string, code: string) =>
  a.post(`/citizens/registrations/${id}/verify`, { code });
const login = (username: string, password = 'matkhau2026') =>
  a.post('/auth/login', { username, password });
const count = async (table: string) =>
  (
    await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
      t.db.kysely,
    )
  ).rows[0]!.n;

describe('registration by phone', () => {
  it('queues a 6-digit code by SMS, stores only its hash, and the code creates the account and signs in', async () => {
    const res = await register({ phone: '0912 345 678' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.channel).toBe('sms');
    expect(new Date(body.expiresAt).getTime() - clock.now().getTime()).toBe(15 * 60_000);
    const msg = await lastMessageTo(t, '0912345678');
    expect(msg?.channel).toBe('sms');
    const code = codeIn(msg!.body);
    expect(JSON.stringify(msg!.payload)).not.toContain(code);
    const stored = (
      await sql<{ code_hash: string; password_hash: string }>`
        select code_hash, password_hash from citizen_registration where id = ${body.id}`.execute(
        t.db.kysely,
      )
    ).rows[0]!;
    expect(stored.code_hash).not.toContain(code);
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    // No account before the code comes back.
    expect((await login('0912345678')).statusCode).toBe(401);

    const v = await verify(body.id, code);
    expect(v.statusCode, v.body).toBe(201);
    const { user, csrfToken } = v.json();
    expect(user).toMatchObject({
      username: '0912345678',
      fullName: 'Trần Văn Bình',
      kind: 'citizen',
      email: null,
      roles: [{ role: 'citizen', unitCode: null }],
    });
    expect(csrfToken).toBeTruthy();
    const who = sessionOf(v);
    const me = await a.get('/auth/me', who);
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(user.id);
    // The profile starts with the verified contact.
    const profile = await a.get('/citizens/me/profile', who);
    expect(profile.json()).toMatchObject({ fullName: 'Trần Văn Bình', phone: '0912345678' });
    // The same code does not work twice: the registration is gone with its password hash.
    expect((await verify(body.id, code)).statusCode).toBe(404);
    expect(await count('citizen_registration')).toBe(0);
  });

  it('signs in with the phone however it is written', async () => {
    for (const form of [
      '0912345678',
      '0912 345 678',
      '+84912345678',
      '+84 912 345 678',
      '84912345678',
    ]) {
      const res = await login(form);
      expect(res.statusCode, `${form}: ${res.body}`).toBe(200);
      expect(res.json().user.username).toBe('0912345678');
    }
    expect((await login('0912 345 678', 'sai-mat-khau-1')).statusCode).toBe(401);
    // Staff logins are untouched.
    expect((await login('admin', 'mat-khau-quan-tri-thu')).statusCode).toBe(200);
  });

  it('refuses a phone that already has an account, with a clear 409 and nothing queued', async () => {
    const before = await count('notification_outbox');
    const res = await register({ phone: '+84912345678' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'contact_taken' });
    expect(res.json().detail).toContain('Số điện thoại này đã có tài khoản');
    expect(await count('notification_outbox')).toBe(before);
  });

  it('validates the request with Vietnamese messages and changes nothing', async () => {
    const before = await count('citizen_registration');
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: '12345' }, 'số điện thoại di động'],
      [{ email: 'khong-phai-email' }, 'e-mail'],
      [{ phone: '0987654321', email: 'a@example.vn' }, 'chỉ một trong hai'],
      [{}, 'chỉ một trong hai'],
      [{ phone: '0987654321', password: 'ngan1' }, 'ít nhất 8 ký tự'],
      [{ phone: '0987654321', password: 'chikhongcoso' }, 'gồm cả chữ và số'],
      [{ phone: '0987654321', acceptTerms: false }, 'điều khoản'],
      [{ phone: '0987654321', fullName: '  ' }, 'họ và tên'],
    ];
    for (const [body, text] of cases) {
      const res = await register(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.body.toLowerCase()).toContain(text.toLowerCase());
    }
    expect(await count('citizen_registration')).toBe(before);
  });
});

describe('the code', () => {
  it('a wrong code counts down the attempts; after 5 the registration needs a new code', async () => {
    const res = await register({ phone: '0901000001' });
    const id = res.json().id;
    const code = codeIn((await lastMessageTo(t, '0901000001'))!.body);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = VERIFICATION.maxAttempts - 1; left > 0; left--) {
      const r = await verify(id, wrong);
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'code_invalid', attemptsLeft: left });
    }
    expect((await verify(id, wrong)).json().code).toBe('too_many_attempts');
    // Even the right code is refused now.
    const r = await verify(id, code);
    expect(r.statusCode).toBe(429);
    expect(r.json().code).toBe('too_many_attempts');
    // A new code (a minute later) restores the attempts; the old code no longer works.
    expect((await a.post(`/citizens/registrations/${id}/resend`, {})).json().code).toBe(
      'resend_too_soon',
    );
    clock.advance(VERIFICATION.resendGapMs);
    const again = await a.post(`/citizens/registrations/${id}/resend`, {});
    expect(again.statusCode, again.body).toBe(200);
    const code2 = codeIn((await lastMessageTo(t, '0901000001'))!.body);
    if (code2 !== code) expect((await verify(id, code)).json().code).toBe('code_invalid');
    expect((await verify(id, code2)).statusCode).toBe(201);
  });

  it('expires after 15 minutes', async () => {
    const res = await register({ phone: '0901000002' });
    const code = codeIn((await lastMessageTo(t, '0901000002'))!.body);
    clock.advance(VERIFICATION.ttlMs);
    const r = await verify(res.json().id, code);
    expect(r.statusCode).toBe(410);
    expect(r.json().code).toBe('code_expired');
    expect((await login('0901000002')).statusCode).toBe(401);
  });

  it('a sign-up never verified is forgotten a day after it expired', async () => {
    const res = await register({ phone: '0901000005' });
    const exists = async () =>
      (
        await sql`select 1 from citizen_registration where id = ${res.json().id}`.execute(
          t.db.kysely,
        )
      ).rows.length === 1;
    clock.advance(VERIFICATION.ttlMs + VERIFICATION.keepExpiredMs - 60_000);
    await register({ phone: '0901000006' });
    expect(await exists()).toBe(true);
    clock.advance(120_000);
    await register({ phone: '0901000007' });
    expect(await exists()).toBe(false);
  });

  it('is resent at most 5 times', async () => {
    const res = await register({ phone: '0901000003' });
    for (let i = 0; i < VERIFICATION.maxResends; i++) {
      clock.advance(VERIFICATION.resendGapMs);
      expect((await a.post(`/citizens/registrations/${res.json().id}/resend`, {})).statusCode).toBe(
        200,
      );
    }
    clock.advance(VERIFICATION.resendGapMs);
    const r = await a.post(`/citizens/registrations/${res.json().id}/resend`, {});
    expect(r.statusCode).toBe(429);
    expect(r.json().code).toBe('resend_limit');
  });

  it('two pending sign-ups of one phone: the first verified wins, the other answers 404', async () => {
    const r1 = await register({ phone: '0901000004' });
    const c1 = codeIn((await lastMessageTo(t, '0901000004'))!.body);
    const r2 = await register({ phone: '0901000004' });
    const c2 = codeIn((await lastMessageTo(t, '0901000004'))!.body);
    expect((await verify(r2.json().id, c2)).statusCode).toBe(201);
    expect((await verify(r1.json().id, c1)).statusCode).toBe(404);
  });
});

describe('registration by e-mail', () => {
  it('the code arrives through a real SMTP server and opens the account', async () => {
    const smtp = await startSmtpServer();
    try {
      const res = await register({ email: ' Hoa.Nguyen@Example.VN ' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().channel).toBe('email');
      const report = await dispatchOutbox(t.db.kysely, {
        email: new SmtpEmailAdapter(smtp.url, 'Chính quyền số <no-reply@example.vn>'),
        sms: new LoggingSmsAdapter(() => {}),
        clock,
      });
      expect(report.failed).toBe(0);
      const mail = smtp.received.find((m) => m.envelopeTo.includes('hoa.nguyen@example.vn'));
      expect(mail?.subject).toContain('Mã xác nhận đăng ký tài khoản');
      expect(mail?.text).toContain('15 phút');
      const v = await verify(res.json().id, codeIn(mail!.text));
      expect(v.statusCode, v.body).toBe(201);
      expect(v.json().user).toMatchObject({
        username: 'hoa.nguyen@example.vn',
        email: 'hoa.nguyen@example.vn',
      });
      expect((await login('HOA.NGUYEN@example.vn')).statusCode).toBe(200);
      const dup = await register({ email: 'hoa.nguyen@example.vn' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().detail).toContain('e-mail này đã có tài khoản');
    } finally {
      await smtp.close();
    }
  });
});

describe('audit', () => {
  it('records the new account without the contact', async () => {
    const rows = (
      await sql<{
        after: unknown;
      }>`select after from audit_log where action = 'citizen.register'`.execute(t.db.kysely)
    ).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('0912345678');
  });
});

describe('OpenAPI', () => {
  it('documents the citizen endpoints', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/v1/citizens/registrations',
      '/api/v1/citizens/registrations/{id}/verify',
      '/api/v1/citizens/me/profile',
      '/api/v1/citizens/me/consents/{purpose}',
      '/api/v1/citizens/me/export',
      '/api/v1/citizens/me/deletion',
      '/api/v1/citizens/{userId}/profile',
    ])
      expect(paths).toContain(p);
  });
});
