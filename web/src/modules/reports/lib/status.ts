// Colours of report statuses (map markers, badges) and the deadline state of a report in the
// staff queue, in the same visual language as the dossier queue (colour + icon + words).
import type { ReportStatus } from '../api/report.types.ts';

/** The colour family of a status on the map and in badges; the legend names each one. */
export type StatusTone = 'new' | 'working' | 'resolved' | 'closed' | 'rejected';

const TONES: Record<ReportStatus, StatusTone> = {
  new: 'new',
  accepted: 'working',
  assigned: 'working',
  in_progress: 'working',
  resolved: 'resolved',
  closed: 'closed',
  rejected: 'rejected',
};

/** The tone of a status (unknown statuses read as closed, the most neutral). */
export function statusTone(status: string): StatusTone {
  return TONES[status as ReportStatus] ?? 'closed';
}

/** The CSS class of a status marker or badge: `rp-tone--<tone>`. */
export function statusClass(status: string): string {
  return `rp-tone--${statusTone(status)}`;
}

/** The tones in legend order. */
export const STATUS_TONES: readonly StatusTone[] = [
  'new',
  'working',
  'resolved',
  'closed',
  'rejected',
];

/** Statuses whose deadline clock runs. */
export const OPEN_STATUSES: ReadonlySet<ReportStatus> = new Set([
  'new',
  'accepted',
  'assigned',
  'in_progress',
]);

/** Deadline state of a report (the dossier queue's names, so the same badges apply). */
export type ReportUrgency = 'overdue' | 'dueSoon' | 'onTime' | 'closed';

/** A report is "due soon" within this long of its deadline. */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

/** The urgency of a report from its status, deadline and the server's overdue flag. */
export function reportUrgency(
  r: { status: string; dueAt: string | null; overdue?: boolean },
  now: number,
): ReportUrgency {
  if (!OPEN_STATUSES.has(r.status as ReportStatus)) return 'closed';
  const due = r.dueAt ? Date.parse(r.dueAt) : Number.NaN;
  if (r.overdue || (!Number.isNaN(due) && due <= now)) return 'overdue';
  if (!Number.isNaN(due) && due - now <= DUE_SOON_MS) return 'dueSoon';
  return 'onTime';
}

/** Queue order: earliest deadline first, reports without one last, then newest first. */
export function byDeadline<T extends { dueAt: string | null; createdAt: string }>(
  a: T,
  b: T,
): number {
  const da = a.dueAt ? Date.parse(a.dueAt) : Number.POSITIVE_INFINITY;
  const db = b.dueAt ? Date.parse(b.dueAt) : Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return b.createdAt.localeCompare(a.createdAt);
}
