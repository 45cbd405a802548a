import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/connect.js';
import {
  type EmailMessage,
  LoggingEmailAdapter,
  LoggingSmsAdapter,
  type SmsMessage,
} from './notifications.adapters.js';
import { notificationsJobs } from './notifications.jobs.js';
import { notificationsRepository } from './notifications.repository.js';
import { dispatchOutbox, enqueueNotification, outboxStats } from './notifications.service.js';
import { createOutboxTestDb, dueClock } from './notifications.test-support.js';

// The outbox's guarantees: it commits with the caller, dedupes, routes SMS, and recovers
// rows abandoned mid-send.

let db: Db;
beforeAll(async () => {
  db = await createOutboxTestDb();
});
afterAll(() => db.close());
beforeEach(async () => {
  await sql`delete from notification_outbox`.execute(db.kysely);
});

const data = (code: string) => ({
  code,
  procedureName: 'Cấp bản sao trích lục hộ tịch',
  dueAt: '2026-11-27T17:00:00+07:00',
  lookupUrl: `https://dichvu.example.vn/tra-cuu?ma=${code}`,
});
const count = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from notification_outbox`.execute(db.kysely))
    .rows[0]!.n;
const rows = () =>
  sql<Record<string, unknown>>`select * from notification_outbox order by id`
    .execute(db.kysely)
    .then((r) => r.rows);

/** Adapters that remember what they were given. */
function recording() {
  const emails: EmailMessage[] = [];
  const sms: { msg: string; fields: Record<string, unknown> }[] = [];
  return {
    emails,
    sms,
    email: new LoggingEmailAdapter((_m, f) => void emails.push(f as unknown as EmailMessage)),
    smsAdapter: new LoggingSmsAdapter((msg, fields) => void sms.push({ msg, fields })),
  };
}

describe('enqueueNotification', () => {
  it('writes nothing when the caller’s transaction rolls back, and a row when it commits', async () => {
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await enqueueNotification(trx, {
          channel: 'email',
          recipient: 'a@example.vn',
          template: 'dossier.received',
          data: data('RB-1'),
        });
        throw new Error('hành động hồ sơ thất bại');
      }),
    ).rejects.toThrow('hành động hồ sơ thất bại');
    expect(await count()).toBe(0);
    await db.kysely.transaction().execute(async (trx) => {
      await enqueueNotification(trx, {
        channel: 'email',
        recipient: 'a@example.vn',
        template: 'dossier.received',
        data: data('RB-2'),
        related: { type: 'dossier', id: '42' },
      });
    });
    const [r] = await rows();
    expect(r).toMatchObject({ status: 'queued', attempts: 0, max_attempts: 6 });
    expect(r).toMatchObject({
      related_type: 'dossier',
      related_id: '42',
      template: 'dossier.received',
    });
    expect(r!.payload).toMatchObject({ code: 'RB-2' });
  });

  it('queues one message per dedupe key, even across transactions', async () => {
    const n = {
      channel: 'sms' as const,
      recipient: '0912345678',
      template: 'dossier.received' as const,
      data: data('DD-1'),
      dedupeKey: 'dossier:1:received:sms',
    };
    expect(await enqueueNotification(db.kysely, n)).toEqual(expect.any(Number));
    await db.kysely.transaction().execute(async (trx) => {
      expect(await enqueueNotification(trx, n)).toBeNull();
      expect(await enqueueNotification(trx, { ...n, dedupeKey: 'khac' })).toEqual(
        expect.any(Number),
      );
    });
    await enqueueNotification(db.kysely, { ...n, dedupeKey: undefined });
    await enqueueNotification(db.kysely, { ...n, dedupeKey: undefined });
    expect(await count()).toBe(4);
  });

  it('stores an undeliverable recipient as failed instead of failing the action', async () => {
    await enqueueNotification(db.kysely, {
      channel: 'sms',
      recipient: '12345',
      template: 'dossier.received',
      data: data('BAD-1'),
    });
    expect(
      await enqueueNotification(db.kysely, {
        channel: 'email',
        recipient: '  ',
        template: 'dossier.received',
        data: data('BAD-2'),
      }),
    ).toBeNull();
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'failed', last_error: 'invalid recipient' });
  });

  it('refuses incomplete template data (a caller bug) before writing', async () => {
    await expect(
      enqueueNotification(db.kysely, {
        channel: 'email',
        recipient: 'a@example.vn',
        template: 'dossier.received',
        data: { code: 'X' } as never,
      }),
    ).rejects.toThrow();
    expect(await count()).toBe(0);
  });
});

describe('dispatch', () => {
  it('hands an SMS, with the canonical number, to the logging SMS adapter', async () => {
    await enqueueNotification(db.kysely, {
      channel: 'sms',
      recipient: '+84 912 345 678',
      template: 'dossier.received',
      data: data('H12.01-261123-0009'),
    });
    const rec = recording();
    const [job] = notificationsJobs({ email: rec.email, sms: rec.smsAdapter });
    // A variable, not a literal: JobContext may gain fields without breaking this test.
    const ctx = { db: db.kysely, jobId: 0, attempt: 1, enqueue: async () => {} };
    await job!.handler({}, ctx);
    expect(rec.emails).toHaveLength(0);
    expect(rec.sms).toHaveLength(1);
    const { to, text } = rec.sms[0]!.fields as unknown as SmsMessage;
    expect(to).toBe('0912345678');
    expect(text).toContain('H12.01-261123-0009');
    expect(text).toContain('27/11/2026 17:00');
    expect(text.length).toBeLessThanOrEqual(160);
    expect(await outboxStats(db.kysely)).toEqual({ queued: 0, sending: 0, sent: 1, failed: 0 });
  });

  it('re-queues a row abandoned in "sending" for over 10 minutes, not a recent one', async () => {
    for (const code of ['OLD', 'NEW', 'LAST'])
      await enqueueNotification(db.kysely, {
        channel: 'email',
        recipient: `${code.toLowerCase()}@example.vn`,
        template: 'dossier.received',
        data: data(code),
      });
    await sql`update notification_outbox set status = 'sending', claimed_by = 'chet',
      claimed_at = now() - (case recipient when 'new@example.vn' then interval '5 minutes'
                                           else interval '11 minutes' end),
      attempts = case recipient when 'last@example.vn' then 6 else 1 end`.execute(db.kysely);
    const rec = recording();
    const report = await dispatchOutbox(db.kysely, {
      email: rec.email,
      sms: rec.smsAdapter,
      clock: dueClock,
    });
    expect(report).toMatchObject({ released: 2, sent: 1 });
    expect(rec.emails.map((e) => e.to)).toEqual(['old@example.vn']);
    const byTo = Object.fromEntries((await rows()).map((r) => [r.recipient, r]));
    expect(byTo['old@example.vn']).toMatchObject({ status: 'sent', attempts: 2 });
    expect(byTo['new@example.vn']).toMatchObject({ status: 'sending', claimed_by: 'chet' });
    expect(byTo['last@example.vn']).toMatchObject({ status: 'failed' });
    expect(await outboxStats(db.kysely)).toEqual({ queued: 0, sending: 1, sent: 1, failed: 1 });
  });

  it('claims at most the batch size, once; a run that lost its claim cannot record', async () => {
    for (const i of [1, 2, 3])
      await enqueueNotification(db.kysely, {
        channel: 'email',
        recipient: `a${i}@example.vn`,
        template: 'dossier.received',
        data: data(`TOKEN-${i}`),
      });
    const first = await notificationsRepository.claimDue(db.kysely, new Date(), 2, 'run-0');
    expect(first.map((r) => r.recipient)).toEqual(['a1@example.vn', 'a2@example.vn']);
    await sql`update notification_outbox set status = 'sent', sent_at = now()
      where recipient <> 'a3@example.vn'`.execute(db.kysely);
    const [claimed] = await notificationsRepository.claimDue(db.kysely, new Date(), 5, 'run-1');
    expect(claimed).toMatchObject({ attempts: 1, recipient: 'a3@example.vn' });
    expect(await notificationsRepository.claimDue(db.kysely, new Date(), 5, 'run-2')).toEqual([]);
    expect(
      await notificationsRepository.markSent(db.kysely, claimed!.id, 'run-2', new Date()),
    ).toBe(false);
    expect(
      await notificationsRepository.markSent(db.kysely, claimed!.id, 'run-1', new Date()),
    ).toBe(true);
  });
});
