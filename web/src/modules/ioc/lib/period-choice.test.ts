import { describe, expect, it } from 'vitest';
import { composePeriod, PERIOD_PARTS, recentYears, splitPeriod } from './period-choice.ts';

describe('period choice', () => {
  it('composes the API period names', () => {
    expect(composePeriod('2026', '')).toBe('2026');
    expect(composePeriod('2026', 'Q3')).toBe('2026Q3');
    expect(composePeriod('2026', 'S1')).toBe('2026S1');
    expect(composePeriod('2026', '11')).toBe('202611');
  });

  it('splits back every part it composes, and nothing else', () => {
    for (const part of PERIOD_PARTS)
      expect(splitPeriod(composePeriod('2025', part))).toEqual({ year: '2025', part });
    for (const bad of ['26', '2026Q5', '202613', '20261122', '2026W1', ''])
      expect(splitPeriod(bad)).toBeNull();
  });

  it('offers this year and the four before', () => {
    expect(recentYears(2026)).toEqual(['2026', '2025', '2024', '2023', '2022']);
  });
});
