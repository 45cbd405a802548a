// Working hours and the receipt cut-off (giờ làm việc, giờ tiếp nhận). Working hours are
// set per province (regulations.md §4) and the 15:00 cut-off is a counting convention not
// verified in the decree text (regulations.md §3), so all of them are settings.

import { parseHm } from './time.ts';

/** A working session in local time, 'HH:MM' 24h. */
export interface Session {
  start: string;
  end: string;
}

/** Working hours and the cut-off after which a receipt counts on the next working day. */
export interface CalendarSettings {
  morning: Session;
  afternoon: Session;
  cutoff: string;
}

/** Defaults: 07:30–11:30, 13:30–17:00, cut-off 15:00 (regulations.md §3, not verified). */
export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = Object.freeze({
  morning: Object.freeze({ start: '07:30', end: '11:30' }),
  afternoon: Object.freeze({ start: '13:30', end: '17:00' }),
  cutoff: '15:00',
});

/** Settings parsed to minutes after midnight. */
export interface ParsedSettings {
  sessions: readonly [number, number][]; // [start, end) in minutes, in day order
  cutoff: number;
}

/** Merges partial settings over the defaults; throws RangeError if they are inconsistent. */
export function resolveSettings(partial: Partial<CalendarSettings> = {}): CalendarSettings {
  const merged: CalendarSettings = {
    morning: { ...(partial.morning ?? DEFAULT_CALENDAR_SETTINGS.morning) },
    afternoon: { ...(partial.afternoon ?? DEFAULT_CALENDAR_SETTINGS.afternoon) },
    cutoff: partial.cutoff ?? DEFAULT_CALENDAR_SETTINGS.cutoff,
  };
  parseSettings(merged);
  return Object.freeze({
    ...merged,
    morning: Object.freeze(merged.morning),
    afternoon: Object.freeze(merged.afternoon),
  });
}

/** Parses settings to minutes; throws RangeError on bad times or a session order that makes no sense. */
export function parseSettings(s: CalendarSettings): ParsedSettings {
  const ms = parseHm(s.morning.start);
  const me = parseHm(s.morning.end);
  const as = parseHm(s.afternoon.start);
  const ae = parseHm(s.afternoon.end);
  const cutoff = parseHm(s.cutoff);
  if (ms >= me)
    throw new RangeError(
      `Morning session must start before it ends (${s.morning.start}–${s.morning.end})`,
    );
  if (as >= ae)
    throw new RangeError(
      `Afternoon session must start before it ends (${s.afternoon.start}–${s.afternoon.end})`,
    );
  if (me > as) {
    throw new RangeError(
      `Morning session (${s.morning.start}–${s.morning.end}) must end before the afternoon one starts (${s.afternoon.start})`,
    );
  }
  return {
    sessions: [
      [ms, me],
      [as, ae],
    ],
    cutoff,
  };
}
