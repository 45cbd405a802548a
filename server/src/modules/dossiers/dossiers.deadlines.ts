import { vnDateOf, type WorkingCalendar } from '@cqs/shared/calendar/index';

/** A procedure's processing time. */
export interface ProcessingTime {
  value: number;
  unit: 'working_days' | 'working_hours';
}

/** The appointment (ngày hẹn trả) of a dossier received at `receivedAt` (regulations.md §3). */
export function dueFromReceipt(cal: WorkingCalendar, receivedAt: Date, time: ProcessingTime): Date {
  return time.unit === 'working_days'
    ? cal.dueByWorkingDays(receivedAt, time.value)
    : cal.dueByWorkingHours(receivedAt, time.value);
}

/** The instant `minutes` of working time after `from` (from itself when minutes is 0). */
export function addWorkingMinutes(cal: WorkingCalendar, from: Date, minutes: number): Date {
  if (minutes <= 0) return from;
  return cal.dueByWorkingHours(from, minutes / 60);
}

/**
 * Resuming after the applicant completed the dossier: the time waiting for them is not
 * counted (regulations.md §3), so the due instant moves by exactly the working time that
 * passed while paused.
 */
export function resumeAfterPause(
  cal: WorkingCalendar,
  dueAt: Date,
  pausedAt: Date,
  now: Date,
): { dueAt: Date; pausedMinutes: number } {
  const pausedMinutes = cal.workingMinutesBetween(pausedAt, now);
  return { dueAt: addWorkingMinutes(cal, dueAt, pausedMinutes), pausedMinutes };
}

/**
 * Early / on time / late (trước hạn / đúng hạn / trễ hạn) of a finished dossier against its
 * (possibly extended) due instant. Early = finished on a day before the due day. Being asked
 * to complete the dossier more than once counts as late (766 index notes, regulations.md §5).
 */
export function classifyFinish(
  finishedAt: Date,
  dueAt: Date,
  completionRequests: number,
): 'early' | 'on_time' | 'late' {
  if (completionRequests > 1 || finishedAt.getTime() > dueAt.getTime()) return 'late';
  return vnDateOf(finishedAt) < vnDateOf(dueAt) ? 'early' : 'on_time';
}

/** Working minutes in one standard working day of this calendar (the "due soon" window). */
export function workingDayMinutes(cal: WorkingCalendar): number {
  const m = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
  const s = cal.settings;
  return m(s.morning.end) - m(s.morning.start) + (m(s.afternoon.end) - m(s.afternoon.start));
}

/** True when at most `windowMinutes` of working time is left before `dueAt`. */
export function isDueSoon(
  cal: WorkingCalendar,
  now: Date,
  dueAt: Date,
  windowMinutes: number,
): boolean {
  if (dueAt.getTime() <= now.getTime()) return false;
  return cal.workingMinutesBetween(now, dueAt) <= windowMinutes;
}

/** One step of the procedure with its own deadline. */
export interface StepDeadline {
  order: number;
  name: string;
  role: string;
  dueAt: string;
}

/**
 * Deadlines of the procedure's processing steps: each step ends its allotted working time
 * after the previous one, counted from the receipt; working days count as the unit's full
 * working day. The last step never ends after the dossier's own appointment.
 */
export function stepPlan(
  cal: WorkingCalendar,
  start: Date,
  dossierDue: Date,
  steps: {
    order: number;
    name: string;
    role: string;
    duration: { value: number; unit: 'working_days' | 'working_hours' };
  }[],
): StepDeadline[] {
  const day = workingDayMinutes(cal);
  let minutes = 0;
  return [...steps]
    .sort((a, b) => a.order - b.order)
    .map((s) => {
      minutes +=
        s.duration.unit === 'working_days' ? s.duration.value * day : s.duration.value * 60;
      const due = addWorkingMinutes(cal, start, minutes);
      return {
        order: s.order,
        name: s.name,
        role: s.role,
        dueAt: (due > dossierDue ? dossierDue : due).toISOString(),
      };
    });
}

/** The plan moved by a pause, like the dossier's appointment. */
export function shiftPlan(
  cal: WorkingCalendar,
  plan: StepDeadline[],
  minutes: number,
): StepDeadline[] {
  return plan.map((s) => ({
    ...s,
    dueAt: addWorkingMinutes(cal, new Date(s.dueAt), minutes).toISOString(),
  }));
}
