// The one schema of a calendar date the API accepts (issue 11): 'YYYY-MM-DD' that names a
// real day (no 2026-02-30, no 0000-00-00) in a range every consumer handles — PostgreSQL
// `date` takes far more, but the working-day calendar covers 1976–2199 and nothing the
// platform records (births, unit histories, dossiers) lies before 1900. Every query, path and
// body date uses it, so a date that passes validation never fails later in SQL or arithmetic.
// Instants (receipt times, payment times, new deadlines) get the same range (isoInstant).
import { z } from 'zod';
import { MAX_YEAR, MIN_YEAR } from './holidays.ts';

/** The first and last dates the API takes. */
export const DATE_RANGE = { min: '1900-01-01', max: `${MAX_YEAR}-12-31` } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day 'YYYY-MM-DD' within DATE_RANGE. */
export function isSaneIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  if (s < DATE_RANGE.min || s > DATE_RANGE.max) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const MESSAGES = {
  format: 'Ngày theo dạng YYYY-MM-DD, ví dụ 2026-03-02.',
  invalid: `Ngày không có thật hoặc ngoài khoảng ${DATE_RANGE.min} – ${DATE_RANGE.max}.`,
};

/**
 * A date schema ('YYYY-MM-DD', format "date" in the OpenAPI document). `format` is the
 * message for a value of another shape, `invalid` for a day that does not exist or lies
 * outside DATE_RANGE; one issue per value either way.
 */
export function isoDate(messages: Partial<typeof MESSAGES> = {}) {
  const m = { ...MESSAGES, ...messages };
  return z
    .string({ error: m.format })
    .regex(ISO_DATE, { error: m.format, abort: true })
    .refine(isSaneIsoDate, { error: m.invalid })
    .meta({ format: 'date' });
}

/** The calendar date every route accepts. */
export const IsoDateSchema = isoDate();

/**
 * The instants the API takes: the working-day calendar's years (MIN_YEAR–MAX_YEAR). An instant
 * is a receipt, a payment or a deadline, and deadlines are computed from it: before 1976 the
 * calendar cannot count (a receipt time of 1950 answered 500), and PostgreSQL refuses year 0.
 */
export const INSTANT_RANGE = { min: `${MIN_YEAR}-01-01`, max: `${MAX_YEAR}-12-31` } as const;

/**
 * An instant with its offset ('2026-03-02T09:00:00+07:00', format "date-time") written with a
 * date in INSTANT_RANGE. `message` covers every way it can be wrong.
 */
export function isoInstant(
  message = `Thời điểm theo ISO 8601 có múi giờ, ví dụ 2026-03-02T09:00:00+07:00, trong các năm ${MIN_YEAR}–${MAX_YEAR}.`,
) {
  return z.iso.datetime({ offset: true, error: message, abort: true }).refine(
    (v) => {
      const day = v.slice(0, 10);
      return isSaneIsoDate(day) && day >= INSTANT_RANGE.min && day <= INSTANT_RANGE.max;
    },
    { error: message },
  );
}
