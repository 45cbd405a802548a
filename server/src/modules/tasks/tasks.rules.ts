// The rules of tasks that need no database: deadlines on the working calendar, the derived
// overdue and due-soon states, and "on time". Pure, so the sweep, the lists and the tests
// agree on one definition.
import type { WorkingCalendar } from '@cqs/shared/calendar/index';
import { ValidationError } from '../../platform/errors.js';
import type { TaskStatus } from './tasks.tables.js';

/** A task is due soon from this many working days before its deadline (inclusive). */
export const DUE_SOON_WORKING_DAYS = 3;

/** Statuses in which work is expected, so a deadline can be missed. */
export const OPEN_STATUSES: readonly TaskStatus[] = ['not_started', 'in_progress'];

/** How a deadline is given: a date, N working days from the assignment, or ongoing. */
export type DeadlineInput = { on: string } | { workingDays: number } | { ongoing: true };

/** "06/02/2027" — a date as Vietnamese text writes it. */
export function vnDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/**
 * The stored deadline: a working day, or null for "thường xuyên". A date that falls on a
 * weekend or a day off moves to the next working day, with a note saying so (the calendar
 * module's days off: Tết, public holidays, compensatory days, the year's overrides); N working
 * days count from the day of assignment (WorkingCalendar.addWorkingDays: the n-th working day
 * after it). A deadline before `today` is refused (400): a task is given to be done.
 */
export function resolveDeadline(
  cal: WorkingCalendar,
  input: DeadlineInput,
  assignedOn: string,
  today: string,
): { deadlineOn: string | null; note: string | null } {
  try {
    return resolve(cal, input, assignedOn, today);
  } catch (err) {
    // Past the calendar's last year (2199): bad input, never a 500.
    if (err instanceof RangeError)
      throw new ValidationError(`Không tính được hạn: ${err.message}`, [], 'task_deadline_invalid');
    throw err;
  }
}

function resolve(
  cal: WorkingCalendar,
  input: DeadlineInput,
  assignedOn: string,
  today: string,
): { deadlineOn: string | null; note: string | null } {
  if ('ongoing' in input) return { deadlineOn: null, note: null };
  if ('workingDays' in input) {
    const on = cal.addWorkingDays(assignedOn, input.workingDays);
    return {
      deadlineOn: on,
      note: `${input.workingDays} ngày làm việc kể từ ngày giao ${vnDate(assignedOn)}.`,
    };
  }
  if (input.on < today)
    throw new ValidationError(
      'Hạn hoàn thành không được trước ngày hôm nay.',
      [{ path: 'body.deadline.on', message: `Chọn một ngày từ ${vnDate(today)} trở đi.` }],
      'task_deadline_past',
    );
  if (cal.isWorkingDay(input.on)) return { deadlineOn: input.on, note: null };
  const moved = cal.nextWorkingDay(input.on);
  const year = Number(input.on.slice(0, 4));
  const off = cal.daysOff(year).find((h) => h.date === input.on);
  const why = off ? off.nameVi : 'ngày nghỉ cuối tuần';
  return {
    deadlineOn: moved,
    note: `Hạn ${vnDate(input.on)} trùng ${why}, chuyển sang ngày làm việc tiếp theo ${vnDate(moved)}.`,
  };
}

interface Deadlined {
  status: string;
  deadline_on: string | null;
}

/** Quá hạn: open, and the deadline (a working day) has passed; ongoing tasks never are. */
export function isOverdue(t: Deadlined, today: string): boolean {
  return (
    OPEN_STATUSES.includes(t.status as TaskStatus) &&
    t.deadline_on !== null &&
    t.deadline_on < today
  );
}

/** Sắp đến hạn: open, not overdue, and the deadline within DUE_SOON_WORKING_DAYS working days. */
export function isDueSoon(cal: WorkingCalendar, t: Deadlined, today: string): boolean {
  if (!OPEN_STATUSES.includes(t.status as TaskStatus) || t.deadline_on === null) return false;
  if (t.deadline_on < today) return false;
  return t.deadline_on <= cal.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
}

/** Done on time: on or before the deadline; an ongoing task done counts on time (TaskFact). */
export function doneOnTime(deadlineOn: string | null, doneOn: string): boolean {
  return deadlineOn === null || doneOn <= deadlineOn;
}
