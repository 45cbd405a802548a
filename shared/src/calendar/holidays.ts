// Statutory public holidays (ngày nghỉ lễ, tết) — Bộ luật Lao động 2019 (Labour Code
// 45/2019/QH14), điều 112. See docs regulations.md §4.
//
// These are only the default: each year the Government announces the exact Tết block and
// any swapped days for civil servants; those are entered as per-year overrides in
// WorkingCalendar, never hard-coded here.

import Holidays from 'date-holidays';
import { addDays, assertIsoDate, type IsoDate, weekday } from './time.ts';

/** A day off: a statutory holiday, a compensatory day or a day off from the yearly overrides. */
export interface Holiday {
  date: IsoDate;
  kind: 'holiday' | 'compensatory' | 'override_off';
  nameVi: string;
  nameEn: string;
}

/** First year supported: Vietnam has used a fixed UTC+07:00 for the whole country since 1975. */
export const MIN_YEAR = 1976;
/** Last year supported: a sanity bound on the lunar (astronomical) calculation. */
export const MAX_YEAR = 2199;

/** Throws RangeError unless `year` is an integer year the calendar supports. */
export function assertYear(year: number): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(
      `Unsupported year ${String(year)}: expected an integer ${MIN_YEAR}–${MAX_YEAR}`,
    );
  }
  return year;
}

interface LunarDates {
  lunarNewYear: IsoDate; // lunar 1/1 (mùng 1 Tết)
  hungKings: IsoDate; // lunar 10/3 (Giỗ Tổ Hùng Vương)
}

// Only the lunar arithmetic of date-holidays is used: its `vietnamese` calendar computes new
// moons at UTC+07:00, which differs from the Chinese calendar in some years (e.g. 1985, 2030).
// Its own VN holiday list is incomplete (regulations.md §4), so it is not loaded.
const LUNAR_NEW_YEAR_RULE = 'vietnamese 01-0-01';
const HUNG_KINGS_RULE = 'vietnamese 03-0-10';
let lunarEngine: Holidays | undefined;
const lunarCache = new Map<number, LunarDates>();

function engine(): Holidays {
  if (!lunarEngine) {
    const hd = new Holidays(); // no country: no predefined holidays
    hd.setTimezone('Asia/Ho_Chi_Minh');
    hd.setHoliday(LUNAR_NEW_YEAR_RULE, { name: { en: 'lunar new year' }, type: 'public' });
    hd.setHoliday(HUNG_KINGS_RULE, { name: { en: 'hung kings' }, type: 'public' });
    lunarEngine = hd;
  }
  return lunarEngine;
}

function lunarDates(year: number): LunarDates {
  assertYear(year);
  const cached = lunarCache.get(year);
  if (cached) return cached;
  const found = engine().getHolidays(year);
  // `date` is the local calendar date 'YYYY-MM-DD 00:00:00', independent of the host time zone.
  const pick = (rule: string): IsoDate => {
    const h = found.find((x) => x.rule === rule);
    if (!h) throw new RangeError(`Lunar date "${rule}" not found for ${year}`);
    return assertIsoDate(h.date.slice(0, 10));
  };
  const result = { lunarNewYear: pick(LUNAR_NEW_YEAR_RULE), hungKings: pick(HUNG_KINGS_RULE) };
  lunarCache.set(year, result);
  return result;
}

/** Lunar New Year's day (mùng 1 Tết, lunar 1/1) in the given Gregorian year. */
export function lunarNewYear(year: number): IsoDate {
  return lunarDates(year).lunarNewYear;
}

/** Hùng Kings' Commemoration day (lunar 10/3) in the given Gregorian year. */
export function hungKingsDay(year: number): IsoDate {
  return lunarDates(year).hungKings;
}

function statutoryBase(year: number): Holiday[] {
  const y = String(year);
  const day = (date: IsoDate, nameVi: string, nameEn: string): Holiday => ({
    date,
    kind: 'holiday',
    nameVi,
    nameEn,
  });
  const tet = lunarNewYear(year);
  return [
    day(`${y}-01-01`, 'Tết Dương lịch', "New Year's Day"),
    // Art. 112(1)(b): 5 days of Tết. Default block = last day of the lunar year (the day
    // before lunar 1/1, i.e. 30 or 29 Tết) plus lunar 1/1–1/4; the Government may fix
    // another block yearly, which goes into the overrides.
    ...[-1, 0, 1, 2, 3].map((i) => day(addDays(tet, i), 'Tết Nguyên đán', 'Lunar New Year (Tết)')),
    day(hungKingsDay(year), 'Giỗ Tổ Hùng Vương', "Hùng Kings' Commemoration Day"),
    day(`${y}-04-30`, 'Ngày Giải phóng miền Nam', 'Reunification Day'),
    day(`${y}-05-01`, 'Ngày Quốc tế Lao động', 'International Labour Day'),
    // Art. 112(1)(đ): 2/9 plus one adjacent day (1/9 or 3/9) chosen yearly by the Prime
    // Minister; 1/9 is the default and the yearly overrides correct it.
    day(`${y}-09-01`, 'Quốc khánh', 'National Day (adjacent day)'),
    day(`${y}-09-02`, 'Quốc khánh', 'National Day'),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

const statutoryCache = new Map<number, readonly Holiday[]>();

/** True for Saturday and Sunday, the weekly rest days of civil servants (Mon–Fri week). */
export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/** Statutory holidays and their compensatory days for a year, sorted by date (no overrides). */
export function statutoryHolidays(year: number): Holiday[] {
  let list = statutoryCache.get(year);
  if (!list) {
    const base = statutoryBase(year);
    const taken = new Set(base.map((h) => h.date));
    const out: Holiday[] = [...base];
    // Art. 112(3): a holiday on a weekly rest day is compensated on the next working day.
    // Processing in date order lets a weekend inside the Tết block push its compensation
    // past the block and past earlier compensatory days.
    for (const h of base) {
      if (!isWeekend(h.date)) continue;
      let d = addDays(h.date, 1);
      while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
      taken.add(d);
      out.push({
        date: d,
        kind: 'compensatory',
        nameVi: `Nghỉ bù ${h.nameVi}`,
        nameEn: `Day off in lieu of ${h.nameEn}`,
      });
    }
    list = Object.freeze(out.sort((a, b) => a.date.localeCompare(b.date)));
    statutoryCache.set(year, list);
  }
  return list.map((h) => ({ ...h }));
}
