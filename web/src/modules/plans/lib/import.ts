// Reading a plan file before it is sent, and the places of the server's problems in Vietnamese.

/** What an imported file is, by its name; null for anything else. */
export function importKind(fileName: string): 'json' | 'xlsx' | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/**
 * Parses a plan's JSON text (a BOM is fine). Only the syntax and the outer shape are checked
 * here; the server validates the document field by field and answers in Vietnamese.
 */
export function parsePlanJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: 'Tệp không phải JSON hợp lệ.' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, error: 'Tệp JSON không chứa một kế hoạch.' };
  if (!('title' in value) || !('year' in value))
    return {
      ok: false,
      error:
        'Tệp JSON không có tên (title) và năm (year) của kế hoạch — hãy dùng tệp tải từ trang kế hoạch.',
    };
  return { ok: true, value };
}

const LISTS: Record<string, string> = {
  targets: 'Chỉ tiêu',
  tasks: 'Nhiệm vụ',
  budget: 'Dòng kinh phí',
  assignments: 'Giao cho đơn vị',
  lead: 'Cơ quan chủ trì',
  support: 'Cơ quan phối hợp',
};

/** Field names of the plan document (@cqs/shared/plans) as the workbook's headers say them. */
const FIELDS: Record<string, string> = {
  unitCode: 'Mã đơn vị',
  year: 'Năm',
  title: 'Tên kế hoạch',
  issuer: 'Cơ quan ban hành',
  documentNumber: 'Số, ký hiệu',
  documentDate: 'Ngày ban hành',
  status: 'Trạng thái',
  source: 'Nguồn',
  sectionCode: 'Trụ cột',
  section: 'Mục',
  text: 'Nội dung chỉ tiêu',
  scope: 'Phạm vi',
  indicatorCode: 'Mã chỉ số',
  comparator: 'So sánh',
  targetValue: 'Giá trị chỉ tiêu',
  stretchValue: 'Giá trị phấn đấu',
  stretchText: 'Câu phấn đấu',
  baseline: 'Giá trị gốc',
  unitOfMeasure: 'Đơn vị tính',
  wording: 'Cách diễn đạt',
  computable: 'Hệ thống tính được',
  note: 'Ghi chú',
  value: 'Giá trị',
  no: 'Số thứ tự',
  group: 'Nhóm',
  name: 'Tên',
  content: 'Nội dung',
  kind: 'Loại',
  deadline: 'Thời hạn',
  executor: 'Đơn vị thực hiện',
  period: 'Giai đoạn',
  total: 'Tổng kinh phí',
  central: 'Ngân sách trung ương',
  local: 'Ngân sách địa phương',
  currencyNote: 'Đơn vị tiền',
};

/**
 * The place of a problem the server reported, in words: a JSON body path
 * ("body.targets.3.targetValue") becomes "Chỉ tiêu thứ 4 › Giá trị chỉ tiêu"; the workbook's
 * places ('trang "Mục tiêu", dòng 5, cột "…"') are Vietnamese already and stay as they are.
 */
export function problemPlace(path: string): string {
  if (!/^body(\.|$)/.test(path)) return path;
  const parts = path.split('.').slice(1);
  if (parts.length === 0) return 'Tệp kế hoạch';
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i] ?? '';
    const next = parts[i + 1];
    if (key in LISTS && next !== undefined && /^\d+$/.test(next)) {
      words.push(`${LISTS[key]} thứ ${Number(next) + 1}`);
      i++;
    } else if (/^\d+$/.test(key)) {
      words.push(`mục thứ ${Number(key) + 1}`);
    } else {
      words.push(FIELDS[key] ?? LISTS[key] ?? key);
    }
  }
  return words.join(' › ');
}
