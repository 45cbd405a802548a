import {
  completeMonthsOf,
  forecastYearEnd,
  type MonthPoint,
} from '@cqs/shared/indicators/forecast';
import { describe, expect, it } from 'vitest';
import { trendFor, twelveMonths } from './indicators.forecast.js';
import type { PlanTarget, SeriesRow, ValueSource } from './indicators.scoring.sources.js';

const rate = (m: number, num: number, den: number): MonthPoint => ({
  period: `2026${String(m).padStart(2, '0')}`,
  numerator: num,
  denominator: den,
  value: den === 0 ? null : (num / den) * 100,
});
const count = (m: number, n: number | null): MonthPoint => ({
  period: `2026${String(m).padStart(2, '0')}`,
  numerator: n,
  denominator: null,
  value: n,
});

describe('completeMonthsOf', () => {
  it('counts the months of the year that have ended', () => {
    expect(completeMonthsOf(2026, '2026-07-15')).toBe(6);
    expect(completeMonthsOf(2026, '2026-01-31')).toBe(0);
    expect(completeMonthsOf(2026, '2027-01-01')).toBe(12);
    expect(completeMonthsOf(2027, '2026-12-31')).toBe(0);
  });
});

describe('forecastYearEnd, rate', () => {
  // Jan–Jun (volume, rate): 100 @ 50 %, 100 @ 50 %, 100 @ 50 %, 200 @ 80 %, 200 @ 80 %,
  // 200 @ 80 %. Cumulative: (150 + 480) ÷ 900 = 70 %. Recent three: 80 % at 200 a month.
  // Year end: (630 + 0.8 × 200 × 6) ÷ (900 + 200 × 6) = 1590 ÷ 2100 = 75.714… %.
  const months = [
    rate(1, 50, 100),
    rate(2, 50, 100),
    rate(3, 50, 100),
    rate(4, 160, 200),
    rate(5, 160, 200),
    rate(6, 160, 200),
    rate(7, 10, 20), // July is not over on 15 July: not in the basis
  ];

  it('extrapolates the cumulative rate with the recent level and volume', () => {
    const f = forecastYearEnd(months, 6);
    expect(f.kind).toBe('rate');
    expect(f.method).toBe('rate_recent_volume');
    expect(f.cumulative).toBeCloseTo(70, 10);
    expect(f.forecast).toBeCloseTo(1590 / 21, 10);
    expect(f.basisMonths).toBe(6);
  });

  it('skips months without volume and gives no forecast with none', () => {
    expect(forecastYearEnd([rate(1, 0, 0), rate(2, 0, 0)], 2).forecast).toBeNull();
    expect(forecastYearEnd(months, 0).forecast).toBeNull();
    // Only February has volume: cumulative and recent both 50 % → 50 %.
    expect(forecastYearEnd([rate(1, 0, 0), rate(2, 5, 10)], 2).forecast).toBeCloseTo(50, 10);
  });

  it('is the actual value once the year is over', () => {
    const year = Array.from({ length: 12 }, (_, i) => rate(i + 1, i + 1, 10));
    const f = forecastYearEnd(year, 12);
    expect(f.method).toBe('final');
    // Σ(1..12) = 78 of 120 → 65 %.
    expect(f.forecast).toBeCloseTo(65, 10);
  });
});

describe('forecastYearEnd, count', () => {
  it('extrapolates the cumulative count linearly', () => {
    // 10 + 20 + 30 = 60 in three months → 60 × 12 ÷ 3 = 240.
    const f = forecastYearEnd([count(1, 10), count(2, 20), count(3, 30), count(4, 99)], 3);
    expect(f).toEqual({
      kind: 'count',
      cumulative: 60,
      forecast: 240,
      method: 'count_linear',
      basisMonths: 3,
    });
    expect(forecastYearEnd([count(1, null)], 1).forecast).toBeNull();
  });
});

describe('trendFor', () => {
  const rows: SeriesRow[] = [
    { period: '202601', numerator: 50, denominator: 100, value: 50 },
    { period: '202602', numerator: 50, denominator: 100, value: 50 },
    { period: '202603', numerator: 50, denominator: 100, value: 50 },
    { period: '202604', numerator: 160, denominator: 200, value: 80 },
    { period: '202605', numerator: 160, denominator: 200, value: 80 },
    { period: '202606', numerator: 160, denominator: 200, value: 80 },
  ];
  const source: ValueSource = {
    async value() {
      return { numerator: null, denominator: null, value: null, decimals: 1 };
    },
    async series(q) {
      expect(q).toMatchObject({ from: '202601', to: '202612', grain: 'month' });
      return rows;
    },
  };
  const target = (targetValue: number): PlanTarget => ({
    id: 't1',
    indicatorCode: 'dossiers.online',
    comparator: '>=',
    targetValue,
    stretchValue: null,
    baseline: null,
    unitOfMeasure: '%',
    text: 'Tỷ lệ hồ sơ trực tuyến',
    sectionCode: 'chinh_quyen_so',
    unitCode: '30280',
  });
  const q = { indicator: 'dossiers.online', unitCode: '30280', year: 2026, today: '2026-07-15' };

  it('fills twelve months and flags a target the forecast misses', async () => {
    const t = await trendFor(source, q, target(80), 1);
    expect(t.months.map((m) => m.period)).toEqual(twelveMonths(2026, []).map((m) => m.period));
    expect(t.months[6]).toEqual({
      period: '202607',
      numerator: null,
      denominator: null,
      value: null,
    });
    expect(t.forecast).toBe(75.7);
    expect(t.cumulative).toBe(70);
    expect(t.target).toEqual({
      targetId: 't1',
      comparator: '>=',
      value: 80,
      forecastGrade: 'Chưa đạt',
    });
    expect(t.atRisk).toBe(true);
  });

  it('does not flag a target the forecast reaches, and says nothing without a target', async () => {
    expect((await trendFor(source, q, target(75), 1)).atRisk).toBe(false);
    const none = await trendFor(source, q, null, 1);
    expect(none.atRisk).toBeNull();
    expect(none.target).toBeNull();
  });
});
