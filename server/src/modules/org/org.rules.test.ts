import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_PARENT_KINDS,
  CATEGORY_KIND,
  categoryFromFullName,
  categoryKindProblem,
  codeKindProblem,
  dayBefore,
  isIsoDate,
  isValidAgencyId,
  isValidUnitCode,
  parentKindProblem,
  UNIT_KINDS,
  vnToday,
} from './org.rules.js';

describe('agency identifier (QĐ 20/2020/QĐ-TTg)', () => {
  it('accepts dot-separated groups of 0-9 A-Z up to 35 characters', () => {
    expect(isValidAgencyId('000.00.00.H49')).toBe(true);
    expect(isValidAgencyId('H55')).toBe(true);
    expect(isValidAgencyId('G01.01')).toBe(true);
  });

  it('refuses lower case, other characters, empty groups and more than 35 characters', () => {
    for (const bad of [
      '000.00.00.h49',
      '000-00-00-H49',
      '000..00',
      '.H49',
      'H49.',
      '',
      'Ủ01',
      `${'1'.repeat(33)}.AB`,
    ]) {
      expect(isValidAgencyId(bad), bad).toBe(false);
    }
  });

  it('property: any list of groups is valid exactly when it fits in 35 characters', () => {
    const group = fc.string({
      unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 8 }), (groups) => {
        const id = groups.join('.');
        expect(isValidAgencyId(id)).toBe(id.length <= 35);
      }),
    );
  });
});

describe('unit codes', () => {
  it('accepts statistics codes and derived agency codes', () => {
    for (const ok of ['89', '883', '30280', '30280.UBND', '883.VPUBND', 'T123456', '30280.K01'])
      expect(isValidUnitCode(ok), ok).toBe(true);
    for (const bad of ['', '30280.', 'ubnd', '30280 UBND', 'A'.repeat(41)])
      expect(isValidUnitCode(bad), bad).toBe(false);
  });

  it('checks the length of statistics codes by level', () => {
    expect(codeKindProblem('89', 'province')).toBeNull();
    expect(codeKindProblem('883', 'district')).toBeNull();
    expect(codeKindProblem('30280', 'commune')).toBeNull();
    expect(codeKindProblem('8830', 'district')).toMatch(/3 chữ số/);
    expect(codeKindProblem('30280', 'agency')).toMatch(/cơ quan/);
    expect(codeKindProblem('T123456', 'commune')).toBeNull();
  });
});

describe('kinds, categories and parents', () => {
  it('every category belongs to exactly one kind, and every kind has categories', () => {
    for (const kind of UNIT_KINDS) expect(Object.values(CATEGORY_KIND)).toContain(kind);
    expect(categoryKindProblem('commune', 'phuong')).toBeNull();
    expect(categoryKindProblem('commune', 'huyen')).toMatch(/cấp huyện/);
  });

  it('allows both the three-level and the two-level structure', () => {
    expect(parentKindProblem('commune', 'district')).toBeNull();
    expect(parentKindProblem('commune', 'province')).toBeNull(); // since 1 July 2025
    expect(parentKindProblem('hamlet', 'commune')).toBeNull();
    expect(parentKindProblem('agency', 'agency')).toBeNull();
    expect(parentKindProblem('province', null)).toBeNull();
  });

  it('refuses roots below the top and units under the wrong level', () => {
    expect(parentKindProblem('commune', null)).toMatch(/phải thuộc/);
    expect(parentKindProblem('province', 'province')).toMatch(/không có đơn vị cấp trên/);
    expect(parentKindProblem('district', 'commune')).toMatch(/không thể trực thuộc/);
    expect(parentKindProblem('commune', 'agency')).toMatch(/không thể trực thuộc/);
    expect(ALLOWED_PARENT_KINDS.hamlet).toEqual(['commune']);
  });
});

describe('category from the full name', () => {
  it('reads each prefix at its level', () => {
    expect(categoryFromFullName('Tỉnh An Giang', 'province')).toBe('tinh');
    expect(categoryFromFullName('Thành phố Hà Nội', 'province')).toBe('thanh_pho_tw');
    expect(categoryFromFullName('Thành phố Long Xuyên', 'district')).toBe('thanh_pho');
    expect(categoryFromFullName('Quận 1', 'district')).toBe('quan');
    expect(categoryFromFullName('Huyện Chợ Mới', 'district')).toBe('huyen');
    expect(categoryFromFullName('Thị xã Tân Châu', 'district')).toBe('thi_xa');
    expect(categoryFromFullName('Phường Mỹ Bình', 'commune')).toBe('phuong');
    expect(categoryFromFullName('Xã Mỹ Khánh', 'commune')).toBe('xa');
    expect(categoryFromFullName('Thị trấn Chợ Mới', 'commune')).toBe('thi_tran');
    expect(categoryFromFullName('Đặc khu Phú Quốc', 'commune')).toBe('dac_khu');
  });

  it('handles decomposed Unicode (NFD) and unknown prefixes', () => {
    expect(categoryFromFullName('Phường Mỹ Bình'.normalize('NFD'), 'commune')).toBe('phuong');
    expect(categoryFromFullName('Xãa Sai', 'commune')).toBeNull();
    expect(categoryFromFullName('Huyện Chợ Mới', 'commune')).toBeNull();
  });
});

describe('dates', () => {
  it('today is the Vietnamese date: 17:00 UTC is already the next day in Hà Nội', () => {
    expect(vnToday(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(vnToday(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });

  it('isIsoDate accepts real days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2025-02-29', '2025-02-30', '2025-13-01', '2025-1-01', '01/07/2025', ''])
      expect(isIsoDate(bad), bad).toBe(false);
  });

  it('dayBefore crosses months and leap days', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2025-01-01')).toBe('2024-12-31');
  });
});
