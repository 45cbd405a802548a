import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildReportArea,
  buildReportInput,
  REPORT_STAFF_PASSWORD,
} from '../../../test/factories/reports.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';

const clock = new FixedClock(new Date('2026-11-23T02:00:00Z')); // Mon 09:00 +07
let t: TestApp;
let area: Awaited<ReturnType<typeof buildReportArea>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  area = await buildReportArea(t);
});
afterAll(() => t.close());

const sweep = async () => {
  await t.ctx.jobs.enqueue(t.ctx.kysely, 'report.sweep-deadlines', {});
  await t.ctx.jobs.tick();
  await t.ctx.jobs.tick();
};
const snapshot = async (id: string) => {
  const row = await t.db.kysely
    .selectFrom('report')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const counts = await sql<{ events: number; outbox: number; audit: number }>`select
      (select count(*)::int from report_event where report_id = ${id}) as events,
      (select count(*)::int from notification_outbox where related_id = ${id}) as outbox,
      (select count(*)::int from audit_log where entity_id = ${id}) as audit`.execute(t.db.kysely);
  return { row, ...counts.rows[0]! };
};

describe('report deadline sweep', () => {
  it('marks due soon, then overdue, and escalates once to the parent unit, however often it runs', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: buildReportInput(area),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code, dueAt } = res.json();
    // Accept within 2 working days: Wed 25/11 17:00.
    expect(dueAt).toBe('2026-11-25T10:00:00.000Z');

    // Tue 17:00: one working day left → due soon, not overdue.
    clock.set(new Date('2026-11-24T10:00:00Z'));
    await sweep();
    let s = await snapshot(id);
    expect(s.row.due_soon_at).not.toBeNull();
    expect(s.row.overdue_at).toBeNull();
    expect(s.row.escalated_at).toBeNull();

    // Thu 09:00: overdue → marked and escalated to the district (the ward's parent).
    clock.set(new Date('2026-11-26T02:00:00Z'));
    await sweep();
    s = await snapshot(id);
    expect(s.row.overdue_at).not.toBeNull();
    expect(s.row.escalated_at).not.toBeNull();
    expect(s.row.version).toBe(2);
    const events = await t.db.kysely
      .selectFrom('report_event')
      .selectAll()
      .where('report_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['submit', 'escalate']);
    expect(events[1]!.payload).toMatchObject({ escalatedTo: area.east.code });
    const mail = await sql<{ recipient: string; subject: string }>`select recipient, subject
      from notification_outbox where related_id = ${id} and template = 'report.escalated'`.execute(
      t.db.kysely,
    );
    expect(mail.rows).toEqual([
      { recipient: 'lanhdao.huyen@example.vn', subject: `Phản ánh ${code} quá hạn xử lý` },
    ]);

    // Running again (and again) changes nothing.
    await sweep();
    clock.advance(3600_000);
    await sweep();
    const again = await snapshot(id);
    expect(again).toEqual(s);
  });

  it('does not touch reports whose deadline is still far or that are closed', async () => {
    clock.set(new Date('2026-11-30T02:00:00Z')); // Mon 09:00
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: buildReportInput(area),
      remoteAddress: '10.9.0.2',
    });
    const { id } = res.json();
    await sweep();
    const s = await snapshot(id);
    expect(s.row.due_soon_at).toBeNull();
    expect(s.row.overdue_at).toBeNull();
    expect(s.row.escalated_at).toBeNull();
  });
});

describe('closing resolved reports after the reopen window', () => {
  const sweepClose = async () => {
    await t.ctx.jobs.enqueue(t.ctx.kysely, 'report.sweep-close-resolved', {});
    await t.ctx.jobs.tick();
    await t.ctx.jobs.tick();
  };
  /** Takes a staff action with a fresh session (the clock jumps past session lifetimes). */
  const act = async (who: { username: string }, id: string, body: Record<string, unknown>) => {
    const { headers } = await t.login(who.username, REPORT_STAFF_PASSWORD);
    const version = (
      await t.app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers })
    ).json().version;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/actions`,
      headers,
      payload: { version, ...body },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('closes a resolved report once the window has passed, once, as the system', async () => {
    clock.set(new Date('2026-12-01T02:00:00Z')); // Tue 09:00
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: buildReportInput(area),
      remoteAddress: '10.9.0.3',
    });
    const { id } = res.json();
    await act(area.desk, id, { action: 'accept' });
    await act(area.leader, id, { action: 'assign', assigneeUsername: area.specialist.username });
    await act(area.specialist, id, { action: 'start' });
    await act(area.specialist, id, { action: 'resolve', reply: 'Đã thay bóng đèn.' });

    // Six days later the reporter may still say "not fixed": nothing happens.
    clock.set(new Date('2026-12-07T02:00:00Z'));
    await sweepClose();
    expect((await snapshot(id)).row.status).toBe('resolved');

    // Seven days and a minute after the resolution: closed by the system.
    clock.set(new Date('2026-12-08T02:01:00Z'));
    await sweepClose();
    const s = await snapshot(id);
    expect(s.row.status).toBe('closed');
    expect(s.row.closed_at).not.toBeNull();
    const last = await t.db.kysely
      .selectFrom('report_event')
      .selectAll()
      .where('report_id', '=', id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'close', actor_name: 'Hệ thống', actor_id: null });
    expect(last.payload).toMatchObject({ automatic: true });

    // The reporter can no longer reopen; running the sweep again changes nothing.
    await sweepClose();
    expect(await snapshot(id)).toEqual(s);
  });
});
