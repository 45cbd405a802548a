// Shared PDF builders (style.md "Shared tools"): the Nghị định 30/2020/NĐ-CP page of
// OfficialPdf and the administrative document renderer built on it.

export {
  type OfficialPdfResult,
  type PdfPlacement,
  renderOfficialPdf,
  type SealPlacement,
} from './official-document.js';
export {
  addresseeLines,
  type BodyParagraph,
  formatNd30Date,
  formatNumberLine,
  formatRecipientLines,
  HEADER_LEFT_MM,
  type OfficialDocumentLayout,
  type OfficialSignature,
  type OfficialText,
  resolveLayout,
  SEAL_DIAMETER_MM,
  SIGNATURE_BOX_MM,
  SIZES,
  textWidth,
} from './official-layout.js';
export {
  BODY_SIZE,
  type FontStyle,
  INDENT,
  MARGINS,
  MM,
  MOTTO,
  NATIONAL_TITLE,
  OfficialPdf,
  PARAGRAPH_GAP,
  type ParagraphOptions,
  type Run,
  type SignatureBlock,
  type SignatureOptions,
} from './pdf-document.js';
