import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A year's official overrides (extra days off, swapped working days) entered by an admin. */
export interface CalendarOverrideTable {
  year: number;
  days_off: string[];
  working_days: string[];
  updated_at: Timestamp;
}

/** Working hours and receipt cut-off of one unit (inherited by its subtree). */
export interface CalendarUnitSettingTable {
  unit_code: string;
  morning_start: string;
  morning_end: string;
  afternoon_start: string;
  afternoon_end: string;
  cutoff: string;
  updated_at: Timestamp;
}

export interface CalendarTables {
  calendar_override: CalendarOverrideTable;
  calendar_unit_setting: CalendarUnitSettingTable;
}
