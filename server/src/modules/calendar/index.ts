/** Public face of the calendar module (lịch làm việc). */
import type { WorkingCalendar } from '@cqs/shared/calendar/index';
import type { Kysely } from 'kysely';
import { type Generations, ReferenceCache } from '../../platform/cache/reference-cache.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { vnToday } from '../org/index.js';
import { CalendarService } from './calendar.service.js';

export { calendarRoutes } from './calendar.routes.js';
export { CalendarService } from './calendar.service.js';

// A unit's calendar follows its own settings, its ancestors' (org) and the overrides.
const calendars = new ReferenceCache<WorkingCalendar>(['calendar', 'org'], 500);

/**
 * CalendarService.calendarFor, from the process's cache while neither calendars nor units
 * have changed (for request paths that never write either; see platform/cache).
 */
export function cachedCalendarFor(
  db: Kysely<Database>,
  clock: Clock,
  unitCode: string,
  seen: Generations | undefined,
): Promise<WorkingCalendar> {
  return calendars.get(
    db,
    `${unitCode}@${vnToday(clock.now())}`,
    () => new CalendarService(db, clock).calendarFor(unitCode),
    seen,
  );
}
