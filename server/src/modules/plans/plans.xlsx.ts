import {
  PLAN_SECTIONS,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  type PlanDocument,
  PlanDocumentSchema,
} from '@cqs/shared/plans/index';
import type ExcelJS from 'exceljs';
import { ValidationError } from '../../platform/errors.js';
import {
  type CellInput,
  cellText,
  loadWorkbook,
  readSheet,
  writeWorkbook,
} from '../../platform/xlsx/xlsx.js';

// A plan as an Excel workbook, for the officials who keep plans in spreadsheets: sheet
// "Kế hoạch" (the header, one field a row), "Mục tiêu" (targets), "Nhiệm vụ" (tasks) and
// "Kinh phí" (budget), one row per item in the plan's order. Importing the exported file
// gives the same plan document (plans.xlsx.test.ts). Headers are the import's contract.

export const SHEETS = {
  plan: 'Kế hoạch',
  targets: 'Mục tiêu',
  tasks: 'Nhiệm vụ',
  budget: 'Kinh phí',
} as const;

type Kind = 'text' | 'list' | 'number' | 'bool' | 'date' | 'int' | 'assignments' | 'view';
interface Column {
  header: string;
  /** The document field it is read into; absent for read-only (view) columns. */
  field?: string;
  kind: Kind;
  width: number;
}
type Item = Record<string, unknown>;

const sectionName = (code: unknown) => PLAN_SECTIONS.find((s) => s.code === code)?.name ?? '';

export const TARGET_COLUMNS: Column[] = [
  { header: 'STT', kind: 'view', width: 6 },
  { header: 'Mã trụ cột', field: 'sectionCode', kind: 'text', width: 18 },
  { header: 'Trụ cột', kind: 'view', width: 20 },
  { header: 'Mục', field: 'section', kind: 'text', width: 30 },
  { header: 'Chỉ tiêu (nguyên văn)', field: 'text', kind: 'text', width: 60 },
  { header: 'Phạm vi', field: 'scope', kind: 'text', width: 16 },
  { header: 'Mã chỉ số', field: 'indicatorCode', kind: 'text', width: 24 },
  { header: 'So sánh', field: 'comparator', kind: 'text', width: 8 },
  { header: 'Giá trị mục tiêu', field: 'targetValue', kind: 'number', width: 12 },
  { header: 'Giá trị phấn đấu', field: 'stretchValue', kind: 'number', width: 12 },
  { header: 'Câu phấn đấu', field: 'stretchText', kind: 'text', width: 40 },
  { header: 'Giá trị cơ sở', field: 'baseline', kind: 'number', width: 12 },
  { header: 'Đơn vị tính', field: 'unitOfMeasure', kind: 'text', width: 12 },
  { header: 'Từ ngữ', field: 'wording', kind: 'text', width: 16 },
  { header: 'Tính được từ hệ thống', field: 'computable', kind: 'bool', width: 12 },
  { header: 'Ghi chú', field: 'note', kind: 'text', width: 40 },
  { header: 'Giao cho đơn vị trực thuộc', field: 'assignments', kind: 'assignments', width: 30 },
];

export const TASK_COLUMNS: Column[] = [
  { header: 'STT', kind: 'view', width: 6 },
  { header: 'Số thứ tự in', field: 'no', kind: 'text', width: 10 },
  { header: 'Nhóm', field: 'group', kind: 'text', width: 30 },
  { header: 'Mã trụ cột', field: 'sectionCode', kind: 'text', width: 18 },
  { header: 'Tên nhiệm vụ', field: 'name', kind: 'text', width: 60 },
  { header: 'Nội dung', field: 'content', kind: 'text', width: 40 },
  { header: 'Chủ trì', field: 'lead', kind: 'list', width: 24 },
  { header: 'Phối hợp', field: 'support', kind: 'list', width: 24 },
  { header: 'Loại', field: 'kind', kind: 'text', width: 12 },
  { header: 'Thời hạn', field: 'deadline', kind: 'date', width: 12 },
];

export const BUDGET_COLUMNS: Column[] = [
  { header: 'STT', kind: 'view', width: 6 },
  { header: 'Số thứ tự in', field: 'no', kind: 'text', width: 10 },
  { header: 'Nội dung', field: 'name', kind: 'text', width: 50 },
  { header: 'Đơn vị thực hiện', field: 'executor', kind: 'text', width: 30 },
  { header: 'Thời gian', field: 'period', kind: 'text', width: 12 },
  { header: 'Tổng kinh phí', field: 'total', kind: 'number', width: 16 },
  { header: 'Ngân sách trung ương', field: 'central', kind: 'number', width: 16 },
  { header: 'Ngân sách địa phương', field: 'local', kind: 'number', width: 16 },
  { header: 'Đơn vị tiền tệ', field: 'currencyNote', kind: 'text', width: 14 },
];

/** The header fields of sheet "Kế hoạch", one per row: label → field. */
export const PLAN_FIELDS: Column[] = [
  { header: 'Mã đơn vị', field: 'unitCode', kind: 'text', width: 0 },
  { header: 'Năm', field: 'year', kind: 'int', width: 0 },
  { header: 'Tên kế hoạch', field: 'title', kind: 'text', width: 0 },
  { header: 'Cơ quan ban hành', field: 'issuer', kind: 'text', width: 0 },
  { header: 'Số, ký hiệu văn bản', field: 'documentNumber', kind: 'text', width: 0 },
  { header: 'Ngày ban hành', field: 'documentDate', kind: 'date', width: 0 },
  { header: 'Trạng thái', field: 'status', kind: 'text', width: 0 },
  { header: 'Nguồn', field: 'source', kind: 'text', width: 0 },
];
const FIELD_HEADER = 'Trường';
const VALUE_HEADER = 'Giá trị';

/** "30280=80; 30283=75": a target's assignments in one cell. */
const formatAssignments = (items: { unitCode: string; value: number }[]) =>
  items.map((a) => `${a.unitCode}=${a.value}`).join('; ');

function toCell(c: Column, item: Item, index: number): CellInput {
  if (c.kind === 'view') {
    if (c.header === 'STT') return index + 1;
    return sectionName(item.sectionCode);
  }
  const v = item[c.field!];
  if (c.kind === 'assignments')
    return formatAssignments(v as { unitCode: string; value: number }[]);
  if (c.kind === 'bool') return v === null ? null : v ? 'Có' : 'Không';
  // One agency a line: names hold commas and semicolons, never line breaks.
  if (c.kind === 'list') return v === null ? null : (v as string[]).join('\n');
  if (c.field === 'status') return PLAN_STATUS_LABELS[v as 'draft'];
  return (v as CellInput) ?? null;
}

/** Writes the plan document as a workbook. */
export function writePlanXlsx(doc: PlanDocument, now: Date): Promise<Buffer> {
  const sheet = (name: string, columns: Column[], items: Item[]) => ({
    name,
    columns: columns.map((c) => ({
      header: c.header,
      width: c.width,
      note: c.kind === 'view' ? 'Cột chỉ để xem; khi nhập lại hệ thống bỏ qua cột này.' : undefined,
    })),
    rows: items.map((it, i) => columns.map((c) => toCell(c, it, i))),
  });
  return writeWorkbook(
    [
      {
        name: SHEETS.plan,
        columns: [
          { header: FIELD_HEADER, width: 24 },
          { header: VALUE_HEADER, width: 80 },
        ],
        rows: PLAN_FIELDS.map((f) => [f.header, toCell(f, doc as unknown as Item, 0)]),
      },
      sheet(SHEETS.targets, TARGET_COLUMNS, doc.targets as unknown as Item[]),
      sheet(SHEETS.tasks, TASK_COLUMNS, doc.tasks as unknown as Item[]),
      sheet(SHEETS.budget, BUDGET_COLUMNS, doc.budget as unknown as Item[]),
    ],
    { created: now },
  );
}

/** A Vietnamese message for a schema issue (custom messages are Vietnamese already). */
function issueMessage(issue: {
  code: string;
  message: string;
  minimum?: unknown;
  maximum?: unknown;
}): string {
  if (/[À-ỹ]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return 'Thiếu giá trị hoặc sai kiểu dữ liệu.';
    case 'too_small':
      return `Giá trị quá nhỏ hoặc quá ngắn (tối thiểu ${String(issue.minimum)}).`;
    case 'too_big':
      return `Giá trị quá lớn hoặc quá dài (tối đa ${String(issue.maximum)}).`;
    case 'invalid_value':
      return 'Giá trị không nằm trong danh sách cho phép.';
    default:
      return 'Giá trị không hợp lệ.';
  }
}

interface CellError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** A cell back to a document value; pushes a located error when it cannot be read. */
function fromCell(
  c: Column,
  v: ExcelJS.CellValue,
  at: { sheet: string; row: number },
  errors: CellError[],
): unknown {
  const t = cellText(v).trim();
  const fail = (message: string) => {
    errors.push({ ...at, column: c.header, message });
    return null;
  };
  switch (c.kind) {
    case 'number':
    case 'int': {
      if (typeof v === 'number') return v;
      if (t === '') return null;
      // Vietnamese notation is accepted too: "98,6" → 98.6.
      const n = /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : Number.NaN;
      return Number.isFinite(n) ? n : fail(`"${t}" không phải là số.`);
    }
    case 'bool':
      if (t === '') return null;
      if (/^(có|true|x)$/i.test(t)) return true;
      if (/^(không|false)$/i.test(t)) return false;
      return fail(`Ghi "Có" hoặc "Không" (đang là "${t}").`);
    case 'list': {
      const items = cellText(v)
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean);
      return items.length === 0 ? null : items;
    }
    case 'date':
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      return t === '' ? null : t;
    case 'assignments': {
      if (t === '') return [];
      const out = [];
      for (const part of t
        .split(/[;\n]/)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const m = /^([0-9A-Za-z][0-9A-Za-z._-]*)\s*[=:]\s*(-?\d+(?:[.,]\d+)?)$/.exec(part);
        if (!m) return fail(`"${part}" không đúng dạng "mã đơn vị=giá trị".`);
        out.push({ unitCode: m[1]!, value: Number(m[2]!.replace(',', '.')) });
      }
      return out;
    }
    default:
      if (c.field === 'status') {
        const s = PLAN_STATUSES.find((k) => k === t || PLAN_STATUS_LABELS[k] === t);
        return s ?? (t === '' ? undefined : t);
      }
      return t === '' ? null : t;
  }
}

function readItems(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Column[],
  errors: CellError[],
): { items: Item[]; rowOf: number[] } {
  const readable = columns.filter((c) => c.field);
  const s = readSheet(
    wb,
    name,
    readable.map((c) => c.header),
  );
  if (!s.found) {
    errors.push({ sheet: name, row: 0, column: '', message: `Thiếu trang "${name}".` });
    return { items: [], rowOf: [] };
  }
  for (const h of s.missing)
    errors.push({ sheet: name, row: 1, column: h, message: `Thiếu cột "${h}".` });
  if (s.missing.length > 0) return { items: [], rowOf: [] };
  const items: Item[] = [];
  const rowOf: number[] = [];
  for (const r of s.rows) {
    const item: Item = {};
    for (const c of readable) {
      const v = fromCell(c, r.get(c.header), { sheet: name, row: r.rowNumber }, errors);
      if (v !== undefined) item[c.field!] = v;
    }
    items.push(item);
    rowOf.push(r.rowNumber);
  }
  return { items, rowOf };
}

/**
 * Reads a workbook as written by writePlanXlsx into a plan document. Every unreadable cell and
 * every schema error is reported at once, by sheet, row and column (400 `invalid_plan_file`).
 */
export async function readPlanXlsx(data: Buffer): Promise<PlanDocument> {
  const wb = await loadWorkbook(data);
  const errors: CellError[] = [];
  const doc: Item = {};
  const header = readSheet(wb, SHEETS.plan, [FIELD_HEADER, VALUE_HEADER]);
  const fieldRow = new Map<string, number>();
  if (!header.found)
    errors.push({
      sheet: SHEETS.plan,
      row: 0,
      column: '',
      message: `Thiếu trang "${SHEETS.plan}".`,
    });
  for (const r of header.rows) {
    const label = cellText(r.get(FIELD_HEADER)).trim();
    const f = PLAN_FIELDS.find((p) => p.header.toLowerCase() === label.toLowerCase());
    if (!f) continue;
    fieldRow.set(f.field!, r.rowNumber);
    const v = fromCell(
      { ...f, header: VALUE_HEADER },
      r.get(VALUE_HEADER),
      { sheet: SHEETS.plan, row: r.rowNumber },
      errors,
    );
    if (v !== undefined) doc[f.field!] = v;
  }
  const targets = readItems(wb, SHEETS.targets, TARGET_COLUMNS, errors);
  const tasks = readItems(wb, SHEETS.tasks, TASK_COLUMNS, errors);
  const budget = readItems(wb, SHEETS.budget, BUDGET_COLUMNS, errors);
  doc.targets = targets.items;
  doc.tasks = tasks.items;
  doc.budget = budget.items;

  const parsed = PlanDocumentSchema.safeParse(doc);
  if (parsed.success && errors.length === 0) return parsed.data;
  if (!parsed.success) {
    const lists = {
      targets: { sheet: SHEETS.targets, rows: targets.rowOf, columns: TARGET_COLUMNS },
      tasks: { sheet: SHEETS.tasks, rows: tasks.rowOf, columns: TASK_COLUMNS },
      budget: { sheet: SHEETS.budget, rows: budget.rowOf, columns: BUDGET_COLUMNS },
    } as const;
    for (const issue of parsed.error.issues) {
      const [head, index, field] = issue.path as [string, number | string | undefined, string?];
      const list = lists[head as keyof typeof lists];
      if (list && typeof index === 'number') {
        const column = list.columns.find((c) => c.field === field)?.header ?? String(field ?? '');
        errors.push({
          sheet: list.sheet,
          row: list.rows[index] ?? 0,
          column,
          message: issueMessage(issue as never),
        });
      } else {
        const f = PLAN_FIELDS.find((p) => p.field === head);
        errors.push({
          sheet: SHEETS.plan,
          row: fieldRow.get(head) ?? 0,
          column: f?.header ?? head,
          message: issueMessage(issue as never),
        });
      }
    }
  }
  const where = (e: CellError) =>
    `trang "${e.sheet}"${e.row > 0 ? `, dòng ${e.row}` : ''}${e.column ? `, cột "${e.column}"` : ''}`;
  throw new ValidationError(
    `Tệp Excel có ${errors.length} lỗi, chưa lưu gì: ${errors
      .slice(0, 20)
      .map((e) => `${where(e)}: ${e.message}`)
      .join('; ')}${errors.length > 20 ? '; …' : ''}`,
    errors.slice(0, 200).map((e) => ({ path: where(e), message: e.message })),
    'invalid_plan_file',
  );
}
