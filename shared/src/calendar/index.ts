// Public API of the working-day calendar (lịch làm việc): pure logic shared by server and web.

export {
  DATE_RANGE,
  INSTANT_RANGE,
  IsoDateSchema,
  isoDate,
  isoInstant,
  isSaneIsoDate,
} from './date.schema.ts';
export { type Holiday, hungKingsDay, lunarNewYear, MAX_YEAR, MIN_YEAR } from './holidays.ts';
export { type CalendarSettings, DEFAULT_CALENDAR_SETTINGS, type Session } from './settings.ts';
export {
  type IsoDate,
  toVnIso,
  vnDateOf,
  vnDayEnd,
  vnDayStart,
  vnInstant,
} from './time.ts';
export { type DayKind, WorkingCalendar, type YearOverrides } from './working-calendar.ts';
