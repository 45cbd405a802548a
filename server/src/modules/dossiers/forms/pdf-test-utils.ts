// Opens generated PDFs in the tests: text through pdf-parse (pdf.js), structure from the raw bytes.
import { PDFParse } from 'pdf-parse';

/** Extracted text of every page, and the page texts one by one. */
export async function readPdf(pdf: Buffer): Promise<{ text: string; pages: string[] }> {
  // pdf.js may detach the array it is given; hand it a copy so `pdf` stays usable.
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.pages.map((p) => p.text) };
  } finally {
    await parser.destroy();
  }
}

/** The PDF's bytes as text, to find object dictionaries (pdfkit leaves them uncompressed). */
export const rawPdf = (pdf: Buffer): string => pdf.toString('latin1');

/** Text with all whitespace removed, for strings that may wrap across lines (URLs). */
export const squash = (s: string): string => s.replace(/\s+/g, '');
