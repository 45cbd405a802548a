// Generates form 07 (Sổ theo dõi hồ sơ, Thông tư 03/2025/TT-VPCP) and opens it with exceljs.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sampleRegisterRows } from './forms.fixture.js';
import { renderRegisterXlsx } from './index.js';

const HEADERS = [
  'STT',
  'Mã hồ sơ',
  'Tên TTHC',
  'Tên tổ chức/cá nhân',
  'Địa chỉ',
  'Số điện thoại',
  'Ngày nhận',
  'Ngày hẹn trả',
  'Ngày có kết quả',
  'Ngày trả',
  'Trạng thái',
  'Kết quả xử lý',
  'Ghi chú',
];

async function open(rows = sampleRegisterRows()) {
  const xlsx = await renderRegisterXlsx(rows, {
    from: '2026-11-01',
    to: '2026-11-30',
    unitName: 'UBND phường Mỹ Bình',
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('form 07, dossier register', () => {
  it('has the title, period, unit and a bold, frozen header row', async () => {
    const ws = await open();
    expect(ws.getCell('A1').value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(ws.getCell('A2').value).toBe('Đơn vị: UBND phường Mỹ Bình');
    expect(ws.getCell('A3').value).toBe('Từ ngày 01/11/2026 đến ngày 30/11/2026');
    const header = ws.getRow(5);
    expect(HEADERS.map((_, i) => header.getCell(i + 1).value)).toEqual(HEADERS);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.getColumn(3).width).toBeGreaterThan(20);
  });

  it('writes one row per dossier with real dates in Vietnam time', async () => {
    const ws = await open();
    expect(ws.rowCount).toBe(5 + 2);
    const first = ws.getRow(6);
    expect(first.getCell(2).value).toBe('H01.55.12-261123-0007');
    expect(first.getCell(4).value).toBe('Nguyễn Thị Ánh');
    const received = first.getCell(7);
    expect(received.value).toBeInstanceOf(Date);
    expect(received.numFmt).toBe('dd/mm/yyyy hh:mm');
    // 02:15Z is 09:15 in Vietnam; Excel stores wall-clock time, read back as UTC fields.
    expect((received.value as Date).toISOString()).toBe('2026-11-23T09:15:00.000Z');
    const open2 = ws.getRow(7);
    expect(open2.getCell(9).value).toBeNull(); // not finished yet
    expect(open2.getCell(11).value).toBe('Đang xử lý');
  });

  it('handles an empty period', async () => {
    const ws = await open([]);
    expect(ws.rowCount).toBe(5);
  });
});
