import { describe, expect, it } from 'vitest';
import { mondayIndex, monthWeeks } from './month-grid.ts';

describe('month grid', () => {
  it('starts weeks on Monday', () => {
    // 1 February 2026 is a Sunday.
    const weeks = monthWeeks(2026, 2);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(mondayIndex('2026-02-02')).toBe(0);
    expect(mondayIndex('2026-02-01')).toBe(6);
  });
});
