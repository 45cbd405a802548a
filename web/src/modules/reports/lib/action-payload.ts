// The inputs each staff action needs and the payload sent with it (server: ActionBody).
import type { MessageKey } from '../../../i18n/vi.ts';
import type { StaffAction } from '../api/report.types.ts';

/** The inputs of the action forms. */
export interface ReportActionDraft {
  reason: string;
  reply: string;
  unitCode: string;
  assigneeUsername: string;
  targetId: string;
}

/** An empty draft. */
export function emptyReportActionDraft(): ReportActionDraft {
  return { reason: '', reply: '', unitCode: '', assigneeUsername: '', targetId: '' };
}

/** The required inputs of each action. */
export const REPORT_ACTION_FIELDS: Record<StaffAction, readonly (keyof ReportActionDraft)[]> = {
  accept: [],
  start: [],
  close: [],
  assign: ['assigneeUsername'],
  resolve: ['reply'],
  reject: ['reason'],
  transfer: ['unitCode'],
  merge: ['targetId'],
  // The question to the reporter.
  request_info: ['reason'],
};

/** Inputs an action may carry but does not need. */
export const REPORT_ACTION_OPTIONAL: Partial<
  Record<StaffAction, readonly (keyof ReportActionDraft)[]>
> = { transfer: ['reason'] };

const MESSAGES: Record<keyof ReportActionDraft, MessageKey> = {
  reason: 'reports.validation.reason',
  reply: 'reports.validation.reply',
  unitCode: 'reports.validation.transferUnit',
  assigneeUsername: 'reports.validation.assignee',
  targetId: 'reports.validation.mergeTarget',
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Actions that end or hand off a report: shown as warning buttons. */
export const DANGEROUS_ACTIONS: ReadonlySet<StaffAction> = new Set(['reject', 'merge', 'transfer']);

/** The payload of `action`, or the missing inputs by field. */
export function buildReportAction(
  action: StaffAction,
  draft: ReportActionDraft,
):
  | { payload: Record<string, string>; errors?: undefined }
  | { payload?: undefined; errors: Record<string, MessageKey> } {
  const errors: Record<string, MessageKey> = {};
  const payload: Record<string, string> = {};
  for (const key of REPORT_ACTION_FIELDS[action]) {
    const value = draft[key].trim();
    if (!value || (key === 'targetId' && !UUID_RE.test(value))) errors[key] = MESSAGES[key];
    else payload[key] = value;
  }
  for (const key of REPORT_ACTION_OPTIONAL[action] ?? []) {
    const value = draft[key].trim();
    if (value) payload[key] = value;
  }
  return Object.keys(errors).length ? { errors } : { payload };
}
