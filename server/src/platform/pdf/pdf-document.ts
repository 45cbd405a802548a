// A4 administrative document over pdfkit, laid out as Nghị định 30/2020/NĐ-CP, Appendix I
// prescribes (margins, Times New Roman, header block, title, body, signature), which is
// also how the one-stop-shop forms of Thông tư 03/2025/TT-VPCP are printed.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { PdfPlacement } from './official-document.js';
import { drawSignatures, type SignatureBlock, type SignatureOptions } from './pdf-signatures.js';

export type { SignatureBlock, SignatureOptions } from './pdf-signatures.js';

const require = createRequire(import.meta.url);
const tinos = (dir: string, file: string) =>
  require.resolve(`@expo-google-fonts/tinos/${dir}/Tinos_${file}.ttf`);

/** Font styles; each maps to an embedded Tinos face (metric-compatible with Times New Roman). */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
/** The Tinos file of each style (also used to measure text for the DOCX renderer). */
export const FONT_FILES: Record<FontStyle, string> = {
  regular: tinos('400Regular', '400Regular'),
  bold: tinos('700Bold', '700Bold'),
  italic: tinos('400Regular_Italic', '400Regular_Italic'),
  boldItalic: tinos('700Bold_Italic', '700Bold_Italic'),
};

/** PDF points per millimetre. */
export const MM = 72 / 25.4;
// ND30: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; we take the smallest so
// long dossiers need fewer pages.
/** Page margins in points (ND30 minimums). */
export const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
/** Body text size: ND30 allows 13–14 pt. */
export const BODY_SIZE = 13;
const LINE_GAP = 2;
/** Space after a body paragraph: ND30 asks for at least 6 pt. */
export const PARAGRAPH_GAP = 6;
/** First-line indent of body paragraphs: ND30 allows 1–1.27 cm. */
export const INDENT = 10 * MM;
/** The national title (Quốc hiệu). */
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
/** The motto (Tiêu ngữ). */
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** A piece of text in one style, so a paragraph can mix regular and bold. */
export interface Run {
  text: string;
  style?: FontStyle;
}

/** Options of a body paragraph. */
export interface ParagraphOptions {
  style?: FontStyle;
  size?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent (ND30 body text); off for field lines and lists. */
  indent?: boolean;
}

/** Input may come from decomposed-Unicode keyboards; Tinos has precomposed Vietnamese glyphs. */
const nfc = (s: string) => s.normalize('NFC');

/** An A4 document with Tinos embedded and the ND30 building blocks; call finish() for bytes. */
export class OfficialPdf {
  /** The pdfkit document, for drawing that the helpers do not cover (QR image). */
  readonly doc: PDFKit.PDFDocument;
  /** The blank signing space of every signature block drawn, in order (drawSignatures). */
  readonly signatureBoxes: PdfPlacement[] = [];
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<Buffer>;

  constructor(info: { title: string; author: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      bufferPages: true, // page numbers are written once the page count is known
      font: FONT_FILES.regular, // never load Helvetica, which cannot show Vietnamese
      lang: 'vi-VN',
      info: { Title: nfc(info.title), Author: nfc(info.author), Creator: 'Chính quyền số' },
    });
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  /** Left edge of the text area. */
  get left(): number {
    return MARGINS.left;
  }
  /** Width of the text area. */
  get width(): number {
    return this.doc.page.width - MARGINS.left - MARGINS.right;
  }
  /** Lowest y that content may reach on a page. */
  get bottom(): number {
    return this.doc.page.height - MARGINS.bottom;
  }

  /** Selects a face and size; returns the document for chaining. */
  font(style: FontStyle, size = BODY_SIZE): PDFKit.PDFDocument {
    // Selected by file path, which pdfkit caches per document. An alias from registerFont()
    // for the face already loaded as the default font is never cached: pdfkit would re-read
    // and re-parse the TTF on every call (1.4 s instead of ~0.2 s for 60 rows of form 06).
    return this.doc.font(FONT_FILES[style]).fontSize(size);
  }

  /** Starts a new page when fewer than `height` points remain, to keep a block together. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Adds vertical space. */
  gap(points: number): void {
    this.doc.y += points;
  }

  /**
   * The ND30 header: issuing body on the left (parent agency upper-case, agency upper-case
   * bold, a short rule), national title and motto on the right (motto ruled full length),
   * then "Số" on the left and the italic place-and-date on the right, on one row.
   */
  header(h: { parentAgency: string; agency: string; number?: string; placeDate: string }): void {
    const { doc } = this;
    const leftW = this.width * 0.4;
    const rightX = this.left + leftW;
    const rightW = this.width - leftW;
    const top = MARGINS.top;
    const centred = { width: leftW, align: 'center' as const };

    this.font('regular', 12).text(nfc(h.parentAgency).toUpperCase(), this.left, top, centred);
    this.font('bold', 12).text(nfc(h.agency).toUpperCase(), this.left, doc.y, centred);
    const agencyW = Math.min(doc.widthOfString(nfc(h.agency).toUpperCase()), leftW);
    this.rule(this.left + leftW / 2, doc.y + 1, agencyW * 0.4); // ND30: 1/3–1/2 of the line
    const leftEnd = doc.y + 1;

    this.font('bold', 12).text(NATIONAL_TITLE, rightX, top, { width: rightW, align: 'center' });
    this.font('bold', 13).text(MOTTO, rightX, doc.y, { width: rightW, align: 'center' });
    this.rule(rightX + rightW / 2, doc.y + 1, doc.widthOfString(MOTTO));
    const rowY = Math.max(leftEnd, doc.y + 1) + 8;

    if (h.number) this.font('regular', 13).text(nfc(h.number), this.left, rowY, centred);
    const leftBottom = h.number ? doc.y : rowY;
    this.font('italic', 13).text(nfc(h.placeDate), rightX, rowY, {
      width: rightW,
      align: 'center',
    });
    doc.x = this.left;
    doc.y = Math.max(leftBottom, doc.y) + 16;
  }

  /** Document type in upper-case bold 14 pt, optional bold summary line below (ND30). */
  title(text: string, summary?: string): void {
    this.font('bold', 14).text(nfc(text).toUpperCase(), this.left, this.doc.y, {
      width: this.width,
      align: 'center',
    });
    if (summary) this.font('bold', 14).text(nfc(summary), { width: this.width, align: 'center' });
    this.gap(10);
  }

  /** A body paragraph: 13 pt, justified, first-line indent, 6 pt after (ND30). */
  paragraph(content: string | Run[], opts: ParagraphOptions = {}): void {
    const runs = typeof content === 'string' ? [{ text: content, style: opts.style }] : content;
    const size = opts.size ?? BODY_SIZE;
    if (opts.align === 'center' && runs.length > 1) {
      this.centredLine(runs, size);
      return;
    }
    const { doc } = this;
    doc.x = this.left;
    runs.forEach((run, i) => {
      const last = i === runs.length - 1;
      this.font(run.style ?? opts.style ?? 'regular', size).text(nfc(run.text), {
        width: this.width,
        align: opts.align ?? 'justify',
        indent: opts.indent === false ? 0 : INDENT,
        lineGap: LINE_GAP,
        paragraphGap: last ? PARAGRAPH_GAP : 0,
        continued: !last,
      });
    });
    doc.x = this.left;
  }

  /** One centred line of mixed runs, placed by hand: pdfkit misplaces centred `continued` text. */
  centredLine(runs: Run[], size = BODY_SIZE): void {
    const { doc } = this;
    const widths = runs.map((r) =>
      this.font(r.style ?? 'regular', size).widthOfString(nfc(r.text)),
    );
    const total = widths.reduce((a, b) => a + b, 0);
    if (total > this.width) {
      this.paragraph(runs, { size, align: 'left', indent: false });
      return;
    }
    this.ensureSpace(doc.currentLineHeight(true));
    const y = doc.y;
    let x = this.left + (this.width - total) / 2;
    runs.forEach((r, i) => {
      this.font(r.style ?? 'regular', size).text(nfc(r.text), x, y, { lineBreak: false });
      x += widths[i] ?? 0;
    });
    doc.x = this.left;
    doc.y = y + doc.currentLineHeight(true) + LINE_GAP + PARAGRAPH_GAP;
  }

  /** "Label: value" lines, value in bold, as the forms' fill-in lines. */
  fields(rows: [label: string, value: string][]): void {
    for (const [label, value] of rows) {
      this.paragraph([{ text: `${label}: ` }, { text: value || '…', style: 'bold' }], {
        align: 'left',
        indent: false,
      });
    }
  }

  /**
   * Signature columns (ND30: titles upper-case bold, name bold); see drawSignatures for
   * the placement of a lone block, "Nơi nhận:" and `leftWidth`.
   */
  signatures(blocks: SignatureBlock[], opts: SignatureOptions = {}): void {
    this.signatureBoxes.push(...drawSignatures(this, blocks, opts));
  }

  /** Writes page numbers at the top centre from page 2 (ND30), ends the PDF, returns its bytes. */
  finish(): Promise<Buffer> {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = 1; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      this.font('regular', 13).text(String(i + 1), this.left, 10 * MM, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
    }
    doc.end();
    return this.ended;
  }

  /** A 0.6 pt horizontal rule of `length` centred on `centreX` (the ND30 lines under names). */
  rule(centreX: number, y: number, length: number): void {
    this.doc
      .moveTo(centreX - length / 2, y)
      .lineTo(centreX + length / 2, y)
      .lineWidth(0.6)
      .stroke();
  }
}
