import { useAsync } from '../../../lib/use-async.ts';
import { getCalendarDays, getOverrides } from '../api/calendar.api.ts';

/** The special days of `year`. */
export function useCalendarDays(year: number) {
  return useAsync((signal) => getCalendarDays(year, undefined, signal), [year]);
}

/** The overrides of `year`. */
export function useOverrides(year: number) {
  return useAsync((signal) => getOverrides(year, signal), [year]);
}
