import { describe, expect, it } from 'vitest';
import { parsePeriod, periodOf } from './period.ts';

describe('periods (interop.md, DHIS2)', () => {
  it.each([
    ['2026', 'year', '2026-01-01', '2026-12-31'],
    ['2026Q1', 'quarter', '2026-01-01', '2026-03-31'],
    ['2026Q3', 'quarter', '2026-07-01', '2026-09-30'],
    ['2026S1', 'half', '2026-01-01', '2026-06-30'],
    ['2026S2', 'half', '2026-07-01', '2026-12-31'],
    ['202602', 'month', '2026-02-01', '2026-02-28'],
    ['202802', 'month', '2028-02-01', '2028-02-29'],
    ['202611', 'month', '2026-11-01', '2026-11-30'],
    ['20261122', 'day', '2026-11-22', '2026-11-22'],
    ['20280229', 'day', '2028-02-29', '2028-02-29'],
  ])('%s is a %s from %s to %s', (code, kind, first, last) => {
    expect(parsePeriod(code)).toEqual({ code, kind, first, last });
  });

  it.each([
    '',
    '26',
    '2026Q0',
    '2026Q5',
    '2026S3',
    '202613',
    '202600',
    '20260230',
    '20261100',
    '2026-11',
    '2026W1',
    '1899',
    '2200',
    ' 2026',
    '2026q1',
  ])('refuses %j', (code) => {
    expect(parsePeriod(code)).toBeNull();
  });

  it('finds the period of each grain containing a day', () => {
    expect(periodOf('year', '2026-08-15').code).toBe('2026');
    expect(periodOf('half', '2026-08-15').code).toBe('2026S2');
    expect(periodOf('quarter', '2026-08-15').code).toBe('2026Q3');
    expect(periodOf('month', '2026-08-15').code).toBe('202608');
    expect(periodOf('day', '2026-08-15').code).toBe('20260815');
  });
});
