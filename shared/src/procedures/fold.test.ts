import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, searchTokens } from './fold.ts';

describe('foldVietnamese', () => {
  it('removes diacritics, folds đ and case', () => {
    expect(foldVietnamese('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldVietnamese('XÁC NHẬN TÌNH TRẠNG HÔN NHÂN')).toBe('xac nhan tinh trang hon nhan');
    expect(foldVietnamese('Ủy ban nhân dân  phường\tĐông Hòa')).toBe(
      'uy ban nhan dan phuong dong hoa',
    );
  });

  it('gives the same result for composed (NFC) and decomposed (NFD) input', () => {
    const s = 'Chứng thực bản sao từ bản chính';
    expect(foldVietnamese(s.normalize('NFD'))).toBe(foldVietnamese(s.normalize('NFC')));
  });

  it('is idempotent and leaves no combining marks (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            ...'aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬĐÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ 1.'.split(
              '',
            ),
          ),
        }),
        (s) => {
          const f = foldVietnamese(s);
          expect(foldVietnamese(f)).toBe(f);
          expect(f.normalize('NFD')).toBe(f);
          expect(f).not.toMatch(/[đĐ]/);
        },
      ),
    );
  });
});

describe('searchTokens', () => {
  it('splits a folded query into words', () => {
    expect(searchTokens('  Khai   SINH ')).toEqual(['khai', 'sinh']);
    expect(searchTokens('   ')).toEqual([]);
  });
});
