import { describe, expect, it } from 'vitest';
import { moveIndex, registerPeriod, relevantForms } from './misc.ts';

describe('relevantForms', () => {
  it('lists the forms that apply', () => {
    const base = { status: 'in_progress' as const, extended: false, completionRequests: 0 };
    expect(relevantForms(base)).toEqual(['01', '06']);
    expect(relevantForms({ ...base, status: 'refused' })).toEqual(['01', '03', '06']);
    expect(relevantForms({ ...base, extended: true, completionRequests: 1 })).toEqual([
      '01',
      '02',
      '04',
      '06',
    ]);
    expect(relevantForms({ ...base, status: 'stopped' })).toEqual(['01', '05', '06']);
  });
});

describe('moveIndex', () => {
  it('moves within bounds', () => {
    expect(moveIndex(-1, 1, 3)).toBe(0);
    expect(moveIndex(-1, -1, 3)).toBe(2);
    expect(moveIndex(0, -1, 3)).toBe(0);
    expect(moveIndex(2, 1, 3)).toBe(2);
    expect(moveIndex(1, 1, 3)).toBe(2);
    expect(moveIndex(0, 1, 0)).toBe(-1);
  });
});

describe('registerPeriod', () => {
  it('defaults to the current month so far', () => {
    expect(registerPeriod('', '', '2026-11-23')).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(registerPeriod('2026-01-01', '', '2026-11-23')).toEqual({
      from: '2026-01-01',
      to: '2026-11-23',
    });
    expect(registerPeriod('2026-01-01', '2026-03-31', '2026-11-23')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
  });
});
