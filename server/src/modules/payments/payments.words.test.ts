import { describe, expect, it } from 'vitest';
import { amountInWords } from './payments.words.js';

describe('amountInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [8_000, 'Tám nghìn đồng'],
    [50_000, 'Năm mươi nghìn đồng'],
    [1_205_000, 'Một triệu hai trăm linh năm nghìn đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [2_015_000, 'Hai triệu không trăm mười lăm nghìn đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [3_500_071_000, 'Ba tỷ năm trăm triệu không trăm bảy mươi mốt nghìn đồng'],
  ])('%d → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });

  it('refuses fractions and negative amounts', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });
});
