// Mẫu 07, Thông tư 03/2025/TT-VPCP: the dossier register (Sổ theo dõi hồ sơ) as an Excel
// workbook, one row per dossier, ready to print landscape on A4.
import ExcelJS from 'exceljs';
import { FORM_TITLES } from './form-common.js';
import type { RegisterRow } from './form-data.js';
import { formatIsoDate, vnWallClock } from './format.js';

/** The reporting period and unit printed above the register. */
export interface RegisterPeriod {
  /** 'YYYY-MM-DD' (printed dd/mm/yyyy); other strings are printed as given. */
  from: string;
  to: string;
  unitName: string;
}

const DATE_TIME_FMT = 'dd/mm/yyyy hh:mm';
const HEADER_ROW = 5;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

type Value = (r: RegisterRow) => string | number | Date | null;
const when = (d: Date | null) => (d ? vnWallClock(d) : null);
const COLUMNS: { header: string; width: number; value: Value; date?: boolean }[] = [
  { header: 'STT', width: 6, value: (r) => r.index },
  { header: 'Mã hồ sơ', width: 24, value: (r) => r.code },
  { header: 'Tên TTHC', width: 40, value: (r) => r.procedureName },
  { header: 'Tên tổ chức/cá nhân', width: 26, value: (r) => r.applicantName },
  { header: 'Địa chỉ', width: 30, value: (r) => r.address },
  { header: 'Số điện thoại', width: 14, value: (r) => r.phone },
  { header: 'Ngày nhận', width: 17, value: (r) => when(r.receivedAt), date: true },
  { header: 'Ngày hẹn trả', width: 17, value: (r) => when(r.dueAt), date: true },
  { header: 'Ngày có kết quả', width: 17, value: (r) => when(r.finishedAt), date: true },
  { header: 'Ngày trả', width: 17, value: (r) => when(r.returnedAt), date: true },
  { header: 'Trạng thái', width: 16, value: (r) => r.statusLabel },
  { header: 'Kết quả xử lý', width: 16, value: (r) => r.outcomeLabel },
  { header: 'Ghi chú', width: 24, value: (r) => r.note },
];

/**
 * Renders form 07 as XLSX. Dates are real Excel dates carrying Vietnam wall-clock time,
 * because Excel dates have no time zone and exceljs writes a Date's UTC fields.
 */
export async function renderRegisterXlsx(
  rows: RegisterRow[],
  period: RegisterPeriod,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chính quyền số';
  const ws = wb.addWorksheet('Sổ theo dõi hồ sơ', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));

  const banner = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(row, 1, row, COLUMNS.length);
    const cell = ws.getCell(row, 1);
    cell.value = text.normalize('NFC');
    cell.font = { name: 'Times New Roman', ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  };
  banner(1, FORM_TITLES['07'].toUpperCase(), { bold: true, size: 14 });
  banner(2, `Đơn vị: ${period.unitName}`, { bold: true, size: 12 });
  banner(3, `Từ ngày ${formatIsoDate(period.from)} đến ngày ${formatIsoDate(period.to)}`, {
    italic: true,
    size: 12,
  });

  const header = ws.getRow(HEADER_ROW);
  header.values = COLUMNS.map((c) => c.header);
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', bold: true, size: 11 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });

  rows.forEach((r, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    COLUMNS.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      const v = c.value(r);
      cell.value = typeof v === 'string' ? v.normalize('NFC') : v;
      cell.font = { name: 'Times New Roman', size: 11 };
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = BORDER;
      if (c.date) cell.numFmt = DATE_TIME_FMT;
    });
  });
  ws.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW, column: COLUMNS.length },
  };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
