import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDossierInput,
  buildOneStopShop,
  STAFF_PASSWORD,
} from '../../../test/factories/dossiers.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';

// Asking the petitioner for more information (regulations.md §5, "within 5 working days").
// Thursday 4 February 2027, 10:00 in Vietnam: the last working day before Tết (5–11 Feb off).
const T0 = new Date('2027-02-04T03:00:00Z');
const clock = new FixedClock(T0);
const PHONE = '0912345678';
const CCCD = '089301001234';
const QUESTION = 'Ông/Bà nộp hồ sơ tại quầy số mấy và vào buổi nào?';
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;

beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await buildOneStopShop(t);
});
afterAll(() => t.close());

let ip = 0;
const from = () => `10.8.${Math.floor(++ip / 250)}.${ip % 250}`;
const pub = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({
    method,
    url: `/api/v1/public/dossiers/${url}`,
    payload,
    remoteAddress: from(),
  });
// The clock jumps days ahead here, past a session's life: sign in again when it ran out.
let headers: Record<string, string> | undefined;
async function staff(method: 'GET' | 'POST', url: string, payload?: object) {
  headers ??= shop.desk.headers;
  const go = () => t.app.inject({ method, url: `/api/v1/${url}`, headers, payload });
  const r = await go();
  if (r.statusCode !== 401) return r;
  headers = (await t.login(shop.desk.username, STAFF_PASSWORD)).headers;
  return go();
}

async function petition(proof: object, email?: string) {
  clock.set(T0);
  const r = await staff('POST', 'dossiers', buildDossierInput(shop));
  expect(r.statusCode, r.body).toBe(201);
  const d = r.json() as { id: string; code: string };
  const p = await pub('POST', `${d.code}/petitions`, {
    ...proof,
    content: 'Đề nghị cho biết vì sao hồ sơ chưa được giải quyết.',
    contact: email ? { email } : undefined,
  });
  expect(p.statusCode, p.body).toBe(201);
  return { code: d.code, id: p.json().id as string };
}

const detail = async (id: string) => {
  const r = await staff('GET', `dossier-petitions/${id}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const ask = async (id: string, reason = QUESTION) =>
  staff('POST', `dossier-petitions/${id}/actions`, {
    action: 'request_info',
    version: (await detail(id)).version,
    reason,
  });
const n = async (q: ReturnType<typeof sql<{ n: number }>>) =>
  (await q.execute(t.db.kysely)).rows[0]!.n;

describe('asking the petitioner for more information', () => {
  it('opens until receipt + 5 working days across Tết, and not a minute later', async () => {
    const p = await petition({ phone: PHONE });
    const d = await detail(p.id);
    // 5 working days: Fri 12 Feb, Mon 15 – Thu 18 Feb (5–11 Feb are Tết) → 17:00 on 18 Feb.
    expect(d.infoDueAt).toBe('2027-02-18T10:00:00.000Z');
    expect(d.allowedActions).toContain('request_info');
    expect(d.infoRequest).toBeNull();
    clock.set(new Date('2027-02-18T10:01:00Z'));
    const late = await ask(p.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('info_window_passed');
    expect(late.headers['content-type']).toContain('application/problem+json');
    expect((await detail(p.id)).allowedActions).not.toContain('request_info');
    clock.set(new Date('2027-02-18T10:00:00Z'));
    const last = await ask(p.id);
    expect(last.statusCode, last.body).toBe(200);
  });

  it('queues the question to the petitioner, one at a time, and the petitioner answers', async () => {
    const p = await petition({ phone: '+84 912 345 678' }, 'chi.tran@example.vn');
    const asked = await ask(p.id);
    expect(asked.statusCode, asked.body).toBe(200);
    const body = asked.json();
    expect(body.status).toBe('received'); // asking changes no status, no deadline
    expect(body.infoRequest).toMatchObject({ question: QUESTION, answer: null, answeredAt: null });
    expect(body.allowedActions).not.toContain('request_info');
    expect(body.events.at(-1)).toMatchObject({ action: 'request_info', reason: QUESTION });

    const rows = (
      await sql<{ channel: string; recipient: string; body: string; template: string }>`
        select channel, recipient, body, template from notification_outbox
        where related_id = ${p.id} and template = 'feedback.petition_info_requested'
        order by channel`.execute(t.db.kysely)
    ).rows;
    expect(rows.map((r) => [r.channel, r.recipient])).toEqual([
      ['email', 'chi.tran@example.vn'],
      ['sms', PHONE],
    ]);
    expect(rows[0]!.body).toContain(QUESTION);
    expect(rows[1]!.body.length).toBeLessThanOrEqual(160);

    const again = await ask(p.id, 'Câu hỏi thứ hai');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('info_already_requested');

    // The proof holder reads the question and answers it.
    const mine = (await pub('GET', `${p.code}/petitions?citizenId=${CCCD}`)).json();
    expect(mine.items[0].infoRequest).toMatchObject({ question: QUESTION, answer: null });
    const ans = await pub('POST', `${p.code}/petitions/${p.id}/info`, {
      phone: PHONE,
      answer: 'Quầy số 2, sáng thứ Năm.',
    });
    expect(ans.statusCode, ans.body).toBe(200);
    expect(ans.json().infoRequest).toMatchObject({ answer: 'Quầy số 2, sáng thứ Năm.' });
    const twice = await pub('POST', `${p.code}/petitions/${p.id}/info`, {
      phone: PHONE,
      answer: 'Lần nữa',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('no_info_requested');

    const seen = await detail(p.id);
    expect(seen.infoRequest).toMatchObject({
      question: QUESTION,
      answer: 'Quầy số 2, sáng thứ Năm.',
    });
    expect(seen.events.at(-1)).toMatchObject({
      action: 'provide_info',
      actorName: 'Người nộp hồ sơ',
      reason: 'Quầy số 2, sáng thứ Năm.',
    });
    expect(
      await n(sql`select count(*)::int as n from audit_log where entity_id = ${p.id}
        and action in ('dossier_petition.request_info', 'dossier_petition.provide_info')`),
    ).toBe(2);
    // Once answered, a next question may be asked, with a notice of its own.
    clock.set(new Date('2027-02-12T03:00:00Z'));
    const next = await ask(p.id, 'Câu hỏi thứ hai');
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().infoRequest).toMatchObject({ question: 'Câu hỏi thứ hai', answer: null });
    expect(
      await n(sql`select count(*)::int as n from notification_outbox where related_id = ${p.id}
        and template = 'feedback.petition_info_requested'`),
    ).toBe(4);
  });

  it('is refused when the petitioner cannot be reached, or the petition is closed', async () => {
    const p = await petition({ citizenId: CCCD });
    expect((await detail(p.id)).allowedActions).not.toContain('request_info');
    const r = await ask(p.id);
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('applicant_unreachable');

    const withMail = await petition({ citizenId: CCCD }, 'mai.le@example.vn');
    expect((await ask(withMail.id)).statusCode).toBe(200);

    const closed = await petition({ phone: PHONE });
    const v = (await detail(closed.id)).version;
    const rej = await staff('POST', `dossier-petitions/${closed.id}/actions`, {
      action: 'reject',
      version: v,
      reason: 'Không thuộc thẩm quyền.',
    });
    expect(rej.statusCode).toBe(200);
    const late = await ask(closed.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('action_not_allowed');

    const stale = await staff('POST', `dossier-petitions/${withMail.id}/actions`, {
      action: 'request_info',
      version: 1,
      reason: QUESTION,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const empty = await staff('POST', `dossier-petitions/${p.id}/actions`, {
      action: 'request_info',
      version: (await detail(p.id)).version,
      reason: '  ',
    });
    expect(empty.statusCode).toBe(400);
  });

  it('answers only with the proof, only the open question, and never leaks the words', async () => {
    const p = await petition({ phone: PHONE });
    const none = await pub('POST', `${p.code}/petitions/${p.id}/info`, {
      phone: PHONE,
      answer: 'Chưa ai hỏi',
    });
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('no_info_requested');
    expect((await ask(p.id)).statusCode).toBe(200);

    const wrong = await pub('POST', `${p.code}/petitions/${p.id}/info`, {
      phone: '0987654321',
      answer: 'Tôi không phải người nộp',
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('dossier_not_found');
    const other = await petition({ phone: PHONE });
    const cross = await pub('POST', `${other.code}/petitions/${p.id}/info`, {
      phone: PHONE,
      answer: 'Sai hồ sơ',
    });
    expect(cross.statusCode).toBe(404);
    expect(cross.json().code).toBe('petition_not_found');
    for (const bad of [
      { phone: PHONE, answer: '' },
      { phone: PHONE, answer: 'x'.repeat(2001) },
      { answer: 'Không có bằng chứng' },
    ])
      expect((await pub('POST', `${p.code}/petitions/${p.id}/info`, bad)).statusCode).toBe(400);
    const notUuid = await pub('POST', `${p.code}/petitions/abc/info`, {
      phone: PHONE,
      answer: 'a',
    });
    expect(notUuid.statusCode).toBe(400);

    expect((await pub('GET', `${p.code}/petitions?phone=0987654321`)).statusCode).toBe(404);
    const publicView = await pub('GET', p.code);
    expect(publicView.body).not.toContain(QUESTION);
    const withProof = await pub('GET', `${p.code}?phone=${PHONE}`);
    expect(withProof.statusCode, withProof.body).toBe(200);
    expect(withProof.body).not.toContain(QUESTION);
    expect(
      await n(sql`select count(*)::int as n from dossier_petition_event
        where petition_id = ${p.id} and action = 'provide_info'`),
    ).toBe(0);
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toContain('/api/v1/public/dossiers/{code}/petitions/{id}/info');
  });
});
