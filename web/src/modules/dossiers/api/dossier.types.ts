// Wire types of the dossiers API (docs/architecture.md, "Dossiers (hồ sơ một cửa) — issue 3").
// The workflow vocabulary comes from shared/, like the server's states file.
export {
  CHANNELS,
  type Channel,
  CLOCK_STOPPED,
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  type DossierAction,
  type DossierStatus,
  type EventAction,
  FINAL_STATUSES,
  RETURN_METHODS,
  type ReturnMethod,
} from '@cqs/shared/dossiers/index';

import type {
  Channel,
  DossierAction,
  DossierStatus,
  EventAction,
} from '@cqs/shared/dossiers/index';

export const OUTCOMES = ['early', 'on_time', 'late'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Address {
  line: string;
  unitCode?: string;
}

/** A person applying (cá nhân). */
export interface IndividualApplicant {
  type: 'individual';
  fullName: string;
  /** CCCD, 12 digits. */
  citizenId: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  /** Canonical 0xxxxxxxxx. */
  phone: string;
  email?: string;
  address: Address;
}

/** An organisation applying (tổ chức, doanh nghiệp). */
export interface OrganizationApplicant {
  type: 'organization';
  name: string;
  /** 10 digits, or 10-3 for a branch. */
  taxCode: string;
  representative: string;
  phone: string;
  email?: string;
  address: Address;
}

export type Applicant = IndividualApplicant | OrganizationApplicant;

/** Filled-in forms: component key → field key → value. */
export type FormData = Record<string, Record<string, string | number | boolean>>;

/** Body of POST /dossiers. */
export interface CreateDossierInput {
  procedureId: string;
  unitCode: string;
  channel: Channel;
  applicant: Applicant;
  formData: FormData;
  receivedAt?: string;
}

/** Answer of POST /dossiers. */
export interface CreatedDossier {
  id: string;
  code: string;
  status: DossierStatus;
  dueAt: string;
  version: number;
}

/** One entry of the dossier's history. */
export interface DossierEvent {
  seq: number;
  at: string;
  action: EventAction | string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  actorName: string;
  unitCode: string;
  reason: string | null;
  payload: Record<string, unknown> | null;
  /** The server's Vietnamese label; the catalogue's label is shown instead (both languages). */
  actionLabel?: string;
}

/** A stored file of a dossier (attachment or result). */
export interface DossierFile {
  id: string;
  kind?: 'attachment' | 'result';
  /** The contract leaves the component field's name open; both spellings are read. */
  componentKey?: string | null;
  component?: string | null;
  filename: string;
  mime?: string;
  size?: number;
  sha256?: string;
  createdAt?: string;
  /** A result digitally signed at the leader's approval: when, and the signers in order. */
  signature?: { signedAt: string; signers: string[] } | null;
}

/** Answer of POST /dossiers/{id}/files. */
export interface UploadedFile {
  id: string;
  sha256: string;
  size: number;
  mime: string;
  filename: string;
}

export interface UserRef {
  id: string;
  username: string;
  fullName: string;
}

/** A dossier as GET /dossiers lists it (the server's ListItem). */
export interface DossierSummary {
  id: string;
  code: string;
  procedure: { id: string; code: string; name: string };
  unitCode: string;
  status: DossierStatus;
  statusLabel?: string;
  receivedAt: string;
  dueAt: string;
  dueSoon: boolean;
  overdue: boolean;
  outcome: Outcome | null;
  version: number;
  applicantName?: string;
  assigneeName?: string | null;
  /** Not sent by the list today; read when present. */
  applicant?: Applicant;
}

/** GET /dossiers/{id}: the whole dossier with events, files and the caller's allowed actions. */
export interface Dossier extends Omit<DossierSummary, 'applicantName' | 'assigneeName'> {
  unitName: string | null;
  channel: Channel;
  applicant: Applicant;
  formData: FormData;
  feesDue: number;
  originalDueAt: string;
  /** Deadline of each processing step, fixed at receipt and moved by pauses. */
  steps?: { order: number; name: string; role: string; dueAt: string }[];
  pausedAt: string | null;
  pausedMinutes: number;
  extended: boolean;
  completionRequests: number;
  finishedAt: string | null;
  approvedAt: string | null;
  returnedAt: string | null;
  /** How the result goes back; null = at the desk. */
  resultDelivery?: { method: 'desk' | 'postal'; address?: string } | null;
  resultSummary?: string | null;
  assignee: UserRef | null;
  events: DossierEvent[];
  files: DossierFile[];
  allowedActions: DossierAction[];
}

/** `counts` of the list answer: over the whole filtered set, not just the page. */
export interface DossierCounts {
  byStatus: Partial<Record<DossierStatus, number>>;
  overdue: number;
  dueSoon: number;
  paused: number;
}

/** GET /dossiers. */
export interface DossierPage {
  items: DossierSummary[];
  nextCursor: string | null;
  counts?: DossierCounts;
}

/** Query of GET /dossiers; empty strings are left out. */
export interface DossierFilter {
  /** Code or applicant name; the server searches both (ListQuery.q). */
  q?: string;
  status?: string;
  unit?: string;
  procedure?: string;
  overdue?: boolean;
  assignedToMe?: boolean;
  /** Running, marked due soon and not yet overdue. */
  dueSoon?: boolean;
  /** Processed and not yet approved: the leader's step. */
  awaitingApproval?: boolean;
  /** Being handled again after a leader sent it back. */
  sentBack?: boolean;
  channel?: Channel | '';
  outcome?: Outcome | '';
  /** YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Which day from/to bound: reception (default) or finishing (the on-time rate's day). */
  dates?: DateField;
}

/** The day a date range bounds (ListQuery.dates). */
export const DATE_FIELDS = ['received', 'finished'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** Forms 01–06 of Thông tư 03/2025/TT-VPCP printed per dossier. */
export const FORM_NUMBERS = ['01', '02', '03', '04', '05', '06'] as const;
export type FormNumber = (typeof FORM_NUMBERS)[number];
