import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDossierInput,
  buildOneStopShop,
  STAFF_PASSWORD,
} from '../../../test/factories/dossiers.js';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { scanFacts } from '../../platform/facts/index.js';

// Thursday 4 February 2027, 10:00 in Vietnam: the last working day before Tết (5–11 Feb off,
// the weekend inside the block compensated on 10 and 11 Feb; shared/src/calendar tests).
const clock = new FixedClock(new Date('2027-02-04T03:00:00Z'));
const PHONE = '0912345678'; // the factory's applicant phone, canonical
const CCCD = '089301001234';
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
let other: Awaited<ReturnType<typeof buildOneStopShop>>;

beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await buildOneStopShop(t);
  other = await buildOneStopShop(t);
});
afterAll(() => t.close());

// Public calls are rate limited per client address: each call here comes from its own one.
let ip = 0;
const from = () => `10.9.${Math.floor(++ip / 250)}.${ip % 250}`;
const pub = (method: 'GET' | 'POST', url: string, payload?: object, remoteAddress = from()) =>
  t.app.inject({ method, url: `/api/v1/public/dossiers/${url}`, payload, remoteAddress });
const staff = (method: 'GET' | 'POST', url: string, h: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/${url}`, headers: h, payload });

async function receive(s = shop): Promise<{ id: string; code: string }> {
  const r = await staff('POST', 'dossiers', s.desk.headers, buildDossierInput(s));
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

/** Takes a dossier to `returned` through the staff API, as the lifecycle test does. */
async function toReturned(id: string, s = shop) {
  const act = async (h: Record<string, string>, body: object) => {
    const cur = (await staff('GET', `dossiers/${id}`, h)).json();
    const r = await staff('POST', `dossiers/${id}/actions`, h, { ...body, version: cur.version });
    expect(r.statusCode, r.body).toBe(200);
  };
  await act(s.desk.headers, { action: 'assign', assigneeUsername: s.specialist.username });
  await act(s.specialist.headers, { action: 'finish', resultSummary: 'Đã cấp giấy' });
  await act(s.leader.headers, { action: 'approve' });
  // The fee is left unpaid here: the desk states why (dossiers.unpaid-return.test.ts).
  await act(s.desk.headers, {
    action: 'return_result',
    method: 'direct',
    reason: 'Miễn lệ phí theo quy định',
  });
}

const count = async (q: ReturnType<typeof sql<{ n: number }>>) =>
  (await q.execute(t.db.kysely)).rows[0]!.n;

describe('rating', () => {
  it('is refused before the result (409), with a wrong proof (404) and a bad score (400)', async () => {
    const d = await receive();
    const early = await pub('POST', `${d.code}/rating`, { phone: PHONE, score: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('rating_not_open');
    const state = await pub('GET', `${d.code}/rating?phone=${PHONE}`);
    expect(state.json()).toEqual({ code: d.code, open: false, rating: null });

    await toReturned(d.id);
    const wrong = await pub('POST', `${d.code}/rating`, { phone: '0987654321', score: 5 });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('dossier_not_found');
    expect((await pub('GET', `${d.code}/rating?citizenId=089301009999`)).statusCode).toBe(404);
    for (const score of [0, 6, 3.5, '5']) {
      const bad = await pub('POST', `${d.code}/rating`, { phone: PHONE, score });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    }
    const long = await pub('POST', `${d.code}/rating`, {
      phone: PHONE,
      score: 4,
      comment: 'x'.repeat(1001),
    });
    expect(long.statusCode).toBe(400);
    const noProof = await pub('POST', `${d.code}/rating`, { score: 4 });
    expect(noProof.statusCode).toBe(400);
    expect(noProof.json().detail).toContain('số điện thoại');
    expect(
      await count(
        sql`select count(*)::int as n from dossier_rating where dossier_code = ${d.code}`,
      ),
    ).toBe(0);
  });

  it('is taken once after the result (by phone or CCCD), stored with unit and procedure', async () => {
    const d = await receive();
    await toReturned(d.id);
    expect((await pub('GET', `${d.code}/rating?phone=${PHONE}`)).json().open).toBe(true);
    const ok = await pub('POST', `${d.code}/rating`, {
      citizenId: CCCD,
      score: 4,
      comment: 'Cán bộ hướng dẫn tận tình.',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      code: d.code,
      open: false,
      rating: { score: 4, comment: 'Cán bộ hướng dẫn tận tình.' },
    });
    const twice = await pub('POST', `${d.code}/rating`, { phone: PHONE, score: 1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_rated');
    const got = (await pub('GET', `${d.code}/rating?phone=${PHONE}`)).json();
    expect(got).toMatchObject({ open: false, rating: { score: 4 } });
    const row = (
      await sql<{
        unit_code: string;
        procedure_id: string;
        score: number;
      }>`select unit_code, procedure_id, score from dossier_rating where dossier_code = ${d.code}`.execute(
        t.db.kysely,
      )
    ).rows;
    expect(row).toEqual([{ unit_code: shop.unit.code, procedure_id: shop.procedure.id, score: 4 }]);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where action = 'dossier_rating.create'
          and after->>'dossierCode' = ${d.code}`,
      ),
    ).toBe(1);
  });

  it('is rate limited per client', async () => {
    const d = await receive();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push(
        (await pub('GET', `${d.code}/rating?phone=${PHONE}`, undefined, '10.1.1.1')).statusCode,
      );
    expect(codes.slice(0, 10).every((c) => c === 200)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});

describe('petitions', () => {
  let petition: { id: string; number: string; dueAt: string; ackDueAt: string };
  let dossier: { id: string; code: string };

  it('are accepted at any status, routed to the unit, with deadlines across Tết 2027', async () => {
    dossier = await receive();
    const res = await pub('POST', `${dossier.code}/petitions`, {
      phone: '+84 912 345 678',
      content: 'Đề nghị cho biết vì sao hồ sơ chưa được giải quyết.',
      contact: { email: 'anh.nguyen@example.vn' },
    });
    expect(res.statusCode, res.body).toBe(201);
    petition = res.json();
    expect(petition.number).toBe('KN-270204-0001');
    // 2 working days: Fri 12 Feb, Mon 15 Feb → 17:00 on Monday 15 Feb (5–11 Feb are Tết).
    expect(petition.ackDueAt).toBe('2027-02-15T10:00:00.000Z');
    // 15 working days: 12 Feb, 15–19, 22–26 Feb, 1–4 Mar → 17:00 on Thursday 4 March.
    expect(petition.dueAt).toBe('2027-03-04T10:00:00.000Z');
    const second = await pub('POST', `${dossier.code}/petitions`, {
      citizenId: CCCD,
      content: 'Kiến nghị thứ hai.',
    });
    expect(second.json().number).toBe('KN-270204-0002');

    // The acknowledgement went to the outbox: SMS to the proof phone and an e-mail.
    const rows = (
      await sql<{ channel: string; recipient: string; body: string; template: string }>`
        select channel, recipient, body, template from notification_outbox
        where related_type = 'dossier_petition' and related_id = ${petition.id}
        order by channel`.execute(t.db.kysely)
    ).rows;
    expect(rows.map((r) => [r.channel, r.recipient, r.template])).toEqual([
      ['email', 'anh.nguyen@example.vn', 'feedback.petition_received'],
      ['sms', PHONE, 'feedback.petition_received'],
    ]);
    expect(rows[1]!.body).toContain(petition.number);
    expect(rows[1]!.body.length).toBeLessThanOrEqual(160);
    expect(rows[0]!.body).toContain('04/03/2027 17:00');
    // The one sent by CCCD has no phone to answer to and left no e-mail: nothing queued.
    expect(
      await count(
        sql`select count(*)::int as n from notification_outbox where related_id = ${second.json().id}`,
      ),
    ).toBe(0);
  });

  it('get distinct numbers when sent at the same moment', async () => {
    const sent = await Promise.all(
      [1, 2, 3].map((i) =>
        pub('POST', `${dossier.code}/petitions`, { phone: PHONE, content: `Cùng lúc ${i}` }),
      ),
    );
    expect(sent.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const numbers = sent.map((r) => r.json().number as string);
    expect(new Set(numbers).size).toBe(3);
    for (const n of numbers) expect(n).toMatch(/^KN-270204-\d{4}$/);
  });

  it('refuse bad input and a wrong proof, storing nothing', async () => {
    const before = await count(sql`select count(*)::int as n from dossier_petition`);
    const empty = await pub('POST', `${dossier.code}/petitions`, { phone: PHONE, content: '  ' });
    expect(empty.statusCode).toBe(400);
    const long = await pub('POST', `${dossier.code}/petitions`, {
      phone: PHONE,
      content: 'a'.repeat(4001),
    });
    expect(long.statusCode).toBe(400);
    const mail = await pub('POST', `${dossier.code}/petitions`, {
      phone: PHONE,
      content: 'x',
      contact: { email: 'không-phải-email' },
    });
    expect(mail.statusCode).toBe(400);
    const wrong = await pub('POST', `${dossier.code}/petitions`, {
      phone: '0900000000',
      content: 'x',
    });
    expect(wrong.statusCode).toBe(404);
    expect(
      (await pub('POST', 'KHONG-CO/petitions', { phone: PHONE, content: 'x' })).statusCode,
    ).toBe(404);
    expect(await count(sql`select count(*)::int as n from dossier_petition`)).toBe(before);
  });

  it('are listed to the applicant with their status', async () => {
    const list = (await pub('GET', `${dossier.code}/petitions?phone=${PHONE}`)).json();
    expect(list.items.map((p: { number: string }) => p.number)).toEqual(
      expect.arrayContaining(['KN-270204-0001', 'KN-270204-0002']),
    );
    expect(list.items[0]).toMatchObject({ status: 'received', answer: null });
    expect((await pub('GET', `${dossier.code}/petitions?phone=0900000000`)).statusCode).toBe(404);
  });

  it('are visible to the unit staff only (404 elsewhere), soonest deadline first', async () => {
    const mine = await staff('GET', 'dossier-petitions', shop.desk.headers);
    expect(mine.statusCode, mine.body).toBe(200);
    const items = mine.json().items as { id: string; nextDueAt: string; unitCode: string }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((i) => i.unitCode === shop.unit.code)).toBe(true);
    const dues = items.map((i) => i.nextDueAt);
    expect([...dues].sort()).toEqual(dues);

    const theirs = await staff('GET', 'dossier-petitions', other.desk.headers);
    expect(theirs.json().items.some((i: { id: string }) => i.id === petition.id)).toBe(false);
    expect(
      (await staff('GET', `dossier-petitions/${petition.id}`, other.leader.headers)).statusCode,
    ).toBe(404);
    const act = await staff(
      'POST',
      `dossier-petitions/${petition.id}/actions`,
      other.leader.headers,
      {
        action: 'accept',
        version: 1,
      },
    );
    expect(act.statusCode).toBe(404);

    // A leader of the province above the commune sees it (subtree).
    const r = await staff('POST', 'users', t.admin.headers, {
      username: `lanhdao.tinh.${shop.unit.code.toLowerCase()}`,
      password: STAFF_PASSWORD,
      fullName: 'Lãnh đạo tỉnh',
      roles: [{ role: 'leader', unitCode: shop.unit.parentCode }],
    });
    expect(r.statusCode, r.body).toBe(201);
    const province = await t.login(r.json().username, STAFF_PASSWORD);
    const seen = await staff('GET', `dossier-petitions/${petition.id}`, province.headers);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      number: petition.number,
      dossierId: dossier.id,
      dossierCode: dossier.code,
      status: 'received',
      version: 1,
      allowedActions: ['accept', 'reject', 'answer', 'request_info'],
      hasPhone: true,
    });

    // The page filters: status and overdue (nothing is past its deadline yet).
    const overdue = await staff('GET', 'dossier-petitions?overdue=true', shop.desk.headers);
    expect(overdue.json().items).toEqual([]);
    const answered = await staff('GET', 'dossier-petitions?status=answered', shop.desk.headers);
    expect(answered.json().items).toEqual([]);
    const bad = await staff('GET', 'dossier-petitions?cursor=xyz', shop.desk.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_cursor');
  });

  it('are accepted and answered with version checks, events, audit and a notice', async () => {
    const path = `dossier-petitions/${petition.id}/actions`;
    const accepted = await staff('POST', path, shop.desk.headers, { action: 'accept', version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      version: 2,
      nextDueAt: petition.dueAt,
      allowedActions: ['answer', 'request_info'],
    });
    const stale = await staff('POST', path, shop.specialist.headers, {
      action: 'answer',
      version: 1,
      answer: 'Trả lời cũ',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const rejectNow = await staff('POST', path, shop.leader.headers, {
      action: 'reject',
      version: 2,
      reason: 'Không thuộc thẩm quyền',
    });
    expect(rejectNow.statusCode).toBe(409);
    expect(rejectNow.json().code).toBe('action_not_allowed');
    const noText = await staff('POST', path, shop.specialist.headers, {
      action: 'answer',
      version: 2,
      answer: ' ',
    });
    expect(noText.statusCode).toBe(400);

    clock.advance(2 * 3600_000);
    const answer = 'Hồ sơ đang chờ ý kiến của phòng chuyên môn, sẽ trả kết quả trong tuần sau.';
    const done = await staff('POST', path, shop.specialist.headers, {
      action: 'answer',
      version: 2,
      answer,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'answered',
      version: 3,
      nextDueAt: null,
      outcome: 'on_time',
      answer,
      allowedActions: [],
    });
    expect(done.json().events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'accept',
      'answer',
    ]);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where entity_type = 'dossier_petition'
          and entity_id = ${petition.id}`,
      ),
    ).toBe(3); // submit, accept, answer — not the refused attempts
    const notices = (
      await sql<{ channel: string; body: string }>`select channel, body from notification_outbox
        where related_id = ${petition.id} and template = 'feedback.petition_answered'
        order by channel`.execute(t.db.kysely)
    ).rows;
    expect(notices.map((n) => n.channel)).toEqual(['email', 'sms']);
    expect(notices[0]!.body).toContain(answer);

    // The applicant sees the published answer.
    const mine = (await pub('GET', `${dossier.code}/petitions?phone=${PHONE}`)).json();
    expect(mine.items.find((p: { id: string }) => p.id === petition.id)).toMatchObject({
      status: 'answered',
      statusLabel: 'Đã trả lời',
      answer,
    });
    // Events are append-only.
    await expect(
      sql`update dossier_petition_event set reason = 'x' where petition_id = ${petition.id}`.execute(
        t.db.kysely,
      ),
    ).rejects.toThrow();
  });

  it('may be rejected with a reason, which the applicant reads', async () => {
    const p = (
      await pub('POST', `${dossier.code}/petitions`, { phone: PHONE, content: 'Kiến nghị trùng.' })
    ).json();
    const r = await staff('POST', `dossier-petitions/${p.id}/actions`, shop.leader.headers, {
      action: 'reject',
      version: 1,
      reason: 'Nội dung trùng với kiến nghị đã trả lời.',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'rejected', outcome: 'on_time' });
    const mine = (await pub('GET', `${dossier.code}/petitions?phone=${PHONE}`)).json();
    expect(mine.items.find((x: { id: string }) => x.id === p.id)).toMatchObject({
      statusLabel: 'Không thụ lý',
      answer: 'Nội dung trùng với kiến nghị đã trả lời.',
    });
  });
});

describe('OpenAPI', () => {
  it('documents every feedback endpoint', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/public/dossiers/{code}/rating',
      '/api/v1/public/dossiers/{code}/petitions',
      '/api/v1/dossier-petitions',
      '/api/v1/dossier-petitions/{id}',
      '/api/v1/dossier-petitions/{id}/actions',
      '/api/v1/dossier-feedback/stats',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});

describe('satisfaction indicators', () => {
  it('count ratings and petitions per unit, with a total recomputed from the sums', async () => {
    const s = await buildOneStopShop(t);
    const d = await receive(s);
    const e = await receive(s);
    const f = await receive(s);
    for (const x of [d, e, f]) await toReturned(x.id, s);
    for (const [x, score] of [
      [d, 5],
      [e, 4],
      [f, 2],
    ] as const)
      expect((await pub('POST', `${x.code}/rating`, { phone: PHONE, score })).statusCode).toBe(201);
    // Petitions: one answered on time, one answered late, one rejected on time, one open.
    const file = async () =>
      (await pub('POST', `${d.code}/petitions`, { phone: PHONE, content: 'Kiến nghị' })).json()
        .id as string;
    const act = (id: string, body: object) =>
      staff('POST', `dossier-petitions/${id}/actions`, s.leader.headers, body);
    const onTime = await file();
    const late = await file();
    const rejected = await file();
    await file();
    expect((await act(onTime, { action: 'answer', version: 1, answer: 'Đã rõ' })).statusCode).toBe(
      200,
    );
    expect(
      (await act(rejected, { action: 'reject', version: 1, reason: 'Trùng' })).statusCode,
    ).toBe(200);
    // 15 working days pass (more than a month across Tết): the last answer is late.
    clock.advance(40 * 86_400_000);
    const leader = await t.login(s.leader.username, STAFF_PASSWORD);
    const lateAct = await staff('POST', `dossier-petitions/${late}/actions`, leader.headers, {
      action: 'answer',
      version: 1,
      answer: 'Trả lời muộn',
    });
    expect(lateAct.json().outcome).toBe('late');

    const res = await staff(
      'GET',
      'dossier-feedback/stats?from=2027-01-01&to=2027-12-31',
      leader.headers,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      unitCode: s.unit.code,
      ratings: 3,
      scoreSum: 11,
      meanScore: 3.67,
      satisfied: 2, // scores 4 and 5
      satisfiedRate: 0.6667,
      petitionsReceived: 4,
      petitionsAnswered: 2,
      petitionsRejected: 1,
      petitionsOnTime: 2,
      petitionsLate: 1,
      petitionsOpenOverdue: 1, // the open one is now past its 2-day limit
      onTimeRate: 0.5,
    });
    expect(body.total).toMatchObject({ unitCode: null, ratings: 3, petitionsReceived: 4 });

    // A system administrator reads every unit's figures; the total is recomputed from the sums.
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const all = (
      await staff('GET', 'dossier-feedback/stats?from=2027-01-01&to=2027-12-31', admin.headers)
    ).json();
    expect(all.items.map((i: { unitCode: string }) => i.unitCode)).toEqual(
      expect.arrayContaining([shop.unit.code, s.unit.code]),
    );
    const sum = (k: string) =>
      all.items.reduce((a: number, i: Record<string, number>) => a + i[k]!, 0);
    expect(all.total).toMatchObject({
      unitCode: null,
      ratings: sum('ratings'),
      scoreSum: sum('scoreSum'),
      petitionsReceived: sum('petitionsReceived'),
      meanScore: Math.round((sum('scoreSum') / sum('ratings')) * 100) / 100,
    });
    // Units the caller does not handle: 404.
    const outside = await staff(
      'GET',
      `dossier-feedback/stats?unit=${shop.unit.code}&from=2027-01-01&to=2027-12-31`,
      leader.headers,
    );
    expect(outside.statusCode).toBe(404);
    const badPeriod = await staff(
      'GET',
      'dossier-feedback/stats?from=2027-02-01&to=2027-01-01',
      leader.headers,
    );
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().code).toBe('invalid_period');
    // Outside the period: nothing.
    const before = await staff(
      'GET',
      'dossier-feedback/stats?from=2026-01-01&to=2026-12-31',
      leader.headers,
    );
    expect(before.json().items).toEqual([]);

    // The same counts as facts (issue 12), which the indicators module follows.
    const ofUnit = async (kind: 'rating' | 'petition') =>
      (await scanFacts(t.db.kysely, { kind, limit: 10_000 })).filter(
        (x) => x.unitCode === s.unit.code,
      );
    const ratings = await ofUnit('rating');
    expect(ratings.map((r) => r.data.score).sort()).toEqual([2, 4, 5]);
    expect(ratings.filter((r) => r.data.satisfied)).toHaveLength(2);
    expect(ratings[0]!.data).toMatchObject({ about: 'dossier', ratedOn: expect.any(String) });
    const petitions = await ofUnit('petition');
    expect(petitions.map((p) => p.data.onTime).sort()).toEqual([false, null, true, true].sort());
    expect(petitions.find((p) => p.subjectId === late)?.data).toMatchObject({
      status: 'answered',
      handledOn: expect.any(String),
      onTime: false,
    });
    // A change that loses to a stale version publishes nothing.
    const factBefore = petitions.find((p) => p.subjectId === onTime)!;
    const stale = await staff('POST', `dossier-petitions/${onTime}/actions`, leader.headers, {
      action: 'answer',
      version: 1,
      answer: 'Lần nữa',
    });
    expect(stale.statusCode).toBe(409);
    expect((await ofUnit('petition')).find((p) => p.subjectId === onTime)?.updatedAt).toEqual(
      factBefore.updatedAt,
    );
  });
});
