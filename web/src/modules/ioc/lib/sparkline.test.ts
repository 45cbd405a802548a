import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline.ts';

describe('sparklinePath', () => {
  it('scales the lowest value to the bottom and the highest to the top', () => {
    expect(sparklinePath([0, 50, 100], 104, 24)).toBe('M2.0 22.0L52.0 12.0L102.0 2.0');
  });
  it('breaks the line at months without data and is empty without any', () => {
    expect(sparklinePath([10, null, 20], 104, 24)).toBe('M2.0 22.0M102.0 2.0');
    expect(sparklinePath([null, null], 104, 24)).toBe('');
  });
  it('draws a flat series across the middle', () => {
    expect(sparklinePath([5, 5], 10, 20)).toBe('M2.0 10.0L8.0 10.0');
  });
});
