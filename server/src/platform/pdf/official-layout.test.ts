// The printed strings of an ND30 document: date, number, recipients, and the resolved layout.
import { describe, expect, it } from 'vitest';
import { SAMPLE_LETTER, SAMPLE_PLAN } from './official-document.test-support.js';
import {
  formatNd30Date,
  formatNumberLine,
  formatRecipientLines,
  resolveLayout,
} from './official-layout.js';

describe('formatNd30Date (Nghị định 30/2020: 0 before days 1–9 and months 1–2)', () => {
  it.each([
    ['2026-01-01', 'ngày 01 tháng 01 năm 2026'],
    ['2026-01-09', 'ngày 09 tháng 01 năm 2026'],
    ['2026-02-05', 'ngày 05 tháng 02 năm 2026'],
    ['2028-02-29', 'ngày 29 tháng 02 năm 2028'],
    ['2026-03-05', 'ngày 05 tháng 3 năm 2026'],
    ['2026-03-10', 'ngày 10 tháng 3 năm 2026'],
    ['2026-09-09', 'ngày 09 tháng 9 năm 2026'],
    ['2026-10-31', 'ngày 31 tháng 10 năm 2026'],
    ['2026-11-23', 'ngày 23 tháng 11 năm 2026'],
    ['2026-12-01', 'ngày 01 tháng 12 năm 2026'],
  ])('%s → %s', (iso, expected) => {
    expect(formatNd30Date(iso)).toBe(expected);
  });

  it('leaves the date to be written in while a draft has none', () => {
    expect(formatNd30Date(null)).toBe('ngày … tháng … năm …');
  });

  it.each(['2026-02-30', '2026-13-01', '2026-3-5', '05/03/2026', ''])('rejects %j', (iso) => {
    expect(() => formatNd30Date(iso)).toThrow(RangeError);
  });
});

describe('formatNumberLine', () => {
  it.each([
    ['5', 'Số: 05/KH-UBND'],
    ['05', 'Số: 05/KH-UBND'],
    ['10', 'Số: 10/KH-UBND'],
    ['128', 'Số: 128/KH-UBND'],
  ])('number %s → %s (below 10 with a leading 0)', (n, expected) => {
    expect(formatNumberLine(n, 'KH-UBND')).toBe(expected);
  });

  it('leaves blank space for the number of a draft', () => {
    expect(formatNumberLine(null, 'KH-UBND')).toBe('Số:      /KH-UBND');
  });

  it.each(['0', '5a', ' ', '-3'])('rejects number %j', (n) => {
    expect(() => formatNumberLine(n, 'KH-UBND')).toThrow(RangeError);
  });
});

describe('formatRecipientLines', () => {
  it('puts each recipient on a "- …;" line and ends with "- Lưu: VT, ….', () => {
    expect(formatRecipientLines(['Như trên', '- Sở Nội vụ;', 'UBND tỉnh.'], 'VT, VP')).toEqual([
      '- Như trên;',
      '- Sở Nội vụ;',
      '- UBND tỉnh;',
      '- Lưu: VT, VP.',
    ]);
  });
});

describe('resolveLayout', () => {
  it('upper-cases bodies, title and signer lines of a kế hoạch', () => {
    const t = resolveLayout(SAMPLE_PLAN);
    expect(t.parentBody).toBe('UBND THÀNH PHỐ LONG XUYÊN');
    expect(t.issuingBody).toBe('PHÒNG VĂN HÓA VÀ THÔNG TIN');
    expect(t.typeTitle).toBe('KẾ HOẠCH');
    expect(t.authority).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(t.title).toBe('CHỦ TỊCH');
    expect(t.name).toBe('Nguyễn Văn Ẩn');
    expect(t.numberLine).toBe('Số: 05/KH-UBND');
    expect(t.placeDate).toBe('Long Xuyên, ngày 05 tháng 3 năm 2026');
    expect(t.isLetter).toBe(false);
    expect(t.paragraphs[1]).toEqual({ text: 'I. MỤC ĐÍCH, YÊU CẦU', bold: true });
  });

  it('makes the summary of a công văn a "V/v …" line', () => {
    const t = resolveLayout(SAMPLE_LETTER);
    expect(t.isLetter).toBe(true);
    expect(t.typeTitle).toBeUndefined();
    expect(t.summary).toBe('V/v triển khai dịch vụ công trực tuyến toàn trình');
    expect(resolveLayout({ ...SAMPLE_LETTER, summary: 'V/v họp' }).summary).toBe('V/v họp');
  });

  it('normalises decomposed Unicode input to NFC', () => {
    const t = resolveLayout({ ...SAMPLE_PLAN, issuingBody: 'Phòng Văn hóa'.normalize('NFD') });
    expect(t.issuingBody).toBe('PHÒNG VĂN HÓA');
  });

  it('rejects a document without issuing body or signer name', () => {
    expect(() => resolveLayout({ ...SAMPLE_PLAN, issuingBody: ' ' })).toThrow(/issuingBody/);
    const signature = { ...SAMPLE_PLAN.signature, name: '' };
    expect(() => resolveLayout({ ...SAMPLE_PLAN, signature })).toThrow(/signature.name/);
  });
});
