/**
 * Deadlines of field reports, in Vietnamese working days (the unit's calendar, holidays and
 * Tết included). Limits per stage come from regulations.md §5 ("reject within 2 working
 * days, ask for more information within 5, resolve within 15, publish within 2"), stored per
 * category so an admin can tighten them.
 */
import type { WorkingCalendar } from '@cqs/shared/calendar/index';

/** A category's limits, in working days. */
export interface CategorySla {
  sla_accept_days: number;
  sla_resolve_days: number;
}

/** By when a new report must be accepted or rejected (counted from its receipt). */
export function acceptDue(cal: WorkingCalendar, createdAt: Date, sla: CategorySla): Date {
  return cal.dueByWorkingDays(createdAt, sla.sla_accept_days);
}

/** Until when staff may ask the reporter for more information (counted from its receipt). */
export function infoDue(
  cal: WorkingCalendar,
  createdAt: Date,
  sla: { sla_info_days: number },
): Date {
  return cal.dueByWorkingDays(createdAt, sla.sla_info_days);
}

/** By when an accepted (or reopened) report must be resolved, counted from that moment. */
export function resolveDue(cal: WorkingCalendar, from: Date, sla: CategorySla): Date {
  return cal.dueByWorkingDays(from, sla.sla_resolve_days);
}

/** Working minutes of one standard working day of this calendar (the "due soon" window). */
export function workingDayMinutes(cal: WorkingCalendar): number {
  const m = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
  const s = cal.settings;
  return m(s.morning.end) - m(s.morning.start) + (m(s.afternoon.end) - m(s.afternoon.start));
}

/** True when at most one working day is left before `dueAt` (and it has not passed). */
export function isDueSoon(cal: WorkingCalendar, now: Date, dueAt: Date): boolean {
  if (dueAt.getTime() <= now.getTime()) return false;
  return cal.workingMinutesBetween(now, dueAt) <= workingDayMinutes(cal);
}

/** The reporter may say "not fixed" until this instant (calendar days after resolution). */
export function reopenUntil(resolvedAt: Date, windowDays: number): Date {
  return new Date(resolvedAt.getTime() + windowDays * 86_400_000);
}
