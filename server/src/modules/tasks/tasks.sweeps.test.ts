// Deadline sweeps through the app's job runner and outbox to a real SMTP server: the lead
// unit's officers hear once that a task is due soon and once that it is overdue; a new
// deadline re-arms the notices.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { startSmtpServer } from '../notifications/notifications.test-support.js';
import { buildTaskWorld, call, START, signInAgain, type TaskWorld } from './tasks.test-support.js';

// Two cores shared by several suites: an embedded database is slow here, never wrong.
vi.setConfig({ testTimeout: 240_000 });

const clock = new FixedClock(START);
let t: TestApp;
let w: TaskWorld;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    clock,
    config: {
      smtpUrl: smtp.url,
      smtpFrom: '"UBND thử" <vanphong@example.vn>',
      publicUrl: 'https://cqs.example.vn',
    },
  });
  w = await buildTaskWorld(t);
}, 240_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** One sweep and the mark jobs it queues, then one outbox dispatch; the mail it sent. */
async function sweepAndDispatch() {
  const before = smtp.received.length;
  await t.ctx.jobs.enqueue(t.ctx.kysely, 'task.sweep-deadlines', {});
  while ((await t.ctx.jobs.tick()) > 0) {}
  // The outbox job sends what is due by the wall clock: one second ahead of the database's now().
  const real = clock.now();
  clock.set(new Date(Math.max(real.getTime(), Date.now() + 1000)));
  await t.ctx.jobs.enqueue(t.ctx.kysely, 'notifications.dispatch', {});
  while ((await t.ctx.jobs.tick()) > 0) {}
  clock.set(real);
  return smtp.received.slice(before);
}

describe('task deadline sweeps', () => {
  it('due soon before Tết, overdue after it: each once, to the lead unit’s officers', async () => {
    clock.set(START);
    const r = await call(t, w.cityLeader.headers, 'POST', '/tasks', {
      content: 'Hoàn thành rà soát hộ nghèo trước Tết',
      leadUnitCode: w.units.A,
      supportUnitCodes: [w.units.B],
      deadline: { on: '2027-02-04' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id as string;
    const mine = (mails: Awaited<ReturnType<typeof sweepAndDispatch>>) =>
      mails.filter((m) => m.text.includes(`/nhiem-vu/${id}`));
    // Monday 25/01: the deadline is 8 working days away — nothing yet.
    expect(mine(await sweepAndDispatch())).toEqual([]);
    // Monday 01/02: Thursday 04/02 is 3 working days away — due soon.
    clock.set(new Date('2027-02-01T08:00:00+07:00'));
    const soon = mine(await sweepAndDispatch());
    expect(soon.flatMap((m) => m.envelopeTo).sort()).toEqual(
      [w.leaderA.email, w.specialistA.email].sort(),
    );
    expect(soon[0]!.subject).toContain('Nhiệm vụ sắp đến hạn 04/02/2027');
    expect(mine(await sweepAndDispatch())).toEqual([]);
    // Monday 08/02, inside Tết: the deadline has passed — overdue, once.
    clock.set(new Date('2027-02-08T09:00:00+07:00'));
    const late = mine(await sweepAndDispatch());
    expect(late.flatMap((m) => m.envelopeTo).sort()).toEqual(
      [w.leaderA.email, w.specialistA.email].sort(),
    );
    expect(late[0]!.subject).toContain('Nhiệm vụ quá hạn từ 04/02/2027');
    expect(late[0]!.text).toContain('https://cqs.example.vn/nhiem-vu/');
    expect(mine(await sweepAndDispatch())).toEqual([]);
    // A new deadline (a Tết day → Friday 12/02) re-arms the notices: due soon again.
    await signInAgain(t, [w.cityLeader]);
    const task = (await call(t, w.cityLeader.headers, 'GET', `/tasks/${id}`)).body;
    const moved = await call(t, w.cityLeader.headers, 'PATCH', `/tasks/${id}`, {
      version: task.version,
      deadline: { on: '2027-02-09' },
    });
    expect(moved.body.deadlineOn).toBe('2027-02-12');
    expect(mine(await sweepAndDispatch()).map((m) => m.subject)[0]).toContain(
      'sắp đến hạn 12/02/2027',
    );
    const events = (await call(t, w.cityLeader.headers, 'GET', `/tasks/${id}`)).body.events.map(
      (e: { action: string }) => e.action,
    );
    expect(events).toEqual(['create', 'due_soon', 'overdue', 'update', 'due_soon']);
  });

  it('an ongoing task, a paused one and a done one are never swept', async () => {
    clock.set(new Date('2027-02-01T08:00:00+07:00'));
    await signInAgain(t, [w.cityLeader, w.specialistA]);
    const make = async (deadline: unknown) =>
      (
        await call(t, w.cityLeader.headers, 'POST', '/tasks', {
          content: 'Nhiệm vụ không nhắc',
          leadUnitCode: w.units.A,
          deadline,
        })
      ).body;
    const ongoing = await make({ ongoing: true });
    const paused = await make({ on: '2027-02-03' });
    await call(t, w.cityLeader.headers, 'POST', `/tasks/${paused.id}/actions`, {
      action: 'pause',
      reason: 'Chờ ý kiến',
      version: paused.version,
    });
    const done = await make({ on: '2027-02-03' });
    await call(t, w.specialistA.headers, 'POST', `/tasks/${done.id}/progress`, {
      percent: 100,
      text: 'Xong',
      done: true,
    });
    clock.set(new Date('2027-02-15T08:00:00+07:00'));
    const mails = await sweepAndDispatch();
    for (const x of [ongoing, paused, done])
      expect(mails.filter((m) => m.text.includes(x.id))).toEqual([]);
  });
});
