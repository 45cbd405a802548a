import { describe, expect, it } from 'vitest';
import { hungKingsDay, lunarNewYear, statutoryHolidays } from './holidays.ts';

const brief = (year: number) => statutoryHolidays(year).map((h) => `${h.date} ${h.kind}`);

describe('lunar dates (date-holidays `vietnamese` calendar)', () => {
  it('finds Tết and the Hùng Kings day', () => {
    expect(lunarNewYear(2026)).toBe('2026-02-17');
    expect(lunarNewYear(2027)).toBe('2027-02-06');
    expect(lunarNewYear(2028)).toBe('2028-01-26');
    expect(hungKingsDay(2026)).toBe('2026-04-26');
    expect(hungKingsDay(2027)).toBe('2027-04-16');
  });

  it('uses the Vietnamese (UTC+7) lunar calendar, not the Chinese one', () => {
    // Tết 1985 was on 21 January in Vietnam, a month before the Chinese New Year (20 Feb).
    expect(lunarNewYear(1985)).toBe('1985-01-21');
  });

  it('rejects unsupported years', () => {
    expect(() => statutoryHolidays(1975)).toThrow(RangeError);
    expect(() => statutoryHolidays(2026.5)).toThrow(RangeError);
  });
});

describe('statutory holidays (Labour Code 2019 art. 112)', () => {
  it('2026: Tết 16–20 Feb, Hùng Kings on Sunday 26 Apr compensated on Monday 27 Apr', () => {
    expect(brief(2026)).toEqual([
      '2026-01-01 holiday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-26 holiday',
      '2026-04-27 compensatory',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
    ]);
  });

  it('2027: Tết 5–9 Feb with Sat/Sun compensated after the block (10, 11 Feb); 1 May Sat → 3 May', () => {
    expect(brief(2027)).toEqual([
      '2027-01-01 holiday',
      '2027-02-05 holiday',
      '2027-02-06 holiday',
      '2027-02-07 holiday',
      '2027-02-08 holiday',
      '2027-02-09 holiday',
      '2027-02-10 compensatory',
      '2027-02-11 compensatory',
      '2027-04-16 holiday',
      '2027-04-30 holiday',
      '2027-05-01 holiday',
      '2027-05-03 compensatory',
      '2027-09-01 holiday',
      '2027-09-02 holiday',
    ]);
  });

  it('compensates a Sunday holiday on Monday (1 Jan 2023) and a Saturday one too (1 Jan 2028)', () => {
    expect(brief(2023).slice(0, 2)).toEqual(['2023-01-01 holiday', '2023-01-02 compensatory']);
    expect(brief(2028).slice(0, 2)).toEqual(['2028-01-01 holiday', '2028-01-03 compensatory']);
  });

  it('2028: Tết 25–29 Jan ends on a Saturday → Monday 31 Jan off', () => {
    const jan = brief(2028).filter((h) => h.startsWith('2028-01'));
    expect(jan.slice(2)).toEqual([
      '2028-01-25 holiday',
      '2028-01-26 holiday',
      '2028-01-27 holiday',
      '2028-01-28 holiday',
      '2028-01-29 holiday',
      '2028-01-31 compensatory',
    ]);
  });

  it('compensates two weekend days in a row on the following Monday and Tuesday (2029 National Day)', () => {
    expect(brief(2029).filter((h) => h.startsWith('2029-09'))).toEqual([
      '2029-09-01 holiday',
      '2029-09-02 holiday',
      '2029-09-03 compensatory',
      '2029-09-04 compensatory',
    ]);
  });

  it('names days in Vietnamese and English', () => {
    const byDate = new Map(statutoryHolidays(2026).map((h) => [h.date, h]));
    expect(byDate.get('2026-01-01')?.nameVi).toBe('Tết Dương lịch');
    expect(byDate.get('2026-02-17')?.nameVi).toBe('Tết Nguyên đán');
    expect(byDate.get('2026-04-26')).toMatchObject({
      nameVi: 'Giỗ Tổ Hùng Vương',
      nameEn: "Hùng Kings' Commemoration Day",
    });
    expect(byDate.get('2026-04-27')?.nameVi).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
    expect(byDate.get('2026-04-30')?.nameVi).toBe('Ngày Giải phóng miền Nam');
    expect(byDate.get('2026-05-01')?.nameVi).toBe('Ngày Quốc tế Lao động');
    expect(byDate.get('2026-09-02')).toMatchObject({
      nameVi: 'Quốc khánh',
      nameEn: 'National Day',
    });
  });

  it('returns copies, so callers cannot corrupt the cache', () => {
    const first = statutoryHolidays(2026);
    (first[0] as { date: string }).date = '1999-01-01';
    first.pop();
    expect(statutoryHolidays(2026)[0]?.date).toBe('2026-01-01');
    expect(statutoryHolidays(2026)).toHaveLength(12);
  });
});
