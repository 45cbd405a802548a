import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportArea, buildReportInput } from '../../../test/factories/reports.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { scanFacts } from '../../platform/facts/index.js';

// Mon 01/02/2027 09:00 +07, the week before Tết 2027.
const START = new Date('2027-02-01T02:00:00Z');
const clock = new FixedClock(START);
let t: TestApp;
let area: Awaited<ReturnType<typeof buildReportArea>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  area = await buildReportArea(t);
});
afterAll(() => t.close());

// Each request from its own address: the public routes are rate-limited per client.
let ip = 0;
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    payload: payload as never,
    headers,
    remoteAddress: `10.7.${Math.floor(++ip / 250)}.${ip % 250}`,
  });
const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
const count = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from report`.execute(t.db.kysely)).rows[0]!.n;
const create = async (overrides: Record<string, unknown> = {}) => {
  const res = await post('/reports', buildReportInput(area, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    code: string;
    status: string;
    handlingUnitCode: string;
    dueAt: string;
    followToken: string;
  };
};
const factOf = async (id: string) =>
  (await scanFacts(t.db.kysely, { kind: 'report', limit: 10_000 })).find((f) => f.subjectId === id);
const act = (id: string, body: Record<string, unknown>, who: { headers: Record<string, string> }) =>
  post(`/reports/${id}/actions`, body, who.headers);
const version = async (id: string) =>
  (await get(`/reports/${id}`, area.leader.headers)).json().version as number;

describe('receiving a report', () => {
  it('routes a point to the district and lets the picked ward inside it win; numbers it; queues the receipt', async () => {
    const r = await create();
    expect(r.code).toMatch(/^PA-270201-\d{4}$/);
    expect(r.status).toBe('new');
    expect(r.handlingUnitCode).toBe(area.ward.code);
    // Accept within 2 working days (regulations.md §5): Tue 02/02 and Wed 03/02.
    expect(r.dueAt).toBe('2027-02-03T10:00:00.000Z');
    expect(r.followToken.length).toBeGreaterThanOrEqual(30);
    const row = await t.db.kysely
      .selectFrom('report')
      .selectAll()
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row.unit_code).toBe(area.ward.code);
    expect(row.reporter_phone).toBe('0912345678');
    expect(row.follow_token_hash).not.toContain(r.followToken);
    const outbox = await sql<{ channel: string; recipient: string; body: string }>`
      select channel, recipient, body from notification_outbox where related_id = ${r.id}
      order by channel`.execute(t.db.kysely);
    expect(outbox.rows.map((m) => [m.channel, m.recipient])).toEqual([
      ['email', 'nguoidan@example.vn'],
      ['sms', '0912345678'],
    ]);
    expect(outbox.rows[1]!.body).toContain(r.code);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where entity_type = 'report' and entity_id = ${r.id} and action = 'report.submit'`.execute(
      t.db.kysely,
    );
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('codes are gap-free per day', async () => {
    const a = await create();
    const b = await create();
    expect(Number(b.code.slice(-4))).toBe(Number(a.code.slice(-4)) + 1);
  });

  it('a point alone goes to the district it falls in; a ward picked outside that district loses', async () => {
    const onlyPoint = await create({ location: { lat: 10.5, long: 105.8 } });
    expect(onlyPoint.handlingUnitCode).toBe(area.east.code);
    const wrongWard = await create({
      location: { lat: 10.5, long: 105.2, unitCode: area.ward.code },
    });
    expect(wrongWard.handlingUnitCode).toBe(area.west.code);
  });

  it('a point exactly on the shared border goes to the smaller code', async () => {
    const r = await create({ location: { lat: 10.5, long: 105.5 } });
    // Test codes are not all digits, so "smallest" is plain text order (routing.test covers digits).
    const smaller = [area.west.code, area.east.code].sort()[0];
    expect(r.handlingUnitCode).toBe(smaller);
  });

  it('without a point inside any boundary the picked ward is used; with neither, 400', async () => {
    const picked = await create({ location: { unitCode: area.ward.code, address: 'Chợ Mỹ Bình' } });
    expect(picked.handlingUnitCode).toBe(area.ward.code);
    const before = await count();
    const outside = await post(
      '/reports',
      buildReportInput(area, { location: { lat: 21.0, long: 105.8 } }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().code).toBe('location_outside_jurisdiction');
    expect(outside.json().detail).toContain('ngoài địa bàn');
    expect(await count()).toBe(before);
  });

  it('refuses bad input with Vietnamese messages and stores nothing', async () => {
    const before = await count();
    const phone = await post('/reports', buildReportInput(area, { contact: { phone: '12345' } }));
    expect(phone.statusCode).toBe(400);
    expect(JSON.stringify(phone.json())).toContain('10 chữ số');
    const category = await post('/reports', buildReportInput(area, { categoryCode: 'khong_co' }));
    expect(category.statusCode).toBe(400);
    expect(category.json().code).toBe('unknown_category');
    const noLocation = await post('/reports', buildReportInput(area, { location: {} }));
    expect(noLocation.statusCode).toBe(400);
    const tooLong = await post(
      '/reports',
      buildReportInput(area, { description: 'x'.repeat(4001) }),
    );
    expect(tooLong.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });
});

describe('staff workflow', () => {
  it('accept → assign → start → resolve → close, with events in order, audit and the reply notice', async () => {
    const r = await create();
    let res = await act(r.id, { action: 'accept', version: 1 }, area.desk);
    expect(res.statusCode, res.body).toBe(200);
    // Resolve within 15 working days across Tết 2027 (05–11/02 off) → Mon 01/03 17:00.
    expect(res.json().resolveDueAt).toBe('2027-03-01T10:00:00.000Z');
    expect(res.json().dueAt).toBe('2027-03-01T10:00:00.000Z');
    res = await act(
      r.id,
      { action: 'assign', version: 2, assigneeUsername: area.specialist.username },
      area.leader,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assignee.username).toBe(area.specialist.username);
    res = await act(r.id, { action: 'start', version: 3 }, area.specialist);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().allowedActions).toEqual(['resolve', 'request_info']);
    const noReply = await act(r.id, { action: 'resolve', version: 4 }, area.specialist);
    expect(noReply.statusCode).toBe(400);
    expect(noReply.json().code).toBe('reply_required');
    res = await act(
      r.id,
      { action: 'resolve', version: 4, reply: 'Đã thay bóng đèn ngày 02/02/2027.' },
      area.specialist,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('resolved');
    res = await act(r.id, { action: 'close', version: 5 }, area.desk);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.status).toBe('closed');
    expect(view.events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'accept',
      'assign',
      'start',
      'resolve',
      'close',
    ]);
    expect(view.events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const audit = await sql<{ action: string }>`select action from audit_log
      where entity_id = ${r.id} order by seq`.execute(t.db.kysely);
    expect(audit.rows.map((a) => a.action)).toEqual([
      'report.submit',
      'report.accept',
      'report.assign',
      'report.start',
      'report.resolve',
      'report.close',
    ]);
    const resolved = await sql<{
      channel: string;
      body: string;
    }>`select channel, body from notification_outbox
      where related_id = ${r.id} and template = 'report.resolved' order by channel`.execute(
      t.db.kysely,
    );
    expect(resolved.rows.map((m) => m.channel)).toEqual(['email', 'sms']);
    expect(resolved.rows[0]!.body).toContain('Đã thay bóng đèn');
  });

  it('409 on a stale version or a wrong state, 403 for a role the table does not list, 400 without a reason', async () => {
    const r = await create();
    const stale = await act(r.id, { action: 'accept', version: 7 }, area.desk);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const wrong = await act(r.id, { action: 'close', version: 1 }, area.desk);
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().code).toBe('action_not_allowed');
    const role = await act(r.id, { action: 'accept', version: 1 }, area.specialist);
    expect(role.statusCode).toBe(403);
    const system = await act(r.id, { action: 'escalate', version: 1 }, area.leader);
    expect(system.statusCode).toBe(403);
    const noReason = await act(r.id, { action: 'reject', version: 1 }, area.desk);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('reason_required');
    const rejected = await act(
      r.id,
      { action: 'reject', version: 1, reason: 'Nội dung không thuộc phạm vi tiếp nhận.' },
      area.desk,
    );
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().status).toBe('rejected');
    expect(rejected.json().allowedActions).toEqual([]);
  });

  it('other units’ staff get 404 and do not see the report in their list', async () => {
    const r = await create();
    const other = await get(`/reports/${r.id}`, area.outsider.headers);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('report_not_found');
    const theirs = await get('/reports?limit=100', area.outsider.headers);
    expect(theirs.json().items.map((i: { id: string }) => i.id)).not.toContain(r.id);
    const ours = await get('/reports?limit=100', area.desk.headers);
    expect(ours.json().items.map((i: { id: string }) => i.id)).toContain(r.id);
    const district = await get(`/reports/${r.id}`, area.districtLeader.headers);
    expect(district.statusCode).toBe(200);
    const anon = await get(`/reports/${r.id}`);
    expect(anon.statusCode).toBe(401);
  });

  it('pages the list with a cursor and filters by status and category', async () => {
    const first = await get('/reports?limit=2', area.desk.headers);
    const p1 = first.json();
    expect(p1.items).toHaveLength(2);
    expect(p1.nextCursor).not.toBeNull();
    const p2 = (await get(`/reports?limit=2&cursor=${p1.nextCursor}`, area.desk.headers)).json();
    const ids1 = p1.items.map((i: { id: string }) => i.id);
    for (const i of p2.items) expect(ids1).not.toContain(i.id);
    const closed = (await get('/reports?status=closed', area.desk.headers)).json();
    for (const i of closed.items) expect(i.status).toBe('closed');
    const bad = await get('/reports?cursor=xyz', area.desk.headers);
    expect(bad.statusCode).toBe(400);
  });

  it('assignedToMe lists only the reports assigned to the caller', async () => {
    const mine = await create();
    const other = await create();
    for (const r of [mine, other])
      expect((await act(r.id, { action: 'accept', version: 1 }, area.desk)).statusCode).toBe(200);
    const assigned = await act(
      mine.id,
      { action: 'assign', version: 2, assigneeUsername: area.specialist.username },
      area.leader,
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    const listed = async (who: { headers: Record<string, string> }) =>
      (await get('/reports?assignedToMe=true&limit=100', who.headers))
        .json()
        .items.map((i: { id: string }) => i.id) as string[];
    const specialist = await listed(area.specialist);
    expect(specialist).toContain(mine.id);
    expect(specialist).not.toContain(other.id);
    expect(await listed(area.leader)).not.toContain(mine.id);
    expect((await get('/reports?assignedToMe=yes', area.specialist.headers)).statusCode).toBe(400);
  });

  it('puts the soonest deadline first, reports without one last, across pages', async () => {
    const seen: { dueAt: string | null }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      if (++pages > 50) throw new Error('the cursor never ends');
      const page: { items: { dueAt: string | null }[]; nextCursor: string | null } = (
        await get(`/reports?limit=3${cursor ? `&cursor=${cursor}` : ''}`, area.desk.headers)
      ).json();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(3);
    const key = (d: string | null) => (d ? Date.parse(d) : Number.POSITIVE_INFINITY);
    for (let i = 1; i < seen.length; i++)
      expect(key(seen[i]!.dueAt)).toBeGreaterThanOrEqual(key(seen[i - 1]!.dueAt));
  });

  it('transfer moves a misrouted report to another unit, recorded as an event', async () => {
    const r = await create();
    const res = await act(
      r.id,
      { action: 'transfer', version: 1, unitCode: area.otherWard.code },
      area.desk,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().handlingUnitCode).toBe(area.otherWard.code);
    expect(res.json().events.at(-1)).toMatchObject({
      action: 'transfer',
      payload: { fromUnit: area.ward.code, toUnit: area.otherWard.code },
    });
  });

  it('merge closes a duplicate into an open report and moves its followers', async () => {
    const keep = await create();
    const dup = await create({ contact: { phone: '0987654321' } });
    const f = await post(`/public/reports/${dup.code}/follow`, { contact: 'hangxom@example.vn' });
    expect(f.statusCode, f.body).toBe(200);
    const res = await act(dup.id, { action: 'merge', version: 1, targetId: keep.id }, area.desk);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', mergedInto: keep.id });
    const followers = await t.db.kysely
      .selectFrom('report_follower')
      .select(['report_id', 'contact'])
      .where('report_id', 'in', [keep.id, dup.id])
      .execute();
    expect(followers.filter((x) => x.report_id === dup.id)).toEqual([]);
    expect(followers.map((x) => x.contact).sort()).toEqual(['0987654321', 'hangxom@example.vn']);
    const self = await act(keep.id, { action: 'merge', version: 1, targetId: keep.id }, area.desk);
    expect(self.statusCode).toBe(400);
    const pub = (await get(`/public/reports/${dup.code}`)).json();
    expect(pub.mergedIntoCode).toBe(keep.code);
  });
});

describe('public pages', () => {
  it('never show the reporter’s name, phone or e-mail', async () => {
    const r = await create({ anonymous: false });
    const detail = await get(`/public/reports/${r.code}`);
    expect(detail.statusCode).toBe(200);
    const list = await get('/public/reports?limit=100');
    for (const body of [detail.body, list.body]) {
      expect(body).not.toContain('Nguyễn Văn Phản');
      expect(body).not.toContain('0912345678');
      expect(body).not.toContain('nguoidan@example.vn');
      expect(body).not.toContain('follow_token');
    }
    expect(detail.json().timeline.map((e: { action: string }) => e.action)).toEqual(['submit']);
    expect(detail.json().mine).toBeUndefined();
    const bbox = await get('/public/reports?bbox=105.5,10,106,11&limit=100');
    expect(bbox.statusCode).toBe(200);
    for (const i of bbox.json().items) expect(i.location.long).toBeGreaterThanOrEqual(105.5);
  });

  it('nearby finds open reports of the category within 150 m only', async () => {
    const near = await create({ location: { lat: 10.6, long: 105.9 } });
    // ~110 m north, and ~330 m north.
    const res = await get('/public/reports/nearby?categoryCode=lighting&lat=10.601&long=105.9');
    expect(res.statusCode, res.body).toBe(200);
    const codes = res.json().items.map((i: { code: string }) => i.code);
    expect(codes).toContain(near.code);
    expect(res.json().items[0].distanceM).toBeGreaterThan(100);
    expect(res.json().items[0].distanceM).toBeLessThanOrEqual(150);
    const far = await get('/public/reports/nearby?categoryCode=lighting&lat=10.603&long=105.9');
    expect(far.json().items.map((i: { code: string }) => i.code)).not.toContain(near.code);
    const other = await get('/public/reports/nearby?categoryCode=waste&lat=10.6&long=105.9');
    expect(other.json().items).toEqual([]);
  });

  it('follow takes a phone or an e-mail, once', async () => {
    const r = await create();
    const bad = await post(`/public/reports/${r.code}/follow`, { contact: 'khong-hop-le' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_contact');
    const a = await post(`/public/reports/${r.code}/follow`, { contact: '+84 903 000 111' });
    expect(a.json()).toMatchObject({ following: true, added: true });
    const b = await post(`/public/reports/${r.code}/follow`, { contact: '0903000111' });
    expect(b.json()).toMatchObject({ following: true, added: false });
    const missing = await post('/public/reports/PA-000000-0000/follow', { contact: '0903000111' });
    expect(missing.statusCode).toBe(404);
  });

  it('the reporter reopens with the token within the window, then rates once; followers hear of the reply', async () => {
    const r = await create();
    const follower = await post(`/public/reports/${r.code}/follow`, {
      contact: 'bandoc@example.vn',
    });
    expect(follower.statusCode).toBe(200);
    await act(r.id, { action: 'accept', version: 1 }, area.desk);
    await act(
      r.id,
      { action: 'assign', version: 2, assigneeUsername: area.specialist.username },
      area.leader,
    );
    await act(r.id, { action: 'start', version: 3 }, area.specialist);
    await act(r.id, { action: 'resolve', version: 4, reply: 'Đã sửa xong.' }, area.specialist);
    const toFollower = await sql<{ n: number }>`select count(*)::int as n from notification_outbox
      where related_id = ${r.id} and template = 'report.resolved' and recipient = 'bandoc@example.vn'`.execute(
      t.db.kysely,
    );
    expect(toFollower.rows[0]!.n).toBe(1);
    // The report fact (issue 12) follows every change, in its transaction.
    expect(await factOf(r.id)).toMatchObject({
      unitCode: area.ward.code,
      data: {
        categoryCode: expect.any(String),
        channel: 'web',
        receivedOn: '2027-02-01',
        status: 'resolved',
        resolvedOn: '2027-02-01',
        onTime: true,
        reopenedCount: 0,
        reopened: false,
      },
    });

    const mine = (await get(`/public/reports/${r.code}?token=${r.followToken}`)).json();
    expect(mine.mine).toMatchObject({ canReopen: true, canRate: true });

    const wrong = await post(`/public/reports/${r.code}/reopen`, {
      token: 'x'.repeat(32),
      reason: 'Đèn vẫn tắt.',
    });
    expect(wrong.statusCode).toBe(403);
    const before = await factOf(r.id);
    const reopened = await post(`/public/reports/${r.code}/reopen`, {
      token: r.followToken,
      reason: 'Đèn vẫn tắt.',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().status).toBe('in_progress');
    const row = await t.db.kysely
      .selectFrom('report')
      .select(['reopen_count', 'resolve_due_at'])
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row.reopen_count).toBe(1);
    expect(before?.data.status).toBe('resolved'); // the refused reopen published nothing
    expect((await factOf(r.id))?.data).toMatchObject({
      status: 'in_progress',
      resolvedOn: null,
      onTime: null,
      reopenedCount: 1,
      reopened: true,
    });

    const tooEarly = await post(`/public/reports/${r.code}/rating`, {
      token: r.followToken,
      rating: 4,
    });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().code).toBe('action_not_allowed');

    const v = await version(r.id);
    await act(
      r.id,
      { action: 'resolve', version: v, reply: 'Đã thay dây điện, đèn sáng lại.' },
      area.specialist,
    );
    const rated = await post(`/public/reports/${r.code}/rating`, {
      token: r.followToken,
      rating: 5,
      comment: 'Xử lý nhanh.',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    const twice = await post(`/public/reports/${r.code}/rating`, {
      token: r.followToken,
      rating: 1,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_rated');

    // Eight days after the resolution the window (7 days) has passed.
    clock.advance(8 * 86_400_000);
    try {
      const late = await post(`/public/reports/${r.code}/reopen`, {
        token: r.followToken,
        reason: 'Lại hỏng.',
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('reopen_window_passed');
    } finally {
      clock.set(START);
    }
    const timeline = (await get(`/public/reports/${r.code}`)).json().timeline;
    expect(timeline.find((e: { action: string }) => e.action === 'reopen').reason).toBe(
      'Đèn vẫn tắt.',
    );
  });

  it('lists categories and documents the routes in OpenAPI', async () => {
    const cats = (await get('/report-categories')).json();
    expect(cats.items.map((c: { code: string }) => c.code)).toContain('lighting');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/reports', '/api/v1/public/reports/nearby']),
    );
  });
});

describe('Idempotency-Key on POST /reports', () => {
  it('a retry with the same key files nothing new and returns the same code and token', async () => {
    const key = crypto.randomUUID();
    const body = buildReportInput(area, {
      description: 'Cống nghẹt trước chợ, nước tràn lên đường.',
    });
    const first = await post('/reports', body, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    const before = await count();
    const again = await post('/reports', body, { 'idempotency-key': key });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count()).toBe(before);
    // The replayed token works like the first one.
    const mine = await get(
      `/public/reports/${first.json().code}?token=${first.json().followToken}`,
    );
    expect(mine.json().mine).toBeDefined();
    // Only the key's hash is stored.
    const stored = await sql<{ h: string }>`select idempotency_key_hash as h from report
      where id = ${first.json().id}`.execute(t.db.kysely);
    expect(stored.rows[0]!.h).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]!.h).not.toContain(key);
  });

  it('another report under a used key is refused with 409; a short key with 400', async () => {
    const key = crypto.randomUUID();
    expect(
      (await post('/reports', buildReportInput(area), { 'idempotency-key': key })).statusCode,
    ).toBe(201);
    const before = await count();
    const other = await post('/reports', buildReportInput(area, { description: 'Khác hẳn.' }), {
      'idempotency-key': key,
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('idempotency_key_reused');
    const short = await post('/reports', buildReportInput(area), { 'idempotency-key': 'abc' });
    expect(short.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('two racing retries with one key file one report', async () => {
    const key = crypto.randomUUID();
    const body = buildReportInput(area, { description: 'Đèn tín hiệu giao lộ không hoạt động.' });
    const before = await count();
    const [a, b] = await Promise.all([
      post('/reports', body, { 'idempotency-key': key }),
      post('/reports', body, { 'idempotency-key': key }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().code).toBe(b.json().code);
    expect(a.json().followToken).toBe(b.json().followToken);
    expect(await count()).toBe(before + 1);
  });
});

describe('asking the reporter for more information', () => {
  it('staff ask once within the limit; the reporter answers with the token; the words stay private', async () => {
    const r = await create();
    let res = await act(r.id, { action: 'accept', version: 1 }, area.desk);
    expect(res.statusCode, res.body).toBe(200);
    // 5 working days from Mon 01/02/2027 across Tết (05–11/02): Mon 15/02 17:00.
    expect(res.json().infoDueAt).toBe('2027-02-15T10:00:00.000Z');
    expect(res.json().allowedActions).toContain('request_info');
    const noQuestion = await act(r.id, { action: 'request_info', version: 2 }, area.desk);
    expect(noQuestion.json().code).toBe('question_required');
    const question = 'Xin cho biết cột đèn số mấy (số sơn trên thân cột).';
    res = await act(r.id, { action: 'request_info', version: 2, reason: question }, area.desk);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', infoQuestion: question });
    expect(res.json().allowedActions).not.toContain('request_info');
    const again = await act(
      r.id,
      { action: 'request_info', version: 3, reason: 'Nữa?' },
      area.desk,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('info_already_requested');
    const sent = await sql<{ channel: string; body: string }>`select channel, body
      from notification_outbox where related_id = ${r.id} and template = 'report.info_requested'
      order by channel`.execute(t.db.kysely);
    expect(sent.rows.map((m) => m.channel)).toEqual(['email', 'sms']);
    expect(sent.rows[0]!.body).toContain(question);

    // The public sees that a question was asked, not the question; the token holder sees it.
    const pub = (await get(`/public/reports/${r.code}`)).json();
    expect(pub.timeline.map((e: { action: string }) => e.action)).toContain('request_info');
    expect(JSON.stringify(pub)).not.toContain(question);
    const mine = (await get(`/public/reports/${r.code}?token=${r.followToken}`)).json().mine;
    expect(mine).toMatchObject({ canProvideInfo: true, infoQuestion: question });

    const answer = 'Cột số 17, trước nhà bà Tư bán tạp hóa.';
    const wrong = await post(`/public/reports/${r.code}/info`, {
      token: 'x'.repeat(32),
      answer,
    });
    expect(wrong.statusCode).toBe(403);
    res = await post(`/public/reports/${r.code}/info`, { token: r.followToken, answer });
    expect(res.statusCode, res.body).toBe(200);
    const twice = await post(`/public/reports/${r.code}/info`, { token: r.followToken, answer });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('no_info_requested');
    const staffView = (await get(`/reports/${r.id}`, area.leader.headers)).json();
    expect(staffView.events.at(-1)).toMatchObject({ action: 'provide_info', reason: answer });
    expect(staffView.infoAnsweredAt).not.toBeNull();
    const after = (await get(`/public/reports/${r.code}?token=${r.followToken}`)).json();
    expect(JSON.stringify(after)).not.toContain(answer);
    expect(after.mine).toMatchObject({ canProvideInfo: false, infoQuestion: null });

    // Past the limit, no new question.
    await sql`update report set info_due_at = ${new Date(START.getTime() - 1000)}
      where id = ${r.id}`.execute(t.db.kysely);
    const late = await act(
      r.id,
      { action: 'request_info', version: 4, reason: 'Thêm ảnh?' },
      area.desk,
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('info_window_passed');
  });

  it('cannot ask a reporter who left no phone or e-mail', async () => {
    const r = await create({ contact: {} });
    const res = await act(
      r.id,
      { action: 'request_info', version: 1, reason: 'Số nhà?' },
      area.desk,
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('reporter_unreachable');
  });
});

describe("the category's extra questions on the web form", () => {
  it('lists them with the categories, checks the answers, and shows them to staff in words', async () => {
    const cats = (await get('/report-categories')).json().items;
    const road = cats.find((c: { code: string }) => c.code === 'road');
    expect(road.attributes.map((a: { code: string }) => a.code)).toEqual([
      'damage',
      'size_m',
      'hazards',
    ]);
    expect(road.attributes[0]).toMatchObject({ required: true, datatype: 'singlevaluelist' });
    const before = await count();
    const missing = await post('/reports', buildReportInput(area, { categoryCode: 'road' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('invalid_attributes');
    expect(missing.json().errors[0].path).toBe('body.attributes.damage');
    expect(missing.json().errors[0].message).toContain('Loại hư hỏng');
    const wrong = await post(
      '/reports',
      buildReportInput(area, { categoryCode: 'road', attributes: { damage: 'x', size_m: 'to' } }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.attributes.damage', 'body.attributes.size_m']);
    expect(await count()).toBe(before);
    const ok = await post(
      '/reports',
      buildReportInput(area, {
        categoryCode: 'road',
        attributes: { damage: 'subsidence', size_m: '1.5', hazards: ['night', 'water'] },
      }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const view = (await get(`/reports/${ok.json().id}`, area.leader.headers)).json();
    expect(view.answers).toEqual([
      { code: 'damage', question: 'Loại hư hỏng', answer: 'Sụt lún mặt đường' },
      {
        code: 'size_m',
        question: 'Kích thước lớn nhất của chỗ hư hỏng, ước chừng (mét)',
        answer: '1.5',
      },
      {
        code: 'hazards',
        question: 'Nguy cơ cho người đi đường',
        answer: 'Khó thấy vào ban đêm, Đọng nước khi mưa',
      },
    ]);
  });
});
