// Reporting periods as DHIS2 writes them (interop.md "Periods"): `2026` (year), `2026Q3`
// (quarter), `2026S1` (half year), `202611` (month), `20261122` (day). A period is the closed
// range of local dates [first, last]; the indicators API takes and answers these strings.

/** The period's grain. */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'day';

export interface Period {
  /** The period as written (`2026Q3`). */
  code: string;
  kind: PeriodKind;
  /** First and last local day, 'YYYY-MM-DD', both included. */
  first: string;
  last: string;
}

/** Years a period may name: the calendar's range (shared/src/calendar DATE_RANGE). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const day = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
/** Last day of month m (1–12) of year y. */
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthRange = (y: number, m1: number, m2: number): [string, string] => [
  day(y, m1, 1),
  day(y, m2, lastDayOf(y, m2)),
];

/** Parses a DHIS2 period string; null when it is not one (or names a day that does not exist). */
export function parsePeriod(code: string): Period | null {
  const m = /^(\d{4})(?:(Q[1-4])|(S[12])|(\d{2})(\d{2})?)?$/.exec(code);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < MIN_YEAR || y > MAX_YEAR) return null;
  if (m[2]) {
    const q = Number(m[2].slice(1));
    const [first, last] = monthRange(y, q * 3 - 2, q * 3);
    return { code, kind: 'quarter', first, last };
  }
  if (m[3]) {
    const s = Number(m[3].slice(1));
    const [first, last] = monthRange(y, s * 6 - 5, s * 6);
    return { code, kind: 'half', first, last };
  }
  if (m[4]) {
    const mo = Number(m[4]);
    if (mo < 1 || mo > 12) return null;
    if (m[5]) {
      const d = Number(m[5]);
      if (d < 1 || d > lastDayOf(y, mo)) return null;
      return { code, kind: 'day', first: day(y, mo, d), last: day(y, mo, d) };
    }
    const [first, last] = monthRange(y, mo, mo);
    return { code, kind: 'month', first, last };
  }
  const [first, last] = monthRange(y, 1, 12);
  return { code, kind: 'year', first, last };
}

/** The period of `kind` that contains the local day `date` ('YYYY-MM-DD'). */
export function periodOf(kind: PeriodKind, date: string): Period {
  const [y, mo, d] = date.split('-');
  const month = Number(mo);
  const code =
    kind === 'year'
      ? y
      : kind === 'half'
        ? `${y}S${month <= 6 ? 1 : 2}`
        : kind === 'quarter'
          ? `${y}Q${Math.ceil(month / 3)}`
          : kind === 'month'
            ? `${y}${mo}`
            : `${y}${mo}${d}`;
  const p = parsePeriod(code ?? '');
  if (!p) throw new Error(`no ${kind} period for ${date}`);
  return p;
}

/** The regular expression every period string matches (for request schemas). */
export const PERIOD_PATTERN = '^\\d{4}(Q[1-4]|S[12]|\\d{2}(\\d{2})?)?$';
