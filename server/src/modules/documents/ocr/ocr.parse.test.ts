// The line parsers on noisy OCR lines as tesseract returns them from scans of Vietnamese official
// documents (table-driven), and round-trip properties: any valid number/symbol or date, rendered
// as ND30 prints it and spaced the way OCR spaces it, parses back exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterVv,
  closestKnown,
  DOCUMENT_TITLES,
  matchTypeTitle,
  parseDateLine,
  parseName,
  parseNumberSymbol,
} from './ocr.parse.js';

describe('parseNumberSymbol', () => {
  it.each([
    ['Số: 05/KH-UBND', '05', 'KH-UBND'],
    ['Số: 123/UBND-VP', '123', 'UBND-VP'],
    ['Số: 12/2026/QĐ-UBND', '12', '2026/QĐ-UBND'],
    ['S6: O5/KH-UBND', '05', 'KH-UBND'], // "Số" as S6, 0 as O
    ['Sô: 05 / KH - UBND', '05', 'KH-UBND'], // spaces around separators
    ['Só:l23/UBND-VP', '123', 'UBND-VP'], // l for 1, no space after the colon
    ['Số: 12/2O26/QD-UBND', '12', '2026/QĐ-UBND'], // O in the year, Đ without its stroke
    ['Số : 45 /BC- SNV', '45', 'BC-SNV'],
    ['SỐ: 100/TTr-STC', '100', 'TTr-STC'],
    ['Số 52-NQ/TU', '52', 'NQ/TU'], // party style, no colon
    ['Số: 05|KH-VHTT', '05', 'KH-VHTT'], // slash read as a bar
    ['Số: 05IKH-VHTT', '05', 'KH-VHTT'], // slash read as a capital I
    ['Số: 05KH-VHTT', '05', 'KH-VHTT'], // slash lost (tesseract on a 1.2° skew)
    ['Số: O5lTB-UBND', '05', 'TB-UBND'],
    ['Số: 1 23/UBND-VP', '123', 'UBND-VP'], // a space inside the number
    ['Số: 07/GM-UBND.', '07', 'GM-UBND'],
    ['Số: 05/KH–VHTT', '05', 'KH-VHTT'], // en dash
    ['Số: 15/PGDĐT—VP', '15', 'PGDĐT-VP'], // em dash
    ['Số: 88/HDND-VP', '88', 'HĐND-VP'],
    ['Số: 12/BCĐ389-VP', '12', 'BCĐ389-VP'], // digits of a real symbol stay
    ['Số: 2l/TB-UBND', '21', 'TB-UBND'],
    ['Số: 09/KH-UBN0', '09', 'KH-UBNO'], // 0 inside capitals is an O, never a digit
    ['Số: 05/KH-VHTT Long Xuyên, ngày 05 tháng 3 năm 2026', '05', 'KH-VHTT'], // merged columns
    ['UBND TỈNH Số: 31/SNV-TCBC', '31', 'SNV-TCBC'],
    ['Số:      /KH-UBND', '', 'KH-UBND'], // an unnumbered copy
  ])('%s → %s / %s', (line, number, symbol) => {
    const n = parseNumberSymbol(line);
    expect(n).toMatchObject({ number, symbol });
  });

  it.each([
    'Sở Nội vụ tỉnh An Giang',
    'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
    'Thực hiện Nghị quyết số 52-NQ/TU ngày 15 tháng 01 năm 2026',
    'Số điện thoại: 0296 3852 111',
    'Số lượng: 5/10',
    'Số: ABC',
    'Số: 123456789/KH-UBND',
    'Số 5 Lê Lợi', // an address, not a number and symbol
    'Số: 05KHUBND', // no slash and no dash: too ambiguous to split
    '',
  ])('finds nothing in %j', (line) => {
    expect(parseNumberSymbol(line)).toBeNull();
  });

  it('is less certain of a repaired token, and keeps the span as read', () => {
    const clean = parseNumberSymbol('Số: 05/KH-UBND')!;
    const noisy = parseNumberSymbol('S6: O5 / KH - UBND')!;
    expect(noisy.raw).toBe('S6: O5 / KH - UBND');
    expect(noisy.certainty).toBeLessThan(clean.certainty);
  });
});

describe('parseDateLine', () => {
  it.each([
    ['Long Xuyên, ngày 05 tháng 3 năm 2026', '2026-03-05', 'Long Xuyên'],
    ['An Giang, ngày 5 tháng 03 năm 2026', '2026-03-05', 'An Giang'],
    ['Hà Nội, ngay 12 thang 11 nam 2025', '2025-11-12', 'Hà Nội'], // tone marks lost
    ['Châu Đốc, ngảy O5 thảng 3 nằm 2026', '2026-03-05', 'Châu Đốc'], // wrong marks, O for 0
    ['Thành phố Hồ Chí Minh, ngày 30 tháng 4 năm 2026', '2026-04-30', 'Thành phố Hồ Chí Minh'],
    ['TP. Hồ Chí Minh, ngày 1 tháng 5 năm 2026', '2026-05-01', 'TP. Hồ Chí Minh'],
    ['Long Xuyên, ngày 5/3/2026', '2026-03-05', 'Long Xuyên'],
    ['Cần Thơ, ngày l5 tháng 1O năm 2026', '2026-10-15', 'Cần Thơ'],
    ['Long Xuyên , ngày  05  tháng  3  năm  2O26', '2026-03-05', 'Long Xuyên'],
    ['Số: 05/KH-VHTT Long Xuyên, ngày 05 tháng 3 năm 2026', '2026-03-05', 'Long Xuyên'],
    ['ngày 05 - 3 - 2026', '2026-03-05', null],
    ['Long Xuyên, ngày29 tháng 02 năm 2028', '2028-02-29', 'Long Xuyên'], // leap day
  ])('%s → %s, %s', (line, iso, place) => {
    expect(parseDateLine(line)).toMatchObject({ iso, place });
  });

  it.each([
    'Long Xuyên, ngày 31 tháng 2 năm 2026', // no such day
    'Long Xuyên, ngày 05 tháng 13 năm 2026',
    'Long Xuyên, ngày ... tháng ... năm 2026', // blank form
    'Độc lập - Tự do - Hạnh phúc',
  ])('rejects %j', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe('matchTypeTitle', () => {
  it.each([
    ['KẾ HOẠCH', 'KH'],
    ['QUYÉT ĐỊNH', 'QĐ'], // wrong circumflex
    ['QUYẾT ÐỊNH', 'QĐ'], // Icelandic eth for Đ
    ['THÔNG BÁO', 'TB'],
    ['THÔNG CÁO', 'TC'],
    ['GIẤY MỜI', 'GM'],
    ['BÁO CÁO', 'BC'],
    ['TỜ TRÌNH', 'TTr'],
    ['CHỈ THỊ', 'CT'],
    ['KE HOACH', 'KH'],
    ['QUY ĐỊNH', 'QyĐ'],
    ['ĐỀ ÁN', 'ĐA'],
    ['DỰ ÁN', 'DA'],
    ['KÉ HOẠCH:', 'KH'],
    ['CHƯƠNG TRlNH', 'CTr'],
    ['GIẤY GIỚI THIỆU', 'GGT'],
  ])('%s → %s', (line, code) => {
    expect(matchTypeTitle(line)?.code).toBe(code);
  });

  it.each(['PHÒNG VĂN HÓA VÀ THÔNG TIN', 'HOẠCH', 'TRƯỞNG PHÒNG', 'CHỦ TỊCH', 'GIÁM ĐỐC'])(
    'no type in %j',
    (line) => {
      expect(matchTypeTitle(line)).toBeNull();
    },
  );

  it('knows every Phụ lục III type by its own title', () => {
    for (const t of DOCUMENT_TITLES)
      expect(matchTypeTitle(t.name.toUpperCase())?.code).toBe(t.code);
  });
});

describe('afterVv and parseName', () => {
  it.each([
    ['V/v triển khai chuyển đổi số', 'triển khai chuyển đổi số'],
    ['V/V: báo cáo số liệu', 'báo cáo số liệu'],
    ['Vlv mời họp', 'mời họp'],
    ['V|v mời họp', 'mời họp'],
    ['Vív góp ý dự thảo', 'góp ý dự thảo'],
    ['Vào ngày 5', null],
  ])('%s → %s', (line, after) => {
    expect(afterVv(line)).toBe(after);
  });

  it.each([
    ['Nguyễn Văn An', 'Nguyễn Văn An', true],
    ['Trần Thị Bích Ngọc', 'Trần Thị Bích Ngọc', true],
    ['Nguyễn Văn An.', 'Nguyễn Văn An', true],
    ['Long Xuyên', 'Long Xuyên', false], // name-shaped, no surname: low certainty
    ['TRƯỞNG PHÒNG', null, false],
    ['- Lưu: VT.', null, false],
    ['Nơi nhận', null, false],
    ['Nguyễn Văn An trân trọng', null, false],
  ])('%s → %s', (line, name, surname) => {
    const n = parseName(line);
    expect(n?.name ?? null).toBe(name);
    if (n) expect(n.certainty > 0.8).toBe(surname);
  });
});

describe('closestKnown', () => {
  const agencies = [
    'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
    'SỞ NỘI VỤ',
    'CỤC THỐNG KÊ TỈNH AN GIANG',
    'PHÒNG VĂN HÓA VÀ THÔNG TIN',
  ];

  it.each([
    ['SỞ THÔNG TIN VÀ TRUYỀN THONG', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG'], // mark lost on a short line
    ['SO THONG TIN VA TRUYEN THONG', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG'],
    ['PHÒNG VĂN HÓA VÀ THÔNG TlN', 'PHÒNG VĂN HÓA VÀ THÔNG TIN'],
    ['Sở Nội vụ', 'SỞ NỘI VỤ'],
    ['SỞ TÀI CHÍNH', null], // not in the directory: the clerk adds it
    ['SỞ NỘI', null], // too far for a 5-letter name
  ])('%s → %s', (read, known) => {
    expect(closestKnown(read, agencies)?.value ?? null).toBe(known);
  });
});

// Round trips: ND30 numbers and symbols, OCR spacing and look-alikes injected.
const LETTERS = 'ABCDĐEGHIKLMNOPRSTUVXY'.split('');
const abbreviation = fc
  .array(fc.constantFrom(...LETTERS), { minLength: 2, maxLength: 6 })
  .map((cs) => cs.join(''))
  .filter((s) => !['QD', 'HDND', 'BCD'].includes(s)); // stroke-less Đ forms are repaired
const typeCode = fc.constantFrom(...DOCUMENT_TITLES.map((t) => t.code!));
const symbolArb = fc.oneof(
  fc.tuple(typeCode, abbreviation).map(([t, b]) => `${t}-${b}`), // 05/KH-UBND
  fc.tuple(abbreviation, abbreviation).map(([b, u]) => `${b}-${u}`), // công văn 123/UBND-VP
  fc
    .tuple(fc.integer({ min: 1990, max: 2099 }), typeCode, abbreviation)
    .map(([y, t, b]) => `${y}/${t}-${b}`), // 12/2026/QĐ-UBND
);
const numberArb = fc
  .tuple(fc.integer({ min: 1, max: 99999 }), fc.boolean())
  .map(([n, pad]) => (pad && n < 10 ? `0${n}` : String(n)));
const spaces = fc.integer({ min: 0, max: 3 }).map((k) => ' '.repeat(k));
const spaced = (sym: string, gaps: string[]) =>
  sym.replace(/[/-]/g, (sep) => `${gaps.pop() ?? ''}${sep}${gaps.pop() ?? ''}`);
const PLACES = ['Long Xuyên', 'Hà Nội', 'Châu Đốc', 'An Giang', 'Thành phố Hồ Chí Minh', 'Cần Thơ'];

describe('round trips', () => {
  it('"Số: {n}/{symbol}" with extra spaces parses back exactly', () => {
    fc.assert(
      fc.property(
        numberArb,
        symbolArb,
        fc.array(spaces, { minLength: 12, maxLength: 12 }),
        (n, sym, gaps) => {
          const line = `Số:${gaps[0]} ${n}${gaps[1]}/${gaps[2]}${spaced(sym, gaps.slice(3))}`;
          const parsed = parseNumberSymbol(line);
          expect(parsed).toMatchObject({ number: n, symbol: sym });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('look-alikes of "Số", 0 and 1 in the number still give the exact number', () => {
    const noisy = fc
      .tuple(numberArb, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }))
      .map(([n, flips]) => ({
        n,
        read: n.replace(/[01]/g, (d, i: number) => (flips[i % 6] ? (d === '0' ? 'O' : 'l') : d)),
      }));
    fc.assert(
      fc.property(
        noisy,
        symbolArb,
        fc.constantFrom('Số', 'Sô', 'Só', 'S6', 'SỐ', 'Sổ'),
        (x, sym, so) => {
          expect(parseNumberSymbol(`${so}: ${x.read}/${sym}`)).toMatchObject({
            number: x.n,
            symbol: sym,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('"{place}, ngày {d} tháng {m} năm {y}" and "ngày d/m/y" parse back exactly, also spaced', () => {
    const dateArb = fc
      .date({
        min: new Date('1950-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        dateArb,
        fc.constantFrom(...PLACES),
        fc.boolean(),
        fc.boolean(),
        fc.array(spaces, { minLength: 8, maxLength: 8 }),
        (iso, place, pad, numeric, g) => {
          const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
          const two = (x: number) => (pad ? String(x).padStart(2, '0') : String(x));
          const date = numeric
            ? `ngày ${g[0]}${two(d)}${g[1]}/${g[2]}${two(m)}${g[3]}/${g[4]}${y}`
            : `ngày ${g[0]}${two(d)} ${g[1]}tháng ${g[2]}${two(m)} ${g[3]}năm ${g[4]}${y}`;
          const line = `${place}${g[5]},${g[6]} ${date}${g[7]}`;
          expect(parseDateLine(line)).toMatchObject({ iso, place });
          // Merged with the left column on one OCR line, as tesseract often returns the row.
          expect(parseDateLine(`Số: 05/KH-UBND ${line}`)).toMatchObject({ iso, place });
        },
      ),
      { numRuns: 500 },
    );
  });
});
