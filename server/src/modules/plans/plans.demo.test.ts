import fs from 'node:fs';
import path from 'node:path';
import { type PlanDocument, PlanDocumentSchema } from '@cqs/shared/plans/index';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { seedDemoOrg } from '../org/index.js';
import { seedDemoPlans } from './index.js';
import { SEED_PLANS_DIR, seedDocuments } from './plans.seed.js';

// The demo plans, loaded as written from server/assets/seed-plans, and both round trips
// (JSON and XLSX) for each of them.

let t: TestApp;
let docs: PlanDocument[];
const ids = new Map<string, string>(); // seed file → demo plan id
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const seedJson = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(SEED_PLANS_DIR, file), 'utf8'));
const get = (url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/${url}`, headers: t.admin.headers });

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoOrg(t.db.kysely, SYSTEM_ACTOR);
  await seedDemoPlans(t.db.kysely, SYSTEM_ACTOR);
  // Twice: each plan is loaded once.
  await seedDemoPlans(t.db.kysely, SYSTEM_ACTOR);
  docs = (await seedDocuments()).map((d) => PlanDocumentSchema.parse(d));
  const list = (await get('plans?year=2023')).json();
  for (const p of list.items) {
    const d = docs.find((x) => x.title === p.title)!;
    ids.set(d.source!, p.id);
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the demo plans', () => {
  it('loads each seed plan once, on its unit', async () => {
    const list = (await get('plans?year=2023')).json();
    expect(list.items.map((p: { unitCode: string }) => p.unitCode).sort()).toEqual([
      '26668',
      '450',
      '883',
    ]);
    expect(ids.size).toBe(3);
  });

  it("stores seed 002's 20 targets, 41 tasks and 7 budget rows as written", async () => {
    const seed = seedJson('002_dc9a4c4105ad1bd8.json');
    const p = (await get(`plans/${ids.get('seed-plans/002_dc9a4c4105ad1bd8.json')}`)).json();
    expect(p.title).toBe('KẾ HOẠCH Thực hiện chuyển đổi số thành phố Đồng Hới năm 2023');
    expect(p.unitName).toBe('Thành phố Đồng Hới');
    expect([p.targets.length, p.tasks.length, p.budget.length]).toEqual([20, 41, 7]);
    p.targets.forEach((x: Record<string, unknown>, i: number) => {
      const s = seed.targets[i];
      expect([x.text, x.comparator, x.targetValue, x.unitOfMeasure, x.section]).toEqual([
        s.text,
        s.comparator,
        s.value,
        s.unit,
        s.section,
      ]);
    });
    p.tasks.forEach((x: Record<string, unknown>, i: number) => {
      const s = seed.tasks[i];
      expect([x.no, x.group, x.name, x.content, x.lead, x.support, x.kind, x.deadline]).toEqual([
        s.no,
        s.group,
        s.name,
        s.content,
        s.lead,
        s.support,
        s.kind,
        s.deadline,
      ]);
    });
    p.budget.forEach((x: Record<string, unknown>, i: number) => {
      const { id: _id, position: _p, ...rest } = x;
      expect(rest).toEqual(seed.budget[i]);
    });
    // The indicator links of the computable targets whose meaning matches the library.
    expect(p.targets[10].indicatorCode).toBe('dossiers.online');
    expect(p.targets[12].indicatorCode).toBe('payments.online');
    expect(p.targets[0].indicatorCode).toBeNull();
    expect([p.targets[2].scope, p.targets[3].scope]).toEqual(['cơ quan UBND thành phố', 'cấp xã']);
  });

  it("keeps seed 004's stretch values on the target they stretch", async () => {
    const p = (await get(`plans/${ids.get('seed-plans/004_5976f59e7e536721.json')}`)).json();
    expect(p.targets).toHaveLength(43);
    const online = p.targets.find(
      (x: { text: string; targetValue: number }) =>
        x.text.startsWith('100% hồ sơ, kết quả giải quyết') && x.targetValue === 50,
    );
    expect(online).toMatchObject({
      indicatorCode: 'dossiers.online',
      comparator: '=',
      targetValue: 50,
      stretchValue: 100,
      stretchText:
        'Phấn đấu 100% hồ sơ thủ tục hành chính được người dân, doanh nghiệp thực hiện trực tuyến.',
    });
    const eid = p.targets.filter((x: { text: string }) =>
      x.text.startsWith('30% dân số trưởng thành có tài khoản định danh điện tử'),
    );
    expect(
      eid.map((x: { targetValue: number; stretchValue: number }) => [
        x.targetValue,
        x.stretchValue,
      ]),
    ).toEqual([[30, 50]]);
    expect(eid[0].stretchText).toBeNull(); // the same sentence gives both figures
    const health = p.targets.filter((x: { text: string }) =>
      x.text.includes('hồ sơ sức khỏe điện tử'),
    );
    expect(
      health.map((x: { targetValue: number; stretchValue: number }) => [
        x.targetValue,
        x.stretchValue,
      ]),
    ).toEqual([[90, 95]]);
    const rank = p.targets.at(-1);
    expect(rank).toMatchObject({
      sectionCode: 'khac',
      comparator: '<=',
      targetValue: 10,
      unitOfMeasure: 'rank',
    });
  });

  it("holds Long Xuyên's §III targets and its tasks with their kind", async () => {
    const p = (await get(`plans/${ids.get('seed-plans/003_d8b721c987cbb105.json')}`)).json();
    expect(p.unitCode).toBe('883');
    expect(p.targets).toHaveLength(26);
    expect(
      p.targets.every((x: { section: string }) => x.section.startsWith('Phần II > III. MỤC TIÊU')),
    ).toBe(true);
    expect(p.targets[1]).toMatchObject({ indicatorCode: 'portal.prefilled', targetValue: 40 });
    expect(p.tasks).toHaveLength(43);
    const kinds = p.tasks.map((x: { kind: string | null }) => x.kind).filter(Boolean);
    expect(kinds.filter((k: string) => k === 'Mới')).toHaveLength(7);
    expect(kinds.filter((k: string) => k === 'Chuyển tiếp')).toHaveLength(2);
    // Each became a task of the city (issue 12), carried over where the plan says so.
    const links = p.tasks.map((x: { taskId: string | null }) => x.taskId);
    expect(new Set(links.filter(Boolean)).size).toBe(43);
    const carried = p.tasks.find((x: { kind: string | null }) => x.kind === 'Chuyển tiếp');
    const task = (await get(`tasks/${carried.taskId}`)).json();
    expect(task.task ?? task).toMatchObject({
      source: { type: 'plan_task', id: carried.id },
      assignedByUnitCode: '883',
      kind: 'carried_over',
      deadlineOn: null,
    });
  });
});

describe('round trips', () => {
  it('POST → export.json gives the input back, for all three demo plans', async () => {
    for (const doc of docs) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/plans',
        headers: t.admin.headers,
        payload: doc,
      });
      expect(r.statusCode).toBe(201);
      const back = await get(`plans/${r.json().id}/export.json`);
      expect(back.statusCode).toBe(200);
      expect(back.json()).toEqual(doc);
    }
  });

  it('export.xlsx → import.xlsx (multipart) gives the same plan, for all three', async () => {
    for (const doc of docs) {
      const id = ids.get(doc.source!)!;
      const x = await get(`plans/${id}/export.xlsx`);
      expect(x.statusCode).toBe(200);
      expect(x.headers['content-type']).toContain(XLSX);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as never);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        'Kế hoạch',
        'Mục tiêu',
        'Nhiệm vụ',
        'Kinh phí',
      ]);
      const headers = (name: string) => {
        const out: string[] = [];
        wb.getWorksheet(name)!
          .getRow(1)
          .eachCell((c) => {
            out.push(String(c.value));
          });
        return out;
      };
      expect(headers('Mục tiêu')).toContain('Chỉ tiêu (nguyên văn)');
      expect(headers('Mục tiêu')).toContain('Giá trị phấn đấu');
      expect(headers('Nhiệm vụ')).toEqual(
        expect.arrayContaining(['Tên nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Loại']),
      );
      expect(headers('Kinh phí')).toEqual(
        expect.arrayContaining(['Tổng kinh phí', 'Ngân sách trung ương', 'Ngân sách địa phương']),
      );
      expect(wb.getWorksheet('Mục tiêu')!.getRow(2).getCell(5).value).toBe(doc.targets[0]!.text);
      expect(wb.getWorksheet('Kế hoạch')!.getRow(4).getCell(2).value).toBe(doc.title);

      const form = new FormData();
      form.append(
        'file',
        new Blob([new Uint8Array(x.rawPayload)], { type: XLSX }),
        'ke-hoach.xlsx',
      );
      const req = new Request('http://localhost/', { method: 'POST', body: form });
      const body = Buffer.from(await req.arrayBuffer());
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/plans/import.xlsx',
        headers: { ...t.admin.headers, 'content-type': req.headers.get('content-type')! },
        payload: body,
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().id).not.toBe(id);
      expect((await get(`plans/${r.json().id}/export.json`)).json()).toEqual(doc);
    }
  });

  it('stores Vietnamese text in the workbook as it is (a task of seed 003)', async () => {
    const x = await get(`plans/${ids.get('seed-plans/003_d8b721c987cbb105.json')}/export.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    const kinds: unknown[] = [];
    tasks.eachRow((row, n) => {
      if (n > 1) kinds.push(row.getCell(9).value);
    });
    expect(kinds).toContain('Chuyển tiếp');
    const n = await sql<{
      n: number;
    }>`select count(*)::int as n from plan where unit_code = '883'`.execute(t.db.kysely);
    expect(n.rows[0]!.n).toBeGreaterThanOrEqual(2);
  });
});
