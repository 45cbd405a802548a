/**
 * CSV exports of field reports (xuất danh sách phản ánh):
 * - public (open data): the published reports, the same filters as the public list, no
 *   personal data at all;
 * - staff: the caller's units' reports with their deadlines; the reporter's name only when
 *   the reporter did not ask for anonymity, and never a phone number or an e-mail address
 *   (an export leaves the system: Personal Data Protection Law 91/2025/QH15, regulations.md §7).
 * Both page through the list by keyset, so memory stays flat; at most EXPORT_MAX rows.
 */
import { vnDayEnd, vnDayStart } from '@cqs/shared/calendar/index';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { CSV_BOM, type CsvValue, csvLine } from '../../platform/csv/csv.js';
import { ValidationError } from '../../platform/errors.js';
import { visibleUnitCodes } from './reports.access.js';
import {
  type ListFilter,
  type ReportRow,
  reportsRepository as repo,
} from './reports.repository.js';
import type { ReportService } from './reports.service.js';
import { OPEN_STATUSES, type ReportStatus, STATUS_LABELS } from './reports.states.js';

/** The most rows one export holds; narrow the filters for more. */
export const EXPORT_MAX = 50_000;
const PAGE = 500;

const vnTime = (d: Date | string | null) =>
  d === null
    ? ''
    : new Date(new Date(d).getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const num = (v: string | null) => (v === null ? null : Number(v));

export interface ExportFilter {
  status?: string;
  category?: string;
  unit?: string;
  from?: string;
  to?: string;
}

type Row = ReportRow & { category_name: string };

async function* pages(svc: ReportService, f: Omit<ListFilter, 'limit' | 'after'>) {
  let after: ListFilter['after'];
  let n = 0;
  for (;;) {
    const rows = await repo.list(svc.deps.db, { ...f, after, limit: PAGE });
    const page = rows.slice(0, PAGE);
    for (const r of page) {
      if (n++ >= EXPORT_MAX) return;
      yield r;
    }
    const last = page.at(-1);
    if (rows.length <= PAGE || !last) return;
    after = { createdAt: new Date(last.created_at).toISOString(), id: last.id };
  }
}

function period(f: ExportFilter) {
  if (f.from && f.to && f.from > f.to)
    throw new ValidationError(
      'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
      [{ path: 'querystring.from', message: 'Chọn lại khoảng thời gian.' }],
      'invalid_period',
    );
  return { from: f.from ? vnDayStart(f.from) : undefined, to: f.to ? vnDayEnd(f.to) : undefined };
}

export const PUBLIC_CSV_HEADER = [
  'Mã phản ánh',
  'Lĩnh vực',
  'Trạng thái',
  'Mô tả',
  'Vĩ độ',
  'Kinh độ',
  'Địa chỉ',
  'Đơn vị xử lý',
  'Thời điểm gửi',
  'Thời điểm xử lý xong',
  'Trả lời của cơ quan',
  'Đánh giá (1–5)',
] as const;

const publicLine = (r: Row): CsvValue[] => [
  r.code,
  r.category_name,
  STATUS_LABELS[r.status as ReportStatus],
  r.description,
  num(r.lat),
  num(r.long),
  r.address,
  r.handling_unit_code,
  vnTime(r.created_at),
  vnTime(r.resolved_at),
  r.resolution,
  r.rating,
];

/** The published reports as CSV lines (BOM and header first). No personal data. */
export async function* publicReportsCsv(svc: ReportService, f: ExportFilter) {
  const range = period(f);
  yield CSV_BOM + csvLine(PUBLIC_CSV_HEADER);
  for await (const r of pages(svc, {
    units: null,
    status: f.status,
    excludeStatuses: ['rejected'],
    category: f.category,
    unit: f.unit,
    ...range,
  }))
    yield csvLine(publicLine(r));
}

export const STAFF_CSV_HEADER = [
  ...PUBLIC_CSV_HEADER,
  'Địa bàn',
  'Kênh',
  'Người phản ánh',
  'Hạn của bước hiện tại',
  'Quá hạn',
  'Số lần mở lại',
] as const;

/** The caller's units' reports as CSV lines; the export itself is audited. */
export async function* staffReportsCsv(svc: ReportService, actor: Actor, f: ExportFilter) {
  const { db, clock } = svc.deps;
  const units = await visibleUnitCodes(db, actor);
  const now = clock.now();
  const range = period(f);
  await recordAudit(db, actor, {
    action: 'report.export',
    entityType: 'report',
    entityId: 'csv',
    after: { filter: f },
  });
  yield CSV_BOM + csvLine(STAFF_CSV_HEADER);
  for await (const r of pages(svc, {
    units,
    status: f.status,
    category: f.category,
    unit: f.unit,
    ...range,
  })) {
    const open = (OPEN_STATUSES as readonly string[]).includes(r.status);
    yield csvLine([
      ...publicLine(r),
      r.unit_code,
      r.channel,
      r.anonymous ? 'Ẩn danh' : (r.reporter_name ?? ''),
      vnTime(r.due_at),
      open && r.due_at !== null && new Date(r.due_at) < now ? 'Có' : '',
      r.reopen_count,
    ]);
  }
}
