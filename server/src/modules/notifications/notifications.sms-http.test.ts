import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/connect.js';
import {
  createAdaptersFromConfig,
  HttpSmsAdapter,
  LoggingEmailAdapter,
} from './notifications.adapters.js';
import { dispatchOutbox, enqueueNotification } from './notifications.service.js';
import { createOutboxTestDb, dueClock } from './notifications.test-support.js';

// SMS through a real HTTP gateway process (node:http on a loopback port) that answers as told.

let db: Db;
let server: http.Server;
let url: string;
let answer = 200;
const received: { auth: string | undefined; body: { to: string; text: string } }[] = [];

beforeAll(async () => {
  db = await createOutboxTestDb();
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(data) });
      res.statusCode = answer;
      res.end(answer === 200 ? '{"ok":true}' : '{"error":"no"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await db.close();
});
beforeEach(async () => {
  received.length = 0;
  answer = 200;
  await sql`delete from notification_outbox`.execute(db.kysely);
});

const queueSms = (code: string) =>
  enqueueNotification(db.kysely, {
    channel: 'sms',
    recipient: '0912345678',
    template: 'dossier.received',
    data: {
      code,
      procedureName: 'Đăng ký khai sinh',
      dueAt: new Date('2026-11-27T10:00:00Z'),
      lookupUrl: `https://dichvu.example.vn/tra-cuu?ma=${code}`,
    },
  });
const status = async () =>
  (
    await sql<{
      status: string;
      attempts: number;
    }>`select status, attempts from notification_outbox`.execute(db.kysely)
  ).rows[0]!;
const email = new LoggingEmailAdapter(() => {});

describe('SMS through an HTTP gateway (SMS_GATEWAY_URL)', () => {
  it('is chosen by the configuration and posts {to, text} with the bearer token', async () => {
    const { sms } = createAdaptersFromConfig(
      { SMS_GATEWAY_URL: url, SMS_GATEWAY_TOKEN: 'bi-mat' },
      () => {},
    );
    expect(sms).toBeInstanceOf(HttpSmsAdapter);
    await queueSms('H12.01-261123-0001');
    await dispatchOutbox(db.kysely, { email, sms, clock: dueClock });
    expect(received).toHaveLength(1);
    expect(received[0]!.auth).toBe('Bearer bi-mat');
    expect(received[0]!.body.to).toBe('0912345678');
    expect(received[0]!.body.text).toContain('H12.01-261123-0001');
    expect((await status()).status).toBe('sent');
  });

  it('retries what the gateway may accept later (503) and fails at once what it never will (400)', async () => {
    const sms = new HttpSmsAdapter(url);
    answer = 503;
    await queueSms('H12.01-261123-0002');
    await dispatchOutbox(db.kysely, { email, sms, clock: dueClock });
    expect(await status()).toMatchObject({ status: 'queued', attempts: 1 });
    await sql`delete from notification_outbox`.execute(db.kysely);
    answer = 400;
    await queueSms('H12.01-261123-0003');
    await dispatchOutbox(db.kysely, { email, sms, clock: dueClock });
    expect((await status()).status).toBe('failed');
  });
});
