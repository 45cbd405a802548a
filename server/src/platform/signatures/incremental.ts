// Incremental update writer (ISO 32000-1 §7.5.6). A signed PDF may only grow at its end: the
// bytes a signature covers must stay exactly as they were, so a second signature (the seal
// after the signer) keeps the first valid. pdf-lib can build objects but always rewrites the
// whole file, so we let it build the objects and write the appended section ourselves.
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFObjectParser,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';
import { SignatureError } from './errors.js';

const latin1 = new TextDecoder('latin1');
const enc = new TextEncoder();

/** What the last cross-reference section of a PDF says, as needed to append to it. */
export interface TrailerInfo {
  /** Offset of the last xref section (the value after the final `startxref`). */
  startxref: number;
  /** A classic `xref` table or a cross-reference stream (PDF 1.5+). */
  kind: 'table' | 'stream';
  /** /Size: one more than the highest object number in use. */
  size: number;
  root: PDFObject;
  info?: PDFObject;
  id?: PDFObject;
  encrypted: boolean;
}

const malformed = (why: string, cause?: unknown) =>
  new SignatureError('pdf_malformed', `Tệp PDF không hợp lệ hoặc bị hỏng (${why}).`, { cause });

/** Offset of the last `startxref` value, read from the end of the file where readers look. */
export function lastStartxref(pdf: Uint8Array): number {
  // Only the tail matters: §7.5.5 puts startxref within the last ~1 KB; 4 KB tolerates junk.
  const tailStart = Math.max(0, pdf.length - 4096);
  const tail = latin1.decode(pdf.subarray(tailStart));
  const i = tail.lastIndexOf('startxref');
  if (i < 0) throw malformed('không tìm thấy startxref');
  const m = /^startxref\s+(\d+)/.exec(tail.slice(i));
  if (!m?.[1]) throw malformed('startxref không đọc được');
  const offset = Number(m[1]);
  if (offset >= pdf.length) throw malformed('startxref trỏ ra ngoài tệp');
  return offset;
}

/** Parses the trailer (classic) or the cross-reference stream dictionary at the last startxref. */
export function readTrailer(pdf: Uint8Array): TrailerInfo {
  const startxref = lastStartxref(pdf);
  const context = PDFContext.create();
  const head = latin1.decode(pdf.subarray(startxref, startxref + 64));
  let dict: PDFDict;
  let kind: TrailerInfo['kind'];
  try {
    if (/^\s*xref/.test(head)) {
      kind = 'table';
      // The trailer keyword follows the subsections; search from the xref start.
      const text = latin1.decode(pdf.subarray(startxref));
      const t = text.indexOf('trailer');
      if (t < 0) throw malformed('thiếu trailer');
      const parsed = PDFObjectParser.forBytes(
        pdf.subarray(startxref + t + 'trailer'.length),
        context,
      ).parseObject();
      if (!(parsed instanceof PDFDict)) throw malformed('trailer không phải từ điển');
      dict = parsed;
    } else {
      const m = /^\s*\d+\s+\d+\s+obj/.exec(head);
      if (!m) throw malformed('startxref không trỏ tới bảng tham chiếu');
      kind = 'stream';
      const parsed = PDFObjectParser.forBytes(
        pdf.subarray(startxref + m[0].length),
        context,
      ).parseObject();
      if (!(parsed instanceof PDFRawStream)) throw malformed('xref stream không hợp lệ');
      dict = parsed.dict;
    }
  } catch (e) {
    if (e instanceof SignatureError) throw e;
    throw malformed('không đọc được trailer', e);
  }
  const size = dict.get(PDFName.of('Size'));
  const root = dict.get(PDFName.of('Root'));
  if (!(size instanceof PDFNumber) || !root) throw malformed('trailer thiếu /Size hoặc /Root');
  return {
    startxref,
    kind,
    size: size.asNumber(),
    root,
    info: dict.get(PDFName.of('Info')),
    id: dict.get(PDFName.of('ID')),
    encrypted: dict.has(PDFName.of('Encrypt')),
  };
}

/** The bytes pdf-lib writes for one object (dict, array, stream with its /Length fixed up). */
export function objectBytes(obj: PDFObject): Uint8Array {
  const buf = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(buf, 0);
  return buf;
}

/** One object to append: pdf-lib builds most; the signature dictionary is pre-serialized. */
export interface AppendedObject {
  ref: PDFRef;
  body: Uint8Array;
}

/** Groups sorted object numbers into xref subsections `[first, count]`. */
function subsections(nums: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of nums) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === n) last[1] += 1;
    else out.push([n, 1]);
  }
  return out;
}

/**
 * Appends `objects` as one incremental update: the objects, then an xref section of the same
 * kind as the previous one (a reader that only knows streams in a stream-based file, or vice
 * versa, is spared a hybrid) and a trailer whose /Prev chains to the previous section.
 * Returns the new file and each appended object's offset.
 */
export function appendIncrement(
  original: Uint8Array,
  trailer: TrailerInfo,
  objects: AppendedObject[],
): { pdf: Uint8Array; offsets: Map<PDFRef, number> } {
  const parts: Uint8Array[] = [original];
  let offset = original.length;
  const push = (b: Uint8Array | string) => {
    const bytes = typeof b === 'string' ? enc.encode(b) : b;
    parts.push(bytes);
    offset += bytes.length;
  };
  // The previous %%EOF may lack a final newline; "obj" must start on its own line.
  const lastByte = original[original.length - 1];
  if (lastByte !== 0x0a && lastByte !== 0x0d) push('\n');

  const offsets = new Map<PDFRef, number>();
  const sorted = [...objects].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
  for (const o of sorted) {
    offsets.set(o.ref, offset);
    push(`${o.ref.objectNumber} ${o.ref.generationNumber} obj\n`);
    push(o.body);
    push('\nendobj\n');
  }
  const maxNum = Math.max(trailer.size - 1, ...sorted.map((o) => o.ref.objectNumber));
  const common = (size: number) =>
    `/Size ${size} /Root ${trailer.root.toString()}` +
    (trailer.info ? ` /Info ${trailer.info.toString()}` : '') +
    (trailer.id ? ` /ID ${trailer.id.toString()}` : '') +
    ` /Prev ${trailer.startxref}`;

  const xrefOffset = offset;
  if (trailer.kind === 'table') {
    let table = 'xref\n';
    const byNum = new Map(sorted.map((o) => [o.ref.objectNumber, o]));
    for (const [first, count] of subsections(sorted.map((o) => o.ref.objectNumber))) {
      table += `${first} ${count}\n`;
      for (let n = first; n < first + count; n++) {
        const o = byNum.get(n);
        if (!o) throw new Error('unreachable: subsection gap');
        const off = String(offsets.get(o.ref)).padStart(10, '0');
        const gen = String(o.ref.generationNumber).padStart(5, '0');
        table += `${off} ${gen} n\r\n`; // each entry exactly 20 bytes (§7.5.4)
      }
    }
    push(table);
    push(`trailer\n<< ${common(maxNum + 1)} >>\n`);
  } else {
    // The xref stream is itself an object and lists itself.
    const selfNum = maxNum + 1;
    const entries = [
      ...sorted.map((o) => ({
        num: o.ref.objectNumber,
        off: offsets.get(o.ref) ?? 0,
        gen: o.ref.generationNumber,
      })),
      { num: selfNum, off: xrefOffset, gen: 0 },
    ];
    const w2 = xrefOffset > 0xffffffff ? 8 : 4;
    const data = new Uint8Array(entries.length * (1 + w2 + 2));
    const view = new DataView(data.buffer);
    entries.forEach((e, i) => {
      const at = i * (1 + w2 + 2);
      view.setUint8(at, 1);
      if (w2 === 8) view.setBigUint64(at + 1, BigInt(e.off));
      else view.setUint32(at + 1, e.off);
      view.setUint16(at + 1 + w2, e.gen);
    });
    const index = subsections(entries.map((e) => e.num))
      .flat()
      .join(' ');
    push(
      `${selfNum} 0 obj\n<< /Type /XRef ${common(selfNum + 1)} /W [1 ${w2} 2] /Index [${index}] /Length ${data.length} >>\nstream\n`,
    );
    push(data);
    push('\nendstream\nendobj\n');
  }
  push(`startxref\n${xrefOffset}\n%%EOF\n`);

  const out = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { pdf: out, offsets };
}

/** Every new (not in `existing`) indirect object reachable from `roots`, so nothing unused is written. */
export function newObjectsReachableFrom(
  context: PDFContext,
  roots: PDFObject[],
  existing: Set<PDFRef>,
): PDFRef[] {
  const seen = new Set<PDFRef>();
  const out: PDFRef[] = [];
  const visit = (obj: PDFObject | undefined): void => {
    if (!obj) return;
    if (obj instanceof PDFRef) {
      if (seen.has(obj) || existing.has(obj)) return;
      seen.add(obj);
      out.push(obj);
      visit(context.lookup(obj));
    } else if (obj instanceof PDFDict) {
      for (const [, v] of obj.entries()) visit(v);
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) visit(obj.get(i));
    } else if ('dict' in obj && obj.dict instanceof PDFDict) {
      visit(obj.dict); // any stream: its dictionary may reference fonts, images, masks
    }
  };
  for (const r of roots) visit(r);
  return out;
}
