import { describe, expect, it } from 'vitest';
import {
  currentPeriods,
  formatNumber,
  formatPeriod,
  formatRate,
  monthLabel,
  monthsOf,
  periodRange,
} from './period.ts';

describe('periods', () => {
  it('names every period form of interop.md in Vietnamese and English', () => {
    expect(formatPeriod('2026')).toBe('Năm 2026');
    expect(formatPeriod('2026Q3')).toBe('Quý III/2026');
    expect(formatPeriod('2026S1')).toBe('6 tháng đầu năm 2026');
    expect(formatPeriod('2026S2')).toBe('6 tháng cuối năm 2026');
    expect(formatPeriod('202611')).toBe('Tháng 11/2026');
    expect(formatPeriod('20261122')).toBe('22/11/2026');
    expect(formatPeriod('2026Q3', 'en')).toBe('Q3 2026');
    expect(formatPeriod('weird')).toBe('weird');
  });

  it('takes today in Vietnam time, not UTC', () => {
    // 31/12/2026 18:30 UTC is already 01/01/2027 in Vietnam (UTC+7).
    expect(currentPeriods(Date.parse('2026-12-31T18:30:00Z'))).toEqual({
      day: '20270101',
      month: '202701',
      year: '2027',
    });
  });

  it('lists the months of a year and labels them', () => {
    const months = monthsOf('2026');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('202601');
    expect(months[11]).toBe('202612');
    expect(monthLabel('202611')).toBe('T11');
    expect(monthLabel('202602', 'en')).toBe('Feb');
  });

  it('turns periods into date ranges for the records behind a number', () => {
    expect(periodRange('2024')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(periodRange('202402')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('20261122')).toEqual({ from: '2026-11-22', to: '2026-11-22' });
    expect(periodRange('2026Q1')).toBeNull();
  });

  it('formats numbers and rates the Vietnamese way', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatRate(93.456)).toBe('93,5%');
    expect(formatRate(null)).toBe('—');
  });
});
