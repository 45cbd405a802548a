// The shapes the OCR engine produces and the proposal parser reads. Kept apart from both so the
// parser stays pure (no child processes, no file system) and can be fed hand-written pages.

/** One recognised word with its box in page pixels (origin top left) and tesseract's confidence. */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** 0–100, as tesseract reports it. */
  conf: number;
  /** Index of the text line on its page, unique across blocks and paragraphs. */
  line: number;
  /** Tesseract's block number on its page. */
  block: number;
}

/** One page: its text (lines joined by newlines, a blank line between blocks) and words. */
export interface OcrPage {
  text: string;
  words: OcrWord[];
  /** Page size in pixels; 0 when unknown (text-only pages). */
  width: number;
  height: number;
}

/** The OCR of a whole document: its pages and their texts joined by a blank line. */
export interface OcrResult {
  pages: OcrPage[];
  text: string;
}

/** MIME types a scan may arrive in. */
export type OcrContentType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff';

/** A proposal's confidence (0–1) and the OCR line it was read from, for the clerk to check. */
export interface Sourced {
  confidence: number;
  source: string;
}

/** "Số: 05/KH-UBND" split into number "05" and symbol "KH-UBND" (raw: the token as read). */
export interface NumberSymbolProposal extends Sourced {
  number: string;
  symbol: string;
  raw: string;
}

/** A proposed string value (place, bodies, summary, signer). */
export interface TextProposal extends Sourced {
  value: string;
}

/** The issue date as ISO yyyy-mm-dd. */
export interface DateProposal extends Sourced {
  value: string;
}

/** The document type: Phụ lục III abbreviation (null for a công văn) and its Vietnamese name. */
export interface DocumentTypeProposal extends Sourced {
  code: string | null;
  name: string;
}

/** Everything proposed for the clerk to confirm; any field may be null when not found. */
export interface MetadataProposals {
  numberSymbol: NumberSymbolProposal | null;
  date: DateProposal | null;
  place: TextProposal | null;
  issuingBody: TextProposal | null;
  parentBody: TextProposal | null;
  documentType: DocumentTypeProposal | null;
  summary: TextProposal | null;
  signerName: TextProposal | null;
}
