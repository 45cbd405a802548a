// Integration: a Vietnamese official document drawn with pdfkit in Tinos (Times New Roman
// metrics), laid out as Nghị định 30/2020 prescribes, rasterised at 300 dpi like a scanner
// would, dirtied and skewed, then read back by the real tesseract and turned into proposals.
// Skipped, with the reason in the test name, only when tesseract, its Vietnamese data or
// pdftoppm are missing on this machine.
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ocrAvailability, ocrDocument } from './ocr.engine.js';
import { OcrInputError, OcrTimeoutError } from './ocr.errors.js';
import { proposeMetadata } from './ocr.proposals.js';
import {
  rasterisePdf,
  renderOfficialPdf,
  SAMPLE_LETTER,
  SAMPLE_PLAN,
  scanLike,
  sidewaysJpeg,
} from './ocr.test-support.js';
import { fold } from './ocr.text.js';
import type { OcrResult } from './ocr.types.js';

const availability = await ocrAvailability();
const ready = availability.available && availability.pdf;
const when = (title: string) =>
  ready ? title : `${title} — SKIPPED: ${availability.message} (không có tesseract/vie/pdftoppm)`;
// OCR reads "đổi" as "đối" about half the time (a hook above ô vs an acute): the summary is
// compared without diacritics and case; number, symbol, date and the bodies must be exact.
const loose = (s: string | undefined) => fold(s ?? '').toLowerCase();

const pdf = ready ? await renderOfficialPdf() : Buffer.alloc(0);
const clean = ready ? await rasterisePdf(pdf) : Buffer.alloc(0);

async function timed(label: string, run: () => Promise<OcrResult>): Promise<OcrResult> {
  const start = performance.now();
  const ocr = await run();
  const ms = (performance.now() - start) / Math.max(1, ocr.pages.length);
  console.log(`OCR ${label}: ${ocr.pages.length} trang, ${Math.round(ms)} ms/trang`);
  return ocr;
}

function expectThePlan(ocr: OcrResult) {
  expect(ocr.text).toBe(ocr.text.normalize('NFC'));
  const p = proposeMetadata(ocr);
  expect(p.numberSymbol).toMatchObject({ number: '05', symbol: 'KH-VHTT' });
  expect(p.date?.value).toBe('2026-03-05');
  expect(p.place?.value).toBe('Long Xuyên');
  expect(p.issuingBody?.value).toBe('PHÒNG VĂN HÓA VÀ THÔNG TIN');
  expect(p.parentBody?.value).toBe('UBND THÀNH PHỐ LONG XUYÊN');
  expect(p.documentType).toMatchObject({ code: 'KH', name: 'Kế hoạch' });
  expect(loose(p.summary?.value)).toContain(loose('chuyển đổi số'));
  expect(loose(p.summary?.value)).toBe(loose(SAMPLE_PLAN.summary));
  expect(p.signerName?.value).toBe('Nguyễn Văn An');
  return p;
}

describe('ocrAvailability', () => {
  it('says in Vietnamese whether OCR can run, and caches the answer', async () => {
    expect(await ocrAvailability()).toBe(availability);
    if (availability.available) expect(availability.languages).toContain('vie');
    else expect(availability.message).toMatch(/tesseract-ocr/);
    expect(availability.message).toMatch(/nhận dạng chữ/);
  });
});

describe('ocrDocument on a scanned kế hoạch', () => {
  it.skipIf(!ready)(when('reads a dirty, skewed 300 dpi PNG scan'), async () => {
    const scan = await scanLike(clean, 0.6);
    const ocr = await timed('ảnh PNG quét (nhiễu, nghiêng 0,6°)', () =>
      ocrDocument({ bytes: scan, contentType: 'image/png' }),
    );
    expect(ocr.pages).toHaveLength(1);
    expectThePlan(ocr);
  });

  it.skipIf(!ready)(when('rasterises the PDF itself at 300 dpi and reads it'), async () => {
    const ocr = await timed('PDF', () =>
      ocrDocument({ bytes: pdf, contentType: 'application/pdf' }),
    );
    expect(ocr.pages).toHaveLength(1);
    // A4 at 300 dpi is 2481 × 3508 px: the words' boxes are in those pixels.
    expect(ocr.pages[0]).toMatchObject({ width: 2481, height: 3508 });
    const p = expectThePlan(ocr);
    expect(p.numberSymbol!.confidence).toBeGreaterThan(0.5);
  });

  it.skipIf(!ready)(
    when('turns a sideways phone photo upright by its EXIF orientation'),
    async () => {
      const photo = await sidewaysJpeg(clean);
      const ocr = await timed('ảnh JPEG xoay EXIF', () =>
        ocrDocument({ bytes: photo, contentType: 'image/jpeg' }),
      );
      expectThePlan(ocr);
    },
  );

  it.skipIf(!ready)(when('reads a công văn: wrapped agency name, two-line "V/v"'), async () => {
    const letter = await renderOfficialPdf(SAMPLE_LETTER);
    const ocr = await timed('PDF công văn', () =>
      ocrDocument({ bytes: letter, contentType: 'application/pdf' }),
    );
    const p = proposeMetadata(ocr);
    expect(p.numberSymbol).toMatchObject({ number: '123', symbol: 'STTTT-VP' });
    expect(p.date?.value).toBe('2026-01-12');
    expect(p.place?.value).toBe('An Giang');
    expect(p.issuingBody?.value).toBe('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(p.parentBody?.value).toBe('UBND TỈNH AN GIANG');
    expect(p.documentType).toMatchObject({ code: null, name: 'Công văn' });
    expect(loose(p.summary?.value)).toBe(loose(SAMPLE_LETTER.summary));
    expect(p.signerName?.value).toBe('Trần Thị Bích Ngọc');
  });

  it.skipIf(!ready)(when('reads up to maxPages pages and signs from the last one'), async () => {
    const twoPages = await renderOfficialPdf(SAMPLE_PLAN, { signatureOnNewPage: true });
    const both = await timed('PDF 2 trang', () =>
      ocrDocument({ bytes: twoPages, contentType: 'application/pdf' }, { maxPages: 2 }),
    );
    expect(both.pages).toHaveLength(2);
    expect(both.text).toContain('Nguyễn Văn An');
    expect(proposeMetadata(both).signerName?.value).toBe('Nguyễn Văn An');
    const first = await ocrDocument(
      { bytes: twoPages, contentType: 'application/pdf' },
      { maxPages: 1 },
    );
    expect(first.pages).toHaveLength(1);
    expect(proposeMetadata(first).numberSymbol).toMatchObject({ number: '05', symbol: 'KH-VHTT' });
    expect(proposeMetadata(first).signerName).toBeNull();
  });
});

describe('ocrDocument refuses what it cannot read', () => {
  const tempDirs = async () =>
    (await readdir(os.tmpdir())).filter((f) => f.startsWith('cqs-ocr-')).sort();

  it('rejects an empty file, a type it does not take, and bytes that are not the type said', async () => {
    const cases: [Uint8Array, string][] = [
      [new Uint8Array(), 'image/png'],
      [Buffer.from('GIF89a...'), 'image/gif'],
      [Buffer.from('%PDF-1.7 not an image'), 'image/png'],
      [Buffer.from('plain text, not a PDF'), 'application/pdf'],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/tiff'],
    ];
    for (const [bytes, contentType] of cases) {
      const err = await ocrDocument({ bytes, contentType } as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OcrInputError);
      expect(err).toMatchObject({ code: 'ocr_bad_input', status: 422 });
      expect((err as OcrInputError).detail).toMatch(/Tệp|Chỉ nhận dạng/);
    }
  });

  it.skipIf(!ready)(
    when('rejects a broken PDF and a broken PNG, leaving no temp files'),
    async () => {
      const before = await tempDirs();
      const broken: [Uint8Array, 'application/pdf' | 'image/png'][] = [
        [Buffer.from('%PDF-1.4\n1 0 obj garbage\n%%EOF'), 'application/pdf'],
        [Buffer.concat([clean.subarray(0, 64), Buffer.alloc(512, 7)]), 'image/png'],
      ];
      for (const [bytes, contentType] of broken) {
        await expect(ocrDocument({ bytes, contentType })).rejects.toMatchObject({
          code: 'ocr_bad_input',
        });
      }
      await ocrDocument({ bytes: pdf, contentType: 'application/pdf' }, { maxPages: 1 });
      expect(await tempDirs()).toEqual(before);
    },
  );

  it.skipIf(!ready)(when('gives up when the time budget runs out'), async () => {
    const err = await ocrDocument({ bytes: pdf, contentType: 'application/pdf' }, { timeoutMs: 1 })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OcrTimeoutError);
    expect(err).toMatchObject({ code: 'ocr_timeout' });
  });
});

describe('without tesseract', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
    vi.resetModules();
  });

  it('reports it in Vietnamese and throws OcrUnavailableError', async () => {
    vi.resetModules();
    process.env.PATH = '/nonexistent'; // read once by the fresh module for its child processes
    const engine = await import('./ocr.engine.js');
    const a = await engine.ocrAvailability();
    expect(a).toMatchObject({ available: false, languages: [] });
    expect(a.message).toMatch(/^Chưa cài đặt nhận dạng chữ \(tesseract-ocr, tesseract-ocr-vie\)/);
    await expect(
      engine.ocrDocument({
        bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
        contentType: 'image/png',
      }),
    ).rejects.toMatchObject({ code: 'ocr_unavailable', status: 503 });
  });
});
