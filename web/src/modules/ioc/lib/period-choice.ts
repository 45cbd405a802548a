// The period picker of the value entry form: a year and a part of it (whole year, half,
// quarter or month), composed into the API's period names (interop.md, DHIS2 style).

/** The parts of a year one can enter a value for: '' = the whole year. */
export const PERIOD_PARTS = [
  '',
  'S1',
  'S2',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  ...Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')),
] as const;
export type PeriodPart = (typeof PERIOD_PARTS)[number];

/** `2026` + '' → `2026`; + `Q3` → `2026Q3`; + `S1` → `2026S1`; + `11` → `202611`. */
export function composePeriod(year: string, part: PeriodPart): string {
  return `${year}${part}`;
}

/** The inverse of composePeriod for a year, half, quarter or month period; null otherwise. */
export function splitPeriod(period: string): { year: string; part: PeriodPart } | null {
  const m = /^(\d{4})(S[12]|Q[1-4]|0[1-9]|1[0-2])?$/.exec(period);
  if (!m) return null;
  return { year: m[1]!, part: (m[2] ?? '') as PeriodPart };
}

/** The years offered: this one and the four before it, newest first. */
export function recentYears(currentYear: number): string[] {
  return Array.from({ length: 5 }, (_, i) => String(currentYear - i));
}
