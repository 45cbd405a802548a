// PAdES preparation (ETSI EN 319 142-1): add a signature field and a signature dictionary
// with a zero-filled /Contents placeholder as an incremental update, compute the /ByteRange
// (everything except the placeholder) and its SHA-256. The CMS is made elsewhere (cms.ts, a
// remote service, a USB token on the client) and written into the placeholder by embedCms.
// Writing the CMS does not move any byte, so the digest computed here stays the one signed.
import { createHash } from 'node:crypto';
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
import { embedAppearance, type SignatureAppearance } from './appearance.js';
import { SignatureError } from './errors.js';
import {
  type AppendedObject,
  appendIncrement,
  newObjectsReachableFrom,
  objectBytes,
  readTrailer,
} from './incremental.js';

/** /SubFilter values: PAdES (ETSI.CAdES.detached) or the older PKCS#7 profile. */
export type SubFilter = 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached';

/** Options of preparePdfForSigning. */
export interface PrepareOptions {
  /** Field name (/T); by default the first free "ChuKy<n>". */
  fieldName?: string;
  reason?: string;
  location?: string;
  /** /Name: the signer's name as shown by viewers before they parse the certificate. */
  signerName?: string;
  contactInfo?: string;
  /** Claimed signing time, written to /M (PAdES B-B has no signingTime attribute). */
  signingTime?: Date;
  /** Offset of the local time written in /M, minutes east of UTC. Default +07:00 (Vietnam). */
  utcOffsetMinutes?: number;
  /** Default ETSI.CAdES.detached. */
  subFilter?: SubFilter;
  /** Bytes reserved for the DER CMS (written as twice as many hex digits). Default 32 KiB. */
  contentsSize?: number;
  /** Visible appearance; omitted = invisible signature. */
  appearance?: SignatureAppearance;
  /**
   * Text written onto pages in the same incremental update, before the signature covers it:
   * the number and date the clerical office gives an electronic document after its signer has
   * signed (ND30 Điều 16). Each becomes a /Stamp annotation with its own appearance; verifiers
   * report it on the earlier signatures as an annotation added after them.
   */
  stamps?: SignatureAppearance[];
}

/** A PDF ready to sign: the digest to sign over and where the CMS goes. */
export interface PreparedPdf {
  prepared: Uint8Array;
  byteRange: [number, number, number, number];
  /** SHA-256 of the bytes the ByteRange covers (the CMS messageDigest). */
  digest: Uint8Array;
}

/** Default /Contents size: a 3-certificate RSA chain plus an RFC 3161 token fit with room. */
export const DEFAULT_CONTENTS_SIZE = 32 * 1024;
const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';

/** A PDF date "D:YYYYMMDDHHmmSS+07'00'" in the given offset (§7.9.4). */
export function pdfDate(d: Date, utcOffsetMinutes = 420): string {
  const local = new Date(d.getTime() + utcOffsetMinutes * 60_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const off = Math.abs(utcOffsetMinutes);
  const sign = utcOffsetMinutes >= 0 ? '+' : '-';
  return (
    `D:${p(local.getUTCFullYear(), 4)}${p(local.getUTCMonth() + 1)}${p(local.getUTCDate())}` +
    `${p(local.getUTCHours())}${p(local.getUTCMinutes())}${p(local.getUTCSeconds())}` +
    `${sign}${p(Math.floor(off / 60))}'${p(off % 60)}'`
  );
}

/** A PDF text string: PDFDocEncoding would garble Vietnamese, so UTF-16BE with BOM. */
const text = (s: string) => PDFHexString.fromText(s.normalize('NFC')).toString();

/** Fully qualified names of all fields, to refuse a duplicate (a viewer would merge them). */
function fieldNames(doc: PDFDocument, fields: PDFArray | undefined): Set<string> {
  const names = new Set<string>();
  const walk = (arr: PDFArray | undefined, prefix: string, depth: number) => {
    if (!arr || depth > 32) return; // depth cap: a cyclic /Kids must not hang us
    for (let i = 0; i < arr.size(); i++) {
      const f = doc.context.lookup(arr.get(i));
      if (!(f instanceof PDFDict)) continue;
      const t = f.lookup(PDFName.of('T'));
      const own = t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : '';
      const full = own ? (prefix ? `${prefix}.${own}` : own) : prefix;
      if (own) names.add(full);
      const kids = f.lookup(PDFName.of('Kids'));
      if (kids instanceof PDFArray) walk(kids, full, depth + 1);
    }
  };
  walk(fields, '', 0);
  return names;
}

/** Looks up an entry that may be direct or indirect; tells which object to rewrite if changed. */
function holderOf(
  doc: PDFDocument,
  parent: PDFDict,
  parentRef: PDFRef,
  key: string,
): { value: PDFObject | undefined; ref: PDFRef } {
  const raw = parent.get(PDFName.of(key));
  if (raw instanceof PDFRef) return { value: doc.context.lookup(raw), ref: raw };
  return { value: raw, ref: parentRef };
}

/** Adds a signature field + placeholder as an incremental update and returns what to sign. */
export async function preparePdfForSigning(
  pdf: Uint8Array,
  opts: PrepareOptions = {},
): Promise<PreparedPdf> {
  const trailer = readTrailer(pdf);
  if (trailer.encrypted) {
    throw new SignatureError('pdf_encrypted', 'Không thể ký tệp PDF đã được mã hoá.');
  }
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (e) {
    throw new SignatureError('pdf_malformed', 'Tệp PDF không hợp lệ hoặc bị hỏng.', { cause: e });
  }
  const { context } = doc;
  const existing = new Set(context.enumerateIndirectObjects().map(([ref]) => ref));
  // New objects must not reuse a number the xref already lists (even a free one).
  context.largestObjectNumber = Math.max(context.largestObjectNumber, trailer.size - 1);
  if (!(trailer.root instanceof PDFRef))
    throw new SignatureError('pdf_malformed', 'Tệp PDF không hợp lệ (/Root).');
  const rootRef = trailer.root;
  const catalog = context.lookup(rootRef);
  if (!(catalog instanceof PDFDict))
    throw new SignatureError('pdf_malformed', 'Tệp PDF không hợp lệ (/Root).');

  const modified = new Set<PDFRef>();

  // AcroForm (create if absent) and its /Fields.
  let acro = holderOf(doc, catalog, rootRef, 'AcroForm');
  if (!(acro.value instanceof PDFDict)) {
    const ref = context.register(context.obj({ Fields: [] }));
    catalog.set(PDFName.of('AcroForm'), ref);
    modified.add(rootRef);
    acro = { value: context.lookup(ref), ref };
  }
  const acroDict = acro.value as PDFDict;
  let fields = holderOf(doc, acroDict, acro.ref, 'Fields');
  if (!(fields.value instanceof PDFArray)) {
    acroDict.set(PDFName.of('Fields'), context.obj([]));
    fields = { value: acroDict.get(PDFName.of('Fields')), ref: acro.ref };
  }
  const fieldArray = fields.value as PDFArray;
  const names = fieldNames(doc, fieldArray);
  let fieldName = opts.fieldName;
  if (fieldName && names.has(fieldName)) {
    throw new SignatureError('pdf_field_exists', `Tài liệu đã có trường chữ ký "${fieldName}".`);
  }
  for (let n = 1; !fieldName; n++) if (!names.has(`ChuKy${n}`)) fieldName = `ChuKy${n}`;

  const pages = doc.getPages();
  const pageIndex = opts.appearance?.page ?? 0;
  const page = pages[pageIndex];
  if (!page) throw new SignatureError('pdf_malformed', `Tài liệu không có trang ${pageIndex + 1}.`);

  const apRef = opts.appearance ? await embedAppearance(doc, opts.appearance) : undefined;
  const sigRef = context.nextRef(); // serialized by hand below, to control the placeholder
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFHexString.fromText(fieldName),
    V: sigRef,
    // Print (4) so the image shows on paper; Locked (128) so viewers do not let it move.
    F: 132,
    P: page.ref,
    Rect: opts.appearance ? opts.appearance.rect : [0, 0, 0, 0],
  });
  if (apRef) widget.set(PDFName.of('AP'), context.obj({ N: apRef }));
  const widgetRef = context.register(widget);

  const stampRefs: PDFRef[] = [];
  for (const st of opts.stamps ?? []) {
    const stPage = pages[st.page];
    if (!stPage)
      throw new SignatureError('pdf_malformed', `Tài liệu không có trang ${st.page + 1}.`);
    const ap = await embedAppearance(doc, st);
    const ref = context.register(
      context.obj({
        Type: 'Annot',
        Subtype: 'Stamp',
        F: 132,
        P: stPage.ref,
        Rect: st.rect,
        AP: { N: ap },
      }),
    );
    const holder = holderOf(doc, stPage.node, stPage.ref, 'Annots');
    if (holder.value instanceof PDFArray) holder.value.push(ref);
    else stPage.node.set(PDFName.of('Annots'), context.obj([ref]));
    modified.add(holder.ref);
    stampRefs.push(ref);
  }

  fieldArray.push(widgetRef);
  modified.add(fields.ref);
  acroDict.set(PDFName.of('SigFlags'), PDFNumber.of(3)); // SignaturesExist | AppendOnly
  modified.add(acro.ref);
  const annots = holderOf(doc, page.node, page.ref, 'Annots');
  if (annots.value instanceof PDFArray) annots.value.push(widgetRef);
  else page.node.set(PDFName.of('Annots'), context.obj([widgetRef]));
  modified.add(annots.ref);

  // The signature dictionary, by hand: the placeholder positions must be known exactly.
  const contentsSize = opts.contentsSize ?? DEFAULT_CONTENTS_SIZE;
  const placeholder = `<${'0'.repeat(contentsSize * 2)}>`;
  const sigHead =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /${opts.subFilter ?? 'ETSI.CAdES.detached'}` +
    ` /ByteRange ${BYTE_RANGE_PLACEHOLDER} /Contents `;
  let sigTail = ` /M ${PDFString.of(pdfDate(opts.signingTime ?? new Date(), opts.utcOffsetMinutes)).toString()}`;
  if (opts.signerName) sigTail += ` /Name ${text(opts.signerName)}`;
  if (opts.reason) sigTail += ` /Reason ${text(opts.reason)}`;
  if (opts.location) sigTail += ` /Location ${text(opts.location)}`;
  if (opts.contactInfo) sigTail += ` /ContactInfo ${text(opts.contactInfo)}`;
  sigTail += ' /Prop_Build << /App << /Name /ChinhQuyenSo >> >> >>';
  const sigBody = new TextEncoder().encode(sigHead + placeholder + sigTail);

  const objects: AppendedObject[] = [{ ref: sigRef, body: sigBody }];
  const modifiedObjects = [...modified].map((ref) => {
    const obj = context.lookup(ref);
    if (!obj) throw new Error('unreachable: modified object vanished');
    return { ref, obj };
  });
  for (const { ref, obj } of modifiedObjects) objects.push({ ref, body: objectBytes(obj) });
  for (const ref of newObjectsReachableFrom(
    context,
    [widgetRef, ...stampRefs, ...modifiedObjects.map((m) => m.obj)],
    existing,
  )) {
    if (ref === sigRef || modified.has(ref)) continue;
    const obj = context.lookup(ref);
    if (obj) objects.push({ ref, body: objectBytes(obj) });
  }

  const { pdf: out, offsets } = appendIncrement(pdf, trailer, objects);
  const sigObjStart = offsets.get(sigRef);
  if (sigObjStart === undefined) throw new Error('unreachable: signature object not written');
  const headerLen = `${sigRef.objectNumber} ${sigRef.generationNumber} obj\n`.length;
  const contentsStart = sigObjStart + headerLen + sigHead.length;
  const contentsEnd = contentsStart + placeholder.length;
  const byteRange: PreparedPdf['byteRange'] = [
    0,
    contentsStart,
    contentsEnd,
    out.length - contentsEnd,
  ];

  // Patch the ByteRange in place, padding with spaces so no byte moves.
  const brText = `[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  const brAt = sigObjStart + headerLen + sigHead.indexOf(BYTE_RANGE_PLACEHOLDER);
  out.set(new TextEncoder().encode(brText), brAt);

  return { prepared: out, byteRange, digest: digestByteRange(out, byteRange) };
}

/** SHA-256 (or another hash) of the bytes a ByteRange covers. */
export function digestByteRange(
  pdf: Uint8Array,
  br: readonly number[],
  algorithm = 'sha256',
): Uint8Array {
  const h = createHash(algorithm);
  for (let i = 0; i + 1 < br.length; i += 2) {
    const start = br[i] ?? 0;
    const len = br[i + 1] ?? 0;
    h.update(pdf.subarray(start, start + len));
  }
  return new Uint8Array(h.digest());
}

/** The bytes a ByteRange covers, concatenated (what an external CMS tool must sign). */
export function coveredBytes(pdf: Uint8Array, br: readonly number[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let i = 0; i + 1 < br.length; i += 2) {
    parts.push(pdf.subarray(br[i] ?? 0, (br[i] ?? 0) + (br[i + 1] ?? 0)));
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** Finds the last, still empty placeholder of a prepared PDF. */
export function findPlaceholder(prepared: Uint8Array): [number, number, number, number] {
  const tail = new TextDecoder('latin1').decode(prepared);
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  let last: [number, number, number, number] | undefined;
  for (const m of tail.matchAll(re))
    last = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  const none = () =>
    new SignatureError(
      'pdf_no_placeholder',
      'Tệp PDF chưa được chuẩn bị để ký (không có chỗ cho chữ ký).',
    );
  if (!last) throw none();
  const [, a, b, c] = last;
  if (prepared[a] !== 0x3c || prepared[b - 1] !== 0x3e || b + c !== prepared.length) throw none();
  for (let i = a + 1; i < b - 1; i++) if (prepared[i] !== 0x30) throw none(); // already filled
  return last;
}

/** Writes a DER CMS into the placeholder; no byte moves, so the prepared digest still holds. */
export function embedCms(prepared: Uint8Array, cms: Uint8Array): Uint8Array {
  const [, a, b] = findPlaceholder(prepared);
  const capacity = (b - a - 2) / 2;
  if (cms.length > capacity) {
    throw new SignatureError(
      'cms_too_large',
      `Chữ ký số (${cms.length} byte) lớn hơn chỗ dành sẵn (${capacity} byte); hãy tăng contentsSize.`,
    );
  }
  const out = new Uint8Array(prepared);
  // Trailing zeros after the DER are ignored by readers (the DER carries its own length).
  out.set(new TextEncoder().encode(Buffer.from(cms).toString('hex').toUpperCase()), a + 1);
  return out;
}
