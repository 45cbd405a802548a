/** Kinds of special day shown on the calendar. */
export const DAY_KINDS = [
  'weekend',
  'holiday',
  'compensatory',
  'override_off',
  'override_working',
] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** A special day of GET /calendar/days. */
export interface CalendarDay {
  date: string;
  kind: DayKind;
  nameVi: string;
  nameEn: string;
}

/** Per-year overrides: extra days off and Saturdays/Sundays worked (làm bù). */
export interface Overrides {
  daysOff: string[];
  workingDays: string[];
}

/** Working hours of a unit, 'HH:MM' 24h; receipts after the cut-off count from the next working day. */
export interface WorkingHours {
  morning: { start: string; end: string };
  afternoon: { start: string; end: string };
  cutoff: string;
}

/** Defaults used when a unit has no settings yet (mirrors shared/src/calendar/settings.ts). */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  morning: { start: '07:30', end: '11:30' },
  afternoon: { start: '13:30', end: '17:00' },
  cutoff: '15:00',
};
