// An administrative document as an editable Word file (.docx), laid out per Nghị định
// 30/2020/NĐ-CP, Phụ lục I, from the same OfficialDocumentLayout and the same printed strings
// (resolveLayout) as the PDF renderer in platform/pdf. Everything is real text in paragraphs
// and borderless tables — no image of text — so the clerk can still edit it in Word.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  addresseeLines,
  type FontStyle,
  HEADER_LEFT_MM,
  INDENT,
  MARGINS,
  MOTTO,
  NATIONAL_TITLE,
  type OfficialDocumentLayout,
  type OfficialText,
  PARAGRAPH_GAP,
  resolveLayout,
  SIGNATURE_BOX_MM,
  SIZES,
  textWidth,
} from '../pdf/index.js';

/** Twips (1/20 pt) per millimetre; Word measures page, margins and indents in twips. */
export const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

// ND30 "Khổ giấy" A4 210 × 297 mm, portrait ("Kiểu trình bày": theo chiều dài).
/** A4 in twips: w:pgSz w:w="11906" w:h="16838". */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;
// ND30 "Định lề trang": top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; the same
// minimums as the PDF (MARGINS). The header (page number) sits 10 mm from the top edge.
/** Page margins in twips: top/bottom 1134, left 1701, right 850. */
export const MARGIN_TWIPS = {
  top: Math.round(MARGINS.top * 20),
  bottom: Math.round(MARGINS.bottom * 20),
  left: Math.round(MARGINS.left * 20),
  right: Math.round(MARGINS.right * 20),
  header: twips(10),
  footer: twips(10),
} as const;
// ND30 "Phông chữ": Times New Roman, Unicode (TCVN 6909:2001), black.
const FONT = 'Times New Roman';
const TEXT_WIDTH = A4_TWIPS.width - MARGIN_TWIPS.left - MARGIN_TWIPS.right;
const CELL_PAD = twips(1);
const HEADER_LEFT = twips(HEADER_LEFT_MM);
const HALF = Math.round(TEXT_WIDTH / 2);
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const CELL_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
interface LineOptions {
  style?: FontStyle;
  size: number;
  align?: Align;
  before?: number;
  after?: number;
}

/** One run of black Times New Roman text. */
function run(text: string, style: FontStyle, size: number): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: size * 2, // half-points
    bold: style === 'bold' || style === 'boldItalic',
    italics: style === 'italic' || style === 'boldItalic',
    color: '000000',
  });
}

/** A single-spaced paragraph holding one line of text (it may wrap). */
function line(text: string, o: LineOptions): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.CENTER,
    spacing: { before: (o.before ?? 0) * 20, after: (o.after ?? 0) * 20 },
    children: [run(text, o.style ?? 'regular', o.size)],
  });
}

/**
 * A horizontal rule `lengthPt` long, centred in a space `available` twips wide: an empty
 * 3 pt paragraph indented from both sides with a bottom border, which Word and LibreOffice
 * both draw and the user can still delete or resize.
 */
function rule(lengthPt: number, available: number): Paragraph {
  const side = Math.max(0, Math.round((available - lengthPt * 20) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: RULE },
    children: [],
  });
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: CELL_BORDERS,
    margins: { left: CELL_PAD, right: CELL_PAD, top: 0, bottom: 0 },
    children,
  });
}

/** A borderless full-width table of two columns; `cantSplit` keeps each row on one page. */
function grid(widths: [number, number], rows: [Paragraph[], Paragraph[]][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      ([l, r]) =>
        new TableRow({ cantSplit: true, children: [cell(widths[0], l), cell(widths[1], r)] }),
    ),
  });
}

/**
 * The header table (ND30 layout boxes 1–4): parent body upper-case 12 pt, issuing body
 * upper-case bold 12 pt and a rule 0.4 of its length; Quốc hiệu upper-case bold 12 pt,
 * Tiêu ngữ bold 13 pt and a rule as long as it; second row "Số: …" 13 pt (with the
 * "V/v …" summary 12 pt, 6 pt below, for a công văn) and the place and date italic 13 pt.
 */
function header(t: OfficialText): Table {
  const leftW = HEADER_LEFT;
  const rightW = TEXT_WIDTH - leftW;
  const inner = (w: number) => w - 2 * CELL_PAD;
  const bodyW = Math.min(textWidth(t.issuingBody, 'bold', SIZES.issuingBody), inner(leftW) / 20);
  const names = [
    ...(t.parentBody ? [line(t.parentBody, { size: SIZES.parentBody })] : []),
    line(t.issuingBody, { style: 'bold', size: SIZES.issuingBody }),
    rule(bodyW * 0.4, inner(leftW)),
  ];
  const national = [
    line(NATIONAL_TITLE, { style: 'bold', size: SIZES.nationalTitle }),
    line(MOTTO, { style: 'bold', size: SIZES.motto }),
    rule(textWidth(MOTTO, 'bold', SIZES.motto), inner(rightW)),
  ];
  const number = [line(t.numberLine, { size: SIZES.number, before: 8 })];
  if (t.isLetter) number.push(line(t.summary, { size: SIZES.letterSummary, before: 6 }));
  const date = [line(t.placeDate, { style: 'italic', size: SIZES.placeDate, before: 8 })];
  return grid(
    [leftW, rightW],
    [
      [names, national],
      [number, date],
    ],
  );
}

/** ND30 "Tên loại và trích yếu": type and summary bold 14 pt centred, a rule 1/3 of the summary. */
function title(t: OfficialText): Paragraph[] {
  if (!t.typeTitle) return [];
  const summaryW = Math.min(textWidth(t.summary, 'bold', SIZES.summary), TEXT_WIDTH / 20);
  return [
    line(t.typeTitle, { style: 'bold', size: SIZES.typeTitle, before: 16 }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [run(t.summary, 'bold', SIZES.summary)],
    }),
    rule(summaryW / 3, TEXT_WIDTH),
    new Paragraph({ spacing: { after: 0, line: 200, lineRule: LineRuleType.EXACT }, children: [] }),
  ];
}

/** "Kính gửi: …" of a công văn, centred; several addressees as a list under the label. */
function addressees(t: OfficialText): Paragraph[] {
  const lines = addresseeLines(t.addressees);
  return lines.map((text, i) =>
    lines.length === 1 || i === 0
      ? line(text, { size: SIZES.body, before: i === 0 ? 12 : 0, after: 6 })
      : new Paragraph({
          indent: { left: Math.round(TEXT_WIDTH * 0.3) },
          children: [run(text, 'regular', SIZES.body)],
        }),
  );
}

/**
 * ND30 "Nội dung": 13 pt, justified, first-line indent 1 cm (INDENT), 6 pt (PARAGRAPH_GAP) between
 * paragraphs, line spacing between single and 1.5 lines (1.15 here).
 */
function body(t: OfficialText): Paragraph[] {
  return t.paragraphs.map(
    (p) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: Math.round(INDENT * 20) },
        spacing: { after: PARAGRAPH_GAP * 20, line: 276, lineRule: LineRuleType.AUTO },
        children: [run(p.text, p.bold ? 'bold' : 'regular', SIZES.body)],
      }),
  );
}

/**
 * ND30 "Chức vụ, họ tên và chữ ký" and "Nơi nhận", one table row kept on one page: left,
 * "Nơi nhận:" bold italic 12 pt and the list 11 pt; right, authority and title upper-case
 * bold 13 pt, a blank line as tall as the PDF's signature box, the name bold 13 pt.
 */
function signature(t: OfficialText): Table {
  const recipients = [
    line('Nơi nhận:', {
      style: 'boldItalic',
      size: SIZES.recipientsLabel,
      align: AlignmentType.LEFT,
    }),
    ...t.recipientLines.map((text) =>
      line(text, { size: SIZES.recipients, align: AlignmentType.LEFT }),
    ),
  ];
  const signer = [
    ...(t.authority ? [line(t.authority, { style: 'bold', size: SIZES.signature })] : []),
    line(t.title, { style: 'bold', size: SIZES.signature }),
    new Paragraph({
      spacing: { line: twips(SIGNATURE_BOX_MM.height), lineRule: LineRuleType.EXACT },
      children: [],
    }),
    line(t.name, { style: 'bold', size: SIZES.signature }),
  ];
  return grid([HALF, TEXT_WIDTH - HALF], [[recipients, signer]]);
}

/** ND30 "Số trang": top centre, 13 pt, not shown on page 1 (a different first-page header). */
function pageNumberHeader(): Header {
  const children = [
    new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZES.pageNumber * 2 }),
  ];
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
}

/** Page 1 header: empty, or ND30's boxed "DỰ THẢO" mark at the top right of a draft. */
function firstPageHeader(draft: boolean): Header {
  if (!draft) return new Header({ children: [new Paragraph({ children: [] })] });
  const boxW = Math.round((textWidth('DỰ THẢO', 'bold', SIZES.draft) + 14) * 20);
  const side = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 } as const;
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: { left: TEXT_WIDTH - boxW },
        border: { top: side, bottom: side, left: side, right: side },
        children: [run('DỰ THẢO', 'bold', SIZES.draft)],
      }),
    ],
  });
}

/** Renders an ND30 administrative document as an editable A4 Word file. */
export async function renderOfficialDocx(layout: OfficialDocumentLayout): Promise<Buffer> {
  const t = resolveLayout(layout);
  const doc = new Document({
    creator: 'Chính quyền số',
    title: t.typeTitle ? `${t.typeTitle} - ${t.summary}` : t.summary,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZES.body * 2, color: '000000', language: { value: 'vi-VN' } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { ...A4_TWIPS, orientation: PageOrientation.PORTRAIT },
            margin: MARGIN_TWIPS,
          },
        },
        headers: { default: pageNumberHeader(), first: firstPageHeader(t.draft) },
        children: [
          header(t),
          ...title(t),
          ...addressees(t),
          ...body(t),
          new Paragraph({ spacing: { after: 0 }, children: [] }),
          signature(t),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
