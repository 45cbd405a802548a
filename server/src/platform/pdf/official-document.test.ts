// Renders a kế hoạch and a công văn as PDF and reads them back with poppler's pdftotext:
// the ND30 strings, A4, page numbers from page 2, and where the signature box lies.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderOfficialPdf } from './index.js';
import {
  hasCommand,
  longPlan,
  oneSpace,
  type PdfWord,
  pdfLayoutPages,
  pdfWords,
  SAMPLE_LETTER,
  SAMPLE_PLAN,
} from './official-document.test-support.js';
import { MM } from './pdf-document.js';

const PDFTOTEXT = hasCommand('pdftotext');
/** Appended to the names of the tests that read the PDF, so a skip says why. */
const NEEDS = PDFTOTEXT ? 'pdftotext' : 'SKIPPED: pdftotext (poppler-utils) not on PATH';
const TOP_MARGIN = 20 * MM;

async function pageSizes(pdf: Buffer): Promise<{ width: number; height: number }[]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((p) => p.getSize());
}

/** The words of one printed line, found by its first words (same page, same baseline). */
function lineOf(words: PdfWord[], first: string, second: string): PdfWord[] {
  const i = words.findIndex((w, k) => w.text === first && words[k + 1]?.text === second);
  expect(i, `"${first} ${second}" printed`).toBeGreaterThanOrEqual(0);
  const head = words[i] as PdfWord;
  return words.filter((w) => w.page === head.page && Math.abs(w.yMax - head.yMax) < 1);
}

describe('renderOfficialPdf', () => {
  it('is A4 portrait (595.28 × 841.89 pt) with Tinos embedded', async () => {
    const { pdf } = await renderOfficialPdf(SAMPLE_PLAN);
    const [size] = await pageSizes(pdf);
    expect(size?.width).toBeCloseTo(595.28, 1);
    expect(size?.height).toBeCloseTo(841.89, 1);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toContain('Tinos');
    expect(raw).not.toContain('Helvetica');
  });

  it('rejects a layout it cannot print', async () => {
    await expect(renderOfficialPdf({ ...SAMPLE_PLAN, date: '2026-02-30' })).rejects.toThrow(
      RangeError,
    );
  });

  it.skipIf(!PDFTOTEXT)(`prints the ND30 elements of a kế hoạch (${NEEDS})`, async () => {
    const { pdf } = await renderOfficialPdf(SAMPLE_PLAN);
    const pages = await pdfLayoutPages(pdf);
    expect(pages).toHaveLength(1);
    const text = oneSpace(pages[0] ?? '');
    for (const s of [
      'UBND THÀNH PHỐ LONG XUYÊN',
      'PHÒNG VĂN HÓA VÀ THÔNG TIN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/KH-UBND',
      'Long Xuyên, ngày 05 tháng 3 năm 2026',
      'KẾ HOẠCH',
      'Tổ chức Ngày hội Văn hóa các dân tộc năm 2026',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Ngày 19 tháng 4 năm 2026, tại Quảng trường Long Xuyên.',
      'Nơi nhận:',
      '- Sở Văn hóa, Thể thao và Du lịch;',
      '- Lưu: VT, VHTT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn Ẩn',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('DỰ THẢO');
    // Page 1 carries no page number: nothing is printed in its top margin.
    const words = await pdfWords(pdf);
    expect(words.filter((w) => w.yMin < TOP_MARGIN)).toEqual([]);
  });

  it.skipIf(!PDFTOTEXT)(`puts the signature box between title and name (${NEEDS})`, async () => {
    const { pdf, signatureBox, sealAnchor } = await renderOfficialPdf(SAMPLE_PLAN);
    const [size] = await pageSizes(pdf);
    const pageH = size?.height ?? 0;
    const [x1, y1, x2, y2] = signatureBox.rect;
    const boxTop = pageH - y2; // pdftotext measures from the top of the page
    const boxBottom = pageH - y1;
    expect(signatureBox.page).toBe(0);
    expect(y2 - y1).toBeCloseTo(25 * MM, 3);
    expect(x2 - x1).toBeCloseTo(60 * MM, 3);

    const words = await pdfWords(pdf);
    const title = lineOf(words, 'CHỦ', 'TỊCH');
    const name = lineOf(words, 'Nguyễn', 'Văn');
    const titleBottom = Math.max(...title.map((w) => w.yMax));
    const nameTop = Math.min(...name.map((w) => w.yMin));
    // The title ends just above the box and the name starts just below it.
    expect(titleBottom).toBeLessThanOrEqual(boxTop + 0.5);
    expect(boxTop - titleBottom).toBeLessThan(4);
    expect(nameTop).toBeGreaterThanOrEqual(boxBottom - 0.5);
    expect(nameTop - boxBottom).toBeLessThan(4);
    // Title and name are centred on the box; nothing is printed inside it.
    for (const line of [title, name]) {
      const mid = (Math.min(...line.map((w) => w.xMin)) + Math.max(...line.map((w) => w.xMax))) / 2;
      expect(mid).toBeCloseTo((x1 + x2) / 2, 0);
    }
    const inside = words.filter(
      (w) =>
        w.page === 0 &&
        w.xMax > x1 &&
        w.xMin < x2 &&
        w.yMax > boxTop + 0.5 &&
        w.yMin < boxBottom - 0.5,
    );
    expect(inside).toEqual([]);

    // The seal (36 mm) covers the left third of the signature, centred on it vertically.
    expect(sealAnchor.page).toBe(0);
    expect(sealAnchor.rect[2]).toBeCloseTo(x1 + (x2 - x1) / 3, 3);
    expect(sealAnchor.rect[2] - sealAnchor.rect[0]).toBeCloseTo(36 * MM, 3);
    expect(sealAnchor.centre[1]).toBeCloseTo((y1 + y2) / 2, 3);
  });

  it.skipIf(!PDFTOTEXT)(`numbers pages at the top centre from page 2 (${NEEDS})`, async () => {
    const { pdf, signatureBox } = await renderOfficialPdf(longPlan(40));
    const sizes = await pageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    for (const s of sizes) expect([s.width, s.height]).toEqual([sizes[0]?.width, sizes[0]?.height]);
    const words = await pdfWords(pdf);
    const inTopMargin = (page: number) =>
      words.filter((w) => w.page === page && w.yMax < TOP_MARGIN).map((w) => w.text);
    expect(inTopMargin(0)).toEqual([]);
    for (let page = 1; page < sizes.length; page++) {
      expect(inTopMargin(page)).toEqual([String(page + 1)]);
      const n = words.find((w) => w.page === page && w.yMax < TOP_MARGIN) as PdfWord;
      const textCentre = 30 * MM + (595.28 - 45 * MM) / 2;
      expect((n.xMin + n.xMax) / 2).toBeCloseTo(textCentre, 0);
    }
    const pages = await pdfLayoutPages(pdf);
    expect(pages[1]?.trimStart().split('\n')[0]?.trim()).toBe('2');
    // The signature block comes after the body, on the last page.
    expect(signatureBox.page).toBe(sizes.length - 1);
    expect(words.some((w) => w.page === sizes.length - 1 && w.text === 'Nguyễn')).toBe(true);
  });

  it.skipIf(!PDFTOTEXT)(`prints a công văn with "V/v" and no type title (${NEEDS})`, async () => {
    const { pdf } = await renderOfficialPdf(SAMPLE_LETTER);
    const text = oneSpace((await pdfLayoutPages(pdf)).join('\n'));
    for (const s of [
      'UBND TỈNH AN GIANG',
      'UBND THÀNH PHỐ LONG XUYÊN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 128/UBND-VP',
      'Long Xuyên, ngày 09 tháng 01 năm 2026',
      'Kính gửi: Ủy ban nhân dân các phường, xã.',
      'rà soát, cập nhật quy trình nội bộ',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT, VP.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Trần Thị Bích Ngọc',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/CÔNG VĂN|KẾ HOẠCH/);
    // "V/v …" sits in the left column, under the number.
    const words = await pdfWords(pdf);
    const so = lineOf(words, 'Số:', '128/UBND-VP');
    const vv = words.find((w) => w.text === 'V/v') as PdfWord;
    expect(vv.yMin).toBeGreaterThan(Math.max(...so.map((w) => w.yMax)));
    expect(vv.xMax).toBeLessThan(30 * MM + 72 * MM);
  });

  it.skipIf(!PDFTOTEXT)(`marks a draft and leaves number and date blank (${NEEDS})`, async () => {
    const draft = { ...SAMPLE_PLAN, number: null, date: null, draftWatermark: true };
    const { pdf } = await renderOfficialPdf(draft);
    const text = oneSpace((await pdfLayoutPages(pdf)).join('\n'));
    expect(text).toContain('Long Xuyên, ngày … tháng … năm …');
    expect(text).toMatch(/Số: \/KH-UBND/);
    const words = await pdfWords(pdf);
    const so = words.find((w) => w.text === 'Số:') as PdfWord;
    const symbol = words.find((w) => w.text === '/KH-UBND') as PdfWord;
    expect(symbol.xMin - so.xMax).toBeGreaterThan(15); // room to write the number in
    // "DỰ THẢO" in the top margin, flush with the right margin.
    const mark = lineOf(words, 'DỰ', 'THẢO');
    expect(Math.max(...mark.map((w) => w.yMax))).toBeLessThan(TOP_MARGIN);
    expect(Math.max(...mark.map((w) => w.xMax))).toBeGreaterThan(595.28 - 15 * MM - 15);
  });
});
