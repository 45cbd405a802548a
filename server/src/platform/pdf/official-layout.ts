// The structured input of an administrative document and the text rules that the PDF and the
// DOCX renderer share, so both print the same words. The rules are those of Nghị định
// 30/2020/NĐ-CP, Phụ lục I ("Thể thức, kỹ thuật trình bày văn bản hành chính"), quoted below
// as "ND30" with the name of the element they govern.
import PDFDocument from 'pdfkit';
import { FONT_FILES, type FontStyle, MM } from './pdf-document.js';

/** A body paragraph: plain text, or `{ text, bold }` for a bold heading ("I. MỤC ĐÍCH", "1.", "a)"). */
export type BodyParagraph = string | { text: string; bold?: boolean };

/** The signer: authority line (TM./KT./Q./TL./TUQ. …), title and full name. */
export interface OfficialSignature {
  authority?: string;
  title: string;
  name: string;
}

/** Everything an ND30 administrative document prints, independent of the output format. */
export interface OfficialDocumentLayout {
  /** Parent body ("UBND THÀNH PHỐ LONG XUYÊN"); omitted for bodies without one. */
  parentBody?: string;
  /** Issuing body ("PHÒNG VĂN HÓA VÀ THÔNG TIN"). */
  issuingBody: string;
  /** Registration number, digits only; null while the document is a draft. */
  number: string | null;
  /** Symbol after the slash: "KH-UBND", or "UBND-VP" for a công văn. */
  symbol: string;
  /** Place name of the date line ("Long Xuyên"). */
  place: string;
  /** Date of issue 'YYYY-MM-DD'; null while a draft ("ngày … tháng … năm …"). */
  date: string | null;
  /** Document type ("Kế hoạch"), printed upper-case; null for a công văn. */
  typeTitle: string | null;
  /** Trích yếu: under the type title, or after "V/v" in the left column of a công văn. */
  summary: string;
  /** "Kính gửi:" addressees of a công văn (optional; printed before the body). */
  addressees?: string[];
  body: { paragraphs: BodyParagraph[] };
  signature: OfficialSignature;
  /** "Nơi nhận" lines without the leading "- " or the closing ";". */
  recipients: string[];
  /** What follows "Lưu:" on the last "Nơi nhận" line ("VT, VP"). */
  archive: string;
  /** Prints the boxed "DỰ THẢO" mark at the top right of page 1. */
  draftWatermark?: boolean;
}

/** The layout reduced to the exact strings both renderers print. */
export interface OfficialText {
  parentBody?: string;
  issuingBody: string;
  numberLine: string;
  placeDate: string;
  typeTitle?: string;
  /** Summary of a typed document, or the "V/v …" line of a công văn. */
  summary: string;
  isLetter: boolean;
  addressees: string[];
  paragraphs: { text: string; bold: boolean }[];
  authority?: string;
  title: string;
  name: string;
  /** Full "Nơi nhận" lines, "- …;" and the closing "- Lưu: …." */
  recipientLines: string[];
  draft: boolean;
}

// ND30 point sizes, chosen inside the ranges Phụ lục I allows for each element.
/** Type sizes of each element, in points. */
export const SIZES = {
  parentBody: 12, // "Tên cơ quan chủ quản": in hoa, 12–13, đứng
  issuingBody: 12, // "Tên cơ quan ban hành": in hoa, 12–13, đứng, đậm
  number: 13, // "Số, ký hiệu": cỡ chữ 13, đứng
  letterSummary: 12, // trích yếu công văn: "V/v …", 12–13, đứng, 6 pt under the number
  nationalTitle: 12, // "Quốc hiệu": in hoa, 12–13, đứng, đậm
  motto: 13, // "Tiêu ngữ": 13–14, đứng, đậm
  placeDate: 13, // "Địa danh và thời gian": 13–14, nghiêng
  typeTitle: 14, // "Tên loại": in hoa, 13–14, đứng, đậm
  summary: 14, // "Trích yếu": in thường, 13–14, đứng, đậm
  body: 13, // "Nội dung": 13–14
  signature: 13, // quyền hạn, chức vụ: in hoa, 13–14, đậm; họ tên: 13–14, đậm
  recipientsLabel: 12, // "Nơi nhận:": 12, nghiêng, đậm
  recipients: 11, // list: 11, đứng
  pageNumber: 13, // "Số trang": 13–14, đứng, top centre, not on page 1
  draft: 13, // "Dự thảo": 13–14, đứng, đậm, in a box at the top right
} as const;

/** Width of the header's left column (issuing body, number); the right one takes the rest. */
export const HEADER_LEFT_MM = 72;
/** Blank area between the signer's title and name, where the signature image goes. */
export const SIGNATURE_BOX_MM = { width: 60, height: 25 };
/** Default seal diameter: the seal image is placed at its real size (ND30 "Dấu"). */
export const SEAL_DIAMETER_MM = 36;
/** Space left after "Số:" while a draft has no number. */
export const DRAFT_NUMBER_GAP = '      ';

const pad2 = (n: number) => String(n).padStart(2, '0');
const nfc = (s: string) => s.normalize('NFC').trim();
const upper = (s: string) => nfc(s).toLocaleUpperCase('vi-VN');

/**
 * "ngày 05 tháng 3 năm 2026" from '2026-03-05'. ND30 "Địa danh và thời gian": days below 10
 * and months 1 and 2 take a leading 0 (so the date cannot be altered by hand); months 3–12
 * do not. A draft (null) prints "ngày … tháng … năm …" for the date to be written in.
 */
export function formatNd30Date(iso: string | null): string {
  if (iso === null) return 'ngày … tháng … năm …';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (!m || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`Ngày ban hành không hợp lệ: "${iso}" (cần YYYY-MM-DD)`);
  }
  return `ngày ${pad2(d)} tháng ${mo < 3 ? pad2(mo) : String(mo)} năm ${y}`;
}

/**
 * "Số: 05/KH-UBND". ND30 "Số, ký hiệu": Arabic numerals, below 10 with a leading 0; "/"
 * between number and symbol. A draft (null) leaves blank space for the number.
 */
export function formatNumberLine(number: string | null, symbol: string): string {
  const sym = nfc(symbol);
  if (!sym) throw new RangeError('Thiếu ký hiệu văn bản');
  if (number === null) return `Số:${DRAFT_NUMBER_GAP}/${sym}`;
  const n = number.trim();
  if (!/^\d+$/.test(n) || Number(n) === 0) {
    throw new RangeError(`Số văn bản không hợp lệ: "${number}" (chữ số Ả Rập, từ 1)`);
  }
  return `Số: ${n.length === 1 ? `0${n}` : n}/${sym}`;
}

/**
 * The "Nơi nhận" lines. ND30 "Nơi nhận": each recipient on its own line starting "- " and
 * ending ";", the last line "- Lưu: VT, <unit>." ending with a full stop.
 */
export function formatRecipientLines(recipients: string[], archive: string): string[] {
  const lines = recipients
    .map((r) =>
      nfc(r)
        .replace(/^-\s*/, '')
        .replace(/[;.,]\s*$/, ''),
    )
    .filter(Boolean)
    .map((r) => `- ${r};`);
  const kept = nfc(archive)
    .replace(/^Lưu:\s*/i, '')
    .replace(/[;.,]\s*$/, '');
  return [...lines, `- Lưu: ${kept || 'VT'}.`];
}

/** Resolves a layout into the printed strings; throws RangeError on a field it cannot print. */
export function resolveLayout(layout: OfficialDocumentLayout): OfficialText {
  const need = (value: string | undefined, field: string) => {
    if (!value?.trim()) throw new RangeError(`Thiếu "${field}" của văn bản`);
    return nfc(value);
  };
  const isLetter = layout.typeTitle === null;
  const summary = need(layout.summary, 'summary');
  return {
    parentBody: layout.parentBody?.trim() ? upper(layout.parentBody) : undefined,
    issuingBody: upper(need(layout.issuingBody, 'issuingBody')),
    numberLine: formatNumberLine(layout.number, layout.symbol),
    placeDate: `${need(layout.place, 'place')}, ${formatNd30Date(layout.date)}`,
    typeTitle: isLetter ? undefined : upper(need(layout.typeTitle ?? '', 'typeTitle')),
    // ND30 "Trích yếu" of a công văn: after "V/v" (về việc).
    summary: isLetter && !/^V\/v\b/i.test(summary) ? `V/v ${summary}` : summary,
    isLetter,
    addressees: (layout.addressees ?? []).map(nfc).filter(Boolean),
    paragraphs: layout.body.paragraphs
      .map((p) => (typeof p === 'string' ? { text: p, bold: false } : { ...p, bold: !!p.bold }))
      .map((p) => ({ text: nfc(p.text), bold: p.bold }))
      .filter((p) => p.text),
    authority: layout.signature.authority?.trim() ? upper(layout.signature.authority) : undefined,
    title: upper(need(layout.signature.title, 'signature.title')),
    name: need(layout.signature.name, 'signature.name'),
    recipientLines: formatRecipientLines(layout.recipients, layout.archive),
    draft: !!layout.draftWatermark,
  };
}

/** "Kính gửi:" lines: one addressee on the same line, several as a "- …;" list below. */
export function addresseeLines(addressees: string[]): string[] {
  if (addressees.length === 0) return [];
  if (addressees.length === 1) return [`Kính gửi: ${addressees[0]}.`];
  return [
    'Kính gửi:',
    ...addressees.map((a, i) => `- ${a}${i === addressees.length - 1 ? '.' : ';'}`),
  ];
}

let measurer: PDFKit.PDFDocument | undefined;
/** Width in points of `text` set in Tinos (Times New Roman metrics); sizes the DOCX rules. */
export function textWidth(text: string, style: FontStyle, size: number): number {
  measurer ??= new PDFDocument({ font: FONT_FILES.regular, autoFirstPage: false });
  return measurer.font(FONT_FILES[style]).fontSize(size).widthOfString(text);
}

/** Millimetres to points. */
export const mmToPt = (mm: number): number => mm * MM;
