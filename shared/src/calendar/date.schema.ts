// The one schema of a calendar date the API accepts (issue 11): 'YYYY-MM-DD' that names a
// real day (no 2026-02-30, no 0000-00-00) in a range every consumer handles — PostgreSQL
// `date` takes far more, but the working-day calendar covers 1976–2199 and nothing the
// platform records (births, unit histories, dossiers) lies before 1900. Every query, path and
// body date uses it, so a date that passes validation never fails later in SQL or arithmetic.
import { z } from 'zod';
import { MAX_YEAR } from './holidays.ts';

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

const DEFAULT_MESSAGE = `Ngày theo dạng YYYY-MM-DD, là ngày có thật từ ${DATE_RANGE.min} đến ${DATE_RANGE.max}.`;

/**
 * A date schema ('YYYY-MM-DD', format "date" in the OpenAPI document) with its own message;
 * the message is used for every way the value can be wrong.
 */
export function isoDate(message: string = DEFAULT_MESSAGE) {
  return z.iso.date({ error: message }).refine(isSaneIsoDate, { error: message });
}

/** The calendar date every route accepts. */
export const IsoDateSchema = isoDate();
