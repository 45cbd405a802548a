// Periods as the indicators API names them (interop.md, DHIS2 style): `2026`, `2026Q3`,
// `2026S1`, `202611`, `20261122`, and their Vietnamese labels (style.md: dd/mm/yyyy).
import { todayVn } from '../../../lib/format.ts';

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** The periods a dashboard shows, all in Vietnam time. */
export interface CurrentPeriods {
  /** `YYYYMMDD` */
  day: string;
  /** `YYYYMM` */
  month: string;
  /** `YYYY` */
  year: string;
}

/** Today's day, month and year periods in Vietnam. */
export function currentPeriods(now: number = Date.now()): CurrentPeriods {
  const iso = todayVn(now);
  return {
    day: iso.replaceAll('-', ''),
    month: iso.slice(0, 7).replace('-', ''),
    year: iso.slice(0, 4),
  };
}

/** The twelve month periods of a year: `202601` … `202612`. */
export function monthsOf(year: string): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}${String(i + 1).padStart(2, '0')}`);
}

/** A period in words, e.g. `2026Q3` → "Quý III/2026", `202611` → "Tháng 11/2026". */
export function formatPeriod(period: string, lang: 'vi' | 'en' = 'vi'): string {
  const vi = lang === 'vi';
  let m = /^(\d{4})$/.exec(period);
  if (m) return vi ? `Năm ${m[1]}` : `Year ${m[1]}`;
  m = /^(\d{4})Q([1-4])$/.exec(period);
  if (m) return vi ? `Quý ${ROMAN[Number(m[2]) - 1]}/${m[1]}` : `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})S([12])$/.exec(period);
  if (m) {
    if (vi) return `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} năm ${m[1]}`;
    return `${m[2] === '1' ? 'First' : 'Second'} half of ${m[1]}`;
  }
  m = /^(\d{4})(\d{2})$/.exec(period);
  if (m) return vi ? `Tháng ${m[2]}/${m[1]}` : `${m[2]}/${m[1]}`;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(period);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  return period;
}

/** A month period's short axis label: `202611` → "T11". */
export function monthLabel(period: string, lang: 'vi' | 'en' = 'vi'): string {
  const mm = Number(period.slice(4, 6));
  return lang === 'vi' ? `T${mm}` : new Date(Date.UTC(2000, mm - 1, 1)).toUTCString().slice(8, 11);
}

/** The first and last day (YYYY-MM-DD) of a day, month or year period, for record filters. */
export function periodRange(period: string): { from: string; to: string } | null {
  const y = period.slice(0, 4);
  if (/^\d{4}$/.test(period)) return { from: `${y}-01-01`, to: `${y}-12-31` };
  if (/^\d{6}$/.test(period)) {
    const mm = period.slice(4, 6);
    const last = new Date(Date.UTC(Number(y), Number(mm), 0)).getUTCDate();
    return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
  }
  if (/^\d{8}$/.test(period)) {
    const iso = `${y}-${period.slice(4, 6)}-${period.slice(6, 8)}`;
    return { from: iso, to: iso };
  }
  return null;
}

/** A number as Vietnamese text: `,` decimals, `.` thousands (style.md); '—' for null. */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat('vi-VN', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A rate in percent with one decimal: 93.456 → "93,5%"; '—' for null (no denominator). */
export function formatRate(value: number | null | undefined): string {
  const text = formatNumber(value, 1);
  return text === '—' ? text : `${text}%`;
}
