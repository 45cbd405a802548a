import { describe, expect, it } from 'vitest';
import { interpolate, type TFunction } from '../../../i18n/i18n-context.tsx';
import { vi } from '../../../i18n/vi.ts';
import { durationText, feeSummary, legalBasisItems } from './catalogue.format.ts';

const t: TFunction = (key, params) => interpolate(vi[key], params);

describe('catalogue display texts', () => {
  it('writes durations with a decimal comma and the unit in lower case', () => {
    expect(durationText(t, { value: 4, unit: 'working_hours' })).toBe('4 giờ làm việc');
    expect(durationText(t, { value: 0.5, unit: 'working_days' })).toBe('0,5 ngày làm việc');
  });

  it('sums fees up as free, one amount or a range', () => {
    expect(feeSummary(t, [])).toBe('Không mất phí');
    expect(feeSummary(t, [{ name: 'Lệ phí', amount: 0 }])).toBe('Không mất phí');
    expect(feeSummary(t, [{ name: 'Lệ phí', amount: 8000 }])).toBe('8.000 đ');
    expect(
      feeSummary(t, [
        { name: 'a', amount: 100000 },
        { name: 'b', amount: 2000 },
      ]),
    ).toBe('Từ 2.000 đ đến 100.000 đ');
  });

  it('splits the legal basis into instruments', () => {
    expect(
      legalBasisItems('Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP\nThông tư 04/2020'),
    ).toEqual(['Luật Hộ tịch 2014', 'Nghị định 123/2015/NĐ-CP', 'Thông tư 04/2020']);
  });
});
