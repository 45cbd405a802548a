import type { DayKind } from '../api/calendar.types.ts';

/** A symbol per kind, so the calendar does not rely on colour alone (WCAG 1.4.1). */
export const DAY_SYMBOL: Record<DayKind, string> = {
  weekend: '',
  holiday: '●',
  compensatory: '◆',
  override_off: '■',
  override_working: '▲',
};
