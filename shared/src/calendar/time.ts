// Vietnam local time helpers (giờ Việt Nam).
//
// Asia/Ho_Chi_Minh has been a fixed UTC+07:00 since the country's clocks were unified in
// 1975, with no daylight saving time. A fixed offset is therefore exact for every date this
// calendar supports, keeps the arithmetic identical on server and browser, and avoids
// depending on the host's time-zone database (tzdata) or a time-zone library.

/** A calendar date in Vietnam local time, 'YYYY-MM-DD'. */
export type IsoDate = string;

const VN_OFFSET_MINUTES = 7 * 60;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** Vietnam's offset from UTC in milliseconds (fixed, see the file comment). */
export const VN_OFFSET_MS = VN_OFFSET_MINUTES * MS_PER_MINUTE;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 for a valid 'YYYY-MM-DD'; throws RangeError otherwise. */
export function dayNumber(date: IsoDate): number {
  const m = typeof date === 'string' ? ISO_DATE_RE.exec(date) : null;
  if (!m) throw new RangeError(`Invalid date "${String(date)}": expected 'YYYY-MM-DD'`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC silently rolls 2026-02-30 over to March; reject it instead.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Invalid date "${date}": no such calendar day`);
  }
  return ms / MS_PER_DAY;
}

/** 'YYYY-MM-DD' for a count of days since 1970-01-01. */
export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Validates a 'YYYY-MM-DD' string and returns it unchanged. */
export function assertIsoDate(date: IsoDate): IsoDate {
  dayNumber(date);
  return date;
}

/** The date `n` calendar days after `date` (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** Day of the week of a date: 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** The Gregorian year of a 'YYYY-MM-DD' date. */
export function yearOf(date: IsoDate): number {
  return Number(assertIsoDate(date).slice(0, 4));
}

/** Minutes after midnight for 'HH:MM' (24h); throws RangeError otherwise. */
export function parseHm(time: string): number {
  const m = typeof time === 'string' ? HH_MM_RE.exec(time) : null;
  if (!m) throw new RangeError(`Invalid time "${String(time)}": expected 'HH:MM' (00:00–23:59)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Throws RangeError unless `d` is a valid Date. */
export function assertValidDate(d: Date, what = 'instant'): Date {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new RangeError(`Invalid ${what}: expected a valid Date`);
  }
  return d;
}

/** Local calendar date in Asia/Ho_Chi_Minh of an instant. */
export function vnDateOf(d: Date): IsoDate {
  assertValidDate(d);
  return fromDayNumber(Math.floor((d.getTime() + VN_OFFSET_MS) / MS_PER_DAY));
}

/** Milliseconds elapsed since local (Vietnam) midnight of an instant. */
export function vnMsOfDay(d: Date): number {
  assertValidDate(d);
  const local = d.getTime() + VN_OFFSET_MS;
  return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
}

/** The instant of a Vietnam local date and 'HH:MM' time. */
export function vnInstant(date: IsoDate, time: string): Date {
  return new Date(dayNumber(date) * MS_PER_DAY + parseHm(time) * MS_PER_MINUTE - VN_OFFSET_MS);
}

/** Midnight starting `date` in Vietnam: the inclusive start of a "from" day filter. */
export function vnDayStart(date: IsoDate): Date {
  return vnInstant(date, '00:00');
}

/** Midnight ending `date` in Vietnam: the exclusive end of a "to" day filter. */
export function vnDayEnd(date: IsoDate): Date {
  return vnInstant(addDays(date, 1), '00:00');
}

/** ISO 8601 in Vietnam local time, e.g. '2026-11-27T17:00:00+07:00' (no milliseconds). */
export function toVnIso(d: Date): string {
  assertValidDate(d);
  // Shift to local wall-clock time, then print it as if it were UTC with the fixed suffix.
  const local = new Date(Math.floor(d.getTime() / 1000) * 1000 + VN_OFFSET_MS);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}
