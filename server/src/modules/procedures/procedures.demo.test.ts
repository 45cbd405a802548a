import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/helpers.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import type { Db } from '../../platform/db/connect.js';
import {
  demoProcedures,
  getProcedureByCode,
  listProcedures,
  seedDemoProcedures,
  validateFormData,
} from './index.js';
import { compileFormSchema } from './procedures.form-data.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

describe('demo catalogue', () => {
  it('has at least 25 valid procedures with forms and steps, each a valid JSON Schema (ajv strict)', () => {
    const items = demoProcedures();
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(new Set(items.map((p) => p.code)).size).toBe(items.length);
    for (const code of ['1.001193', '1.000894', '1.000656', '1.004873', '2.000815', '2.000720']) {
      expect(items.map((p) => p.code)).toContain(code);
    }
    for (const p of items) {
      expect(p.components.some((c) => c.formSchema !== null)).toBe(true);
      expect(p.steps.length).toBeGreaterThanOrEqual(3);
      for (const c of p.components)
        if (c.formSchema) expect(() => compileFormSchema(c.formSchema!)).not.toThrow();
    }
  });

  it('seeds once: a second run adds nothing, and every insert is audited', async () => {
    const added = await seedDemoProcedures(db.kysely, SYSTEM_ACTOR);
    expect(added).toBe(demoProcedures().length);
    expect(await seedDemoProcedures(db.kysely, SYSTEM_ACTOR)).toBe(0);
    const audits = await db.kysely
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'procedure')
      .execute();
    expect(audits).toHaveLength(added);
    expect(new Set(audits.map((a) => a.action))).toEqual(new Set(['procedure.create']));
  });

  it('finds seeded procedures by code and by accent-free search', async () => {
    const birth = await getProcedureByCode(db.kysely, '1.001193');
    expect(birth).toMatchObject({ name: 'Đăng ký khai sinh', level: 'commune', status: 'active' });
    const page = await listProcedures(db.kysely, {
      q: 'dang ky khai sinh',
      status: 'active',
      limit: 10,
    });
    expect(page.items.map((p) => p.code)).toEqual(['1.001193', '1.004884']);
    await expect(getProcedureByCode(db.kysely, '9.999999')).rejects.toMatchObject({
      code: 'procedure_not_found',
      status: 404,
    });
  });
});

describe('validateFormData', () => {
  const birthForm = () =>
    demoProcedures().find((p) => p.code === '1.001193')!.components[0]!.formSchema!;

  it('accepts a complete birth registration', () => {
    expect(
      validateFormData(birthForm(), {
        treHoTen: 'Nguyễn Minh An',
        treNgaySinh: '2026-11-02',
        treGioiTinh: 'Nam',
        treDanToc: 'Kinh',
        treQuocTich: 'Việt Nam',
        treNoiSinh: 'Bệnh viện Đa khoa tỉnh Tây Ninh',
        meHoTen: 'Trần Thị Bình',
        nguoiYeuCauHoTen: 'Trần Thị Bình',
        nguoiYeuCauCccd: '072190000123',
        quanHeVoiTre: 'Mẹ',
      }),
    ).toEqual([]);
  });

  it('names each problem by the field title, in Vietnamese', () => {
    const problems = validateFormData(birthForm(), {
      treHoTen: 'Nguyễn Minh An',
      treNgaySinh: '2026-02-30',
      treGioiTinh: 'Khác',
      nguoiYeuCauCccd: '12345',
      thuaRa: 1,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'treDanToc', message: 'Nhập Dân tộc.' },
        { path: 'treNgaySinh', message: 'Ngày, tháng, năm sinh: nhập một ngày có thật.' },
        { path: 'treGioiTinh', message: 'Giới tính: chọn một giá trị trong danh sách.' },
        {
          path: 'nguoiYeuCauCccd',
          message: 'Số định danh cá nhân của người yêu cầu không đúng định dạng.',
        },
        { path: 'thuaRa', message: 'Biểu mẫu không có trường "thuaRa".' },
      ]),
    );
  });
});
