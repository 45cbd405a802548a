// Finding the signatures of an arbitrary PDF: the signature fields of the AcroForm (walking
// /Kids), plus any other signature dictionary in the file (a field detached from the form
// must still be reported), and the revision boundaries (%%EOF markers) of the file.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { firstTlvLength } from './asn1-util.js';
import { SignatureError } from './errors.js';

/** One signature dictionary as found in the file. */
export interface FoundSignature {
  field: string;
  byteRange: number[];
  /** The DER CMS (or RFC 3161 token), zero padding removed. */
  contents: Uint8Array;
  subFilter: string;
  /** /M parsed, if present and well-formed. */
  signingTime?: Date;
  name?: string;
  reason?: string;
  location?: string;
}

/**
 * A copy of `pdf` in which every run of 64+ ASCII digits is overwritten with 'A' (same
 * length, so offsets hold). pdf-lib's recovery from a damaged object tries to parse an object
 * header at every following byte, and each try reads the whole digit run: a broken signature
 * placeholder (64 KB of '0') then costs minutes. No real PDF token is that long a number, and
 * signature contents are read from the original bytes (see findSignatures), so nothing we use
 * changes.
 */
export function tameDigitRuns(pdf: Uint8Array): Uint8Array {
  const out = new Uint8Array(pdf);
  let runStart = -1;
  for (let i = 0; i <= out.length; i++) {
    const b = out[i];
    const digit = b !== undefined && b >= 0x30 && b <= 0x39;
    if (digit && runStart < 0) runStart = i;
    if (!digit && runStart >= 0) {
      if (i - runStart >= 64) out.fill(0x41, runStart, i);
      runStart = -1;
    }
  }
  return out;
}

/** Loads any PDF leniently for reading (encrypted files too: /Contents is never encrypted). */
export async function loadLenient(pdf: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(tameDigitRuns(pdf), {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch (e) {
    throw new SignatureError('pdf_malformed', 'Tệp PDF không hợp lệ hoặc bị hỏng.', { cause: e });
  }
}

const textOf = (o: PDFObject | undefined): string | undefined =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;

/** Parses a PDF date (D:YYYYMMDDHHmmSSOHH'mm'), all parts after the year optional (§7.9.4). */
export function parsePdfDate(s: string | undefined): Date | undefined {
  if (!s) return undefined;
  const m =
    /^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(
      s.trim(),
    );
  if (!m) return undefined;
  const n = (i: number, d: number) => (m[i] ? Number(m[i]) : d);
  const utc = Date.UTC(n(1, 0), n(2, 1) - 1, n(3, 1), n(4, 0), n(5, 0), n(6, 0));
  const sign = m[7] === '-' ? -1 : m[7] === '+' ? 1 : 0;
  const offsetMin = sign * (n(8, 0) * 60 + n(9, 0));
  const d = new Date(utc - offsetMin * 60_000);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function readSignatureDict(
  doc: PDFDocument,
  pdf: Uint8Array,
  v: PDFDict,
  field: string,
): FoundSignature | undefined {
  const br = v.lookup(PDFName.of('ByteRange'));
  const contents = v.lookup(PDFName.of('Contents'));
  if (
    !(br instanceof PDFArray) ||
    !(contents instanceof PDFHexString || contents instanceof PDFString)
  )
    return undefined;
  const byteRange: number[] = [];
  for (let i = 0; i < br.size(); i++) {
    const n = doc.context.lookup(br.get(i));
    byteRange.push(n instanceof PDFNumber ? n.asNumber() : Number.NaN);
  }
  // The CMS is what the ByteRange leaves out: read it there, from the original bytes.
  const [, gapStart = -1, gapEnd = -1] = byteRange;
  const raw =
    pdf[gapStart] === 0x3c && pdf[gapEnd - 1] === 0x3e && gapEnd - gapStart < 64 * 1024 * 1024
      ? new Uint8Array(
          Buffer.from(
            new TextDecoder('latin1')
              .decode(pdf.subarray(gapStart + 1, gapEnd - 1))
              .replace(/\s+/g, ''),
            'hex',
          ),
        )
      : contents.asBytes();
  const len = firstTlvLength(raw);
  const sub = v.lookup(PDFName.of('SubFilter'));
  return {
    field,
    byteRange,
    contents: len > 0 ? raw.subarray(0, len) : raw,
    subFilter: sub instanceof PDFName ? sub.decodeText() : '',
    signingTime: parsePdfDate(textOf(v.lookup(PDFName.of('M')))),
    name: textOf(v.lookup(PDFName.of('Name'))),
    reason: textOf(v.lookup(PDFName.of('Reason'))),
    location: textOf(v.lookup(PDFName.of('Location'))),
  };
}

/** Every signature of the document, in signing order (by where its ByteRange ends). */
export function findSignatures(doc: PDFDocument, pdf: Uint8Array): FoundSignature[] {
  const found = new Map<PDFObject, FoundSignature>();
  const visit = (arr: PDFArray | undefined, prefix: string, depth: number) => {
    if (!arr || depth > 32) return; // cyclic /Kids must not hang the verifier
    for (let i = 0; i < arr.size(); i++) {
      const f = doc.context.lookup(arr.get(i));
      if (!(f instanceof PDFDict)) continue;
      const own = textOf(f.lookup(PDFName.of('T')));
      const name = own ? (prefix ? `${prefix}.${own}` : own) : prefix;
      const vRaw = f.get(PDFName.of('V'));
      const v = doc.context.lookup(vRaw);
      if (v instanceof PDFDict && !found.has(vRaw ?? v)) {
        const s = readSignatureDict(doc, pdf, v, name || '(không tên)');
        if (s) found.set(vRaw ?? v, s);
      }
      const kids = f.lookup(PDFName.of('Kids'));
      if (kids instanceof PDFArray) visit(kids, name, depth + 1);
    }
  };
  const acro = doc.catalog.lookup(PDFName.of('AcroForm'));
  if (acro instanceof PDFDict) {
    const fields = acro.lookup(PDFName.of('Fields'));
    if (fields instanceof PDFArray) visit(fields, '', 0);
  }
  // Signature dictionaries the form does not reach.
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || found.has(ref)) continue;
    const type = obj.lookup(PDFName.of('Type'));
    const isSig = type === PDFName.of('Sig') || type === PDFName.of('DocTimeStamp');
    if (!isSig || !(obj.get(PDFName.of('ByteRange')) && obj.get(PDFName.of('Contents')))) continue;
    const s = readSignatureDict(
      doc,
      pdf,
      obj,
      `(không thuộc biểu mẫu) ${ref instanceof PDFRef ? ref.objectNumber : ''}`.trim(),
    );
    if (s) found.set(ref, s);
  }
  const end = (s: FoundSignature) => (s.byteRange[2] ?? 0) + (s.byteRange[3] ?? 0);
  return [...found.values()].sort((a, b) => end(a) - end(b));
}

/** Offsets just past each %%EOF marker (and its end-of-line), i.e. where each revision ends. */
export function revisionEnds(pdf: Uint8Array): number[] {
  const ends: number[] = [];
  const marker = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF
  for (let i = pdf.indexOf(0x25); i >= 0 && i + 5 <= pdf.length; i = pdf.indexOf(0x25, i + 1)) {
    if (marker.every((b, k) => pdf[i + k] === b)) {
      let e = i + 5;
      if (pdf[e] === 0x0d) e++;
      if (pdf[e] === 0x0a) e++;
      ends.push(e);
    }
  }
  return ends;
}

/** Whether only whitespace (or NUL padding) lies in pdf[from, to). */
export function onlyWhitespace(pdf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = pdf[i];
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0x00 && b !== 0x0c)
      return false;
  }
  return true;
}
