// How urgent a dossier is, for badges shown with colour AND icon AND text (WCAG 1.4.1), and the
// remaining working time in words. Working days come from GET /calendar/days (the server's
// calendar with holidays and announced swaps); without it only weekends are skipped.
import { CLOCK_STOPPED, type DossierStatus, type Outcome } from '../api/dossier.types.ts';

/** The deadline state of a dossier. */
export type Urgency = 'overdue' | 'dueSoon' | 'paused' | 'onTime' | 'closed';

/** The urgency of a dossier from its status and the server's dueSoon/overdue flags. */
export function urgencyOf(d: {
  status: DossierStatus;
  overdue: boolean;
  dueSoon: boolean;
}): Urgency {
  // Waiting for the applicant stops the clock (regulations.md §3), whatever the flags say.
  if (d.status === 'awaiting_completion') return 'paused';
  if (CLOCK_STOPPED.has(d.status)) return 'closed';
  if (d.overdue) return 'overdue';
  if (d.dueSoon) return 'dueSoon';
  return 'onTime';
}

/** The badge of a finished dossier: late is shown as a warning, early/on time as good. */
export function outcomeTone(outcome: Outcome | null): 'good' | 'bad' | 'none' {
  if (outcome === 'late') return 'bad';
  return outcome ? 'good' : 'none';
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Counting stops here: a dossier years overdue needs no exact figure. */
const MAX_DAYS = 3700;

/** The Vietnam-local date 'YYYY-MM-DD' of an epoch instant. */
export function vnDate(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

function nextDay(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** A special day of GET /calendar/days. */
export interface SpecialDay {
  date: string;
  kind: string;
}

/** "Is this date a working day?" from the calendar's special days (overrides win). */
export function workingDayPredicate(days: readonly SpecialDay[]): (iso: string) => boolean {
  const working = new Set<string>();
  const off = new Set<string>();
  for (const d of days) (d.kind === 'override_working' ? working : off).add(d.date);
  return (iso) => {
    if (working.has(iso)) return true;
    if (off.has(iso)) return false;
    const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}

/** Working days d with from < d <= to. */
export function workingDaysBetween(
  from: string,
  to: string,
  isWorkingDay: (iso: string) => boolean,
): number {
  let count = 0;
  let d = from;
  for (let i = 0; i < MAX_DAYS && d < to; i++) {
    d = nextDay(d);
    if (isWorkingDay(d)) count++;
  }
  return count;
}

/** Time left before the deadline, or past it, in working days. */
export type Remaining =
  | { kind: 'left'; days: number }
  | { kind: 'today'; time: string }
  | { kind: 'over'; days: number }
  | { kind: 'overToday'; time: string };

/**
 * Whole working days after today until the due date (the deadline is the end of that day's
 * hours), or since it when overdue; 'today' / 'overToday' when the due date is today.
 */
export function remainingTime(
  now: number,
  dueAt: string,
  isWorkingDay: (iso: string) => boolean,
): Remaining {
  const due = Date.parse(dueAt);
  const today = vnDate(now);
  const dueDate = vnDate(due);
  const time = new Date(due + VN_OFFSET_MS).toISOString().slice(11, 16);
  if (now < due) {
    if (dueDate <= today) return { kind: 'today', time };
    return { kind: 'left', days: workingDaysBetween(today, dueDate, isWorkingDay) };
  }
  const days = workingDaysBetween(dueDate, today, isWorkingDay);
  return days === 0 ? { kind: 'overToday', time } : { kind: 'over', days };
}
