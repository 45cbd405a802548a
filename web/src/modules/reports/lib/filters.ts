// The filters of the report lists ↔ the page's query string, so a filtered view can be shared
// and survives a reload. Unknown or malformed values are dropped, never sent to the API.
import { isIsoDate } from '../../../lib/format.ts';
import {
  type PublicReportFilter,
  REPORT_STATUSES,
  type ReportStatus,
  type StaffReportFilter,
} from '../api/report.types.ts';

const CODE_RE = /^[\w.-]{1,64}$/;

function statusOf(value: string | null): ReportStatus | '' {
  return (REPORT_STATUSES as readonly string[]).includes(value ?? '')
    ? (value as ReportStatus)
    : '';
}

function codeOf(value: string | null): string {
  const v = (value ?? '').trim();
  return CODE_RE.test(v) ? v : '';
}

function dateOf(value: string | null): string {
  return value && isIsoDate(value) ? value : '';
}

/** The public list's filter from the query string. */
export function publicFilterFromParams(params: URLSearchParams): PublicReportFilter {
  let from = dateOf(params.get('from'));
  let to = dateOf(params.get('to'));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    category: codeOf(params.get('category')),
    status: statusOf(params.get('status')),
    unit: codeOf(params.get('unit')),
    from,
    to,
  };
}

/** The query string values of a filter, empty ones left out. */
export function filterToParams(
  filter: Partial<Record<string, string | boolean>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === true) out[key] = '1';
    else if (typeof value === 'string' && value) out[key] = value;
  }
  return out;
}

/** The staff queue's filter from the query string. */
export function staffFilterFromParams(params: URLSearchParams): StaffReportFilter {
  return {
    category: codeOf(params.get('category')),
    status: statusOf(params.get('status')),
    unit: codeOf(params.get('unit')),
    overdue: params.get('overdue') === '1',
    mine: params.get('mine') === '1',
  };
}
