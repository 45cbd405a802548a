// The working-day calendar (lịch làm việc) used to compute one-stop-shop deadlines.
//
// Days off: weekends (civil servants work Monday–Friday), statutory holidays and
// compensatory days (Bộ luật Lao động 2019, điều 112 — see holidays.ts), then the yearly
// overrides the Government announces (regulations.md §4).
// Counting conventions (regulations.md §3, "not verified in the decree text", hence
// settings): a receipt at/after the cut-off or on a day off counts from the next working
// day; N working days start the day after that; the deadline is the end of the afternoon
// session of the N-th working day.

import { assertYear, type Holiday, isWeekend, statutoryHolidays } from './holidays.ts';
import {
  type CalendarSettings,
  type ParsedSettings,
  parseSettings,
  resolveSettings,
} from './settings.ts';
import {
  addDays,
  assertIsoDate,
  assertValidDate,
  type IsoDate,
  vnDateOf,
  vnInstant,
  vnMsOfDay,
  yearOf,
} from './time.ts';

/** Per-year corrections announced by the Government: extra days off and worked (swapped) days. */
export interface YearOverrides {
  daysOff: IsoDate[];
  workingDays: IsoDate[];
}

/** Why a day is, or is not, a working day. */
export type DayKind =
  | 'weekend'
  | 'holiday'
  | 'compensatory'
  | 'override_off'
  | 'override_working'
  | 'working';

interface YearInfo {
  off: Map<IsoDate, Holiday>;
  working: Set<IsoDate>;
}

const MS_PER_MINUTE = 60_000;

function assertCount(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`${what} must be a non-negative integer, got ${String(n)}`);
  return n;
}

function validateOverrides(overrides: Record<number, YearOverrides>): Map<number, YearOverrides> {
  const out = new Map<number, YearOverrides>();
  for (const [key, value] of Object.entries(overrides)) {
    const year = assertYear(Number(key));
    const daysOff = [...(value.daysOff ?? [])];
    const workingDays = [...(value.workingDays ?? [])];
    for (const d of [...daysOff, ...workingDays]) {
      if (yearOf(d) !== year) throw new RangeError(`Override date ${d} is not in year ${year}`);
    }
    const clash = daysOff.find((d) => workingDays.includes(d));
    if (clash) throw new RangeError(`Override date ${clash} is both a day off and a working day`);
    out.set(year, { daysOff, workingDays });
  }
  return out;
}

/** Working-day and working-hour arithmetic in Vietnam local time (UTC+07:00). */
export class WorkingCalendar {
  readonly settings: CalendarSettings;
  readonly #parsed: ParsedSettings;
  readonly #overrides: Map<number, YearOverrides>;
  readonly #years = new Map<number, YearInfo>();

  constructor(
    opts: { settings?: Partial<CalendarSettings>; overrides?: Record<number, YearOverrides> } = {},
  ) {
    this.settings = resolveSettings(opts.settings);
    this.#parsed = parseSettings(this.settings);
    this.#overrides = validateOverrides(opts.overrides ?? {});
  }

  #year(year: number): YearInfo {
    let info = this.#years.get(year);
    if (!info) {
      const off = new Map<IsoDate, Holiday>(statutoryHolidays(year).map((h) => [h.date, h]));
      const o = this.#overrides.get(year);
      for (const date of o?.daysOff ?? []) {
        if (!off.has(date))
          off.set(date, {
            date,
            kind: 'override_off',
            nameVi: 'Ngày nghỉ theo thông báo',
            nameEn: 'Announced day off',
          });
      }
      const working = new Set(o?.workingDays ?? []);
      for (const date of working) off.delete(date);
      info = { off, working };
      this.#years.set(year, info);
    }
    return info;
  }

  /** Statutory holidays and compensatory days of a year (Labour Code art. 112), without overrides. */
  statutoryHolidays(year: number): Holiday[] {
    return statutoryHolidays(year);
  }

  /** Holidays, compensatory and announced days off of a year after overrides (weekends not listed), sorted. */
  daysOff(year: number): Holiday[] {
    return [...this.#year(assertYear(year)).off.values()]
      .map((h) => ({ ...h }))
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Classifies a date; overrides win over holidays, holidays over weekends. */
  dayKind(date: IsoDate): DayKind {
    const info = this.#year(yearOf(date));
    if (info.working.has(date)) return 'override_working';
    const off = info.off.get(date);
    if (off) return off.kind;
    return isWeekend(date) ? 'weekend' : 'working';
  }

  /** True when civil servants work on that date. */
  isWorkingDay(date: IsoDate): boolean {
    const kind = this.dayKind(date);
    return kind === 'working' || kind === 'override_working';
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    // Terminates: every year has working days, and dayKind throws past the supported years.
    let d = addDays(assertIsoDate(date), 1);
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** The n-th working day strictly after `date` (n = 0 returns `date`). */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    assertCount(n, 'Number of working days');
    let d = assertIsoDate(date);
    for (let i = 0; i < n; i++) d = this.nextWorkingDay(d);
    return d;
  }

  /** Number of working days d with from < d <= to (0 if to <= from); inverse of addWorkingDays. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    assertIsoDate(from);
    assertIsoDate(to);
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }

  /** The working day a receipt counts from: the next working day if at/after the cut-off or on a day off (§3). */
  effectiveReceiptDate(receivedAt: Date): IsoDate {
    const day = vnDateOf(assertValidDate(receivedAt, 'receipt time'));
    if (this.isWorkingDay(day) && vnMsOfDay(receivedAt) < this.#parsed.cutoff * MS_PER_MINUTE)
      return day;
    return this.nextWorkingDay(day);
  }

  /** Deadline of a period of `days` working days: end of the afternoon of the days-th working day after the effective receipt date (§3). */
  dueByWorkingDays(receivedAt: Date, days: number): Date {
    assertCount(days, 'Number of working days');
    const last = this.addWorkingDays(this.effectiveReceiptDate(receivedAt), days);
    return vnInstant(last, this.settings.afternoon.end);
  }

  /** Instant at which `hours` of working time (sessions of working days) have elapsed since receipt; no cut-off. */
  dueByWorkingHours(receivedAt: Date, hours: number): Date {
    assertValidDate(receivedAt, 'receipt time');
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
      throw new RangeError(
        `Number of working hours must be a finite non-negative number, got ${String(hours)}`,
      );
    }
    // Whole milliseconds, so fractional hours (e.g. 1.5) are exact.
    let remaining = Math.round(hours * 60 * MS_PER_MINUTE);
    let cursor = receivedAt.getTime();
    // Terminates: each working day consumes time, and dayKind throws past the supported years.
    for (let day = vnDateOf(receivedAt); ; day = addDays(day, 1)) {
      if (!this.isWorkingDay(day)) continue;
      for (const [start, end] of this.#sessions(day)) {
        if (cursor >= end) continue;
        const from = Math.max(cursor, start);
        // `<=` so a period ending exactly at a session end returns that end, not the next start.
        if (remaining <= end - from) return new Date(from + remaining);
        remaining -= end - from;
        cursor = end;
      }
    }
  }

  /** Minutes of overlap between [from, to) and the working sessions of working days; 0 if to <= from. */
  workingMinutesBetween(from: Date, to: Date): number {
    const a = assertValidDate(from, 'start instant').getTime();
    const b = assertValidDate(to, 'end instant').getTime();
    if (b <= a) return 0;
    let ms = 0;
    const lastDay = vnDateOf(to);
    for (let day = vnDateOf(from); day <= lastDay; day = addDays(day, 1)) {
      if (!this.isWorkingDay(day)) continue;
      for (const [start, end] of this.#sessions(day))
        ms += Math.max(0, Math.min(end, b) - Math.max(start, a));
    }
    return ms / MS_PER_MINUTE;
  }

  /** The day's sessions as [start, end) epoch milliseconds. */
  #sessions(day: IsoDate): [number, number][] {
    const midnight = vnInstant(day, '00:00').getTime();
    return this.#parsed.sessions.map(([s, e]) => [
      midnight + s * MS_PER_MINUTE,
      midnight + e * MS_PER_MINUTE,
    ]);
  }
}
