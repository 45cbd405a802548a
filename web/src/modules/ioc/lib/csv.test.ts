import { describe, expect, it } from 'vitest';
import { buildCsv, fileSlug } from './csv.ts';

describe('buildCsv', () => {
  it('starts with a BOM, quotes commas, quotes and newlines, and ends lines with CRLF', () => {
    const csv = buildCsv(
      ['Đơn vị', 'Tỷ lệ (%)'],
      [
        ['Phường Mỹ Bình', 93.5],
        ['Xã "A", B', null],
        ['Dòng\nhai', 0],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe(
      'Đơn vị,Tỷ lệ (%)\r\nPhường Mỹ Bình,93.5\r\n"Xã ""A"", B",\r\n"Dòng\nhai",0\r\n',
    );
  });

  it('defuses text that a spreadsheet would run as a formula, but not negative numbers', () => {
    const csv = buildCsv(['a', 'b'], [['=SUM(A1)', -3]]);
    expect(csv.split('\r\n')[1]).toBe("'=SUM(A1),-3");
  });
});

describe('fileSlug', () => {
  it('drops diacritics, maps đ and joins words with dashes', () => {
    expect(fileSlug('Tỷ lệ hồ sơ đúng hạn — Đồng Hới')).toBe('ty-le-ho-so-dung-han-dong-hoi');
    expect(fileSlug('***')).toBe('du-lieu');
  });
});
