// The visible part of a signature (the widget's normal appearance). Vietnamese needs a real
// font with subsetting, which pdf-lib cannot do without @pdf-lib/fontkit; pdfkit can (it ships
// fontkit and the project already embeds Tinos with it). So pdfkit draws the box as a
// one-page PDF of exactly the box's size, and pdf-lib turns that page into a Form XObject of
// the document being signed. Text stays real text (searchable, ToUnicode), not a picture.
import { createRequire } from 'node:module';
import { type PDFDocument, type PDFRef, PDFDocument as PdfLibDocument } from 'pdf-lib';
import PDFKitDocument from 'pdfkit';
import { SignatureError } from './errors.js';

const require = createRequire(import.meta.url);
const TINOS = require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf');

/** A rectangle [x1, y1, x2, y2] in PDF points, origin at the lower left. */
export type Rect = [number, number, number, number];

/** An image drawn in the box; `rect` is relative to the box's lower-left corner. */
export interface AppearanceImage {
  png: Uint8Array;
  rect: Rect;
}

/** The visible signature: where it goes and what it shows. */
export interface SignatureAppearance {
  /** 0-based page index. */
  page: number;
  /** The box on the page, in page coordinates. */
  rect: Rect;
  /** Images (transparent PNGs: handwritten signature, seal), drawn in order. */
  images?: AppearanceImage[];
  /** Text lines (Vietnamese allowed), drawn top-down inside `textRect`. */
  lines?: string[];
  /** Where the lines go, relative to the box; the whole box by default. */
  textRect?: Rect;
  /** Largest font size; lines shrink to fit the text box. Default 9 pt. */
  fontSize?: number;
  /** Horizontal alignment of the lines. Default 'left'. */
  align?: 'left' | 'center' | 'right';
  /** Text colour, CSS hex. Default black. */
  color?: string;
  /**
   * Fills the box first (CSS hex): a stamp that writes over a blank printed line (the number
   * and date an issuing office adds, ND30 Điều 16) hides the dots it replaces.
   */
  background?: string;
}

/** Width and height of a rectangle; rejects empty or inverted ones. */
export function rectSize(r: Rect): { w: number; h: number } {
  const w = r[2] - r[0];
  const h = r[3] - r[1];
  if (!(w > 0 && h > 0)) {
    throw new SignatureError('pdf_malformed', 'Vùng hiển thị chữ ký không hợp lệ.');
  }
  return { w, h };
}

/** Options of sealOverSignature. */
export interface SealLayout {
  page: number;
  /** Where the person's signature image is, page coordinates. */
  signatureRect: Rect;
  /** The seal, transparent PNG. */
  seal: Uint8Array;
  /** Seal diameter in points; ND 30 asks for the real size (36 mm ≈ 102 pt, the default). */
  sealSize?: number;
  /** Organisation name, signing time… shown left of the seal. */
  lines: string[];
  /** Width of the text column left of the seal. Default 110 pt. */
  textWidth?: number;
  fontSize?: number;
}

/**
 * ND 30 Phụ lục I layout of the organisation's signature: the seal covers about the left
 * third of the person's signature image (its right edge at one third of the image's width),
 * centred on it vertically; the text lines sit in a column to the left of the seal.
 */
export function sealOverSignature(o: SealLayout): SignatureAppearance {
  const size = o.sealSize ?? (36 * 72) / 25.4;
  const textWidth = o.textWidth ?? 110;
  const [sx1, sy1, sx2, sy2] = o.signatureRect;
  const sealRight = sx1 + (sx2 - sx1) / 3;
  const bottom = (sy1 + sy2) / 2 - size / 2;
  const left = sealRight - size - textWidth;
  return {
    page: o.page,
    rect: [left, bottom, sealRight, bottom + size],
    images: [{ png: o.seal, rect: [textWidth, 0, textWidth + size, size] }],
    lines: o.lines,
    // Text on the seal's upper half, right-aligned against it, small like ND 30's 10 pt
    // attachment stamp so it stays legible next to the seal.
    textRect: [0, size / 2 - 10, textWidth - 4, size],
    fontSize: o.fontSize ?? 8,
    align: 'right',
  };
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/**
 * Where an image goes inside a box of `w` × `h` points (relative to the box), keeping its
 * proportions, centred and as large as fits: an uploaded wide signature or oval seal is not
 * squeezed into the box's shape.
 */
export function fitImage(png: Uint8Array, w: number, h: number): Rect {
  const size = pngSize(png);
  const scale = Math.min(w / size.width, h / size.height);
  const iw = size.width * scale;
  const ih = size.height * scale;
  const x = (w - iw) / 2;
  const y = (h - ih) / 2;
  return [x, y, x + iw, y + ih];
}

/**
 * The organisation's signature over a printed signature box (ND 30 Phụ lục I), as the issuing
 * of an official document and the sealing of a one-stop form draw it: the red seal at real size
 * (36 mm) over the left third of the box, centred on it vertically; the lines (organisation,
 * signing time) in small red type beside the seal, over the box. Fits a signature column of any
 * width, whatever is printed to its left. Without a seal image (none uploaded for the unit) the
 * lines alone are drawn.
 */
export function sealOverSignatureBox(
  box: { page: number; rect: Rect },
  seal: Uint8Array | null,
  lines: string[],
): SignatureAppearance {
  const size = (36 * 72) / 25.4;
  const [x1, y1, x2, y2] = box.rect;
  const left = x1 + (x2 - x1) / 3 - size;
  const bottom = (y1 + y2) / 2 - size / 2;
  const width = x2 - left;
  return {
    page: box.page,
    rect: [left, bottom, x2, bottom + size],
    images: seal ? [{ png: seal, rect: fitImage(seal, size, size) }] : [],
    lines,
    textRect: [size + 2, size * 0.62, width, size * 0.92],
    fontSize: 7,
    color: '#d21f1f',
  };
}

/** Renders the box as a one-page PDF with pdfkit (Tinos subset embedded). */
export async function renderAppearancePdf(a: SignatureAppearance): Promise<Uint8Array> {
  const { w, h } = rectSize(a.rect);
  const doc = new PDFKitDocument({
    size: [w, h],
    margin: 0,
    font: TINOS, // never Helvetica: it has no Vietnamese glyphs
    compress: true,
    info: { Producer: 'Chính quyền số' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    if (a.background) doc.rect(0, 0, w, h).fill(a.background);
    for (const img of a.images ?? []) {
      const s = rectSize(img.rect);
      // pdfkit's origin is the top-left corner; PDF rects are bottom-up.
      doc.image(Buffer.from(img.png), img.rect[0], h - img.rect[3], {
        width: s.w,
        height: s.h,
      });
    }
    const lines = (a.lines ?? []).map((l) => l.normalize('NFC')); // Tinos has precomposed glyphs
    if (lines.length > 0) {
      const tr = a.textRect ?? [0, 0, w, h];
      const ts = rectSize(tr);
      let size = a.fontSize ?? 9;
      // Shrink until every line fits the width and all lines fit the height: a long
      // organisation name must not spill out of the box (the box is all a viewer shows).
      const fits = (s: number) => {
        doc.fontSize(s);
        const tooWide = lines.some((l) => doc.widthOfString(l) > ts.w);
        return !tooWide && doc.currentLineHeight(true) * lines.length <= ts.h;
      };
      while (size > 4 && !fits(size)) size -= 0.5;
      doc.fontSize(size).fillColor(a.color ?? '#000000');
      const lineHeight = doc.currentLineHeight(true);
      lines.forEach((line, i) => {
        doc.text(line, tr[0], h - tr[3] + i * lineHeight, {
          width: ts.w,
          align: a.align ?? 'left',
          lineBreak: false,
        });
      });
    }
  } catch (e) {
    throw new SignatureError('pdf_malformed', 'Không vẽ được hình ảnh chữ ký (ảnh PNG lỗi?).', {
      cause: e,
    });
  }
  doc.end();
  return new Uint8Array(await ended);
}

/**
 * Adds the appearance to `target` as a Form XObject and returns its reference. The objects
 * exist in `target`'s context after this call (flushed), ready for the incremental writer.
 */
export async function embedAppearance(
  target: PDFDocument,
  a: SignatureAppearance,
): Promise<PDFRef> {
  const pdf = await renderAppearancePdf(a);
  const src = await PdfLibDocument.load(pdf, { updateMetadata: false });
  // The page's MediaBox is [0 0 w h], so the XObject's BBox matches the widget's box and a
  // viewer maps it onto /Rect without scaling.
  const [page] = await target.embedPdf(src, [0]);
  if (!page) throw new Error('unreachable: embedPdf returned no page');
  await target.flush();
  return page.ref;
}
