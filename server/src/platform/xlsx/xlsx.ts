import ExcelJS from 'exceljs';
import { ValidationError } from '../errors.js';

// The platform's XLSX toolkit (style.md: DOCX, XLSX and PDF builders belong to the platform):
// write a workbook of plain sheets (a bold, frozen header row, then values), and read one
// back by header so columns may be reordered. Modules keep their column lists; this keeps
// exceljs's quirks (rich text, formulas, dates) in one place.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Excel's limit on the characters of one cell. */
export const EXCEL_CELL_MAX = 32_767;

export type CellInput = string | number | boolean | null;

/** One sheet to write: its columns and its rows of values (in column order). */
export interface SheetSpec {
  name: string;
  columns: { header: string; width: number; note?: string }[];
  rows: CellInput[][];
}

/** Writes sheets into one .xlsx workbook. Throws when a cell exceeds Excel's limit. */
export async function writeWorkbook(
  sheets: SheetSpec[],
  opts: { created: Date; creator?: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.creator ?? 'Chính quyền số';
  wb.created = opts.created;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    s.columns.forEach((c, i) => {
      if (c.note) header.getCell(i + 1).note = c.note;
    });
    for (const r of s.rows) {
      for (const v of r)
        if (typeof v === 'string' && v.length > EXCEL_CELL_MAX)
          throw new ValidationError(
            `Một ô của trang "${s.name}" dài quá ${EXCEL_CELL_MAX} ký tự, Excel không chứa được.`,
            [],
            'xlsx_cell_too_large',
          );
      ws.addRow(r.map((v) => (v === null ? null : v))).alignment = {
        vertical: 'top',
        wrapText: true,
      };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Opens an .xlsx; 400 `invalid_xlsx` when it is not one. */
export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw new ValidationError(
      'Không đọc được tệp Excel (.xlsx). Hãy dùng tệp xuất từ hệ thống.',
      [{ path: 'body', message: 'Tệp không phải bảng tính .xlsx hợp lệ.' }],
      'invalid_xlsx',
    );
  }
  return wb;
}

/** Plain text of a cell, whatever exceljs made of it (rich text, formula, hyperlink, date). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return '';
}

/** Header text folded for matching (NFC, trimmed, lower case). */
export const foldHeader = (s: string) => s.normalize('NFC').trim().toLowerCase();

/** A sheet's data rows, each read by header; `missing` lists required headers not found. */
export interface ReadSheet {
  found: boolean;
  missing: string[];
  rows: { rowNumber: number; get(header: string): ExcelJS.CellValue }[];
}

/**
 * Reads a sheet by name: row 1 holds the headers; empty rows are skipped. A missing sheet
 * gives `found: false` (the caller decides whether that is an error).
 */
export function readSheet(wb: ExcelJS.Workbook, name: string, required: string[]): ReadSheet {
  const ws = wb.getWorksheet(name);
  if (!ws) return { found: false, missing: required, rows: [] };
  const byHeader = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => byHeader.set(foldHeader(cellText(cell.value)), col));
  const missing = required.filter((h) => !byHeader.has(foldHeader(h)));
  const rows: ReadSheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const get = (header: string): ExcelJS.CellValue => {
      const col = byHeader.get(foldHeader(header));
      return col === undefined ? null : row.getCell(col).value;
    };
    let empty = true;
    row.eachCell((c) => {
      if (cellText(c.value).trim() !== '') empty = false;
    });
    if (!empty) rows.push({ rowNumber, get });
  });
  return { found: true, missing, rows };
}
