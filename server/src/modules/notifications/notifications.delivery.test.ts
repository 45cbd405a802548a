import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/connect.js';
import { JobRunner } from '../../platform/jobs/job-runner.js';
import {
  createAdaptersFromConfig,
  LoggingSmsAdapter,
  SmtpEmailAdapter,
} from './notifications.adapters.js';
import { notificationsJobs } from './notifications.jobs.js';
import { dispatchOutbox, enqueueNotification, retryDelayMs } from './notifications.service.js';
import {
  createOutboxTestDb,
  dueClock,
  smtpError,
  startSmtpServer,
} from './notifications.test-support.js';

// Delivery through a real SMTP server process (smtp-server on a loopback port).

let db: Db;
beforeAll(async () => {
  db = await createOutboxTestDb();
});
afterAll(() => db.close());
beforeEach(async () => {
  await sql`delete from notification_outbox`.execute(db.kysely);
});

const noSms = new LoggingSmsAdapter(() => {});
const received = (code: string, n = 0) => ({
  code,
  procedureName: 'Đăng ký khai sinh',
  applicantName: 'Nguyễn Thị Hoà',
  dueAt: new Date('2026-11-27T10:00:00Z'),
  lookupUrl: `https://dichvu.example.vn/tra-cuu?ma=${code}&n=${n}`,
});
const email = (code: string, to = 'hoa.nguyen@example.vn', n = 0) =>
  enqueueNotification(db.kysely, {
    channel: 'email',
    recipient: to,
    template: 'dossier.received',
    data: received(code, n),
  });
const row = async (id: number) =>
  (
    await sql<{
      status: string;
      attempts: number;
      last_error: string | null;
      next_attempt_at: Date;
      sent_at: Date | null;
    }>`select * from notification_outbox where id = ${id}`.execute(db.kysely)
  ).rows[0]!;

describe('e-mail through a real SMTP server', () => {
  it('the dispatch job sends a queued "received" e-mail with its Vietnamese subject', async () => {
    const smtp = await startSmtpServer({ auth: { user: 'cqs', pass: 'mật-khẩu' } });
    try {
      const { email: emailAdapter, sms } = createAdaptersFromConfig(
        { SMTP_URL: smtp.url, SMTP_FROM: '"UBND xã Mỹ Hoà" <motcua@myhoa.example.vn>' },
        () => {},
      );
      expect(emailAdapter).toBeInstanceOf(SmtpEmailAdapter);
      const id = (await email('H12.01-261123-0001'))!;
      const runner = new JobRunner(db.kysely, notificationsJobs({ email: emailAdapter, sms }));
      await runner.enqueue(db.kysely, 'notifications.dispatch', {});
      expect(await runner.tick()).toBe(1);

      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0]!;
      expect(mail.subject).toBe('Đã tiếp nhận hồ sơ H12.01-261123-0001');
      expect(mail.envelopeTo).toEqual(['hoa.nguyen@example.vn']);
      expect(mail.headers.to).toBe('hoa.nguyen@example.vn');
      expect(mail.headers.from).toContain('UBND xã Mỹ Hoà');
      expect(mail.text).toContain('Mã hồ sơ: H12.01-261123-0001');
      expect(mail.text).toContain('Ngày hẹn trả kết quả: 27/11/2026 17:00');
      expect(mail.text).toContain('Kính gửi Ông/Bà Nguyễn Thị Hoà,');
      const r = await row(id);
      expect(r.status).toBe('sent');
      expect(r.attempts).toBe(1);
      expect(r.sent_at).toBeInstanceOf(Date);
    } finally {
      await smtp.close();
    }
  });

  it('re-queues after a refused attempt with back-off, then delivers on the next run', async () => {
    const smtp = await startSmtpServer({
      onData: (n) => (n === 1 ? smtpError(451, 'Try again later') : undefined),
    });
    try {
      const adapters = { email: new SmtpEmailAdapter(smtp.url, 'a@b.vn'), sms: noSms };
      const id = (await email('H12.01-261123-0002'))!;
      const before = Date.now();
      const first = await dispatchOutbox(db.kysely, { ...adapters, clock: dueClock });
      expect(first).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
      let r = await row(id);
      expect(r.status).toBe('queued');
      expect(r.attempts).toBe(1);
      expect(r.last_error).toContain('451');
      expect(r.next_attempt_at.getTime()).toBeGreaterThanOrEqual(before + retryDelayMs(1));
      // Not due yet: a run now sends nothing.
      expect((await dispatchOutbox(db.kysely, { ...adapters, clock: dueClock })).sent).toBe(0);
      await sql`update notification_outbox set next_attempt_at = now() where id = ${id}`.execute(
        db.kysely,
      );
      expect((await dispatchOutbox(db.kysely, { ...adapters, clock: dueClock })).sent).toBe(1);
      r = await row(id);
      expect(r).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.dataCommands()).toBe(2);
    } finally {
      await smtp.close();
    }
  });

  it('backs off 60 s, 120 s, … and fails for good after max_attempts (6)', async () => {
    const smtp = await startSmtpServer({ onData: () => smtpError(452, 'Mailbox busy') });
    const clock = new FixedClock(new Date());
    try {
      const opts = { email: new SmtpEmailAdapter(smtp.url, 'a@b.vn'), sms: noSms, clock };
      const id = (await enqueueNotification(db.kysely, {
        channel: 'email',
        recipient: 'ban@example.vn',
        template: 'dossier.received',
        data: received('H12.01-261123-0003'),
        at: clock.now(),
      }))!;
      const delays: number[] = [];
      for (let attempt = 1; attempt <= 6; attempt++) {
        await dispatchOutbox(db.kysely, opts);
        const r = await row(id);
        expect(r.attempts).toBe(attempt);
        if (attempt < 6) {
          expect(r.status).toBe('queued');
          delays.push((r.next_attempt_at.getTime() - clock.now().getTime()) / 1000);
          clock.set(r.next_attempt_at);
        } else {
          expect(r.status).toBe('failed');
          expect(r.last_error).toContain('452');
        }
      }
      expect(delays).toEqual([60, 120, 240, 480, 960]);
      clock.advance(24 * 3600_000);
      expect(await dispatchOutbox(db.kysely, opts)).toMatchObject({ sent: 0, failed: 0 });
      expect(smtp.dataCommands()).toBe(6);
      expect(retryDelayMs(10)).toBe(3600_000);
    } finally {
      await smtp.close();
    }
  });

  it('fails at once when the server refuses the recipient, but retries a refused login', async () => {
    const smtp = await startSmtpServer({
      auth: { user: 'cqs', pass: 'dung' },
      onRcpt: (a) => (a.startsWith('khong-co') ? smtpError(550, 'No such user') : undefined),
    });
    try {
      const badRcpt = (await email('H12.01-261123-0004', 'khong-co@example.vn'))!;
      const good = new SmtpEmailAdapter(smtp.url, 'a@b.vn');
      await dispatchOutbox(db.kysely, { email: good, sms: noSms, clock: dueClock });
      expect(await row(badRcpt)).toMatchObject({ status: 'failed', attempts: 1 });
      expect((await row(badRcpt)).last_error).toContain('550');

      const wrongLogin = new SmtpEmailAdapter(smtp.url.replace(':dung@', ':sai@'), 'a@b.vn');
      const id = (await email('H12.01-261123-0005'))!;
      await dispatchOutbox(db.kysely, { email: wrongLogin, sms: noSms, clock: dueClock });
      expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1 });
      expect((await row(id)).last_error).toMatch(/535|auth/i);
    } finally {
      await smtp.close();
    }
  });

  it('two concurrent dispatch runs send each message exactly once', async () => {
    const smtp = await startSmtpServer({ delayMs: 15 });
    try {
      const n = 14;
      for (let i = 0; i < n; i++) await email(`H12.01-261123-1${i}`, `nguoi${i}@example.vn`, i);
      const opts = {
        email: new SmtpEmailAdapter(smtp.url, 'a@b.vn'),
        sms: noSms,
        clock: dueClock,
        batchSize: 2,
      };
      const [a, b] = await Promise.all([
        dispatchOutbox(db.kysely, opts),
        dispatchOutbox(db.kysely, opts),
      ]);
      expect(a.sent + b.sent).toBe(n);
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      const to = smtp.received.flatMap((m) => m.envelopeTo);
      expect(to).toHaveLength(n);
      expect(new Set(to).size).toBe(n);
      const left = await sql<{ n: number }>`select count(*)::int as n from notification_outbox
        where status <> 'sent'`.execute(db.kysely);
      expect(left.rows[0]!.n).toBe(0);
    } finally {
      await smtp.close();
    }
  });
});
