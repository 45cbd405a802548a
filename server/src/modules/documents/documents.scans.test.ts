// Scanned paper through the API: a document generated in the ND30 layout by our own renderer,
// rasterised like a scan, comes back from POST /documents/ocr with its number and symbol, date
// and type proposed; without tesseract the answer says so and registration still works.
import { execFileSync } from 'node:child_process';
import { foldVietnamese } from '@cqs/shared/procedures/index';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { renderOfficialPdf } from '../../platform/pdf/index.js';
import { buildDocumentWorld, type DocumentWorld } from './documents.test-support.js';
import { ocrAvailability } from './ocr/index.js';
import { rasterisePdf, scanLike } from './ocr/ocr.test-support.js';

vi.setConfig({ testTimeout: 240_000 });

let t: TestApp;
let w: DocumentWorld;
const ocr = await ocrAvailability();

beforeAll(async () => {
  t = await createTestApp();
  w = await buildDocumentWorld(t);
}, 120_000);
afterAll(async () => t?.close());

describe('scans', () => {
  it.skipIf(!ocr.available)(
    `recovers number, symbol, date and type of a rasterised generated document (OCR: ${ocr.message})`,
    async () => {
      const { pdf } = await renderOfficialPdf({
        parentBody: 'UBND THÀNH PHỐ LONG XUYÊN',
        issuingBody: 'PHÒNG VĂN HÓA VÀ THÔNG TIN',
        number: '7',
        symbol: 'KH-VHTT',
        place: 'Long Xuyên',
        date: '2026-03-05',
        typeTitle: 'Kế hoạch',
        summary: 'Triển khai chuyển đổi số năm 2026',
        body: {
          paragraphs: [
            'Thực hiện Kế hoạch của Ủy ban nhân dân thành phố về chuyển đổi số.',
            'Phòng Văn hóa và Thông tin xây dựng Kế hoạch như sau.',
          ],
        },
        signature: { title: 'TRƯỞNG PHÒNG', name: 'Nguyễn Văn An' },
        recipients: ['UBND thành phố'],
        archive: 'VT',
      });
      const scan = await scanLike(await rasterisePdf(pdf, 300));
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/documents/ocr',
        headers: { ...w.clerkA.headers, 'content-type': 'image/png' },
        payload: scan,
      });
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(body.available).toBe(true);
      expect(body.proposals).toMatchObject({
        codeNumber: '07',
        codeNotation: 'KH-VHTT',
        issuedOn: '2026-03-05',
        typeCode: 'KH',
      });
      // OCR reads đổi as đối now and then: the summary is compared without diacritics.
      expect(foldVietnamese(body.proposals.summary)).toContain('chuyen doi so');
    },
  );

  it('answers in Vietnamese when the file is not a scan, and only to a clerk', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents/ocr',
      headers: { ...w.clerkA.headers, 'content-type': 'text/plain' },
      payload: 'xin chào',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('scan_type');
    const spec = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents/ocr',
      headers: { ...w.specialistA.headers, 'content-type': 'image/png' },
      payload: Buffer.from('x'),
    });
    expect(spec.statusCode).toBe(403);
  });

  it('says OCR is missing when tesseract is not on the PATH, and nothing else breaks', async () => {
    // A child process with an empty PATH: the same check the app runs at its first scan.
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "import('./src/modules/documents/ocr/index.ts').then(async (m) => console.log(JSON.stringify(await m.ocrAvailability())))",
      ],
      {
        cwd: new URL('../../../', import.meta.url).pathname,
        env: { ...process.env, PATH: '' },
      },
    ).toString();
    const a = JSON.parse(out.trim().split('\n').pop()!);
    expect(a.available).toBe(false);
    expect(a.message).toMatch(/tesseract/);
  });
});
