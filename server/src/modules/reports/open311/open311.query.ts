/**
 * The filters of GET /requests (pure): `service_request_id` (a comma list that overrides the
 * rest), `service_code` and `status` (comma lists), `start_date`/`end_date` (ISO 8601, at most
 * 90 days apart), and the standard's default: the last 90 days, at most 1000 requests.
 */
import { ValidationError } from '../../../platform/errors.js';
import { parseIsoInstant } from './open311.attributes.js';
import { STATUSES_OF } from './open311.present.js';
import type { RequestFilter } from './open311.repository.js';

/** The widest window one GET /requests may ask for. */
export const MAX_SPAN_DAYS = 90;
const DAY_MS = 86_400_000;
const SPAN_MS = MAX_SPAN_DAYS * DAY_MS;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The non-empty items of a comma list, without repeats. */
export function commaList(v: string | undefined): string[] {
  return [
    ...new Set(
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The instant a date parameter stands for. An end is exclusive: a datetime end includes that
 * very instant (+1 ms), a date alone includes its whole day (Vietnam time).
 */
function bound(value: string, side: 'start' | 'end'): Date | null {
  const at = parseIsoInstant(value);
  if (!at || side === 'start') return at;
  return new Date(at.getTime() + (DATE_ONLY.test(value.trim()) ? DAY_MS : 1));
}

/** The repository filter of a GET /requests query; 400 (all problems at once) when invalid. */
export function requestFilter(
  q: Record<string, string | undefined>,
  opts: { now: Date; limit: number; visibleTo: string | null },
): RequestFilter {
  const { limit, visibleTo } = opts;
  const ids = commaList(q.service_request_id);
  if (ids.length > 0) {
    if (ids.length > limit)
      throw new ValidationError(
        `Tối đa ${limit} mã service_request_id mỗi lần.`,
        [],
        'too_many_ids',
      );
    return { codes: ids, visibleTo, limit };
  }
  const problems: { path: string; message: string }[] = [];
  const wanted = commaList(q.status);
  const statuses: string[] = [];
  for (const s of wanted) {
    if (s === 'open' || s === 'closed') statuses.push(...STATUSES_OF[s]);
    else problems.push({ path: 'status', message: `"${s}" không hợp lệ: chọn open hoặc closed.` });
  }
  const format = 'ngày giờ ISO 8601, ví dụ 2026-11-01T00:00:00+07:00 hoặc 2026-11-01';
  const start = q.start_date?.trim() ? bound(q.start_date, 'start') : undefined;
  const end = q.end_date?.trim() ? bound(q.end_date, 'end') : undefined;
  if (start === null) problems.push({ path: 'start_date', message: `Cần ${format}.` });
  if (end === null) problems.push({ path: 'end_date', message: `Cần ${format}.` });
  let from: Date | undefined;
  let to: Date | undefined;
  if (start && end) {
    if (end <= start) problems.push({ path: 'end_date', message: 'end_date phải sau start_date.' });
    // +1: a datetime end is stored exclusive, 1 ms after the instant named.
    else if (end.getTime() - start.getTime() > SPAN_MS + 1)
      problems.push({
        path: 'end_date',
        message: `Khoảng từ start_date đến end_date tối đa ${MAX_SPAN_DAYS} ngày.`,
      });
    from = start;
    to = end;
  } else if (start) {
    from = start;
    to = new Date(start.getTime() + SPAN_MS + 1);
  } else if (end) {
    to = end;
    from = new Date(end.getTime() - SPAN_MS - 1);
  } else if (start === undefined && end === undefined) {
    to = new Date(opts.now.getTime() + 1);
    from = new Date(opts.now.getTime() - SPAN_MS);
  }
  if (problems.length > 0)
    throw new ValidationError(
      `Bộ lọc chưa hợp lệ: ${problems.map((p) => `${p.path} — ${p.message}`).join('; ')}`,
      problems,
      'open311_invalid_filter',
    );
  return {
    categories: commaList(q.service_code),
    statuses,
    from,
    to,
    visibleTo,
    limit,
  };
}
