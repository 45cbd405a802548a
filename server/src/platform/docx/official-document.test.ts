// Renders a kế hoạch and a công văn as .docx: the Word XML (A4, margins, Times New Roman,
// editable text only) and, through LibreOffice, what a printed copy shows.
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  hasCommand,
  longPlan,
  oneSpace,
  pdfLayoutPages,
  pdfWords,
  SAMPLE_LETTER,
  SAMPLE_PLAN,
} from '../pdf/official-document.test-support.js';
import { convertWithLibreOffice, readZipEntry } from './docx.test-support.js';
import { renderOfficialDocx } from './index.js';

const MM = 72 / 25.4;
const CAN_CONVERT = hasCommand('soffice') && hasCommand('pdftotext');
const CONVERT_SKIP =
  'SKIPPED: needs LibreOffice (soffice, libreoffice-writer-nogui) and pdftotext (poppler-utils) on PATH';

/** The document's text: every w:t, paragraphs separated by newlines. */
const wordText = (xml: string) =>
  xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');

describe('renderOfficialDocx, the Word XML', () => {
  it('is A4 portrait with the ND30 margins and a first page without page number', async () => {
    const xml = readZipEntry(await renderOfficialDocx(SAMPLE_PLAN), 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    // top/bottom 20 mm, left 30 mm, right 15 mm, in twips.
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toMatch(/<w:headerReference w:type="first"/);
  });

  it('sets every run in black Times New Roman and keeps all text editable', async () => {
    const docx = await renderOfficialDocx(SAMPLE_PLAN);
    const xml = readZipEntry(docx, 'word/document.xml');
    const runs = xml.match(/<w:r>.*?<\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThan(20);
    for (const r of runs) {
      expect(r).toContain('<w:rFonts w:ascii="Times New Roman"');
      expect(r).toContain('<w:color w:val="000000"/>');
    }
    expect(readZipEntry(docx, 'word/styles.xml')).toContain('w:ascii="Times New Roman"');
    expect(xml).not.toMatch(/<w:drawing|<w:pict|<pic:pic/);
    // Body: justified, 1 cm first-line indent, 6 pt (120 twips) after.
    expect(xml).toMatch(/<w:ind w:firstLine="567"\/>/);
    expect(xml).toMatch(/<w:jc w:val="both"\/>/);
    expect(xml).toMatch(/<w:spacing w:after="120"/);
    // The page-number header is a PAGE field, not a typed number.
    expect(readZipEntry(docx, 'word/header1.xml')).toMatch(/PAGE/);
  });

  it('holds the texts of the layout, header first', async () => {
    const text = wordText(readZipEntry(await renderOfficialDocx(SAMPLE_PLAN), 'word/document.xml'));
    const order = [
      'UBND THÀNH PHỐ LONG XUYÊN',
      'PHÒNG VĂN HÓA VÀ THÔNG TIN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/KH-UBND',
      'Long Xuyên, ngày 05 tháng 3 năm 2026',
      'KẾ HOẠCH',
      'Tổ chức Ngày hội Văn hóa các dân tộc năm 2026',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Nơi nhận:',
      '- Lưu: VT, VHTT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn Ẩn',
    ].map((s) => text.indexOf(s));
    expect(order).not.toContain(-1);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('writes the draft mark in the first-page header only for drafts', async () => {
    const draft = await renderOfficialDocx({ ...SAMPLE_PLAN, number: null, draftWatermark: true });
    expect(readZipEntry(draft, 'word/header2.xml')).toContain('DỰ THẢO');
    expect(wordText(readZipEntry(draft, 'word/document.xml'))).toContain('Số:      /KH-UBND');
    const final = await renderOfficialDocx(SAMPLE_PLAN);
    expect(readZipEntry(final, 'word/header2.xml')).not.toContain('DỰ THẢO');
  });
});

describe.skipIf(!CAN_CONVERT)(
  `renderOfficialDocx, printed by LibreOffice (${CAN_CONVERT ? 'soffice' : CONVERT_SKIP})`,
  () => {
    let plan: Buffer;
    let letter: Buffer;
    let long: Buffer;
    beforeAll(async () => {
      const docs = await Promise.all(
        [SAMPLE_PLAN, SAMPLE_LETTER, longPlan(40)].map(renderOfficialDocx),
      );
      [plan, letter, long] = (await convertWithLibreOffice(docs)) as [Buffer, Buffer, Buffer];
    });

    it('prints the kế hoạch on one A4 page with every ND30 element', async () => {
      const doc = await PDFDocument.load(plan);
      expect(doc.getPageCount()).toBe(1);
      const size = doc.getPage(0).getSize();
      expect(size.width).toBeCloseTo(595.28, 0);
      expect(size.height).toBeCloseTo(841.89, 0);
      const text = oneSpace((await pdfLayoutPages(plan)).join('\n'));
      for (const s of [
        'UBND THÀNH PHỐ LONG XUYÊN',
        'PHÒNG VĂN HÓA VÀ THÔNG TIN',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 05/KH-UBND',
        'Long Xuyên, ngày 05 tháng 3 năm 2026',
        'KẾ HOẠCH',
        'Tổ chức Ngày hội Văn hóa các dân tộc năm 2026',
        'Ngày 19 tháng 4 năm 2026, tại Quảng trường Long Xuyên.',
        'Nơi nhận:',
        '- Lưu: VT, VHTT.',
        'TM. ỦY BAN NHÂN DÂN',
        'Nguyễn Văn Ẩn',
      ]) {
        expect(text).toContain(s);
      }
    });

    it('prints the công văn with "V/v" and "Kính gửi" and no type title', async () => {
      const text = oneSpace((await pdfLayoutPages(letter)).join('\n'));
      for (const s of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 128/UBND-VP',
        'Long Xuyên, ngày 09 tháng 01 năm 2026',
        'V/v triển khai dịch vụ công',
        'Kính gửi: Ủy ban nhân dân các phường, xã.',
        'Nơi nhận:',
        '- Như trên;',
        '- Lưu: VT, VP.',
        'KT. CHỦ TỊCH',
        'Trần Thị Bích Ngọc',
      ]) {
        expect(text).toContain(s);
      }
      expect(text).not.toMatch(/CÔNG VĂN|KẾ HOẠCH/);
    });

    it('numbers pages at the top from page 2, not on page 1', async () => {
      const pages = (await PDFDocument.load(long)).getPageCount();
      expect(pages).toBeGreaterThanOrEqual(3);
      const words = await pdfWords(long);
      const inTopMargin = (page: number) =>
        words.filter((w) => w.page === page && w.yMax < 20 * MM).map((w) => w.text);
      expect(inTopMargin(0)).toEqual([]);
      for (let page = 1; page < pages; page++)
        expect(inTopMargin(page)).toEqual([String(page + 1)]);
    });
  },
);
