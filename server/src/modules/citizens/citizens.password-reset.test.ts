import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { dispatchOutbox, LoggingSmsAdapter, SmtpEmailAdapter } from '../notifications/index.js';
import { startSmtpServer } from '../notifications/notifications.test-support.js';
import { codeHash } from './citizens.codes.js';
import { PASSWORD_RESET } from './citizens.password-reset.js';
import {
  api,
  codeIn,
  lastMessageTo,
  registerByPhone,
  sessionOf,
  type Who,
} from './citizens.test-support.js';

const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
let t: TestApp;
let a: ReturnType<typeof api>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  a = api(t);
});
afterAll(() => t.close());

const NEW = 'moi-matkhau-2027';
const ask = (body: Record<string, unknown>) => a.post('/citizens/password-resets', body);
const verify = (id: string, code: string, newPassword = NEW) =>
  a.post(`/citizens/password-resets/${id}/verify`, { code, newPassword });
const resend = (id: string) => a.post(`/citizens/password-resets/${id}/resend`, {});
const login = (username: string, password: string) => a.post('/auth/login', { username, password });
const signedIn = async (who: Who) => (await a.get('/auth/me', who)).statusCode === 200;
const outboxCount = async () =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from notification_outbox`.execute(t.db.kysely)
  ).rows[0]!.n;
/** The code of the newest reset message to `to` (the registration's message is another one). */
const resetCode = async (to: string) => {
  const msg = await lastMessageTo(t, to);
  expect(msg?.template).toBe('citizen.password-reset-code');
  return codeIn(msg!.body);
};
const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

describe('password reset by phone', () => {
  it('sends a code by SMS; the code sets the new password, ends every old session and signs in', async () => {
    const first = await registerByPhone(t, '0913000001');
    const second = sessionOf(await login('0913000001', 'matkhau2026'));
    expect(await signedIn(first)).toBe(true);

    const res = await ask({ phone: '+84 913 000 001' });
    expect(res.statusCode, res.body).toBe(202);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['channel', 'expiresAt', 'id']);
    expect(body.channel).toBe('sms');
    expect(new Date(body.expiresAt).getTime() - clock.now().getTime()).toBe(15 * 60_000);
    const msg = await lastMessageTo(t, '0913000001');
    expect(msg).toMatchObject({ channel: 'sms', template: 'citizen.password-reset-code' });
    expect(msg!.body).toContain('đặt lại mật khẩu');
    const code = codeIn(msg!.body);
    expect(JSON.stringify(msg!.payload)).not.toContain(code);
    const stored = (
      await sql<{ code_hash: string }>`
        select code_hash from citizen_password_reset where id = ${body.id}`.execute(t.db.kysely)
    ).rows[0]!;
    expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.code_hash).not.toContain(code);

    const v = await verify(body.id, code);
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json().user).toMatchObject({ id: first.userId, username: '0913000001' });
    expect(v.json().csrfToken).toBeTruthy();
    const fresh = sessionOf(v);
    expect(await signedIn(fresh)).toBe(true);
    // Whoever held the old password (or a session opened with it) is out.
    expect(await signedIn(first)).toBe(false);
    expect(await signedIn(second)).toBe(false);
    expect((await login('0913000001', 'matkhau2026')).statusCode).toBe(401);
    expect((await login('0913 000 001', NEW)).statusCode).toBe(200);
    const hash = (
      await sql<{ password_hash: string }>`
        select password_hash from app_user where id = ${first.userId}`.execute(t.db.kysely)
    ).rows[0]!.password_hash;
    expect(hash).toMatch(/^\$argon2id\$/);
    // The contact is told, so an owner who did not ask learns of it.
    const notice = await lastMessageTo(t, '0913000001');
    expect(notice).toMatchObject({ channel: 'sms', template: 'citizen.password-changed' });
    expect(notice!.body).toContain('vừa được đặt lại');
    expect(notice!.body).not.toMatch(/\d{6}/);
    // A code works once: the request is gone.
    expect((await verify(body.id, code, 'khac-matkhau-3')).statusCode).toBe(404);

    // The audit row says what happened, never the password, the code or the contact.
    const audit = (
      await sql<{ actor_id: string | null; after: unknown }>`
        select actor_id, after from audit_log where action = 'citizen.password.reset'
        and entity_id = ${first.userId}`.execute(t.db.kysely)
    ).rows;
    expect(audit).toHaveLength(1);
    const text = JSON.stringify(audit);
    for (const secret of [NEW, code, '0913000001', hash]) expect(text).not.toContain(secret);
  });

  it('the new password follows the registration rule; a refused one costs no attempt', async () => {
    await registerByPhone(t, '0913000002');
    const res = await ask({ phone: '0913000002' });
    const code = await resetCode('0913000002');
    for (const [pw, text] of [
      ['ngan1', 'ít nhất 8 ký tự'],
      ['chikhongcoso', 'gồm cả chữ và số'],
    ]) {
      const r = await verify(res.json().id, code, pw);
      expect(r.statusCode).toBe(400);
      expect(r.body).toContain(text);
    }
    const bad = await verify(res.json().id, '12ab');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('6 chữ số');
    const attempts = (
      await sql<{ attempts: number }>`
        select attempts from citizen_password_reset where id = ${res.json().id}`.execute(
        t.db.kysely,
      )
    ).rows[0]!.attempts;
    expect(attempts).toBe(0);
    expect((await verify(res.json().id, code)).statusCode).toBe(200);
  });

  it("clears the sign-in throttle's waits on the account", async () => {
    await registerByPhone(t, '0913000003');
    // One client (the api helper changes address on every call, so sign in by hand here).
    const fromPhone = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: '0913000003', password },
        remoteAddress: '10.9.250.1',
      });
    for (let i = 0; i < 5; i++) await fromPhone('sai-mat-khau-1');
    const waiting = await fromPhone('matkhau2026');
    expect(waiting.statusCode).toBe(429);
    const res = await ask({ phone: '0913000003' });
    expect((await verify(res.json().id, await resetCode('0913000003'))).statusCode).toBe(200);
    expect((await fromPhone(NEW)).statusCode).toBe(200);
  });
});

describe('password reset by e-mail', () => {
  it('the code arrives through a real SMTP server', async () => {
    const smtp = await startSmtpServer();
    try {
      const reg = await a.post('/citizens/registrations', {
        email: 'lan.tran@example.vn',
        password: 'matkhau2026',
        fullName: 'Trần Thị Lan',
        acceptTerms: true,
      });
      const regCode = codeIn((await lastMessageTo(t, 'lan.tran@example.vn'))!.body);
      const old = sessionOf(
        await a.post(`/citizens/registrations/${reg.json().id}/verify`, { code: regCode }),
      );

      const res = await ask({ email: ' Lan.Tran@Example.VN ' });
      expect(res.statusCode, res.body).toBe(202);
      expect(res.json().channel).toBe('email');
      const report = await dispatchOutbox(t.db.kysely, {
        email: new SmtpEmailAdapter(smtp.url, 'Chính quyền số <no-reply@example.vn>'),
        sms: new LoggingSmsAdapter(() => {}),
        clock,
      });
      expect(report.failed).toBe(0);
      const mail = smtp.received.find(
        (m) =>
          m.envelopeTo.includes('lan.tran@example.vn') && m.subject.includes('đặt lại mật khẩu'),
      );
      expect(mail?.subject).toContain('Mã đặt lại mật khẩu');
      expect(mail?.text).toContain('15 phút');
      expect(mail?.text).toContain('mật khẩu của bạn không thay đổi');
      const v = await verify(res.json().id, codeIn(mail!.text));
      expect(v.statusCode, v.body).toBe(200);
      expect(v.json().user.username).toBe('lan.tran@example.vn');
      expect(await signedIn(old)).toBe(false);
      expect((await login('LAN.TRAN@example.vn', NEW)).statusCode).toBe(200);
      expect((await login('lan.tran@example.vn', 'matkhau2026')).statusCode).toBe(401);
    } finally {
      await smtp.close();
    }
  });
});

describe('nobody learns who has an account', () => {
  it('an unknown contact gets the same answer, nothing is sent, and its request never verifies', async () => {
    const before = await outboxCount();
    const res = await ask({ phone: '0913999999' });
    expect(res.statusCode, res.body).toBe(202);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['channel', 'expiresAt', 'id']);
    expect(body).toMatchObject({ channel: 'sms' });
    expect(new Date(body.expiresAt).getTime() - clock.now().getTime()).toBe(15 * 60_000);
    const mail = await ask({ email: 'chua-co@example.vn' });
    expect(mail.statusCode).toBe(202);
    expect(mail.json().channel).toBe('email');
    expect(await outboxCount()).toBe(before);

    // Its code answers like a real one: wrong with attempts left, then too many.
    for (let left = PASSWORD_RESET.maxAttempts - 1; left > 0; left--) {
      const r = await verify(body.id, '123456');
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'code_invalid', attemptsLeft: left });
    }
    expect((await verify(body.id, '123456')).json().code).toBe('too_many_attempts');
    expect((await resend(body.id)).json().code).toBe('resend_too_soon');
    clock.advance(PASSWORD_RESET.resendGapMs);
    const again = await resend(body.id);
    expect(again.statusCode, again.body).toBe(200);
    expect(await outboxCount()).toBe(before);
    // Even its own code (which nobody was sent; set here to one we know) does not verify.
    await sql`update citizen_password_reset set code_hash = ${codeHash(body.id, '654321').toString('hex')}
      where id = ${body.id}`.execute(t.db.kysely);
    const r = await verify(body.id, '654321');
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('code_invalid');
  });

  it('a staff account is not reset this way (its administrator does it)', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: {
        username: '0913777777',
        password: 'mat-khau-can-bo-1',
        fullName: 'Cán bộ Một Cửa',
        kind: 'staff',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const before = await outboxCount();
    const res = await ask({ phone: '0913777777' });
    expect(res.statusCode).toBe(202);
    expect(await outboxCount()).toBe(before);
    const row = (
      await sql<{ user_id: string | null }>`
        select user_id from citizen_password_reset where id = ${res.json().id}`.execute(t.db.kysely)
    ).rows[0]!;
    expect(row.user_id).toBeNull();
    expect((await login('0913777777', 'mat-khau-can-bo-1')).statusCode).toBe(200);
  });

  it('a contact may ask 5 times an hour, account or not', async () => {
    await registerByPhone(t, '0913000004');
    for (const phone of ['0913000004', '0913888888']) {
      for (let i = 0; i < PASSWORD_RESET.perContactMax; i++)
        expect((await ask({ phone })).statusCode).toBe(202);
      const r = await ask({ phone });
      expect(r.statusCode).toBe(429);
      expect(r.json()).toMatchObject({ code: 'reset_limit' });
    }
    clock.advance(PASSWORD_RESET.perContactWindowMs);
    expect((await ask({ phone: '0913000004' })).statusCode).toBe(202);
  });

  it('a client may ask 5 times a minute', async () => {
    const from = (payload: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/citizens/password-resets',
        payload: payload as never,
        remoteAddress: '10.77.0.1',
      });
    for (let i = 0; i < 5; i++)
      expect((await from({ phone: `091355500${i}` })).statusCode).toBe(202);
    expect((await from({ phone: '0913555009' })).statusCode).toBe(429);
  });

  it('validates the contact with Vietnamese messages and stores nothing', async () => {
    const count = async () =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from citizen_password_reset`.execute(t.db.kysely)
      ).rows[0]!.n;
    const before = await count();
    for (const [body, text] of [
      [{ phone: '12345' }, 'số điện thoại di động'],
      [{ email: 'khong-phai-email' }, 'e-mail'],
      [{}, 'chỉ một trong hai'],
      [{ phone: '0913000001', email: 'a@example.vn' }, 'chỉ một trong hai'],
    ] as const) {
      const r = await ask(body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.body).toContain(text);
    }
    expect(await count()).toBe(before);
    expect((await verify('00000000-0000-4000-8000-000000000000', '123456')).json().code).toBe(
      'password_reset_not_found',
    );
  });
});

describe('the code', () => {
  it('a wrong code counts down; after 5 even the right one is refused until a new code', async () => {
    await registerByPhone(t, '0913000005');
    const res = await ask({ phone: '0913000005' });
    const id = res.json().id;
    const code = await resetCode('0913000005');
    for (let left = PASSWORD_RESET.maxAttempts - 1; left > 0; left--) {
      const r = await verify(id, wrongFor(code));
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'code_invalid', attemptsLeft: left });
      expect(r.json().detail).toContain(`còn ${left} lần thử`);
    }
    expect((await verify(id, wrongFor(code))).statusCode).toBe(429);
    const r = await verify(id, code);
    expect(r.statusCode).toBe(429);
    expect(r.json().code).toBe('too_many_attempts');
    expect((await login('0913000005', 'matkhau2026')).statusCode).toBe(200);
    clock.advance(PASSWORD_RESET.resendGapMs);
    expect((await resend(id)).statusCode).toBe(200);
    const code2 = await resetCode('0913000005');
    if (code2 !== code) expect((await verify(id, code)).json().code).toBe('code_invalid');
    expect((await verify(id, code2)).statusCode).toBe(200);
  });

  it('expires after 15 minutes and the password stays as it was', async () => {
    await registerByPhone(t, '0913000006');
    const res = await ask({ phone: '0913000006' });
    const code = await resetCode('0913000006');
    clock.advance(PASSWORD_RESET.ttlMs);
    const r = await verify(res.json().id, code);
    expect(r.statusCode).toBe(410);
    expect(r.json().code).toBe('code_expired');
    expect((await login('0913000006', 'matkhau2026')).statusCode).toBe(200);
    expect((await login('0913000006', NEW)).statusCode).toBe(401);
  });

  it('is resent at most 5 times', async () => {
    await registerByPhone(t, '0913000007');
    const id = (await ask({ phone: '0913000007' })).json().id;
    for (let i = 0; i < PASSWORD_RESET.maxResends; i++) {
      clock.advance(PASSWORD_RESET.resendGapMs);
      expect((await resend(id)).statusCode).toBe(200);
    }
    clock.advance(PASSWORD_RESET.resendGapMs);
    const r = await resend(id);
    expect(r.statusCode).toBe(429);
    expect(r.json().code).toBe('resend_limit');
  });

  it('a deleted account cannot be reopened by a code sent before', async () => {
    const who = await registerByPhone(t, '0913000008');
    const res = await ask({ phone: '0913000008' });
    const code = await resetCode('0913000008');
    const del = await a.post('/citizens/me/deletion', { password: 'matkhau2026' }, who);
    expect(del.statusCode, del.body).toBe(200);
    expect((await verify(res.json().id, code)).statusCode).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('documents the password-reset endpoints', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/v1/citizens/password-resets',
      '/api/v1/citizens/password-resets/{id}/resend',
      '/api/v1/citizens/password-resets/{id}/verify',
    ])
      expect(paths).toContain(p);
  });
});
