import { apiRequest } from '../../../api/client.ts';
import type { CalendarDay, DayKind, Overrides, WorkingHours } from './calendar.types.ts';

const BASE = '/api/v1/calendar';

// The server's name for an override working day is not fixed by the contract; accept the
// likely spellings and map them to one kind.
const KIND_ALIASES: Record<string, DayKind> = {
  weekend: 'weekend',
  holiday: 'holiday',
  compensatory: 'compensatory',
  override_off: 'override_off',
  day_off: 'override_off',
  override_working: 'override_working',
  override_work: 'override_working',
  working: 'override_working',
  working_day: 'override_working',
  workday: 'override_working',
};

/** GET /calendar/days?year=: the special days of the year. */
export async function getCalendarDays(
  year: number,
  unit: string | undefined,
  signal: AbortSignal,
): Promise<CalendarDay[]> {
  const result = await apiRequest<{
    year: number;
    days: (Omit<CalendarDay, 'kind'> & { kind: string })[];
  }>(`${BASE}/days`, {
    query: { year, unit },
    signal,
  });
  return result.days.flatMap((d) => {
    const kind = KIND_ALIASES[d.kind];
    return kind ? [{ ...d, kind }] : [];
  });
}

const toDates = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.map((item) =>
        item && typeof item === 'object' && 'date' in item ? String(item.date) : String(item),
      )
    : [];

/** GET /calendar/overrides/{year}. */
export async function getOverrides(year: number, signal: AbortSignal): Promise<Overrides> {
  const result = await apiRequest<Record<string, unknown>>(`${BASE}/overrides/${year}`, { signal });
  return { daysOff: toDates(result.daysOff), workingDays: toDates(result.workingDays) };
}

/** PUT /calendar/overrides/{year}: replaces the year's overrides. */
export function putOverrides(year: number, overrides: Overrides): Promise<unknown> {
  return apiRequest<unknown>(`${BASE}/overrides/${year}`, { method: 'PUT', json: overrides });
}

/** GET /calendar/due: the due instant (ISO 8601 with offset). */
export async function computeDue(params: {
  from: string;
  amount: number;
  unit: 'days' | 'hours';
  unitCode?: string;
}): Promise<string> {
  const result = await apiRequest<{ due: string }>(`${BASE}/due`, {
    query: { from: params.from, [params.unit]: params.amount, unit: params.unitCode },
  });
  return result.due;
}

/** GET /calendar/settings/{unitCode}. */
export function getWorkingHours(unitCode: string, signal: AbortSignal): Promise<WorkingHours> {
  return apiRequest<WorkingHours>(`${BASE}/settings/${encodeURIComponent(unitCode)}`, { signal });
}

/** PUT /calendar/settings/{unitCode}. */
export function putWorkingHours(unitCode: string, hours: WorkingHours): Promise<WorkingHours> {
  return apiRequest<WorkingHours>(`${BASE}/settings/${encodeURIComponent(unitCode)}`, {
    method: 'PUT',
    json: hours,
  });
}
