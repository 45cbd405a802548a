// Whole-document proposals from OCR shaped as tesseract returns it: plain text with both header
// columns merged on one line, and word boxes where the gutter between the columns is narrow.
import { describe, expect, it } from 'vitest';
import { proposeMetadata } from './ocr.proposals.js';
import type { OcrResult, OcrWord } from './ocr.types.js';

const textOnly = (...pages: string[]): OcrResult => ({
  pages: pages.map((text) => ({ text, words: [], width: 0, height: 0 })),
  text: pages.join('\n\n'),
});

describe('proposeMetadata on plain text', () => {
  it('reads a công văn: merged columns, "S6", V/v summary over two lines, wrapped agency', () => {
    const ocr = textOnly(
      [
        'UBND TỈNH AN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'SỞ THÔNG TIN VÀ Độc lập - Tự do - Hạnh phúc',
        'TRUYỀN THÔNG',
        '',
        'S6: 123/STTTT-VP An Giang, ngày 12 tháng 01 năm 2026',
        'V/v triển khai nền tảng',
        'số hóa văn bản đến',
        '',
        'Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.',
        '',
        'Thực hiện Kế hoạch số 05/KH-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh,',
        'Sở Thông tin và Truyền thông đề nghị các địa phương triển khai.',
        '',
        'Nơi nhận: GIÁM ĐỐC',
        '- Như trên;',
        '- Lưu: VT, VP.',
        '',
        'Trần Thị Bích Ngọc',
      ].join('\n'),
    );
    const p = proposeMetadata(ocr);
    expect(p.numberSymbol).toMatchObject({ number: '123', symbol: 'STTTT-VP' });
    expect(p.date?.value).toBe('2026-01-12');
    expect(p.place?.value).toBe('An Giang');
    expect(p.issuingBody?.value).toBe('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(p.parentBody?.value).toBe('UBND TỈNH AN GIANG');
    expect(p.documentType).toMatchObject({ code: null, name: 'Công văn' });
    expect(p.summary?.value).toBe('triển khai nền tảng số hóa văn bản đến');
    expect(p.signerName?.value).toBe('Trần Thị Bích Ngọc');
    for (const v of Object.values(p)) {
      expect(v?.confidence).toBeGreaterThan(0);
      expect(v?.confidence).toBeLessThanOrEqual(1);
      expect(v?.source).toBeTruthy();
    }
  });

  it('reads a quyết định: year in the symbol, stroke-less Đ, one agency on two lines', () => {
    const ocr = textOnly(
      [
        'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'TỈNH AN GIANG Độc lập - Tự do - Hạnh phúc',
        'Số: 12/2O26/QD-UBND An Giang, ngày 5/3/2026',
        '',
        'QUYÉT ĐỊNH',
        '',
        'Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh',
        'nhiệm kỳ 2026 - 2031',
        '',
        'ỦY BAN NHÂN DÂN TỈNH AN GIANG',
        '',
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
        '',
        'TM. ỦY BAN NHÂN DÂN',
        'CHỦ TỊCH',
        '',
        'Lê Văn Phước',
      ].join('\n'),
    );
    const p = proposeMetadata(ocr);
    expect(p.numberSymbol).toMatchObject({ number: '12', symbol: '2026/QĐ-UBND' });
    expect(p.date?.value).toBe('2026-03-05');
    expect(p.issuingBody?.value).toBe('ỦY BAN NHÂN DÂN TỈNH AN GIANG');
    expect(p.parentBody).toBeNull();
    expect(p.documentType).toMatchObject({ code: 'QĐ', name: 'Quyết định' });
    expect(p.summary?.value).toBe(
      'Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh nhiệm kỳ 2026 - 2031',
    );
    expect(p.signerName?.value).toBe('Lê Văn Phước');
  });

  it('signs from the last page, and takes the type from the symbol when the title is lost', () => {
    const p = proposeMetadata(
      textOnly(
        'UBND HUYỆN CHỢ MỚI\nPHÒNG NỘI VỤ —\n______\nSố: 07/BC-PNV\nChợ Mới, ngày 2 tháng 4 năm 2026\n\nTình hình thực hiện nhiệm vụ quý I',
        'Nơi nhận:\n- UBND huyện;\n- Lưu: VT.\nTRƯỞNG PHÒNG\n\nHuỳnh Minh Tâm',
      ),
    );
    expect(p.documentType).toMatchObject({ code: 'BC', name: 'Báo cáo' });
    expect(p.documentType!.confidence).toBeLessThan(0.7);
    expect(p.issuingBody?.value).toBe('PHÒNG NỘI VỤ');
    expect(p.parentBody?.value).toBe('UBND HUYỆN CHỢ MỚI');
    expect(p.signerName?.value).toBe('Huỳnh Minh Tâm');
  });

  it('proposes nothing it cannot read', () => {
    expect(proposeMetadata(textOnly(''))).toEqual({
      numberSymbol: null,
      date: null,
      place: null,
      issuingBody: null,
      parentBody: null,
      documentType: null,
      summary: null,
      signerName: null,
    });
    const prose = proposeMetadata(
      textOnly('hôm nay trời mưa to\nbà con đi chợ sớm\nkhông có gì đặc biệt'),
    );
    expect(Object.values(prose).every((v) => v === null)).toBe(true);
  });
});

// Word boxes as tesseract's TSV gives them on a 300 dpi A4 page (2481 × 3508 px): each word's
// width follows its length; words of one row share a tesseract line id unless given their own.
function row(line: number, top: number, parts: [left: number, text: string][]): OcrWord[] {
  const out: OcrWord[] = [];
  for (const [start, text] of parts) {
    let left = start;
    for (const w of text.split(' ')) {
      const width = w.length * 24;
      out.push({ text: w, left, top, width, height: 44, conf: 92, line, block: 1 });
      left += width + 18;
    }
  }
  return out;
}

describe('proposeMetadata on word boxes', () => {
  const words = [
    // Narrow gutter: tesseract returns both header columns as one line; wording splits them.
    ...row(0, 236, [
      [374, 'UBND TỈNH AN GIANG'],
      [1000, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ]),
    ...row(1, 295, [
      [358, 'SỞ GIÁO DỤC VÀ ĐÀO TẠO'],
      [1407, 'Độc lập - Tự do - Hạnh phúc'],
    ]),
    // Wide gutter: cut by geometry.
    ...row(2, 406, [
      [420, 'Số: O9/GM-SGDĐT'],
      [1300, 'Long Xuyên, ngày 10 tháng 3 năm 2026'],
    ]),
    ...row(3, 559, [[1180, 'GIẤY MỜI']]),
    ...row(4, 637, [[900, 'Dự hội nghị tổng kết năm học']]),
    ...row(5, 770, [[473, 'Sở Giáo dục và Đào tạo trân trọng kính mời đại diện lãnh đạo các']]),
    ...row(6, 850, [
      [355, 'phòng dự hội nghị vào lúc 8 giờ ngày 20 tháng 3 năm 2026 tại hội trường.'],
    ]),
    ...row(7, 1372, [
      [355, 'Nơi nhận:'],
      [1560, 'KT. GIÁM ĐỐC'],
    ]),
    ...row(8, 1430, [
      [356, '- Như trên;'],
      [1560, 'PHÓ GIÁM ĐỐC'],
    ]),
    ...row(9, 1480, [[356, '- Lưu: VT.']]),
    ...row(10, 1746, [[1540, 'Phạm Thị Thu Hà']]),
  ];
  const ocr: OcrResult = {
    pages: [{ text: '', words, width: 2481, height: 3508 }],
    text: '',
  };

  it('separates the columns and reads every field', () => {
    const p = proposeMetadata(ocr);
    expect(p.numberSymbol).toMatchObject({
      number: '09',
      symbol: 'GM-SGDĐT',
      raw: 'Số: O9/GM-SGDĐT',
    });
    expect(p.numberSymbol!.source).toBe('Số: O9/GM-SGDĐT'); // the left segment, not the row
    expect(p.date).toMatchObject({
      value: '2026-03-10',
      source: 'Long Xuyên, ngày 10 tháng 3 năm 2026',
    });
    expect(p.place?.value).toBe('Long Xuyên');
    expect(p.issuingBody?.value).toBe('SỞ GIÁO DỤC VÀ ĐÀO TẠO');
    expect(p.parentBody).toMatchObject({
      value: 'UBND TỈNH AN GIANG',
      source: 'UBND TỈNH AN GIANG',
    });
    expect(p.documentType).toMatchObject({ code: 'GM', name: 'Giấy mời' });
    expect(p.documentType!.confidence).toBeGreaterThan(0.9); // title and symbol agree
    expect(p.summary?.value).toBe('Dự hội nghị tổng kết năm học');
    expect(p.signerName?.value).toBe('Phạm Thị Thu Hà');
  });

  it("carries the words' OCR confidence into the proposals", () => {
    const doubtful = {
      ...ocr,
      pages: [{ ...ocr.pages[0]!, words: words.map((w) => ({ ...w, conf: 40 })) }],
    };
    const sure = proposeMetadata(ocr);
    const unsure = proposeMetadata(doubtful);
    expect(unsure.numberSymbol!.number).toBe('09');
    expect(unsure.numberSymbol!.confidence).toBeLessThan(sure.numberSymbol!.confidence);
    expect(unsure.signerName!.confidence).toBeLessThan(0.5);
  });
});
