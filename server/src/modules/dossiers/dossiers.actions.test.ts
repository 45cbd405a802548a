// The actions the lifecycle test does not take — forward, send_back, stop and withdraw —
// through the HTTP API: who may take them and from which state, what they change (status,
// event, audit row, deadlines, notices), and for `forward`, whose staff see the dossier.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDossierInput,
  buildOneStopShop,
  STAFF_PASSWORD,
} from '../../../test/factories/dossiers.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';

// Monday 23/11/2026 09:00 in Vietnam.
const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
type Shop = Awaited<ReturnType<typeof buildOneStopShop>>;
type Headers = Record<string, string>;
let t: TestApp;
/** The receiving unit (A), two other units (X, Y) under other provinces. */
let shop: Shop;
let x: Shop;
let y: Shop;
beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await buildOneStopShop(t);
  x = await buildOneStopShop(t);
  y = await buildOneStopShop(t);
});
afterAll(() => t.close());

const act = (id: string, body: Record<string, unknown>, headers: Headers) =>
  t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/actions`, payload: body, headers });
const get = (id: string, headers: Headers) =>
  t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}`, headers });
/** Ids of the dossiers the caller's queue lists (every state). */
const listed = async (headers: Headers) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/dossiers?state=all&limit=200', headers }))
    .json()
    .items.map((d: { id: string }) => d.id) as string[];

/** A new dossier at the shop's desk: its id, code, appointment and version 1. */
async function receive(): Promise<{ id: string; code: string; dueAt: string }> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: buildDossierInput(shop, {
      applicant: {
        ...(buildDossierInput(shop).applicant as object),
        email: 'anh.nguyen@example.vn',
      },
    }),
    headers: shop.desk.headers,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

/** Takes an action that must succeed; returns the dossier. */
async function ok(id: string, body: Record<string, unknown>, headers: Headers) {
  const r = await act(id, body, headers);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** A fresh dossier assigned to the shop's specialist (in_progress, version 2). */
async function inProgress() {
  const d = await receive();
  await ok(
    d.id,
    { action: 'assign', version: 1, assigneeUsername: shop.specialist.username },
    shop.desk.headers,
  );
  return d;
}

/** The audit rows of one action on one dossier. */
const auditOf = async (id: string, action: string) =>
  (
    await sql<{
      actor_name: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }>`select actor_name, before, after from audit_log
      where entity_id = ${id} and action = ${`dossier.${action}`}`.execute(t.db.kysely)
  ).rows;

/** Outbox rows queued about a dossier, by template. */
const noticesOf = async (id: string) =>
  (
    await sql<{ template: string }>`select template from notification_outbox
      where related_id = ${id} order by id`.execute(t.db.kysely)
  ).rows.map((r) => r.template);

/** Expects a refusal with this status and code, and the dossier unchanged at `version`. */
async function refused(
  id: string,
  body: Record<string, unknown>,
  headers: Headers,
  status: number,
  code: string,
) {
  const before = (await get(id, shop.leader.headers)).json();
  const r = await act(id, body, headers);
  expect(r.statusCode, `${body.action}: ${r.body}`).toBe(status);
  expect(r.headers['content-type']).toContain('application/problem+json');
  expect(r.json().code).toBe(code);
  const after = (await get(id, shop.leader.headers)).json();
  expect(after.version).toBe(before.version);
  expect(after.status).toBe(before.status);
  expect(after.events).toHaveLength(before.events.length);
}

describe('forward', () => {
  it('only specialists and leaders, only while in progress', async () => {
    const d = await receive();
    await refused(
      d.id,
      { action: 'forward', version: 1, unitCode: x.unit.code },
      shop.specialist.headers,
      409,
      'action_not_allowed',
    );
    await ok(d.id, { action: 'assign', version: 1 }, shop.desk.headers);
    await refused(
      d.id,
      { action: 'forward', version: 2, unitCode: x.unit.code },
      shop.desk.headers,
      403,
      'action_forbidden_for_role',
    );
    // Another unit's staff do not see it at all.
    await refused(
      d.id,
      { action: 'forward', version: 2, unitCode: x.unit.code },
      x.leader.headers,
      404,
      'dossier_not_found',
    );
    // A unit that does not exist, an assignee outside the target unit: 400, nothing written.
    await refused(
      d.id,
      { action: 'forward', version: 2, unitCode: 'KHONGCO999' },
      shop.specialist.headers,
      400,
      'validation_failed',
    );
    await refused(
      d.id,
      {
        action: 'forward',
        version: 2,
        unitCode: x.unit.code,
        assigneeUsername: y.specialist.username,
      },
      shop.specialist.headers,
      400,
      'validation_failed',
    );
    expect(await auditOf(d.id, 'forward')).toEqual([]);
  });

  it('moves the dossier to the unit it is sent to: its staff see it and act; the receiving unit keeps sight', async () => {
    const d = await inProgress();
    // Before: X's staff get 404 and an empty queue.
    expect((await get(d.id, x.specialist.headers)).statusCode).toBe(404);
    expect(await listed(x.leader.headers)).not.toContain(d.id);
    const noticesBefore = await noticesOf(d.id);

    clock.advance(3600_000);
    const fwd = await ok(
      d.id,
      {
        action: 'forward',
        version: 2,
        unitCode: x.unit.code,
        assigneeUsername: x.specialist.username,
        note: 'Chuyển liên thông để thẩm định',
      },
      shop.specialist.headers,
    );
    expect(fwd).toMatchObject({
      status: 'in_progress',
      version: 3,
      unitCode: shop.unit.code, // the receiving unit does not change
      assignee: { username: x.specialist.username },
      dueAt: d.dueAt, // the clock keeps running: the appointment stays
      pausedAt: null,
    });
    const event = fwd.events.at(-1);
    expect(event).toMatchObject({
      seq: 3,
      action: 'forward',
      fromStatus: 'in_progress',
      toStatus: 'in_progress',
      actorName: shop.specialist.username,
      unitCode: x.unit.code, // the handling unit from now on
      reason: 'Chuyển liên thông để thẩm định',
      payload: { unitCode: x.unit.code, note: 'Chuyển liên thông để thẩm định' },
    });
    const audit = await auditOf(d.id, 'forward');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_name: shop.specialist.username,
      before: { status: 'in_progress', version: 2 },
      after: { status: 'in_progress', version: 3, unitCode: x.unit.code },
    });
    // Forwarding tells the applicant nothing (no notice in the contract's list).
    expect(await noticesOf(d.id)).toEqual(noticesBefore);

    // After: X's staff see it, list it, and may act on it.
    const seen = await get(d.id, x.specialist.headers);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().allowedActions).toEqual(expect.arrayContaining(['finish', 'forward']));
    expect(await listed(x.leader.headers)).toContain(d.id);
    // The receiving unit's desk keeps sight: it returns the result to the applicant.
    expect((await get(d.id, shop.desk.headers)).statusCode).toBe(200);
    expect(await listed(shop.desk.headers)).toContain(d.id);
    // An unrelated unit still does not.
    expect((await get(d.id, y.leader.headers)).statusCode).toBe(404);

    const done = await ok(
      d.id,
      { action: 'finish', version: 3, resultSummary: 'Đã thẩm định xong' },
      x.specialist.headers,
    );
    expect(done.status).toBe('processed');
    expect(done.events.at(-1)).toMatchObject({
      actorName: x.specialist.username,
      unitCode: x.unit.code,
    });
  });

  it('a unit that forwards on loses sight; the receiving unit keeps it; nobody stays assigned unless named', async () => {
    const d = await inProgress();
    const toX = await ok(
      d.id,
      { action: 'forward', version: 2, unitCode: x.unit.code },
      shop.leader.headers,
    );
    // Sent without a name: A's specialist no longer handles it; X's leader assigns it.
    expect(toX.assignee).toBeNull();
    expect(toX.events.at(-1).payload).toMatchObject({ unitCode: x.unit.code, assigneeId: null });
    await ok(
      d.id,
      { action: 'assign', version: 3, assigneeUsername: x.specialist.username },
      x.leader.headers,
    );
    const toY = await ok(
      d.id,
      { action: 'forward', version: 4, unitCode: y.unit.code, note: 'Thuộc thẩm quyền đơn vị Y' },
      x.leader.headers,
    );
    expect(toY.assignee).toBeNull();
    // The forwarding answer itself is presented with the caller's remaining rights: none to act.
    expect(toY.allowedActions).toEqual([]);
    for (const h of [x.specialist.headers, x.leader.headers, x.desk.headers]) {
      const r = await get(d.id, h);
      expect(r.statusCode).toBe(404);
      expect(r.json().code).toBe('dossier_not_found');
    }
    expect(await listed(x.leader.headers)).not.toContain(d.id);
    await refused(
      d.id,
      { action: 'forward', version: 5, unitCode: x.unit.code },
      x.leader.headers,
      404,
      'dossier_not_found',
    );
    // Its files and forms follow the same rule.
    const form = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${d.id}/forms/01.pdf`,
      headers: x.leader.headers,
    });
    expect(form.statusCode).toBe(404);
    expect((await get(d.id, y.specialist.headers)).statusCode).toBe(200);
    expect(await listed(y.specialist.headers)).toContain(d.id);
    expect((await get(d.id, shop.desk.headers)).statusCode).toBe(200);
  });
});

describe('send_back', () => {
  it('only the leader, only before approval; reopens the work and clears the finish', async () => {
    const d = await inProgress();
    await refused(
      d.id,
      { action: 'send_back', version: 2, reason: 'Chưa đạt' },
      shop.leader.headers,
      409,
      'action_not_allowed',
    );
    await ok(
      d.id,
      { action: 'finish', version: 2, resultSummary: 'Dự thảo kết quả' },
      shop.specialist.headers,
    );
    for (const who of [shop.desk, shop.specialist])
      await refused(
        d.id,
        { action: 'send_back', version: 3, reason: 'Chưa đạt' },
        who.headers,
        403,
        'action_forbidden_for_role',
      );
    await refused(
      d.id,
      { action: 'send_back', version: 3 },
      shop.leader.headers,
      400,
      'validation_failed',
    );
    const noticesBefore = await noticesOf(d.id);

    clock.advance(1800_000);
    const back = await ok(
      d.id,
      { action: 'send_back', version: 3, reason: 'Sai họ tên người được khai sinh' },
      shop.leader.headers,
    );
    expect(back).toMatchObject({
      status: 'in_progress',
      version: 4,
      finishedAt: null,
      outcome: null,
      approvedAt: null,
      dueAt: d.dueAt,
      assignee: { username: shop.specialist.username },
    });
    expect(back.events.at(-1)).toMatchObject({
      action: 'send_back',
      fromStatus: 'processed',
      toStatus: 'in_progress',
      actorName: shop.leader.username,
      reason: 'Sai họ tên người được khai sinh',
    });
    expect(await auditOf(d.id, 'send_back')).toEqual([
      expect.objectContaining({
        actor_name: shop.leader.username,
        before: expect.objectContaining({ status: 'processed', version: 3 }),
        after: expect.objectContaining({ status: 'in_progress', version: 4 }),
      }),
    ]);
    expect(await noticesOf(d.id)).toEqual(noticesBefore);
    // The work goes round again: finish, approve, and only then the result is ready.
    await ok(
      d.id,
      { action: 'finish', version: 4, resultSummary: 'Đã sửa' },
      shop.specialist.headers,
    );
    const approved = await ok(d.id, { action: 'approve', version: 5 }, shop.leader.headers);
    await refused(
      d.id,
      { action: 'send_back', version: 6, reason: 'Muộn' },
      shop.leader.headers,
      409,
      'already_approved',
    );
    expect(approved.events.map((e: { action: string }) => e.action)).toEqual([
      'receive',
      'assign',
      'finish',
      'send_back',
      'finish',
      'approve',
    ]);
    expect(await noticesOf(d.id)).toEqual([
      ...noticesBefore,
      'dossier.result_ready',
      'dossier.result_ready',
    ]);
  });
});

describe('stop', () => {
  it('only the leader, from in progress or awaiting completion; final, off the queue and off the clock', async () => {
    const fresh = await receive();
    await refused(
      fresh.id,
      { action: 'stop', version: 1, reason: 'x' },
      shop.leader.headers,
      409,
      'action_not_allowed',
    );
    const d = await inProgress();
    for (const who of [shop.desk, shop.specialist])
      await refused(
        d.id,
        { action: 'stop', version: 2, reason: 'Dừng' },
        who.headers,
        403,
        'action_forbidden_for_role',
      );
    await refused(
      d.id,
      { action: 'stop', version: 2 },
      shop.leader.headers,
      400,
      'validation_failed',
    );
    const noticesBefore = await noticesOf(d.id);
    const stopped = await ok(
      d.id,
      { action: 'stop', version: 2, reason: 'Người dân có văn bản đề nghị dừng' },
      shop.leader.headers,
    );
    expect(stopped).toMatchObject({ status: 'stopped', version: 3, allowedActions: [] });
    expect(stopped.events.at(-1)).toMatchObject({
      action: 'stop',
      fromStatus: 'in_progress',
      toStatus: 'stopped',
      actorName: shop.leader.username,
      reason: 'Người dân có văn bản đề nghị dừng',
    });
    expect(await auditOf(d.id, 'stop')).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ status: 'in_progress' }),
        after: expect.objectContaining({ status: 'stopped' }),
      }),
    ]);
    expect(await noticesOf(d.id)).toEqual(noticesBefore);
    // Off the work queue (open dossiers), still found among final ones.
    const open = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/dossiers?limit=200',
        headers: shop.leader.headers,
      })
    ).json();
    expect(open.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    const final = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/dossiers?state=final&limit=200',
        headers: shop.leader.headers,
      })
    ).json();
    expect(final.items.map((i: { id: string }) => i.id)).toContain(d.id);
    await refused(
      d.id,
      { action: 'refuse', version: 3, reason: 'x' },
      shop.leader.headers,
      409,
      'action_not_allowed',
    );

    // From awaiting completion (clock paused) too.
    const p = await inProgress();
    await ok(
      p.id,
      {
        action: 'request_completion',
        version: 2,
        reason: 'Thiếu giấy tờ',
        items: ['Bản sao CCCD'],
      },
      shop.specialist.headers,
    );
    const s2 = await ok(
      p.id,
      { action: 'stop', version: 3, reason: 'Quá hạn bổ sung' },
      shop.leader.headers,
    );
    expect(s2.events.at(-1)).toMatchObject({
      fromStatus: 'awaiting_completion',
      toStatus: 'stopped',
    });

    // A stopped dossier is never late: past its appointment, the sweep leaves it alone
    // (and marks one still running, so it did run).
    const running = await inProgress();
    clock.set(new Date(new Date(d.dueAt).getTime() + 7 * 86_400_000));
    await t.ctx.jobs.enqueue(t.ctx.kysely, 'dossier.sweep-deadlines', {});
    await t.ctx.jobs.tick();
    await t.ctx.jobs.tick();
    const rows = await t.db.kysely
      .selectFrom('dossier')
      .select(['id', 'overdue_at'])
      .where('id', 'in', [d.id, p.id, running.id])
      .execute();
    const marked = new Map(rows.map((r) => [r.id, r.overdue_at]));
    expect(marked.get(d.id)).toBeNull();
    expect(marked.get(p.id)).toBeNull();
    expect(marked.get(running.id)).not.toBeNull();
    expect(await noticesOf(d.id)).not.toContain('dossier.overdue');
    const leader = await t.login(shop.leader.username, STAFF_PASSWORD);
    expect((await get(d.id, leader.headers)).json()).toMatchObject({
      overdue: false,
      dueSoon: false,
    });
    clock.set(new Date('2026-11-23T02:00:00Z'));
  });
});

describe('withdraw', () => {
  it('only the desk, from received, in progress or awaiting completion; final, with the reason', async () => {
    const d = await receive();
    for (const who of [shop.leader, shop.specialist])
      await refused(
        d.id,
        { action: 'withdraw', version: 1, reason: 'Rút' },
        who.headers,
        403,
        'action_forbidden_for_role',
      );
    await refused(
      d.id,
      { action: 'withdraw', version: 1, reason: '' },
      shop.desk.headers,
      400,
      'validation_failed',
    );
    const noticesBefore = await noticesOf(d.id);
    const w = await ok(
      d.id,
      { action: 'withdraw', version: 1, reason: 'Công dân nộp đơn xin rút hồ sơ' },
      shop.desk.headers,
    );
    expect(w).toMatchObject({
      status: 'withdrawn',
      statusLabel: 'Công dân rút hồ sơ',
      version: 2,
      allowedActions: [],
      dueAt: d.dueAt,
    });
    expect(w.events.at(-1)).toMatchObject({
      action: 'withdraw',
      fromStatus: 'received',
      toStatus: 'withdrawn',
      actorName: shop.desk.username,
      unitCode: shop.unit.code,
      reason: 'Công dân nộp đơn xin rút hồ sơ',
    });
    expect(await auditOf(d.id, 'withdraw')).toEqual([
      expect.objectContaining({
        actor_name: shop.desk.username,
        before: expect.objectContaining({ status: 'received', version: 1 }),
        after: expect.objectContaining({ status: 'withdrawn', version: 2 }),
      }),
    ]);
    expect(await noticesOf(d.id)).toEqual(noticesBefore);
    // The public tracking page shows it.
    const pub = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/dossiers/${d.code}?phone=0912345678`,
    });
    expect(pub.json()).toMatchObject({ status: 'withdrawn', statusLabel: 'Công dân rút hồ sơ' });
    expect(pub.json().timeline.at(-1)).toMatchObject({ action: 'withdraw', label: 'Rút hồ sơ' });

    // From in progress and from awaiting completion; not once processed.
    const a = await inProgress();
    expect(
      (await ok(a.id, { action: 'withdraw', version: 2, reason: 'Rút' }, shop.desk.headers)).status,
    ).toBe('withdrawn');
    const b = await inProgress();
    await ok(
      b.id,
      { action: 'request_completion', version: 2, reason: 'Thiếu', items: ['Tờ khai'] },
      shop.desk.headers,
    );
    expect(
      (await ok(b.id, { action: 'withdraw', version: 3, reason: 'Rút' }, shop.desk.headers)).status,
    ).toBe('withdrawn');
    const c = await inProgress();
    await ok(
      c.id,
      { action: 'finish', version: 2, resultSummary: 'Xong' },
      shop.specialist.headers,
    );
    await refused(
      c.id,
      { action: 'withdraw', version: 3, reason: 'Rút' },
      shop.desk.headers,
      409,
      'action_not_allowed',
    );
  });
});

describe('work filters of the list ("my work" and the dashboard drill-down)', () => {
  /** Ids listed for `query` (every page, at most 200). */
  const ids = async (query: string, headers: Headers) => {
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers?limit=200&${query}`,
      headers,
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().items.map((d: { id: string }) => d.id) as string[];
  };

  it('awaiting approval, sent back, due soon, channel and outcome select exactly their dossiers', async () => {
    const waiting = await inProgress();
    await ok(
      waiting.id,
      { action: 'finish', version: 2, resultSummary: 'Xong' },
      shop.specialist.headers,
    );
    const approved = await inProgress();
    await ok(
      approved.id,
      { action: 'finish', version: 2, resultSummary: 'Xong' },
      shop.specialist.headers,
    );
    await ok(approved.id, { action: 'approve', version: 3 }, shop.leader.headers);
    const back = await inProgress();
    await ok(
      back.id,
      { action: 'finish', version: 2, resultSummary: 'Xong' },
      shop.specialist.headers,
    );
    await ok(back.id, { action: 'send_back', version: 3, reason: 'Sửa lại' }, shop.leader.headers);
    const plain = await inProgress();

    const approval = await ids('awaiting=approval', shop.leader.headers);
    expect(approval).toContain(waiting.id);
    for (const id of [approved.id, back.id, plain.id]) expect(approval).not.toContain(id);

    const sentBack = await ids('sentBack=true&assignedToMe=true', shop.specialist.headers);
    expect(sentBack).toContain(back.id);
    for (const id of [waiting.id, approved.id, plain.id]) expect(sentBack).not.toContain(id);
    // Finished again, it is no longer "sent back to me".
    await ok(
      back.id,
      { action: 'finish', version: 4, resultSummary: 'Đã sửa' },
      shop.specialist.headers,
    );
    expect(await ids('sentBack=true', shop.specialist.headers)).not.toContain(back.id);
    expect(await ids('awaiting=approval', shop.leader.headers)).toContain(back.id);

    // Due soon is the deadline sweep's mark on a running dossier not yet overdue.
    await sql`update dossier set due_soon_at = now() where id = ${plain.id}`.execute(t.db.kysely);
    const dueSoon = await ids('dueSoon=true', shop.leader.headers);
    expect(dueSoon).toContain(plain.id);
    expect(dueSoon).not.toContain(waiting.id);

    // Received at the desk: channel direct, never online.
    expect(await ids('channel=direct', shop.leader.headers)).toContain(plain.id);
    expect(await ids('channel=online', shop.leader.headers)).not.toContain(plain.id);
    // An outcome looks at finished dossiers too; a running one has none.
    const early = await ids('outcome=early', shop.leader.headers);
    expect(early).toEqual(expect.arrayContaining([waiting.id, approved.id]));
    expect(early).not.toContain(plain.id);
    expect(await ids('outcome=late', shop.leader.headers)).not.toContain(waiting.id);
  });

  it("a date range bounds the finishing day with dates=finished (the on-time rate's period)", async () => {
    const done = await inProgress();
    await ok(
      done.id,
      { action: 'finish', version: 2, resultSummary: 'Xong' },
      shop.specialist.headers,
    );
    // Received in February, finished in March (Vietnam time).
    await sql`update dossier set received_at = '2026-02-20T03:00:00Z',
      finished_at = '2026-03-10T03:00:00Z' where id = ${done.id}`.execute(t.db.kysely);
    const running = await inProgress();
    await sql`update dossier set received_at = '2026-03-05T03:00:00Z' where id = ${running.id}`.execute(
      t.db.kysely,
    );
    const march = 'from=2026-03-01&to=2026-03-31';
    const finishedInMarch = await ids(`dates=finished&${march}`, shop.leader.headers);
    expect(finishedInMarch).toContain(done.id);
    expect(finishedInMarch).not.toContain(running.id);
    const receivedInMarch = await ids(march, shop.leader.headers);
    expect(receivedInMarch).toContain(running.id);
    expect(receivedInMarch).not.toContain(done.id);
    expect(await ids(`dates=received&${march}`, shop.leader.headers)).toEqual(receivedInMarch);
    const feb = 'from=2026-02-01&to=2026-02-28';
    expect(await ids(`dates=received&${feb}`, shop.leader.headers)).toContain(done.id);
    expect(await ids(`dates=finished&${feb}`, shop.leader.headers)).not.toContain(done.id);
  });

  it('refuses values outside each filter with a problem, not a 5xx', async () => {
    for (const q of [
      'awaiting=me',
      'sentBack=yes',
      'channel=fax',
      'outcome=soon',
      'dueSoon=1',
      'dates=closed',
    ]) {
      const r = await t.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers?${q}`,
        headers: shop.leader.headers,
      });
      expect(r.statusCode, q).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
  });
});
