// Types of the reports API (phản ánh hiện trường), mirroring
// server/src/modules/reports/reports.schemas.ts. Public shapes never carry personal data.

import type { ReportAction, ReportStatus } from '@cqs/shared/reports/index';

export {
  REPORT_ACTIONS,
  REPORT_STATUSES,
  type ReportAction,
  type ReportStatus,
} from '@cqs/shared/reports/index';

/** Actions staff take through POST /reports/{id}/actions (the others are the reporter's or the system's). */
export const STAFF_ACTIONS = [
  'accept',
  'assign',
  'start',
  'resolve',
  'close',
  'transfer',
  'merge',
  'reject',
  'request_info',
] as const satisfies readonly ReportAction[];
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** A category of GET /report-categories. */
export interface ReportCategory {
  code: string;
  nameVi: string;
  nameEn: string;
  description: string;
  slaAcceptDays: number;
  slaResolveDays: number;
  /** Extra questions of the category (the same as Open311's service definition). */
  attributes?: CategoryQuestion[];
}

/** One extra question of a category. */
export interface CategoryQuestion {
  code: string;
  /** false: information shown to the citizen, no answer. */
  variable: boolean;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  description: string;
  datatypeDescription: string | null;
  values: { key: string; name: string }[];
}

export interface ReportLocation {
  lat: number | null;
  long: number | null;
  address: string | null;
}

/** POST /reports body. */
export interface CreateReportInput {
  categoryCode: string;
  description: string;
  location: { lat?: number; long?: number; unitCode?: string; address?: string };
  contact: { name?: string; phone?: string; email?: string };
  anonymous: boolean;
  /** Ids of photos uploaded with POST /report-photos (at most 5). */
  photoIds?: string[];
  /** Answers to the category's extra questions, by code. */
  attributes?: Record<string, string | string[]>;
}

/** POST /report-photos answer; `preview` is the stored thumbnail (unattached photos are not served). */
export interface UploadedPhoto {
  id: string;
  width: number;
  height: number;
  url: string;
  thumbUrl: string;
  preview: string;
  /** The EXIF GPS position of the original (offered as the report's location; never stored). */
  location: { lat: number; long: number } | null;
}

/** A photo of a report: the citizen's ('report') or the officer's after-photo ('resolution'). */
export interface ReportPhoto {
  id: string;
  stage: 'report' | 'resolution';
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
}

/** POST /reports answer; `followToken` is shown once. */
export interface CreatedReport {
  id: string;
  code: string;
  status: ReportStatus;
  handlingUnitCode: string;
  dueAt: string;
  followToken: string;
}

/** What every view of a report shows (server: `reportCore`). */
export interface ReportCore {
  code: string;
  status: ReportStatus;
  statusLabel: string;
  categoryCode: string;
  categoryName: string;
  description: string;
  location: ReportLocation;
}

/** A report as anyone may see it. */
export interface PublicReport extends ReportCore {
  handlingUnitCode: string;
  resolution: string | null;
  createdAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  mergedIntoCode?: string | null;
  rating: number | null;
}

export interface NearbyReport extends PublicReport {
  distanceM: number;
}

export interface PublicTimelineEntry {
  at: string;
  action: string;
  actionLabel: string;
  toStatus: string;
  reason: string | null;
}

/** GET /public/reports/{code}; `mine` when a valid follow token was sent. */
export interface PublicReportDetail extends PublicReport {
  timeline: PublicTimelineEntry[];
  photos: ReportPhoto[];
  mine?: {
    canReopen: boolean;
    canRate: boolean;
    reopenUntil: string | null;
    /** The staff's pending question to the reporter, if any. */
    infoQuestion?: string | null;
    canProvideInfo?: boolean;
  };
}

export interface ReportEvent {
  seq: number;
  at: string;
  action: string;
  actionLabel: string;
  fromStatus: string | null;
  toStatus: string;
  actorName: string;
  unitCode: string;
  reason: string | null;
  payload: Record<string, unknown>;
}

/** A report as staff see it. */
export interface Report extends ReportCore {
  id: string;
  unitCode: string;
  handlingUnitCode: string;
  handlingUnitName: string | null;
  channel: string;
  reporter: { name: string | null; phone: string | null; email: string | null; anonymous: boolean };
  assignee: { id: string; username: string; fullName: string } | null;
  acceptDueAt: string;
  resolveDueAt: string | null;
  dueAt: string | null;
  dueSoonAt: string | null;
  overdueAt: string | null;
  escalatedAt: string | null;
  resolution: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  mergedInto: string | null;
  rating: number | null;
  ratingComment: string | null;
  /** Answers to the category's extra questions, in words. */
  answers?: { code: string; question: string; answer: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
  events: ReportEvent[];
  allowedActions: ReportAction[];
  photos: ReportPhoto[];
}

/** A row of the staff list GET /reports. */
export interface ReportSummary {
  id: string;
  code: string;
  status: ReportStatus;
  statusLabel: string;
  categoryCode: string;
  categoryName: string;
  description: string;
  lat: number | null;
  long: number | null;
  unitCode: string;
  handlingUnitCode: string;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
}

/** Filters of the public list (kept in the URL). Dates are 'YYYY-MM-DD'. */
export interface PublicReportFilter {
  category: string;
  status: ReportStatus | '';
  unit: string;
  from: string;
  to: string;
}

/** Filters of the staff queue. */
export interface StaffReportFilter {
  category: string;
  status: ReportStatus | '';
  unit: string;
  overdue: boolean;
  /** Only those assigned to me ("my work" links here). */
  mine: boolean;
}
