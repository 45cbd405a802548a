import { describe, expect, it } from 'vitest';
import { choicesText, keyOf, parseChoices } from './questions.ts';

describe('category question choices', () => {
  it('reads "key | name" lines and makes keys from Vietnamese names', () => {
    expect(parseChoices('pothole | Ổ gà, ổ voi\n\n  Đèn tín hiệu hư  \n | Khác')).toEqual([
      { key: 'pothole', name: 'Ổ gà, ổ voi' },
      { key: 'den_tin_hieu_hu', name: 'Đèn tín hiệu hư' },
      { key: 'khac', name: 'Khác' },
    ]);
    expect(keyOf('Sụt lún mặt đường')).toBe('sut_lun_mat_duong');
  });

  it('writes back what it reads', () => {
    const values = [
      { key: 'a', name: 'Một' },
      { key: 'b_2', name: 'Hai, ba' },
    ];
    expect(parseChoices(choicesText(values))).toEqual(values);
  });
});
