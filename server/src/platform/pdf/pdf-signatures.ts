// Signature blocks and "Nơi nhận:" of an administrative document, placed as Nghị định
// 30/2020/NĐ-CP, Appendix I shows: signer on the right, recipients on the left.
import type { PdfPlacement } from './official-document.js';
import type { FontStyle, OfficialPdf } from './pdf-document.js';

/** One signature column: optional authority line (TM./KT./Q./TL.), title, hint and name. */
export interface SignatureBlock {
  authority?: string;
  title: string;
  /** Defaults to "(Ký và ghi rõ họ tên)". */
  hint?: string;
  name?: string;
}

/** Where the signature row puts things besides the blocks. */
export interface SignatureOptions {
  /** "Nơi nhận:" list (bold italic 12 pt, items 11 pt, ND30) in the left half. */
  recipients?: string[];
  /** Width kept free on the left for the caller to draw in (form 01's QR code). */
  leftWidth?: number;
}

const SIGN_SPACE = 70; // room for the handwritten signature and, where required, the seal
/** Width of the signature image's box: 60 mm, as official-layout.ts SIGNATURE_BOX_MM. */
const BOX_WIDTH = (60 * 72) / 25.4;
const DEFAULT_HINT = '(Ký và ghi rõ họ tên)';
const nfc = (s: string) => s.normalize('NFC');

/**
 * Draws the signature row at the current position: blocks side by side (titles upper-case
 * bold, names bold); a lone block takes the right half as ND30 places the signer. The row
 * is kept together on one page. Returns each block's blank signing space (the ND30 signature
 * box, centred in its column), where a digital signature's image goes.
 */
export function drawSignatures(
  pdf: OfficialPdf,
  blocks: SignatureBlock[],
  opts: SignatureOptions = {},
): PdfPlacement[] {
  const { doc } = pdf;
  const half = pdf.width / 2;
  const leftW = opts.leftWidth ?? (opts.recipients || blocks.length === 1 ? half : 0);
  const colW = (pdf.width - leftW) / Math.max(blocks.length, 1);
  pdf.ensureSpace(Math.max(0, ...blocks.map((b) => blockHeight(pdf, b, colW))));
  const top = doc.y + 6;
  let lowest = top;
  const boxes: PdfPlacement[] = [];
  const range = doc.bufferedPageRange();
  const page = range.start + range.count - 1; // drawing always happens on the last page
  if (opts.recipients) {
    pdf.font('boldItalic', 12).text('Nơi nhận:', pdf.left, top, { width: leftW });
    const list = opts.recipients.map((r) => `- ${nfc(r)}`).join('\n');
    pdf.font('regular', 11).text(list, { width: leftW });
    lowest = doc.y;
  }
  blocks.forEach((b, i) => {
    const x = pdf.left + leftW + i * colW;
    const centred = { width: colW, align: 'center' as const };
    doc.y = top;
    if (b.authority) pdf.font('bold', 13).text(nfc(b.authority).toUpperCase(), x, doc.y, centred);
    pdf.font('bold', 13).text(nfc(b.title).toUpperCase(), x, doc.y, centred);
    pdf.font('italic', 13).text(nfc(b.hint ?? DEFAULT_HINT), x, doc.y, centred);
    const boxW = Math.min(BOX_WIDTH, colW);
    const x1 = x + (colW - boxW) / 2;
    const pageH = doc.page.height;
    boxes.push({ page, rect: [x1, pageH - doc.y - SIGN_SPACE, x1 + boxW, pageH - doc.y] });
    doc.y += SIGN_SPACE;
    if (b.name) pdf.font('bold', 13).text(nfc(b.name), x, doc.y, centred);
    lowest = Math.max(lowest, doc.y);
  });
  doc.x = pdf.left;
  doc.y = lowest + 10;
  return boxes;
}

function blockHeight(pdf: OfficialPdf, b: SignatureBlock, width: number): number {
  const h = (style: FontStyle, text?: string) =>
    text ? pdf.font(style, 13).heightOfString(nfc(text).toUpperCase(), { width }) : 0;
  const lines = h('bold', b.authority) + h('bold', b.title) + h('italic', b.hint ?? DEFAULT_HINT);
  return 6 + lines + SIGN_SPACE + h('bold', b.name ?? 'x') + 10;
}
