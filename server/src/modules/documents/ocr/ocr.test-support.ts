// Test fixtures of the OCR: a Vietnamese official document laid out as Nghị định 30/2020/NĐ-CP
// Phụ lục I prescribes (A4, Times New Roman metrics, two-column header, centred type title and
// summary, justified body, signature block, "Nơi nhận"), so the OCR tests read the same layout
// a clerk scans, and the rasteriser that turns it into a "scan".
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italic: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
};
const MM = 72 / 25.4;

/** Content of the fixture document; defaults are the brief's plan of the culture office. */
export interface SampleDocument {
  parentBody: string;
  issuingBody: string;
  numberLine: string;
  placeDate: string;
  /** Null for a công văn: then the summary is printed as "V/v …" under the number. */
  typeTitle: string | null;
  summary: string;
  /** A công văn's "Kính gửi: …" line. */
  recipient?: string;
  paragraphs: string[];
  signerTitle: string;
  signerName: string;
}

/** The kế hoạch of the brief: "Số: 05/KH-VHTT", Long Xuyên, 05/3/2026, signed Nguyễn Văn An. */
export const SAMPLE_PLAN: SampleDocument = {
  parentBody: 'UBND THÀNH PHỐ LONG XUYÊN',
  issuingBody: 'PHÒNG VĂN HÓA VÀ THÔNG TIN',
  numberLine: 'Số: 05/KH-VHTT',
  placeDate: 'Long Xuyên, ngày 05 tháng 3 năm 2026',
  typeTitle: 'KẾ HOẠCH',
  summary: 'Triển khai chuyển đổi số năm 2026',
  paragraphs: [
    'Thực hiện Nghị quyết số 52-NQ/TU ngày 15 tháng 01 năm 2026 của Thành ủy Long Xuyên về ' +
      'chuyển đổi số, Phòng Văn hóa và Thông tin xây dựng kế hoạch triển khai chuyển đổi số ' +
      'năm 2026 trên địa bàn thành phố với các nội dung sau đây.',
    'Mục tiêu của kế hoạch là đưa toàn bộ hồ sơ công việc của phòng lên môi trường mạng, ' +
      'bảo đảm 100% văn bản đi và đến được số hóa, ký số và lưu trữ điện tử; nâng cao kỹ năng ' +
      'số cho cán bộ, công chức và người dân trên địa bàn.',
  ],
  signerTitle: 'TRƯỞNG PHÒNG',
  signerName: 'Nguyễn Văn An',
};

/** A công văn of a department: long agency name (wraps), "V/v" over two lines, "Kính gửi". */
export const SAMPLE_LETTER: SampleDocument = {
  parentBody: 'UBND TỈNH AN GIANG',
  issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  numberLine: 'Số: 123/STTTT-VP',
  placeDate: 'An Giang, ngày 12 tháng 01 năm 2026',
  typeTitle: null,
  summary: 'triển khai nền tảng số hóa văn bản đến của các cơ quan',
  recipient: 'Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.',
  paragraphs: [
    'Thực hiện Kế hoạch số 05/KH-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh, Sở ' +
      'Thông tin và Truyền thông đề nghị các địa phương triển khai nền tảng số hóa văn bản đến.',
  ],
  signerTitle: 'GIÁM ĐỐC',
  signerName: 'Trần Thị Bích Ngọc',
};

/**
 * Renders the document as an A4 PDF with embedded Tinos (Times New Roman metrics); with
 * `signatureOnNewPage` the signature block and "Nơi nhận" go to a second page.
 */
export function renderOfficialPdf(
  d: SampleDocument = SAMPLE_PLAN,
  opts: { signatureOnNewPage?: boolean } = {},
): Promise<Buffer> {
  const margins = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
  const doc = new PDFDocument({ size: 'A4', margins, font: FONTS.regular, lang: 'vi-VN' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - margins.left - margins.right;
  const leftW = width * 0.42;
  const rightX = margins.left + leftW;
  const rightW = width - leftW;
  const rule = (cx: number, y: number, len: number) =>
    doc
      .moveTo(cx - len / 2, y)
      .lineTo(cx + len / 2, y)
      .lineWidth(0.6)
      .stroke();

  // Left column: parent body (regular), issuing body (bold), short rule; right column: national
  // title, motto with a full-length rule. Then "Số" and the italic place/date on ONE row, which
  // is the row tesseract tends to merge into a single line.
  const left = { width: leftW, align: 'center' as const };
  const right = { width: rightW, align: 'center' as const };
  doc.font(FONTS.regular).fontSize(12).text(d.parentBody, margins.left, margins.top, left);
  doc.font(FONTS.bold).fontSize(12).text(d.issuingBody, margins.left, doc.y, left);
  rule(margins.left + leftW / 2, doc.y + 1, doc.widthOfString(d.issuingBody) * 0.4);
  const leftEnd = doc.y;
  doc
    .font(FONTS.bold)
    .fontSize(12)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, margins.top, right);
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  doc.font(FONTS.bold).fontSize(13).text(motto, rightX, doc.y, right);
  rule(rightX + rightW / 2, doc.y + 1, doc.widthOfString(motto));
  const rowY = Math.max(leftEnd, doc.y) + 10;
  doc.font(FONTS.regular).fontSize(13).text(d.numberLine, margins.left, rowY, left);
  if (!d.typeTitle) doc.fontSize(12).text(`V/v ${d.summary}`, margins.left, doc.y + 2, left);
  const leftBottom = doc.y;
  doc.font(FONTS.italic).fontSize(13).text(d.placeDate, rightX, rowY, right);

  doc.y = Math.max(doc.y, leftBottom) + 24;
  const full = { width, align: 'center' as const };
  if (d.typeTitle) {
    doc.font(FONTS.bold).fontSize(14).text(d.typeTitle, margins.left, doc.y, full);
    doc.font(FONTS.bold).fontSize(14).text(d.summary, margins.left, doc.y, full);
    rule(margins.left + width / 2, doc.y + 2, 40 * MM);
  } else if (d.recipient) {
    doc.font(FONTS.regular).fontSize(14).text(d.recipient, margins.left, doc.y, full);
  }
  doc.y += 16;
  for (const p of d.paragraphs) {
    doc
      .font(FONTS.regular)
      .fontSize(14)
      .text(p, margins.left, doc.y, {
        width,
        align: 'justify',
        indent: 10 * MM,
        lineGap: 3,
        paragraphGap: 6,
      });
  }

  // Signature block on the right, "Nơi nhận" on the left at the same height (ND30).
  if (opts.signatureOnNewPage) doc.addPage();
  const sigY = opts.signatureOnNewPage ? margins.top : doc.y + 18;
  doc.font(FONTS.bold).fontSize(13).text(d.signerTitle, rightX, sigY, right);
  doc
    .font(FONTS.bold)
    .fontSize(14)
    .text(d.signerName, rightX, sigY + 90, right);
  doc.font(FONTS.bold).fontSize(12).text('Nơi nhận:', margins.left, sigY, { width: leftW });
  doc.font(FONTS.regular).fontSize(11);
  for (const r of ['- UBND thành phố;', '- Các phường, xã;', '- Lưu: VT.']) {
    doc.text(r, margins.left, doc.y, { width: leftW });
  }
  doc.end();
  return done;
}

/** Rasterises page 1 of a PDF with pdftoppm, as a 300 dpi scanner would produce it. */
export async function rasterisePdf(pdf: Uint8Array, dpi = 300): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cqs-fixture-ocr-'));
  try {
    await writeFile(path.join(dir, 'in.pdf'), pdf);
    await run(
      'pdftoppm',
      ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', 'in.pdf', 'page'],
      {
        cwd: dir,
        timeout: 60_000,
      },
    );
    return await readFile(path.join(dir, 'page.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Makes a clean raster look scanned: grey speckle (multiplied in, as toner dust and paper
 * grain darken), a slight blur and a small skew, as a flatbed scan of a real page has. The
 * speckle comes from a seeded generator, so a failing OCR assertion is reproducible.
 */
export async function scanLike(png: Buffer, angle = 0.6, seed = 20260305): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(png).metadata();
  const grain = Buffer.alloc(width * height);
  let x = seed >>> 0;
  for (let i = 0; i < grain.length; i++) {
    // xorshift32; the sum of two uniforms gives a rough bell around 240 (σ ≈ 12).
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const u = ((x >>> 0) & 0xffff) / 0xffff + (x >>> 16) / 0xffff;
    grain[i] = Math.max(0, Math.min(255, Math.round(240 + (u - 1) * 30)));
  }
  const noise = await sharp(grain, { raw: { width, height, channels: 1 } })
    .toColourspace('srgb')
    .png()
    .toBuffer();
  return sharp(png)
    .flatten({ background: '#ffffff' })
    .composite([{ input: noise, blend: 'multiply' }])
    .blur(0.6)
    .rotate(angle, { background: '#ffffff' })
    .png()
    .toBuffer();
}

/**
 * A phone photo as cameras store it: pixels turned 90° counter-clockwise and EXIF orientation
 * 6 ("turn 90° clockwise to view"), so only a reader that honours EXIF sees the page upright.
 */
export function sidewaysJpeg(png: Buffer): Promise<Buffer> {
  return sharp(png).rotate(-90).jpeg({ quality: 85 }).withMetadata({ orientation: 6 }).toBuffer();
}
