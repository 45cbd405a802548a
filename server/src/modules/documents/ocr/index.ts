/** Public face of the OCR of scanned paper documents (văn bản giấy) and its metadata proposals. */
export {
  type OcrAvailability,
  type OcrOptions,
  ocrAvailability,
  ocrDocument,
} from './ocr.engine.js';
export { OcrInputError, OcrTimeoutError, OcrUnavailableError } from './ocr.errors.js';
export {
  CONG_VAN,
  closestKnown,
  DOCUMENT_TITLES,
  parseDateLine,
  parseNumberSymbol,
} from './ocr.parse.js';
export { proposeMetadata } from './ocr.proposals.js';
export type {
  DateProposal,
  DocumentTypeProposal,
  MetadataProposals,
  NumberSymbolProposal,
  OcrContentType,
  OcrPage,
  OcrResult,
  OcrWord,
  Sourced,
  TextProposal,
} from './ocr.types.js';
