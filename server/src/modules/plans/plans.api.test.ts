import { randomUUID } from 'node:crypto';
import type { PlanDocumentInput } from '@cqs/shared/plans/index';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../test/factories/org.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { getPlanTargets } from './index.js';

// The plans API over a small tree: province › city (district) › wards A and B › a hamlet of A,
// and an unrelated commune X elsewhere. Who reads, who writes, assignments down, target edits,
// and refused imports that store nothing.

let t: TestApp;
const PASSWORD = 'mat-khau-can-bo-1';
const u = { province: '', city: '', A: '', B: '', hamlet: '', X: '' };
const who: Record<string, Record<string, string>> = {};

async function user(role: string, unitCode: string) {
  const username = `kh.${role}.${randomUUID().slice(0, 8)}`;
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: t.admin.headers,
    payload: { username, password: PASSWORD, fullName: 'Cán bộ thử', roles: [{ role, unitCode }] },
  });
  expect(r.statusCode).toBe(201);
  return (await t.login(username, PASSWORD)).headers;
}

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) => t.app.inject({ method, url: `/api/v1/${url}`, headers, payload: payload as never });

function planOf(unitCode: string): PlanDocumentInput {
  return {
    unitCode,
    year: 2027,
    title: `Kế hoạch chuyển đổi số năm 2027 ${randomUUID().slice(0, 6)}`,
    issuer: 'UBND thành phố',
    status: 'draft',
    targets: [
      {
        sectionCode: 'chinh_quyen_so',
        text: 'Tỷ lệ hồ sơ nộp trực tuyến đạt 50%, phấn đấu 100%.',
        indicatorCode: 'dossiers.online',
        comparator: '>=',
        targetValue: 50,
        stretchValue: 100,
        unitOfMeasure: '%',
      },
      {
        sectionCode: 'xa_hoi_so',
        text: '70% người dân có tài khoản định danh điện tử.',
        comparator: '=',
        targetValue: 70,
        unitOfMeasure: '%',
      },
    ],
    tasks: [{ no: '1', name: 'Nâng cấp hạ tầng mạng nội bộ', kind: 'Mới' }],
    budget: [{ no: '1', name: 'Hạ tầng', total: 1_250_000_000, local: 1_250_000_000 }],
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.kysely;
  u.province = (await buildUnit(db, { kind: 'province' })).code;
  u.city = (
    await buildUnit(db, { kind: 'district', category: 'thanh_pho', parentCode: u.province })
  ).code;
  u.A = (await buildUnit(db, { kind: 'commune', category: 'phuong', parentCode: u.city })).code;
  u.B = (await buildUnit(db, { kind: 'commune', category: 'phuong', parentCode: u.city })).code;
  u.hamlet = (await buildUnit(db, { parentCode: u.A })).code;
  u.X = (await buildUnit(db, { kind: 'commune' })).code;
  who.leadCity = await user('leader', u.city);
  who.secrCity = await user('secretariat', u.city);
  who.deskA = await user('desk_officer', u.A);
  who.leadA = await user('leader', u.A);
  who.leadX = await user('leader', u.X);
  who.admin = t.admin.headers;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const countPlans = async () =>
  Number(
    (await sql<{ n: number }>`select count(*)::int as n from plan`.execute(t.db.kysely)).rows[0]!.n,
  );

describe('plans: who writes', () => {
  it('lets the city leader create the city plan, answering the full plan', async () => {
    const r = await call('POST', 'plans', who.leadCity!, planOf(u.city));
    expect(r.statusCode).toBe(201);
    const p = r.json();
    expect(p.unitCode).toBe(u.city);
    expect(p.targets).toHaveLength(2);
    expect(p.targets[0]).toMatchObject({ targetValue: 50, stretchValue: 100, comparator: '>=' });
    expect(p.sections.map((s: { code: string }) => s.code)).toEqual([
      'chinh_quyen_so',
      'xa_hoi_so',
    ]);
    expect(p.budget[0].total).toBe(1_250_000_000);
    const audit = await sql<{ action: string }>`select action from audit_log
      where entity_id = ${p.id}`.execute(t.db.kysely);
    expect(audit.rows.map((x) => x.action)).toEqual(['plan.create']);
  });

  it('refuses a desk officer (403) and a leader of another unit (403), storing nothing', async () => {
    const before = await countPlans();
    expect((await call('POST', 'plans', who.deskA!, planOf(u.A))).statusCode).toBe(403);
    expect((await call('POST', 'plans', who.leadX!, planOf(u.city))).statusCode).toBe(403);
    expect((await call('POST', 'plans', who.leadA!, planOf(u.city))).statusCode).toBe(403);
    expect(await countPlans()).toBe(before);
  });

  it('refuses an unknown unit (400)', async () => {
    const r = await call('POST', 'plans', who.admin!, planOf('T999999999'));
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('unknown_unit');
  });
});

describe('plans: who reads', () => {
  let id = '';
  beforeAll(async () => {
    id = (await call('POST', 'plans', who.secrCity!, planOf(u.city))).json().id;
  });

  it('lets staff of the line read: a ward desk officer reads the city plan', async () => {
    const r = await call('GET', `plans/${id}`, who.deskA!);
    expect(r.statusCode).toBe(200);
    const list = await call('GET', `plans?unit=${u.city}&year=2027`, who.deskA!);
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(id);
  });

  it('answers 404 to another unit, and lists none of its plans', async () => {
    expect((await call('GET', `plans/${id}`, who.leadX!)).statusCode).toBe(404);
    expect((await call('GET', `plans/${id}/export.json`, who.leadX!)).statusCode).toBe(404);
    expect((await call('GET', `plans/${id}/export.xlsx`, who.leadX!)).statusCode).toBe(404);
    const list = await call('GET', `plans?unit=${u.city}`, who.leadX!);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(id);
    expect((await call('GET', `plans/${randomUUID()}`, who.deskA!)).statusCode).toBe(404);
  });

  it('pages the list with a cursor', async () => {
    const first = await call('GET', `plans?unit=${u.city}&limit=1`, who.admin!);
    expect(first.json().items).toHaveLength(1);
    const cursor = first.json().nextCursor as string;
    expect(cursor).toBeTruthy();
    const second = await call('GET', `plans?unit=${u.city}&limit=1&cursor=${cursor}`, who.admin!);
    expect(second.json().items[0].id).not.toBe(first.json().items[0].id);
    expect((await call('GET', 'plans?cursor=abc', who.admin!)).statusCode).toBe(400);
  });
});

describe('plans: targets and assignments down', () => {
  let id = '';
  let targetId = '';
  beforeAll(async () => {
    const p = (await call('POST', 'plans', who.leadCity!, planOf(u.city))).json();
    id = p.id;
    targetId = p.targets[0].id;
  });

  it('assigns a target to child wards with their own values; indicators read them', async () => {
    const r = await call('PUT', `plans/${id}/targets/${targetId}/assignments`, who.leadCity!, {
      items: [
        { unitCode: u.A, value: 60 },
        { unitCode: u.B, value: 45.5 },
      ],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().assignments).toMatchObject([
      { unitCode: u.A, value: 60 },
      { unitCode: u.B, value: 45.5 },
    ]);
    const got = await getPlanTargets(t.db.kysely, id);
    expect(got!.plan).toMatchObject({ id, unitCode: u.city, year: 2027 });
    const rows = got!.targets.filter((x) => x.id === targetId);
    expect(rows.map((x) => [x.unitCode, x.targetValue, x.stretchValue])).toEqual([
      [u.city, 50, 100],
      [u.A, 60, null],
      [u.B, 45.5, null],
    ]);
    expect(rows[0]).toMatchObject({
      indicatorCode: 'dossiers.online',
      comparator: '>=',
      baseline: null,
      unitOfMeasure: '%',
      sectionCode: 'chinh_quyen_so',
    });
    expect(await getPlanTargets(t.db.kysely, randomUUID())).toBeNull();
    expect(await getPlanTargets(t.db.kysely, 'not-a-uuid')).toBeNull();
  });

  it('refuses a unit that is not a direct child (a hamlet below, another unit): 400, unchanged', async () => {
    for (const bad of [u.hamlet, u.X, u.city]) {
      const r = await call('PUT', `plans/${id}/targets/${targetId}/assignments`, who.leadCity!, {
        items: [{ unitCode: bad, value: 1 }],
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('assignment_not_child');
      expect(r.json().detail).toContain(bad);
    }
    const dup = await call('PUT', `plans/${id}/targets/${targetId}/assignments`, who.leadCity!, {
      items: [
        { unitCode: u.A, value: 1 },
        { unitCode: u.A, value: 2 },
      ],
    });
    expect(dup.statusCode).toBe(400);
    const p = (await call('GET', `plans/${id}`, who.leadCity!)).json();
    expect(p.targets[0].assignments).toHaveLength(2);
  });

  it('refuses assignments in POST to a non-child too', async () => {
    const doc = planOf(u.city);
    doc.targets![0]!.assignments = [{ unitCode: u.hamlet, value: 1 }];
    const r = await call('POST', 'plans', who.leadCity!, doc);
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('assignment_not_child');
  });

  it('lets a writer change the indicator link and values, audited with an event', async () => {
    const r = await call('PATCH', `plans/${id}/targets/${targetId}`, who.secrCity!, {
      indicatorCode: 'dossiers.on_time',
      targetValue: 55,
      baseline: 41.2,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      indicatorCode: 'dossiers.on_time',
      targetValue: 55,
      baseline: 41.2,
    });
    const audit = await sql<{ before: unknown; after: unknown }>`select before, after from audit_log
      where action = 'plan.target.update' and entity_id = ${targetId}`.execute(t.db.kysely);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.before).toMatchObject({
      indicatorCode: 'dossiers.online',
      targetValue: 50,
    });
    const events = await sql<{ action: string }>`select action from plan_event
      where plan_id = ${id} order by id`.execute(t.db.kysely);
    expect(events.rows.map((e) => e.action)).toEqual([
      'created',
      'target.assigned',
      'target.updated',
    ]);
  });

  it('refuses writes by a reader (403), by another unit (404), and unknown targets (404)', async () => {
    const url = `plans/${id}/targets/${targetId}`;
    expect((await call('PATCH', url, who.deskA!, { targetValue: 1 })).statusCode).toBe(403);
    expect((await call('PATCH', url, who.leadA!, { targetValue: 1 })).statusCode).toBe(403);
    expect((await call('PATCH', url, who.leadX!, { targetValue: 1 })).statusCode).toBe(404);
    expect((await call('PUT', `${url}/assignments`, who.leadX!, { items: [] })).statusCode).toBe(
      404,
    );
    expect(
      (
        await call('PATCH', `plans/${id}/targets/${randomUUID()}`, who.leadCity!, {
          targetValue: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect((await call('PATCH', url, who.leadCity!, { bogus: 1 })).statusCode).toBe(400);
    // An empty change answers the target as it is.
    const same = await call('PATCH', url, who.leadCity!, {});
    expect(same.statusCode).toBe(200);
    expect(same.json().targetValue).toBe(55);
  });
});

describe('plans: withdrawal (thu hồi)', () => {
  let id = '';
  let targetId = '';
  let taskIds: string[] = [];
  beforeAll(async () => {
    const doc = planOf(u.city);
    doc.tasks = [
      { no: '1', name: 'Nâng cấp hạ tầng mạng nội bộ', kind: 'Mới' },
      { no: '2', name: 'Số hoá hồ sơ lưu trữ', kind: 'Chuyển tiếp' },
    ];
    const p = (await call('POST', 'plans', who.secrCity!, doc)).json();
    id = p.id;
    targetId = p.targets[0].id;
    taskIds = p.tasks.map((x: { taskId: string }) => x.taskId);
    // The second task was finished before the plan was withdrawn: it stays done.
    await sql`update task set status = 'done', percent = 100 where id = ${taskIds[1]}`.execute(
      t.db.kysely,
    );
  });

  it('refuses a reader (403), another unit (404) and an empty reason (400), changing nothing', async () => {
    const url = `plans/${id}/withdraw`;
    expect((await call('POST', url, who.deskA!, { reason: 'Nhập nhầm' })).statusCode).toBe(403);
    expect((await call('POST', url, who.leadX!, { reason: 'Nhập nhầm' })).statusCode).toBe(404);
    expect(
      (await call('POST', `plans/${randomUUID()}/withdraw`, who.leadCity!, { reason: 'x' }))
        .statusCode,
    ).toBe(404);
    const empty = await call('POST', url, who.leadCity!, { reason: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect((await call('GET', `plans/${id}`, who.leadCity!)).json().withdrawn).toBeNull();
  });

  it('withdraws: kept with its history, out of the default list, its open tasks cancelled', async () => {
    const r = await call('POST', `plans/${id}/withdraw`, who.secrCity!, {
      reason: 'Nhập nhầm tệp, thay bằng kế hoạch đã ban hành',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().withdrawn).toMatchObject({
      // The actor's display name (test accounts carry their login as their name).
      byName: expect.stringMatching(/^kh\.secretariat\./),
      reason: 'Nhập nhầm tệp, thay bằng kế hoạch đã ban hành',
    });
    expect(r.json().targets).toHaveLength(2);

    const listed = (q: string) =>
      call('GET', `plans?unit=${u.city}&year=2027&limit=100${q}`, who.leadCity!).then((x) =>
        x.json().items.map((p: { id: string }) => p.id),
      );
    expect(await listed('')).not.toContain(id);
    expect(await listed('&withdrawn=true')).toContain(id);

    const status = async (taskId: string) =>
      (await call('GET', `tasks/${taskId}`, who.leadCity!)).json().status;
    expect(await status(taskIds[0]!)).toBe('cancelled');
    expect(await status(taskIds[1]!)).toBe('done');

    const audit = await sql<{ action: string }>`select action from audit_log
      where entity_id = ${id} order by id`.execute(t.db.kysely);
    expect(audit.rows.map((x) => x.action)).toEqual(['plan.create', 'plan.withdraw']);
    const events = await sql<{ action: string }>`select action from plan_event
      where plan_id = ${id} order by id`.execute(t.db.kysely);
    expect(events.rows.map((e) => e.action)).toEqual(['created', 'withdrawn']);
    const taskAudit = await sql<{ action: string }>`select action from audit_log
      where entity_id = ${taskIds[0]} order by id`.execute(t.db.kysely);
    expect(taskAudit.rows.map((x) => x.action)).toContain('task.cancel');
  });

  it('refuses a second withdrawal and edits of a withdrawn plan (409)', async () => {
    const again = await call('POST', `plans/${id}/withdraw`, who.leadCity!, { reason: 'Lần hai' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('plan_withdrawn');
    const edit = await call('PATCH', `plans/${id}/targets/${targetId}`, who.leadCity!, {
      targetValue: 60,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('plan_withdrawn');
    const assign = await call('PUT', `plans/${id}/targets/${targetId}/assignments`, who.leadCity!, {
      items: [],
    });
    expect(assign.statusCode).toBe(409);
  });
});

describe('plans: import of a bad workbook', () => {
  const post = (payload: Buffer, headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/plans/import.xlsx',
      headers: {
        ...headers,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload,
    });

  it('refuses bytes that are not a workbook (400 invalid_xlsx)', async () => {
    const r = await post(Buffer.from('khong phai excel'), who.leadCity!);
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('invalid_xlsx');
  });

  it('lists every bad cell by sheet, row and column, and stores nothing', async () => {
    const p = (await call('POST', 'plans', who.leadCity!, planOf(u.city))).json();
    const xlsx = (await call('GET', `plans/${p.id}/export.xlsx`, who.leadCity!)).rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as never);
    const targets = wb.getWorksheet('Mục tiêu')!;
    const header = (name: string) => {
      let col = 0;
      targets.getRow(1).eachCell((c, i) => {
        if (c.value === name) col = i;
      });
      return col;
    };
    targets.getRow(2).getCell(header('Giá trị mục tiêu')).value = 'năm mươi';
    targets.getRow(3).getCell(header('So sánh')).value = '≥';
    wb.getWorksheet('Nhiệm vụ')!.getRow(2).getCell(5).value = null; // Tên nhiệm vụ
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await countPlans();
    const r = await post(bad, who.leadCity!);
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.code).toBe('invalid_plan_file');
    expect(body.detail).toContain('trang "Mục tiêu", dòng 2, cột "Giá trị mục tiêu"');
    expect(body.detail).toContain('"năm mươi" không phải là số');
    expect(body.detail).toContain('trang "Mục tiêu", dòng 3, cột "So sánh"');
    expect(body.detail).toContain('trang "Nhiệm vụ", dòng 2, cột "Tên nhiệm vụ"');
    expect(await countPlans()).toBe(before);
  });

  it('refuses a desk officer with a good workbook (403) and stores nothing', async () => {
    const p = (await call('POST', 'plans', who.leadCity!, planOf(u.A))).json();
    const xlsx = (await call('GET', `plans/${p.id}/export.xlsx`, who.leadCity!)).rawPayload;
    const before = await countPlans();
    expect((await post(xlsx, who.deskA!)).statusCode).toBe(403);
    expect(await countPlans()).toBe(before);
  });
});
