import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProcedureInput } from '../../../test/factories/procedures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { COLUMNS, SHEET_NAME, XLSX_MIME } from './procedures.xlsx.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  for (const name of [
    'Đăng ký khai sinh',
    'Chứng thực bản sao từ bản chính',
    'Đăng ký thành lập hộ kinh doanh',
  ]) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedures',
      headers: t.admin.headers,
      payload: buildProcedureInput({ name }),
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await t?.close();
});

type Item = Record<string, unknown> & { code: string; name: string; version: number };

const exportJson = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/export?format=json' });
  expect(res.statusCode).toBe(200);
  return res.json() as { format: string; version: number; items: Item[] };
};
const exportXlsx = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/export?format=xlsx' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_MIME);
  expect(res.headers['content-disposition']).toMatch(
    /^attachment; filename="thu-tuc-hanh-chinh-\d{4}-\d{2}-\d{2}\.xlsx"$/,
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
};
const importJson = (payload: unknown, headers = t.admin.headers) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/import?format=json',
    headers,
    payload: payload as object,
  });
const importXlsx = async (wb: ExcelJS.Workbook) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/import?format=xlsx',
    headers: { ...t.admin.headers, 'content-type': XLSX_MIME },
    payload: Buffer.from(await wb.xlsx.writeBuffer()),
  });
const snapshot = async () =>
  t.ctx.kysely
    .selectFrom('procedure')
    .select(['id', 'code', 'name', 'version', 'status'])
    .orderBy('code')
    .orderBy('id')
    .execute();
const auditCount = async () =>
  Number(
    (
      await t.ctx.kysely
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('JSON export and import', () => {
  it('round-trips: re-import changes nothing, edits update, new codes create', async () => {
    const file = await exportJson();
    expect(file).toMatchObject({ format: 'cqs-procedures', version: 1 });
    expect(file.items.length).toBeGreaterThanOrEqual(3);

    const same = await importJson(file);
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual({ created: 0, updated: 0, unchanged: file.items.length });

    const fresh = buildProcedureInput({ name: 'Thủ tục mới từ tệp' });
    const edited = {
      ...file,
      items: [{ ...file.items[0]!, name: 'Tên đã sửa qua tệp' }, ...file.items.slice(1), fresh],
    };
    const res = await importJson(edited);
    expect(res.json()).toEqual({ created: 1, updated: 1, unchanged: file.items.length - 1 });

    const after = await exportJson();
    const first = after.items.find((p) => p.code === file.items[0]!.code)!;
    expect(first).toMatchObject({
      name: 'Tên đã sửa qua tệp',
      version: file.items[0]!.version + 1,
    });
    expect(after.items.some((p) => p.code === fresh.code && p.name === 'Thủ tục mới từ tệp')).toBe(
      true,
    );

    const audits = await t.ctx.kysely
      .selectFrom('audit_log')
      .select(['entity_id'])
      .where('action', '=', 'procedure.import')
      .execute();
    expect(audits).toHaveLength(2);
  });

  it('changes nothing when one row is bad, and lists every bad row', async () => {
    const file = await exportJson();
    const before = await snapshot();
    const audits = await auditCount();
    const items = [
      { ...file.items[0]!, name: 'Sửa hợp lệ nhưng không được lưu' },
      { ...file.items[1]!, code: '12345' },
      buildProcedureInput({ name: 'Mới hợp lệ nhưng không được lưu' }),
      { ...buildProcedureInput(), fees: [{ name: 'Lệ phí', amount: -5 }] },
      { ...file.items[2]!, code: file.items[0]!.code },
    ];
    const res = await importJson({ ...file, items });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.detail).toBe('Tệp nhập có 3 lỗi; chưa có thay đổi nào được lưu.');
    expect(body.errors).toEqual([
      {
        path: 'items.1.code',
        message: 'Nhập mã thủ tục theo định dạng 1.001193 hoặc 2.000815.000.00.00.H55.',
      },
      { path: 'items.3.fees.0.amount', message: 'Số tiền không được âm.' },
      {
        path: 'items.4.code',
        message: `Mã thủ tục ${file.items[0]!.code} lặp lại (đã có ở mục 1).`,
      },
    ]);
    expect(await snapshot()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses a body that is not an export file', async () => {
    const res = await importJson({ items: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'format', message: 'Trường "format" phải là "cqs-procedures".' },
      { path: 'version', message: 'Chỉ hỗ trợ tệp phiên bản 1.' },
      { path: 'items', message: 'Trường "items" phải là danh sách thủ tục.' },
    ]);
  });

  it('refuses anonymous imports with 401 before reading the body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedures/import',
      payload: { format: 'cqs-procedures', version: 1, items: [] },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('XLSX export and import', () => {
  it('writes one sheet "Thủ tục" with the header row and one row per procedure', async () => {
    const { items } = await exportJson();
    const wb = await exportXlsx();
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET_NAME]);
    const ws = wb.getWorksheet(SHEET_NAME)!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(COLUMNS.map((c) => c.header));
    expect(header.slice(0, 3)).toEqual(['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực']);
    expect(ws.rowCount).toBe(items.length + 1);
    const codeCol = header.indexOf('Mã thủ tục') + 1;
    const nameCol = header.indexOf('Tên thủ tục') + 1;
    const levelCol = header.indexOf('Cấp thực hiện') + 1;
    const feesCol = header.indexOf('Phí, lệ phí (JSON)') + 1;
    expect(ws.getRow(2).getCell(codeCol).value).toBe(items[0]!.code);
    expect(ws.getRow(2).getCell(nameCol).value).toBe(items[0]!.name);
    expect(ws.getRow(2).getCell(levelCol).value).toBe('Cấp xã');
    expect(JSON.parse(String(ws.getRow(2).getCell(feesCol).value))).toEqual(items[0]!.fees);
  });

  it('round-trips an edited workbook: unchanged rows stay, an edited name updates', async () => {
    const { items } = await exportJson();
    const same = await importXlsx(await exportXlsx());
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual({ created: 0, updated: 0, unchanged: items.length });

    const wb = await exportXlsx();
    const ws = wb.getWorksheet(SHEET_NAME)!;
    ws.getRow(2).getCell(2).value = 'Tên sửa trong Excel';
    ws.getRow(3).getCell(6).value = '3,5'; // typed the Vietnamese way
    const res = await importXlsx(wb);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 0, updated: 2, unchanged: items.length - 2 });
    const after = (await exportJson()).items;
    expect(after.find((p) => p.code === items[0]!.code)!.name).toBe('Tên sửa trong Excel');
    expect(after.find((p) => p.code === items[1]!.code)!.processingTime).toEqual({
      value: 3.5,
      unit: 'working_days',
    });
  });

  it('rejects the whole workbook when a row is bad, naming the sheet row', async () => {
    const before = await snapshot();
    const wb = await exportXlsx();
    const ws = wb.getWorksheet(SHEET_NAME)!;
    ws.getRow(2).getCell(2).value = 'Sửa hợp lệ nhưng không được lưu';
    ws
      .getRow(3)
      .getCell(COLUMNS.findIndex((c) => c.header === 'Quy trình xử lý (JSON)') + 1).value =
      '[{"order": 1,';
    ws.getRow(4).getCell(5).value = 'Cấp thôn';
    const res = await importXlsx(wb);
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; message: string }[];
    expect(errors).toEqual([
      {
        path: 'items.1.steps',
        message: 'Cột "Quy trình xử lý (JSON)" không phải JSON hợp lệ. (dòng 3)',
      },
      {
        path: 'items.2.level',
        message:
          'Chọn cấp thực hiện: province (Cấp tỉnh), district (Cấp huyện), commune (Cấp xã). (dòng 4)',
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file that is not a workbook', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedures/import?format=xlsx',
      headers: { ...t.admin.headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('not a zip'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe(
      'Không đọc được tệp Excel (.xlsx). Hãy dùng tệp xuất từ hệ thống.',
    );
  });
});

describe('returning a result whose fee is unpaid (unpaidReturn)', () => {
  it('travels through JSON export and import; a file from before the field keeps the default', async () => {
    const file = await exportJson();
    expect(file.items.every((p) => p.unpaidReturn === 'with_reason')).toBe(true);
    // A file written before the setting existed: nothing changes.
    const old = {
      ...file,
      items: file.items.map(({ unpaidReturn: _u, ...rest }) => rest),
    };
    expect((await importJson(old)).json()).toEqual({
      created: 0,
      updated: 0,
      unchanged: file.items.length,
    });
    const res = await importJson({
      ...file,
      items: [{ ...file.items[0]!, unpaidReturn: 'refuse' }, ...file.items.slice(1)],
    });
    expect(res.json()).toEqual({ created: 0, updated: 1, unchanged: file.items.length - 1 });
    const after = (await exportJson()).items.find((p) => p.code === file.items[0]!.code)!;
    expect(after.unpaidReturn).toBe('refuse');
    const bad = await importJson({
      ...file,
      items: [{ ...file.items[0]!, unpaidReturn: 'sometimes' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('items.0.unpaidReturn');
  });

  it('has its own XLSX column read by label or code; a workbook without it keeps the default', async () => {
    const { items } = await exportJson();
    const col = COLUMNS.findIndex((c) => c.header === 'Trả kết quả khi chưa nộp phí, lệ phí') + 1;
    expect(col).toBeGreaterThan(0);
    const wb = await exportXlsx();
    const ws = wb.getWorksheet(SHEET_NAME)!;
    const row = (code: string) =>
      ws.getRows(2, items.length)!.find((r) => r.getCell(1).value === code)!;
    const refusing = items.find((p) => p.unpaidReturn === 'refuse')!;
    const other = items.find((p) => p.unpaidReturn === 'with_reason')!;
    expect(row(refusing.code).getCell(col).value).toBe('Chỉ trả kết quả khi đã nộp đủ phí, lệ phí');
    row(refusing.code).getCell(col).value = 'with_reason';
    row(other.code).getCell(col).value = 'Chỉ trả kết quả khi đã nộp đủ phí, lệ phí';
    expect((await importXlsx(wb)).json()).toMatchObject({ updated: 2 });
    const after = (await exportJson()).items;
    expect(after.find((p) => p.code === refusing.code)!.unpaidReturn).toBe('with_reason');
    expect(after.find((p) => p.code === other.code)!.unpaidReturn).toBe('refuse');

    // An older workbook without the column: read, and the setting stays at the default.
    const older = await exportXlsx();
    older.getWorksheet(SHEET_NAME)!.spliceColumns(col, 1);
    const res = await importXlsx(older);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, updated: 1 }); // `other` back to the default
    expect((await exportJson()).items.every((p) => p.unpaidReturn === 'with_reason')).toBe(true);
  });
});
