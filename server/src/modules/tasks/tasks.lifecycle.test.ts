// Tasks through the API, with the real calendar, identity, org and facts: lifecycle, deadlines
// across Tết, "our tasks" vs the assigning unit's lists, 404 for other units, refused input.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { FixedClock } from '../../platform/clock.js';
import { scanFacts } from '../../platform/facts/index.js';
import { TaskService } from './index.js';
import { buildTaskWorld, call, START, signInAgain, type TaskWorld } from './tasks.test-support.js';

// Two cores shared by several suites: an embedded database is slow here, never wrong.
vi.setConfig({ testTimeout: 240_000 });

const clock = new FixedClock(START);
let t: TestApp;
let w: TaskWorld;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await buildTaskWorld(t);
}, 120_000);
afterAll(async () => t?.close());

const PDF = Buffer.from('%PDF-1.4\n% minh chung\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function assign(body: Record<string, unknown>, who = w.cityLeader.headers) {
  const r = await call(t, who, 'POST', '/tasks', {
    content: 'Số hoá 100% hồ sơ tồn đọng của Bộ phận Một cửa',
    leadUnitCode: w.units.A,
    deadline: { ongoing: true },
    ...body,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; version: number; deadlineOn: string | null } & Record<
    string,
    unknown
  >;
}

/** The task's fact as the indicators would read it (scanFacts pages by subject id). */
const facts = async (id: string) => {
  let after: string | undefined;
  for (;;) {
    const page = await scanFacts(t.db.kysely, { kind: 'task', afterSubjectId: after, limit: 500 });
    const found = page.find((f) => f.subjectId === id);
    if (found || page.length < 500) return found;
    after = page[page.length - 1]!.subjectId;
  }
};

describe('a task from assignment to done', () => {
  it('moves a deadline on a Tết day to the next working day, with a note', async () => {
    clock.set(START);
    const task = await assign({
      deadline: { on: '2027-02-06' },
      supportUnitCodes: [w.units.B],
      responsibleId: w.specialistA.id,
      source: { type: 'plan_section', id: 'ke-hoach-2027:ha-tang-so', label: 'Hạ tầng số' },
    });
    expect(task).toMatchObject({
      deadlineOn: '2027-02-12',
      status: 'not_started',
      statusLabel: 'Chưa bắt đầu',
      assignedByUnitCode: w.units.city,
      leadUnitCode: w.units.A,
      supportUnitCodes: [w.units.B],
      responsible: { id: w.specialistA.id, fullName: 'Cán bộ cv.a' },
      overdue: false,
      percent: 0,
    });
    expect(task.deadlineNote).toContain('Tết');
    expect(task.deadlineNote).toContain('12/02/2027');
    const f = await facts(task.id);
    expect(f).toMatchObject({
      unitCode: w.units.A,
      data: {
        assignedByUnitCode: w.units.city,
        status: 'not_started',
        deadlineOn: '2027-02-12',
        createdOn: '2027-01-25',
      },
    });
  });

  it('progress, a supporting note, evidence, then done on time — each an event, audit row and fact', async () => {
    clock.set(START);
    const task = await assign({ deadline: { on: '2027-02-04' }, supportUnitCodes: [w.units.B] });
    const p1 = await call(t, w.specialistA.headers, 'POST', `/tasks/${task.id}/progress`, {
      percent: 40,
      text: 'Đã số hoá 400/1000 hồ sơ.',
    });
    expect(p1.status).toBe(201);
    expect(p1.body).toMatchObject({ status: 'in_progress', percent: 40 });
    // A supporting unit adds notes, never a figure.
    const figure = await call(t, w.specialistB.headers, 'POST', `/tasks/${task.id}/progress`, {
      percent: 50,
      text: 'Phường B báo cáo.',
    });
    expect(figure.status).toBe(403);
    const note = await call(t, w.specialistB.headers, 'POST', `/tasks/${task.id}/progress`, {
      text: 'Phường B đã cử 2 cán bộ hỗ trợ quét hồ sơ.',
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ percent: 40, status: 'in_progress' });
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/files?filename=${encodeURIComponent('Biên bản số hoá.pdf')}`,
      headers: { ...w.specialistA.headers, 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().id as string;
    clock.set(new Date('2027-02-03T10:00:00+07:00'));
    await signInAgain(t, [w.specialistA, w.specialistB, w.cityLeader]);
    const done = await call(t, w.specialistA.headers, 'POST', `/tasks/${task.id}/progress`, {
      percent: 100,
      text: 'Hoàn thành số hoá.',
      fileIds: [fileId],
      done: true,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body).toMatchObject({
      status: 'done',
      doneOn: '2027-02-03',
      onTime: true,
      percent: 100,
    });
    const d = await call(t, w.cityLeader.headers, 'GET', `/tasks/${task.id}`);
    expect(d.status).toBe(200);
    expect(d.body.events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'progress',
      'note',
      'file.upload',
      'done',
    ]);
    expect(d.body.progress.map((p: { percent: number | null }) => p.percent)).toEqual([
      40,
      null,
      100,
    ]);
    expect(d.body.progress[2].fileIds).toEqual([fileId]);
    expect(d.body.files[0]).toMatchObject({
      id: fileId,
      filename: 'Biên bản số hoá.pdf',
      progressId: d.body.progress[2].id,
    });
    // A grant covers its unit's subtree: the city's leader may also report for a ward.
    expect(d.body.allowed).toEqual({ manage: true, report: true, note: true });
    const asB = await call(t, w.specialistB.headers, 'GET', `/tasks/${task.id}`);
    expect(asB.body.allowed).toEqual({ manage: false, report: false, note: true });
    const audit = await sql<{ action: string }>`select action from audit_log
      where entity_type = 'task' and entity_id = ${task.id} order by id`.execute(t.db.kysely);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'task.create',
      'task.progress',
      'task.note',
      'task.file.upload',
      'task.done',
    ]);
    expect((await facts(task.id))?.data).toMatchObject({
      status: 'done',
      doneOn: '2027-02-03',
      onTime: true,
    });
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tasks/${task.id}/files/${fileId}`,
      headers: w.specialistB.headers,
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // A finished task takes no more reports.
    const more = await call(t, w.specialistA.headers, 'POST', `/tasks/${task.id}/progress`, {
      percent: 100,
      text: 'Báo cáo thêm.',
    });
    expect(more.status).toBe(409);
  });

  it('N working days skip Tết; overdue only after the moved deadline; done late is not on time', async () => {
    clock.set(new Date('2027-02-01T08:00:00+07:00'));
    await signInAgain(t, [w.cityLeader]);
    const task = await assign({ deadline: { workingDays: 5 } });
    // 02, 03, 04/02 then Tết (05–11/02) then 12 and 15/02.
    expect(task.deadlineOn).toBe('2027-02-15');
    expect(task.deadlineNote).toContain('5 ngày làm việc');
    for (const [at, overdue] of [
      ['2027-02-10T09:00:00+07:00', false],
      ['2027-02-15T16:59:00+07:00', false],
      ['2027-02-16T08:00:00+07:00', true],
    ] as const) {
      clock.set(new Date(at));
      await signInAgain(t, [w.leaderA, w.cityLeader]);
      const g = await call(t, w.leaderA.headers, 'GET', `/tasks/${task.id}`);
      expect(g.body.overdue, at).toBe(overdue);
      const list = await call(t, w.cityLeader.headers, 'GET', '/tasks?overdue=true&limit=200');
      expect(
        list.body.items.some((i: { id: string }) => i.id === task.id),
        at,
      ).toBe(overdue);
    }
    const g = await call(t, w.leaderA.headers, 'GET', `/tasks/${task.id}`);
    expect(g.body.statusLabel).toBe('Quá hạn');
    const done = await call(t, w.leaderA.headers, 'POST', `/tasks/${task.id}/progress`, {
      percent: 100,
      text: 'Xong, chậm một ngày.',
      done: true,
    });
    expect(done.body).toMatchObject({
      status: 'done',
      doneOn: '2027-02-16',
      onTime: false,
      overdue: false,
    });
    expect((await facts(task.id))?.data).toMatchObject({ onTime: false, doneOn: '2027-02-16' });
  });
});

describe('who sees and does what', () => {
  it('our tasks vs the assigning unit, filters, and 404 for other units', async () => {
    clock.set(START);
    const ledByA = await assign({ content: 'Nhiệm vụ phường A chủ trì' });
    const ledByB = await assign({ content: 'Nhiệm vụ phường B chủ trì', leadUnitCode: w.units.B });
    const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => i.id);
    const mineA = await call(t, w.specialistA.headers, 'GET', '/tasks/mine?limit=200');
    expect(ids(mineA)).toContain(ledByA.id);
    expect(ids(mineA)).not.toContain(ledByB.id);
    const cityAll = await call(t, w.cityLeader.headers, 'GET', '/tasks?limit=200');
    expect(ids(cityAll)).toEqual(expect.arrayContaining([ledByA.id, ledByB.id]));
    expect(ids(await call(t, w.cityLeader.headers, 'GET', '/tasks/mine'))).toEqual([]);
    const byLead = await call(t, w.cityLeader.headers, 'GET', `/tasks?lead=${w.units.B}&limit=200`);
    expect(ids(byLead)).toContain(ledByB.id);
    expect(ids(byLead)).not.toContain(ledByA.id);
    // Ward A asking for ward B's subtree gets none of it; the city gets it.
    expect(ids(await call(t, w.specialistA.headers, 'GET', `/tasks?unit=${w.units.B}`))).toEqual(
      [],
    );
    const bySource = await call(
      t,
      w.cityLeader.headers,
      'GET',
      '/tasks?source=plan_section:ke-hoach-2027:ha-tang-so&limit=200',
    );
    expect(bySource.body.items.length).toBeGreaterThan(0);
    expect(
      bySource.body.items.every(
        (i: { source: { type: string } }) => i.source.type === 'plan_section',
      ),
    ).toBe(true);
    // Paging: one at a time walks the same set.
    let cursor: string | null = null;
    const walked: string[] = [];
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await call(
        t,
        w.cityLeader.headers,
        'GET',
        `/tasks?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      walked.push(...ids(page));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(ids(cityAll));
    // Ward B's staff do not see ward A's task (not supporting it): 404 on read and write.
    expect((await call(t, w.specialistB.headers, 'GET', `/tasks/${ledByA.id}`)).status).toBe(404);
    expect(
      (
        await call(t, w.leaderB.headers, 'PATCH', `/tasks/${ledByA.id}`, {
          version: 1,
          content: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(t, w.specialistB.headers, 'POST', `/tasks/${ledByA.id}/progress`, {
          percent: 10,
          text: 'x',
        })
      ).status,
    ).toBe(404);
    // The lead unit reads but does not steer a task the city assigned.
    expect(
      (
        await call(t, w.leaderA.headers, 'POST', `/tasks/${ledByA.id}/actions`, {
          action: 'pause',
          reason: 'x',
          version: 1,
        })
      ).status,
    ).toBe(403);
    // Ward A's administrator may not assign from the city, nor to ward B from ward A.
    expect(
      (
        await call(t, w.adminA.headers, 'POST', '/tasks', {
          content: 'x',
          assignedByUnitCode: w.units.city,
          leadUnitCode: w.units.A,
          deadline: { ongoing: true },
        })
      ).status,
    ).toBe(403);
    const outside = await call(t, w.adminA.headers, 'POST', '/tasks', {
      content: 'Giao cho phường bạn',
      leadUnitCode: w.units.B,
      deadline: { ongoing: true },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.code).toBe('task_unit_outside');
  });

  it('pause, resume and cancel by the assigning unit, with versions (If-Match too)', async () => {
    clock.set(START);
    const task = await assign({ deadline: { on: '2027-03-01' } });
    const paused = await call(t, w.citySecretariat.headers, 'POST', `/tasks/${task.id}/actions`, {
      action: 'pause',
      reason: 'Chờ kinh phí',
      version: task.version,
    });
    expect(paused.body).toMatchObject({ status: 'paused', statusLabel: 'Tạm dừng' });
    expect(
      (
        await call(t, w.specialistA.headers, 'POST', `/tasks/${task.id}/progress`, {
          percent: 10,
          text: 'x',
        })
      ).status,
    ).toBe(409);
    const stale = await call(
      t,
      w.cityLeader.headers,
      'PATCH',
      `/tasks/${task.id}`,
      { content: 'Nội dung mới' },
      { 'if-match': `"${task.version}"` },
    );
    expect(stale.status).toBe(409);
    const patched = await call(
      t,
      w.cityLeader.headers,
      'PATCH',
      `/tasks/${task.id}`,
      { content: 'Nội dung mới', deadline: { on: '2027-04-30' } },
      { 'if-match': `"${paused.body.version}"` },
    );
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    // 30/04 is Reunification Day (and 01/05 Labour Day, then a weekend): Tuesday 04/05.
    expect(patched.body).toMatchObject({ content: 'Nội dung mới', deadlineOn: '2027-05-04' });
    const resumed = await call(t, w.cityLeader.headers, 'POST', `/tasks/${task.id}/actions`, {
      action: 'resume',
      version: patched.body.version,
    });
    expect(resumed.body.status).toBe('not_started');
    const cancelled = await call(t, w.cityLeader.headers, 'POST', `/tasks/${task.id}/actions`, {
      action: 'cancel',
      reason: 'Không còn phù hợp',
      version: resumed.body.version,
    });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await facts(task.id))?.data.status).toBe('cancelled');
  });
});

describe('refused input changes nothing', () => {
  it('an invalid percent, a past or malformed deadline, done below 100: 400', async () => {
    clock.set(START);
    const task = await assign({ deadline: { on: '2027-03-01' } });
    const events = async () =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from task_event where task_id = ${task.id}`.execute(
          t.db.kysely,
        )
      ).rows[0]!.n;
    const before = {
      events: await events(),
      task: (await call(t, w.leaderA.headers, 'GET', `/tasks/${task.id}`)).body,
    };
    for (const body of [
      { percent: 150, text: 'Quá trăm' },
      { percent: -1, text: 'Âm' },
      { percent: 12.5, text: 'Lẻ' },
      { percent: 90, text: 'Chưa đủ', done: true },
      { percent: 50, text: '' },
    ]) {
      const r = await call(t, w.specialistA.headers, 'POST', `/tasks/${task.id}/progress`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    for (const deadline of [
      { on: '2027-01-20' },
      { on: '2027-02-30' },
      { workingDays: 0 },
      { on: '2027-03-01', ongoing: true },
    ]) {
      const r = await call(t, w.cityLeader.headers, 'PATCH', `/tasks/${task.id}`, {
        version: task.version,
        deadline,
      });
      expect(r.status, JSON.stringify(deadline)).toBe(400);
    }
    const r = await call(t, w.cityLeader.headers, 'POST', '/tasks', {
      content: 'Hạn đã qua',
      leadUnitCode: w.units.A,
      deadline: { on: '2026-12-31' },
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('task_deadline_past');
    expect(await events()).toBe(before.events);
    expect((await call(t, w.leaderA.headers, 'GET', `/tasks/${task.id}`)).body).toEqual(
      before.task,
    );
  });
});

describe('other modules create tasks through TaskService', () => {
  it('createMany with a source, all or none, found again by source', async () => {
    clock.set(START);
    const svc = new TaskService({ db: t.db.kysely, clock });
    const source = {
      type: 'directive' as const,
      id: 'van-ban-15/CT-UBND',
      label: 'Chỉ thị 15/CT-UBND',
    };
    const base = { content: 'Triển khai chỉ thị', source, deadline: { workingDays: 10 } };
    await expect(
      svc.createMany(
        SYSTEM_ACTOR,
        [
          { ...base, assignedByUnitCode: w.units.city, leadUnitCode: w.units.A },
          { ...base, assignedByUnitCode: w.units.city, leadUnitCode: 'KHONG-CO' },
        ],
        { authorize: false },
      ),
    ).rejects.toMatchObject({ code: 'unknown_unit' });
    expect(await svc.bySource('directive', source.id)).toEqual([]);
    const rows = await svc.createMany(
      SYSTEM_ACTOR,
      [
        { ...base, assignedByUnitCode: w.units.city, leadUnitCode: w.units.A },
        {
          ...base,
          assignedByUnitCode: w.units.city,
          leadUnitCode: w.units.B,
          kind: 'carried_over',
        },
      ],
      { authorize: false },
    );
    expect(rows).toHaveLength(2);
    const found = await svc.bySource('directive', source.id);
    expect(found.map((r) => [r.lead_unit_code, r.kind]).sort()).toEqual(
      [
        [w.units.A, 'new'],
        [w.units.B, 'carried_over'],
      ].sort(),
    );
    // With authorization (the default) the system actor, who manages no unit, is refused.
    await expect(
      svc.create(SYSTEM_ACTOR, {
        ...base,
        assignedByUnitCode: w.units.city,
        leadUnitCode: w.units.A,
      }),
    ).rejects.toMatchObject({ code: 'task_manage_forbidden' });
  });
});
