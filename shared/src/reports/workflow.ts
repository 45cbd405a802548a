// The field-report workflow's vocabulary (phản ánh hiện trường), shared by the server (which
// owns the transitions table, server/src/modules/reports/reports.states.ts) and the web app.

/** Workflow states of a field report. */
export const REPORT_STATUSES = [
  'new',
  'accepted',
  'rejected',
  'assigned',
  'in_progress',
  'resolved',
  'closed',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Actions on an existing report (staff, the reporter with the follow token, or the system). */
export const REPORT_ACTIONS = [
  'accept',
  'reject',
  'assign',
  'start',
  'resolve',
  'close',
  'reopen',
  'merge',
  'transfer',
  'escalate',
  'rate',
  'request_info',
  'provide_info',
] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
