// The workflow's notices, checked as SENT: the actions run through the HTTP API, the app's own
// outbox dispatch job runs with the adapters its configuration builds (SMTP_URL,
// SMS_GATEWAY_URL), and each message is read where it arrives — a real SMTP server and a real
// HTTP SMS gateway, both on loopback ports.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDossierInput,
  buildOneStopShop,
  STAFF_PASSWORD,
} from '../../../test/factories/dossiers.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { startSmtpServer } from '../notifications/notifications.test-support.js';

// Monday 23/11/2026 09:00 in Vietnam.
const START = new Date('2026-11-23T02:00:00Z');
const clock = new FixedClock(START);
const PHONE = '0912345678';
const EMAIL = 'anh.nguyen@example.vn';
const ASSIGNEE_EMAIL = 'chuyenvien.thu@example.vn';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let gateway: http.Server;
const sms: { to: string; text: string }[] = [];
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
/** A specialist of the shop with an e-mail address (the overdue notice goes to it). */
let handler: { username: string; headers: Record<string, string> };

beforeAll(async () => {
  smtp = await startSmtpServer();
  gateway = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      sms.push(JSON.parse(body));
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', () => r()));
  t = await createTestApp({
    clock,
    config: {
      smtpUrl: smtp.url,
      smtpFrom: '"UBND xã thử" <motcua@example.vn>',
      smsGatewayUrl: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`,
      publicUrl: 'https://dichvucong.example.vn',
    },
  });
  shop = await buildOneStopShop(t);
  const username = `cv.email.${Date.now() % 100000}`;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: t.admin.headers,
    payload: {
      username,
      password: STAFF_PASSWORD,
      fullName: 'Lê Văn Thẩm',
      email: ASSIGNEE_EMAIL,
      roles: [{ role: 'specialist', unitCode: shop.unit.code }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  handler = { username, headers: (await t.login(username, STAFF_PASSWORD)).headers };
});
afterAll(async () => {
  await t.close();
  await smtp.close();
  await new Promise((r) => gateway.close(r));
});

const act = async (id: string, body: Record<string, unknown>, headers: Record<string, string>) => {
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${id}/actions`,
    payload: body,
    headers,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

/** A new dossier whose applicant gave a phone and an e-mail, assigned to `handler`. */
async function assignedDossier() {
  const input = buildDossierInput(shop);
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: shop.desk.headers,
    payload: { ...input, applicant: { ...(input.applicant as object), email: EMAIL } },
  });
  expect(r.statusCode, r.body).toBe(201);
  const d = r.json() as { id: string; code: string; dueAt: string };
  await act(
    d.id,
    { action: 'assign', version: 1, assigneeUsername: handler.username },
    shop.desk.headers,
  );
  return d;
}

/** Runs the app's outbox dispatch job once; returns what arrived during it. */
async function dispatch() {
  const mails = smtp.received.length;
  const texts = sms.length;
  await t.ctx.jobs.enqueue(t.ctx.kysely, 'notifications.dispatch', {});
  await t.ctx.jobs.tick();
  return { mails: smtp.received.slice(mails), sms: sms.slice(texts) };
}

/** The one message of each channel about dossier `code` in a dispatch. */
function about(code: string, sent: Awaited<ReturnType<typeof dispatch>>) {
  const mails = sent.mails.filter((m) => m.subject.includes(code));
  const texts = sent.sms.filter((s) => s.text.includes(code));
  expect(mails, `e-mails about ${code}`).toHaveLength(1);
  expect(texts, `SMS about ${code}`).toHaveLength(1);
  return { mail: mails[0]!, text: texts[0]! };
}

const lookup = (code: string) => `https://dichvucong.example.vn/tra-cuu?ma=${code}`;

describe('notices the workflow sends', () => {
  it('completion request: the reason and the papers, by e-mail and SMS to the applicant', async () => {
    const d = await assignedDossier();
    await dispatch(); // the receipt notice goes first
    await act(
      d.id,
      {
        action: 'request_completion',
        version: 2,
        reason: 'Thiếu giấy tờ chứng minh nơi cư trú',
        items: ['Bản sao giấy xác nhận cư trú', 'Bản sao CCCD của mẹ'],
      },
      handler.headers,
    );
    const { mail, text } = about(d.code, await dispatch());
    expect(mail.envelopeTo).toEqual([EMAIL]);
    expect(mail.subject).toBe(`Hồ sơ ${d.code} cần bổ sung giấy tờ`);
    expect(mail.headers.from).toContain('UBND xã thử');
    expect(mail.text).toContain('Kính gửi Ông/Bà Nguyễn Thị Ánh,');
    expect(mail.text).toContain('Lý do: Thiếu giấy tờ chứng minh nơi cư trú');
    expect(mail.text).toContain('- Bản sao giấy xác nhận cư trú');
    expect(mail.text).toContain('- Bản sao CCCD của mẹ');
    expect(mail.text).toContain(lookup(d.code));
    expect(text.to).toBe(PHONE);
    expect(text.text).toContain(`Hồ sơ ${d.code} cần bổ sung`);
  });

  it('result ready: once the leader approves, by e-mail and SMS to the applicant', async () => {
    const d = await assignedDossier();
    await dispatch();
    await act(d.id, { action: 'finish', version: 2, resultSummary: 'Đã cấp' }, handler.headers);
    // Finished is not ready: nothing goes out before the approval.
    const before = await dispatch();
    expect(before.mails.filter((m) => m.subject.includes(d.code))).toEqual([]);
    expect(before.sms.filter((s) => s.text.includes(d.code))).toEqual([]);
    await act(d.id, { action: 'approve', version: 3 }, shop.leader.headers);
    const { mail, text } = about(d.code, await dispatch());
    expect(mail.envelopeTo).toEqual([EMAIL]);
    expect(mail.subject).toBe(`Đã có kết quả hồ sơ ${d.code}`);
    expect(mail.text).toContain('Mời Ông/Bà đến nhận kết quả tại');
    expect(mail.text).toContain(lookup(d.code));
    expect(text).toMatchObject({ to: PHONE });
    expect(text.text).toContain(`Hồ sơ ${d.code} đã có kết quả.`);
  });

  it('apology for lateness (form 04, extend): the new appointment and the reason', async () => {
    const d = await assignedDossier();
    await dispatch();
    const newDueAt = '2026-12-01T17:00:00+07:00';
    await act(
      d.id,
      { action: 'extend', version: 2, reason: 'Cần xác minh tại địa phương khác', newDueAt },
      shop.leader.headers,
    );
    const { mail, text } = about(d.code, await dispatch());
    expect(mail.envelopeTo).toEqual([EMAIL]);
    expect(mail.subject).toBe(`Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${d.code}`);
    expect(mail.text).toContain('Lý do: Cần xác minh tại địa phương khác');
    expect(mail.text).toContain('Ngày hẹn trả kết quả mới: 01/12/2026 17:00.');
    expect(text).toMatchObject({ to: PHONE });
    expect(text.text).toContain('Hẹn trả mới: 01/12/2026 17:00');
  });

  it('overdue: an e-mail to the assignee (not the applicant), once, after the sweep', async () => {
    const d = await assignedDossier();
    await dispatch();
    // Due Thursday 26/11 17:00; Friday morning it is overdue.
    clock.set(new Date('2026-11-27T02:00:00Z'));
    try {
      for (let i = 0; i < 2; i++) {
        await t.ctx.jobs.enqueue(t.ctx.kysely, 'dossier.sweep-deadlines', {});
        await t.ctx.jobs.tick();
        await t.ctx.jobs.tick();
      }
      const sent = await dispatch();
      const mails = sent.mails.filter((m) => m.subject.includes(d.code));
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.envelopeTo).toEqual([ASSIGNEE_EMAIL]);
      expect(mail.subject).toBe(`Hồ sơ ${d.code} đã quá hạn giải quyết`);
      expect(mail.text).toContain('đã quá hạn giải quyết từ 26/11/2026 17:00');
      expect(mail.text).toContain('Người đang xử lý: Lê Văn Thẩm.');
      expect(mail.text).toContain(`https://dichvucong.example.vn/ho-so/${d.id}`);
      // Nothing about it to the applicant, and a later sweep sends nothing again.
      expect(sent.sms.filter((s) => s.text.includes(d.code))).toEqual([]);
      await t.ctx.jobs.enqueue(t.ctx.kysely, 'dossier.sweep-deadlines', {});
      await t.ctx.jobs.tick();
      await t.ctx.jobs.tick();
      expect((await dispatch()).mails.filter((m) => m.subject.includes(d.code))).toEqual([]);
    } finally {
      clock.set(START);
    }
  });
});
