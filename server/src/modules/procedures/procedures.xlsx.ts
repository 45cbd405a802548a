// The catalogue as an Excel workbook: one sheet "Thủ tục", one row per procedure. Scalar
// fields get their own columns with Vietnamese labels (what officials edit); the nested
// lists (fees, components, steps) are JSON text columns, read back on import, next to
// read-only summaries for people.
import {
  LEVEL_LABELS,
  LEVELS,
  ONLINE_LEVEL_LABELS,
  ONLINE_LEVELS,
  type Procedure,
  STATUS_LABELS,
  STEP_ROLE_LABELS,
  TIME_UNIT_LABELS,
  TIME_UNITS,
  UNPAID_RETURN_LABELS,
  UNPAID_RETURN_POLICIES,
} from '@cqs/shared/procedures/index';
import ExcelJS from 'exceljs';
import { ValidationError } from '../../platform/errors.js';
import { ExportCellTooLargeError } from './procedures.errors.js';
import type { ImportRow } from './procedures.import.js';

export const SHEET_NAME = 'Thủ tục';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXCEL_CELL_MAX = 32_767;
const READ_ONLY_NOTE = 'Cột chỉ để xem. Khi nhập lại, hệ thống đọc cột (JSON) tương ứng.';

type Kind = 'text' | 'number' | 'level' | 'unit' | 'online' | 'unpaid' | 'json' | 'view';
interface Column {
  header: string;
  /** Input field it is read into; absent for read-only columns. */
  field?: string;
  /**
   * A column added after the first export format: a workbook without it (or an empty cell)
   * leaves the field to its default instead of refusing the file.
   */
  optional?: boolean;
  kind: Kind;
  width: number;
  value: (p: Procedure) => string | number;
}

const vnd = (n: number) => (n === 0 ? 'Miễn phí' : `${n.toLocaleString('vi-VN')} đ`);

/** The columns, in sheet order. Headers are the contract of import: keep them stable. */
export const COLUMNS: Column[] = [
  { header: 'Mã thủ tục', field: 'code', kind: 'text', width: 24, value: (p) => p.code },
  { header: 'Tên thủ tục', field: 'name', kind: 'text', width: 60, value: (p) => p.name },
  { header: 'Lĩnh vực', field: 'field', kind: 'text', width: 22, value: (p) => p.field },
  {
    header: 'Cơ quan thực hiện',
    field: 'implementingAgency',
    kind: 'text',
    width: 30,
    value: (p) => p.implementingAgency,
  },
  {
    header: 'Cấp thực hiện',
    field: 'level',
    kind: 'level',
    width: 14,
    value: (p) => LEVEL_LABELS[p.level],
  },
  {
    header: 'Thời hạn giải quyết',
    field: 'processingTime.value',
    kind: 'number',
    width: 12,
    value: (p) => p.processingTime.value,
  },
  {
    header: 'Đơn vị thời hạn',
    field: 'processingTime.unit',
    kind: 'unit',
    width: 16,
    value: (p) => TIME_UNIT_LABELS[p.processingTime.unit],
  },
  {
    header: 'Phí, lệ phí',
    kind: 'view',
    width: 30,
    value: (p) =>
      p.fees.length === 0
        ? 'Không'
        : p.fees
            .map((f) => `${f.name}: ${vnd(f.amount)}${f.note ? ` (${f.note})` : ''}`)
            .join('\n'),
  },
  { header: 'Kết quả thực hiện', field: 'result', kind: 'text', width: 30, value: (p) => p.result },
  {
    header: 'Căn cứ pháp lý',
    field: 'legalBasis',
    kind: 'text',
    width: 40,
    value: (p) => p.legalBasis,
  },
  {
    header: 'Mức độ dịch vụ công trực tuyến',
    field: 'onlineLevel',
    kind: 'online',
    width: 18,
    value: (p) => ONLINE_LEVEL_LABELS[p.onlineLevel],
  },
  {
    header: 'Trả kết quả khi chưa nộp phí, lệ phí',
    field: 'unpaidReturn',
    kind: 'unpaid',
    optional: true,
    width: 24,
    value: (p) => UNPAID_RETURN_LABELS[p.unpaidReturn],
  },
  { header: 'Trạng thái', kind: 'view', width: 14, value: (p) => STATUS_LABELS[p.status] },
  {
    header: 'Thành phần hồ sơ',
    kind: 'view',
    width: 40,
    value: (p) =>
      p.components.map((c) => `${c.required ? '' : '(không bắt buộc) '}${c.name}`).join('\n'),
  },
  {
    header: 'Quy trình xử lý',
    kind: 'view',
    width: 40,
    value: (p) =>
      p.steps
        .map(
          (s) =>
            `${s.order}. ${s.name} — ${STEP_ROLE_LABELS[s.role]}, ${s.duration.value.toLocaleString('vi-VN')} ${TIME_UNIT_LABELS[s.duration.unit]}`,
        )
        .join('\n'),
  },
  {
    header: 'Phí, lệ phí (JSON)',
    field: 'fees',
    kind: 'json',
    width: 30,
    value: (p) => JSON.stringify(p.fees),
  },
  {
    header: 'Thành phần hồ sơ (JSON)',
    field: 'components',
    kind: 'json',
    width: 30,
    value: (p) => JSON.stringify(p.components),
  },
  {
    header: 'Quy trình xử lý (JSON)',
    field: 'steps',
    kind: 'json',
    width: 30,
    value: (p) => JSON.stringify(p.steps),
  },
];

/** Writes the procedures as an .xlsx workbook. */
export async function writeProceduresXlsx(items: Procedure[], now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chính quyền số';
  wb.created = now;
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  COLUMNS.forEach((c, i) => {
    if (c.kind === 'view') header.getCell(i + 1).note = READ_ONLY_NOTE;
  });
  for (const p of items) {
    const values = COLUMNS.map((c) => {
      const v = c.value(p);
      if (typeof v === 'string' && v.length > EXCEL_CELL_MAX)
        throw new ExportCellTooLargeError(p.code, c.header);
      return v;
    });
    ws.addRow(values).alignment = { vertical: 'top', wrapText: true };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Plain text of a cell, whatever exceljs made of it (rich text, formula, hyperlink…). */
function cellText(v: ExcelJS.CellValue): string {
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

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase();

/** A label or the code itself back to the code (officials type "Cấp xã" or "commune"). */
function fromLabel<T extends string>(
  text: string,
  codes: readonly T[],
  labels: Record<T, string>,
): T | string {
  const t = fold(text);
  return codes.find((c) => c === t || fold(labels[c]) === t) ?? text;
}

/** "0,5" or "3" → number; anything else stays as typed so validation names the problem. */
function parseNumber(v: ExcelJS.CellValue): number | string {
  if (typeof v === 'number') return v;
  const t = cellText(v).trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : cellText(v);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) target[head] = value;
  else target[head] = { ...((target[head] as Record<string, unknown>) ?? {}), [tail]: value };
}

/**
 * Reads an .xlsx (as exported, columns found by header so they may be reordered) into
 * import rows. Throws 400 when the file is not a workbook or lacks the sheet or a column.
 */
export async function readProceduresXlsx(data: Buffer): Promise<ImportRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw new ValidationError('Không đọc được tệp Excel (.xlsx). Hãy dùng tệp xuất từ hệ thống.', [
      { path: 'body', message: 'Tệp không phải bảng tính .xlsx hợp lệ.' },
    ]);
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws)
    throw new ValidationError(`Tệp Excel không có trang "${SHEET_NAME}".`, [
      { path: 'body', message: `Thiếu trang "${SHEET_NAME}".` },
    ]);
  const byHeader = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => byHeader.set(fold(cellText(cell.value)), col));
  const readable = COLUMNS.filter(
    (c) => c.field !== undefined && (!c.optional || byHeader.has(fold(c.header))),
  );
  const missing = readable.filter((c) => !byHeader.has(fold(c.header)));
  if (missing.length > 0) {
    throw new ValidationError(
      `Trang "${ws.name}" thiếu cột: ${missing.map((c) => c.header).join(', ')}.`,
      missing.map((c) => ({ path: 'body', message: `Thiếu cột "${c.header}" ở dòng tiêu đề.` })),
    );
  }
  const rows: ImportRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = readable.map((c) => ({ c, v: row.getCell(byHeader.get(fold(c.header))!).value }));
    if (cells.every(({ v }) => cellText(v).trim() === '')) return;
    const value: Record<string, unknown> = {};
    const readErrors: ImportRow['readErrors'] = [];
    for (const { c, v } of cells) {
      const field = c.field!;
      if (c.optional && cellText(v).trim() === '') continue;
      switch (c.kind) {
        case 'number':
          setPath(value, field, parseNumber(v));
          break;
        case 'level':
          setPath(value, field, fromLabel(cellText(v), LEVELS, LEVEL_LABELS));
          break;
        case 'unit':
          setPath(value, field, fromLabel(cellText(v), TIME_UNITS, TIME_UNIT_LABELS));
          break;
        case 'online':
          setPath(value, field, fromLabel(cellText(v), ONLINE_LEVELS, ONLINE_LEVEL_LABELS));
          break;
        case 'unpaid':
          setPath(
            value,
            field,
            fromLabel(cellText(v), UNPAID_RETURN_POLICIES, UNPAID_RETURN_LABELS),
          );
          break;
        case 'json': {
          const t = cellText(v).trim();
          try {
            setPath(value, field, JSON.parse(t === '' ? '[]' : t));
          } catch {
            readErrors.push({ field, message: `Cột "${c.header}" không phải JSON hợp lệ.` });
          }
          break;
        }
        default:
          setPath(value, field, cellText(v));
      }
    }
    rows.push({ value, readErrors, sheetRow: rowNumber });
  });
  return rows;
}
