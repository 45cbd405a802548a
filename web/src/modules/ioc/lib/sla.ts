// The SLA state of a field report on the dashboard's map, and the colour family the reports
// map draws it in (reports/lib/status.ts tones: red, blue, green — our legend names them).

export type SlaState = 'overdue' | 'open' | 'done';

/** Past due and still open, open within its time, or handled (resolved, closed, rejected). */
export function slaState(r: { status: string; overdue: boolean }): SlaState {
  if (['resolved', 'closed', 'rejected'].includes(r.status)) return 'done';
  return r.overdue ? 'overdue' : 'open';
}

/** The report status whose tone draws each SLA state on the reports map. */
export const SLA_TONE_STATUS: Record<SlaState, string> = {
  overdue: 'rejected',
  open: 'new',
  done: 'resolved',
};
