import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import type { PhotoView } from './reports.photos.js';
import type { ReportEventRow, ReportFull, ReportRow } from './reports.repository.js';
import type { PublicReport, ReportView } from './reports.schemas.js';
import {
  ACTION_LABELS,
  type ReportAction,
  type ReportEventAction,
  type ReportStatus,
  STATUS_LABELS,
} from './reports.states.js';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const num = (v: string | number | null) => (v === null ? null : Number(v));

/** Events anyone may see on the public timeline (internal steps such as escalation are not). */
const PUBLIC_ACTIONS: ReadonlySet<string> = new Set([
  'submit',
  'accept',
  'reject',
  'assign',
  'start',
  'resolve',
  'close',
  'reopen',
  'merge',
  'transfer',
  // That staff asked and the reporter answered is public; what was said is not.
  'request_info',
  'provide_info',
]);
/** Events whose reason is shown publicly (the citizen's own words, or the refusal). */
const PUBLIC_REASONS: ReadonlySet<string> = new Set(['reject', 'reopen']);

/** A report's staff view. */
export function presentReport(
  full: ReportFull,
  allowed: ReportAction[],
  photos: PhotoView[] = [],
): ReportView {
  const r = full.row;
  return {
    id: r.id,
    code: r.code,
    status: r.status as ReportStatus,
    statusLabel: STATUS_LABELS[r.status as ReportStatus],
    categoryCode: r.category_code,
    categoryName: full.categoryName,
    description: r.description,
    location: { lat: num(r.lat), long: num(r.long), address: r.address },
    unitCode: r.unit_code,
    handlingUnitCode: r.handling_unit_code,
    handlingUnitName: full.handlingUnitName,
    channel: r.channel,
    reporter: {
      name: r.reporter_name,
      phone: r.reporter_phone,
      email: r.reporter_email,
      anonymous: r.anonymous,
    },
    assignee: full.assignee
      ? { id: full.assignee.id, username: full.assignee.username, fullName: full.assignee.fullName }
      : null,
    acceptDueAt: iso(r.accept_due_at)!,
    resolveDueAt: iso(r.resolve_due_at),
    dueAt: iso(r.due_at),
    dueSoonAt: iso(r.due_soon_at),
    overdueAt: iso(r.overdue_at),
    escalatedAt: iso(r.escalated_at),
    resolution: r.resolution,
    resolvedAt: iso(r.resolved_at),
    closedAt: iso(r.closed_at),
    reopenCount: r.reopen_count,
    mergedInto: r.merged_into,
    rating: r.rating,
    ratingComment: r.rating_comment,
    infoDueAt: iso(r.info_due_at),
    infoRequestedAt: iso(r.info_requested_at),
    infoQuestion: r.info_question,
    infoAnsweredAt: iso(r.info_answered_at),
    version: r.version,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    events: full.events.map((e) => ({
      seq: e.seq,
      at: iso(e.occurred_at)!,
      action: e.action,
      actionLabel: ACTION_LABELS[e.action as ReportEventAction] ?? e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      unitCode: e.unit_code,
      reason: e.reason,
      payload: (e.payload ?? {}) as Record<string, unknown>,
    })),
    allowedActions: allowed,
    photos,
  };
}

/** A report as anyone may see it: never the reporter's name, phone or e-mail. */
export function presentPublic(r: ReportRow, categoryName: string): PublicReport {
  return {
    code: r.code,
    status: r.status as ReportStatus,
    statusLabel: STATUS_LABELS[r.status as ReportStatus],
    categoryCode: r.category_code,
    categoryName,
    description: r.description,
    location: { lat: num(r.lat), long: num(r.long), address: r.address },
    handlingUnitCode: r.handling_unit_code,
    resolution: r.resolution,
    createdAt: iso(r.created_at)!,
    resolvedAt: iso(r.resolved_at),
    closedAt: iso(r.closed_at),
    rating: r.rating,
  };
}

/** The public timeline: public steps only, no actor names, reasons only where public. */
export function publicTimeline(events: ReportEventRow[]) {
  return events
    .filter((e) => PUBLIC_ACTIONS.has(e.action))
    .map((e) => ({
      at: iso(e.occurred_at)!,
      action: e.action,
      actionLabel: ACTION_LABELS[e.action as ReportEventAction] ?? e.action,
      toStatus: e.to_status,
      reason: PUBLIC_REASONS.has(e.action) ? e.reason : null,
    }));
}

/** An opaque keyset cursor (created_at, id). */
export function encodeReportCursor(r: { created_at: Date | string; id: string }): string {
  return encodeCursor([iso(r.created_at), r.id]);
}

/** The cursor's position; 400 `invalid_cursor` when it is not one of ours. */
export function decodeReportCursor(c: string): { createdAt: string; id: string } {
  const [createdAt, id] = decodeCursor(c, ['instant', 'uuid']);
  return { createdAt, id };
}
