import { describe, expect, it } from 'vitest';
import { parsePlanNumber, showPlanNumber } from './plan-number.ts';

describe('plan numbers', () => {
  it('reads commas and points, empty as null, anything else as invalid', () => {
    expect(parsePlanNumber('77,85')).toBe(77.85);
    expect(parsePlanNumber('95')).toBe(95);
    expect(parsePlanNumber(' 1.250,5 ')).toBe(1250.5);
    expect(parsePlanNumber('')).toBeNull();
    expect(parsePlanNumber('nhiều')).toBe('invalid');
    expect(parsePlanNumber('5%')).toBe('invalid');
  });

  it('shows what it reads back', () => {
    for (const v of [0, 80, 77.85, -3.5]) expect(parsePlanNumber(showPlanNumber(v))).toBe(v);
    expect(showPlanNumber(null)).toBe('');
  });
});
