// An administrative document (kế hoạch, quyết định, thông báo, công văn …) as an A4 PDF laid
// out per Nghị định 30/2020/NĐ-CP, Phụ lục I, from the same OfficialDocumentLayout the DOCX
// renderer takes. The page, font and body rules live in OfficialPdf (A4 portrait; margins
// top/bottom 20 mm, left 30 mm, right 15 mm inside ND30's 20–25/30–35/15–20 mm; Tinos, the
// metric clone of Times New Roman, black; body justified with a 1 cm first-line indent and
// 6 pt after; page numbers top centre from page 2). This file places the header, title,
// signature and "Nơi nhận", and reports where the signature and seal images go.
import {
  addresseeLines,
  HEADER_LEFT_MM,
  mmToPt,
  type OfficialDocumentLayout,
  type OfficialText,
  resolveLayout,
  SEAL_DIAMETER_MM,
  SIGNATURE_BOX_MM,
  SIZES,
} from './official-layout.js';
import { MOTTO, NATIONAL_TITLE, OfficialPdf } from './pdf-document.js';

/** A rectangle on one page: page index from 0, rect [x1, y1, x2, y2] in PDF user space (origin bottom-left). */
export interface PdfPlacement {
  page: number;
  rect: [number, number, number, number];
}

/** Where the seal image goes: its centre and a square of the default diameter around it. */
export interface SealPlacement extends PdfPlacement {
  centre: [number, number];
}

/** The rendered PDF and where a signing step places the signature and seal images. */
export interface OfficialPdfResult {
  pdf: Buffer;
  /** The blank area between the signer's title and name (ND30: signature image centred there). */
  signatureBox: PdfPlacement;
  /** ND30 "Dấu": the seal image, real size, covers about the left third of the signature. */
  sealAnchor: SealPlacement;
  /**
   * The "Số: …" line and the place-and-date line on page 1. An electronic document is signed
   * before it has a number (ND30 Điều 16: the signer signs, then the clerical office gives the
   * number and date and applies the organisation's signature), so the issuing step writes them
   * over these boxes in the seal's incremental update.
   */
  numberBox: PdfPlacement;
  dateBox: PdfPlacement;
}

const SPACE_AFTER_HEADER = 16;
const SPACE_BEFORE_SIGNATURE = 6;

/** Renders an ND30 administrative document as an A4 PDF with its signature and seal placement. */
export async function renderOfficialPdf(
  layout: OfficialDocumentLayout,
): Promise<OfficialPdfResult> {
  const t = resolveLayout(layout);
  const pdf = new OfficialPdf({
    title: `${t.typeTitle ?? 'Công văn'} ${t.numberLine.replace(/\s+/g, ' ')} - ${t.summary}`,
    author: t.issuingBody,
  });
  if (t.draft) drawDraftMark(pdf);
  const header = drawHeader(pdf, t);
  if (t.typeTitle) drawTitle(pdf, t.typeTitle, t.summary);
  drawAddressees(pdf, t.addressees);
  for (const p of t.paragraphs) pdf.paragraph(p.text, { style: p.bold ? 'bold' : 'regular' });
  const placement = drawSignatureRow(pdf, t);
  return { pdf: await pdf.finish(), ...placement, ...header };
}

/**
 * ND30 "Chỉ dẫn về dự thảo văn bản": "DỰ THẢO", 13–14 pt upright bold in a box, at the top
 * right of the first page above the national title (box 12 of the layout diagram).
 */
function drawDraftMark(pdf: OfficialPdf): void {
  const { doc } = pdf;
  const text = 'DỰ THẢO';
  const w = pdf.font('bold', SIZES.draft).widthOfString(text) + 12;
  const h = doc.currentLineHeight(true) + 6;
  const x = pdf.left + pdf.width - w;
  const y = doc.page.margins.top - h - mmToPt(3); // in the top margin, clear of the header
  doc.rect(x, y, w, h).lineWidth(0.8).stroke();
  doc.text(text, x, y + 4, { width: w, align: 'center', lineBreak: false });
}

/**
 * The header, a two-column table of two rows (ND30 layout diagram, boxes 1–4):
 * left, the parent body (upper-case regular 12 pt) and the issuing body (upper-case bold
 * 12 pt) with a rule 1/3–1/2 of its length below ("Tên cơ quan, tổ chức ban hành"); right,
 * the Quốc hiệu (upper-case bold 12 pt) and the Tiêu ngữ (bold 13 pt) with a rule as long as
 * the motto below ("Quốc hiệu và Tiêu ngữ"). Second row: "Số: 05/KH-UBND" (13 pt) — and for
 * a công văn the "V/v …" summary 12 pt, 6 pt below it — left; place and date (italic 13 pt)
 * right, centred under the motto ("Địa danh và thời gian ban hành").
 */
function drawHeader(
  pdf: OfficialPdf,
  t: OfficialText,
): Pick<OfficialPdfResult, 'numberBox' | 'dateBox'> {
  const { doc } = pdf;
  const leftW = mmToPt(HEADER_LEFT_MM);
  const rightX = pdf.left + leftW;
  const rightW = pdf.width - leftW;
  const top = doc.page.margins.top;
  const left = { width: leftW, align: 'center' as const };
  const right = { width: rightW, align: 'center' as const };

  if (t.parentBody) pdf.font('regular', SIZES.parentBody).text(t.parentBody, pdf.left, top, left);
  pdf
    .font('bold', SIZES.issuingBody)
    .text(t.issuingBody, pdf.left, t.parentBody ? doc.y : top, left);
  const bodyW = Math.min(doc.widthOfString(t.issuingBody), leftW);
  pdf.rule(pdf.left + leftW / 2, doc.y + 1, bodyW * 0.4);
  const leftEnd = doc.y + 1;

  pdf.font('bold', SIZES.nationalTitle).text(NATIONAL_TITLE, rightX, top, right);
  pdf.font('bold', SIZES.motto).text(MOTTO, rightX, doc.y, right);
  pdf.rule(rightX + rightW / 2, doc.y + 1, doc.widthOfString(MOTTO));
  const rowY = Math.max(leftEnd, doc.y + 1) + 8;

  pdf.font('regular', SIZES.number).text(t.numberLine, pdf.left, rowY, left);
  const numberBottom = doc.y;
  if (t.isLetter) {
    pdf.font('regular', SIZES.letterSummary).text(t.summary, pdf.left, doc.y + 6, left);
  }
  const leftBottom = doc.y;
  pdf.font('italic', SIZES.placeDate).text(t.placeDate, rightX, rowY, right);
  const dateBottom = doc.y;
  doc.x = pdf.left;
  doc.y = Math.max(leftBottom, doc.y) + SPACE_AFTER_HEADER;
  const pageH = doc.page.height;
  return {
    numberBox: {
      page: 0,
      rect: [pdf.left, pageH - numberBottom - 1, pdf.left + leftW, pageH - rowY + 1],
    },
    dateBox: { page: 0, rect: [rightX, pageH - dateBottom - 1, rightX + rightW, pageH - rowY + 1] },
  };
}

/**
 * ND30 "Tên loại và trích yếu nội dung": type upper-case bold 14 pt centred, the summary
 * bold 14 pt centred below it, then a rule 1/3–1/2 as long as the summary line.
 */
function drawTitle(pdf: OfficialPdf, typeTitle: string, summary: string): void {
  const { doc } = pdf;
  const centred = { width: pdf.width, align: 'center' as const };
  pdf.font('bold', SIZES.typeTitle).text(typeTitle, pdf.left, doc.y, centred);
  pdf.font('bold', SIZES.summary).text(summary, pdf.left, doc.y, centred);
  const lineW = Math.min(doc.widthOfString(summary), pdf.width);
  pdf.rule(pdf.left + pdf.width / 2, doc.y + 2, lineW / 3);
  doc.x = pdf.left;
  doc.y += 14;
}

/**
 * "Kính gửi: …" of a công văn (ND30 layout diagram, box 9a of a công văn), centred; several
 * addressees as a "- …;" list beside the label.
 */
function drawAddressees(pdf: OfficialPdf, addressees: string[]): void {
  const [label = '', ...items] = addresseeLines(addressees);
  if (!label) return;
  if (items.length === 0) {
    pdf.paragraph(label, { align: 'center', indent: false });
    return;
  }
  const { doc } = pdf;
  const x = pdf.left + pdf.width * 0.2;
  const labelW = pdf.font('regular', SIZES.body).widthOfString(`${label} `);
  const y = doc.y;
  doc.text(label, x, y, { lineBreak: false });
  doc.text(items.join('\n'), x + labelW, y, { width: pdf.left + pdf.width - x - labelW });
  doc.x = pdf.left;
  doc.y += 8;
}

/**
 * The signature row (ND30 "Chức vụ, họ tên và chữ ký" and "Nơi nhận"), kept on one page:
 * right half, the authority and title upper-case bold 13 pt, a blank box for the signature
 * image, the name bold 13 pt, all centred; left half, level with the authority line,
 * "Nơi nhận:" bold italic 12 pt and the list 11 pt. Returns the box and the seal anchor.
 */
function drawSignatureRow(
  pdf: OfficialPdf,
  t: OfficialText,
): Pick<OfficialPdfResult, 'signatureBox' | 'sealAnchor'> {
  const { doc } = pdf;
  const leftW = pdf.width / 2;
  const colX = pdf.left + leftW;
  const colW = pdf.width - leftW;
  const centred = { width: colW, align: 'center' as const };
  const boxH = mmToPt(SIGNATURE_BOX_MM.height);
  const list = t.recipientLines.join('\n');

  const sigText = [t.authority, t.title].filter(Boolean).join('\n');
  const signerH =
    pdf.font('bold', SIZES.signature).heightOfString(sigText, { width: colW }) +
    boxH +
    doc.currentLineHeight(true);
  const recipientsH =
    pdf.font('boldItalic', SIZES.recipientsLabel).currentLineHeight(true) +
    pdf.font('regular', SIZES.recipients).heightOfString(list, { width: leftW - 6 });
  pdf.ensureSpace(SPACE_BEFORE_SIGNATURE + Math.max(signerH, recipientsH));

  const top = doc.y + SPACE_BEFORE_SIGNATURE;
  pdf.font('boldItalic', SIZES.recipientsLabel).text('Nơi nhận:', pdf.left, top, { width: leftW });
  pdf.font('regular', SIZES.recipients).text(list, pdf.left, doc.y, { width: leftW - 6 });
  const recipientsEnd = doc.y;

  doc.y = top;
  if (t.authority) pdf.font('bold', SIZES.signature).text(t.authority, colX, doc.y, centred);
  pdf.font('bold', SIZES.signature).text(t.title, colX, doc.y, centred);
  const boxTop = doc.y;
  const boxBottom = boxTop + boxH;
  pdf.font('bold', SIZES.signature).text(t.name, colX, boxBottom, centred);
  const signerEnd = doc.y;

  const range = doc.bufferedPageRange();
  const page = range.start + range.count - 1; // drawing always happens on the last page
  const pageH = doc.page.height;
  const boxW = Math.min(mmToPt(SIGNATURE_BOX_MM.width), colW);
  const x1 = colX + (colW - boxW) / 2;
  const signatureBox: PdfPlacement = {
    page,
    rect: [x1, pageH - boxBottom, x1 + boxW, pageH - boxTop],
  };
  // ND30 "Dấu": the seal image covers about 1/3 of the signature image, on its left.
  const r = mmToPt(SEAL_DIAMETER_MM) / 2;
  const centre: [number, number] = [x1 + boxW / 3 - r, pageH - (boxTop + boxBottom) / 2];
  const sealAnchor: SealPlacement = {
    page,
    centre,
    rect: [centre[0] - r, centre[1] - r, centre[0] + r, centre[1] + r],
  };

  doc.x = pdf.left;
  doc.y = Math.max(recipientsEnd, signerEnd) + 10;
  return { signatureBox, sealAnchor };
}
