// A plan's tasks become tasks of the tasks module when the plan is created (issue 12), in the
// plan's transaction: lead and supporting agencies matched by name to units of the plan's
// subtree (else the plan's unit, the written names kept in the content), "thường xuyên" unless
// a deadline is given, Mới / Chuyển tiếp → new / carried over, and the plan shows each taskId.
import { randomUUID } from 'node:crypto';
import type { PlanDocumentInput } from '@cqs/shared/plans/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../test/factories/org.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { agencyKey, unitsByAgencyKey } from './plans.tasks.js';

// Monday 23/11/2026 09:00 in Vietnam.
const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
let t: TestApp;
const PASSWORD = 'mat-khau-can-bo-1';
const u = { city: '', A: '', B: '', other: '' };
let leader: Record<string, string>;
const tag = randomUUID().slice(0, 6);

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.db.kysely;
  const province = (await buildUnit(db, { kind: 'province' })).code;
  u.city = (
    await buildUnit(db, { kind: 'district', category: 'thanh_pho', parentCode: province })
  ).code;
  u.A = (
    await buildUnit(db, { kind: 'commune', parentCode: u.city, name: `Phường Hòa An ${tag}` })
  ).code;
  u.B = (
    await buildUnit(db, { kind: 'commune', parentCode: u.city, name: `Phường Mỹ Thới ${tag}` })
  ).code;
  // Same name pattern outside the city: never matched.
  u.other = (await buildUnit(db, { kind: 'commune', name: `Xã Bình Hòa ${tag}` })).code;
  const username = `kh.leader.${tag}`;
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: t.admin.headers,
    payload: {
      username,
      password: PASSWORD,
      fullName: 'Lãnh đạo thử',
      roles: [{ role: 'leader', unitCode: u.city }],
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  leader = (await t.login(username, PASSWORD)).headers;
});
afterAll(() => t.close());

const plan = (): PlanDocumentInput => ({
  unitCode: u.city,
  year: 2027,
  title: `Kế hoạch chuyển đổi số năm 2027 ${tag}`,
  issuer: 'UBND thành phố',
  status: 'draft',
  targets: [],
  tasks: [
    {
      no: '1',
      group: 'IV. Nhiệm vụ > 2. Hạ tầng số',
      name: 'Nâng cấp mạng nội bộ của phường',
      lead: [`UBND  phường Hòa An ${tag}`],
      support: [`Phường Mỹ Thới ${tag}`, 'Công an thành phố', `Xã Bình Hòa ${tag}`],
      kind: 'Chuyển tiếp',
      deadline: '2027-06-30',
    },
    {
      no: '2',
      name: 'Rà soát quy chế quản lý dữ liệu',
      content: 'Hoàn thành trước quý IV',
      lead: ['Phòng Nội vụ'],
      kind: 'Mới',
    },
    { no: null, name: 'Tổng kết năm 2023', deadline: '2023-12-31' },
  ],
  budget: [],
});

type Task = {
  content: string;
  source: { type: string; id: string | null; label: string | null };
  assignedByUnitCode: string;
  leadUnitCode: string;
  supportUnitCodes: string[];
  kind: string;
  deadlineOn: string | null;
  status: string;
};

describe('plan tasks become tasks', () => {
  it('matches agency names the way the plans write them', () => {
    expect(agencyKey('UBND  phường Mỹ Bình')).toBe(agencyKey('Phường Mỹ Bình'));
    expect(agencyKey('Ủy ban nhân dân xã Mỹ Hòa Hưng')).toBe('xã mỹ hòa hưng');
    expect(agencyKey('Phòng Nội vụ')).not.toBe(agencyKey('Phòng Tư pháp'));
    // Seed 003 names the city's offices without the city (org.demo.ts full names).
    const keys = unitsByAgencyKey(
      [
        { code: '883', name: 'Thành phố Long Xuyên' },
        { code: '883.VHTT', name: 'Phòng Văn hóa và Thông tin thành phố Long Xuyên' },
        { code: '883.CA', name: 'Công an thành phố Long Xuyên' },
        { code: '30280', name: 'Phường Mỹ Bình' },
        { code: '30280.K01', name: 'Khóm 1 Long Xuyên' },
        { code: '30283.K01', name: 'Khóm 1 thành phố Long Xuyên' },
      ],
      'Thành phố Long Xuyên',
    );
    expect(keys.get(agencyKey('Phòng Văn hóa và Thông tin'))).toBe('883.VHTT');
    expect(keys.get(agencyKey('Công an thành phố'))).toBe('883.CA');
    expect(keys.get(agencyKey('UBND phường Mỹ Bình'))).toBe('30280');
    // Two units read "Khóm 1" once the place is cut: ambiguous, so neither.
    expect(keys.has('khóm 1')).toBe(false);
  });

  it('creates one task per plan task with the plan, and the plan shows each taskId', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: leader,
      payload: plan(),
    });
    expect(r.statusCode, r.body).toBe(201);
    const created = r.json() as { id: string; tasks: { id: string; taskId: string | null }[] };
    const got = await t.app.inject({
      method: 'GET',
      url: `/api/v1/plans/${created.id}`,
      headers: leader,
    });
    const planTasks = (got.json() as typeof created).tasks;
    expect(planTasks).toHaveLength(3);
    const tasks: Task[] = [];
    for (const pt of planTasks) {
      expect(pt.taskId).toMatch(/^[0-9a-f-]{36}$/);
      const tr = await t.app.inject({
        method: 'GET',
        url: `/api/v1/tasks/${pt.taskId}`,
        headers: leader,
      });
      expect(tr.statusCode, tr.body).toBe(200);
      const body = tr.json() as Task & { task?: Task };
      tasks.push(body.task ?? body);
    }
    const label = `Kế hoạch chuyển đổi số năm 2027 ${tag}`;
    expect(tasks[0]).toMatchObject({
      content: `1. Nâng cấp mạng nội bộ của phường\nCơ quan phối hợp (theo kế hoạch): Công an thành phố; Xã Bình Hòa ${tag}.`,
      source: {
        type: 'plan_task',
        id: planTasks[0]!.id,
        label: `${label} — IV. Nhiệm vụ > 2. Hạ tầng số`,
      },
      assignedByUnitCode: u.city,
      leadUnitCode: u.A,
      supportUnitCodes: [u.B],
      kind: 'carried_over',
      deadlineOn: '2027-06-30',
      status: 'not_started',
    });
    expect(tasks[1]).toMatchObject({
      content:
        '2. Rà soát quy chế quản lý dữ liệu\nHoàn thành trước quý IV\nCơ quan chủ trì (theo kế hoạch): Phòng Nội vụ.',
      source: { type: 'plan_task', id: planTasks[1]!.id, label },
      leadUnitCode: u.city,
      supportUnitCodes: [],
      kind: 'new',
      deadlineOn: null,
    });
    // A deadline already past (a 2023 plan loaded in 2026) is kept as written, the task ongoing.
    expect(tasks[2]).toMatchObject({
      content: 'Tổng kết năm 2023\nThời hạn theo kế hoạch: 31/12/2023.',
      leadUnitCode: u.city,
      deadlineOn: null,
    });
  });
});
