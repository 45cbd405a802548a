// "Shadow" attacks (Mainka et al., 2021) change what a signed PDF shows without touching a
// single object: the update after the signature only re-points an object number, through its
// cross-reference section, at another definition already inside the signed bytes (prepared
// and hidden before signing). Comparing objects cannot see that — pdf-lib reads objects in
// file order and ignores xref offsets — so each later update's xref entries are checked: an
// entry for an object number must point into that update itself, or at the latest definition
// of that same number before it (what a tool re-listing unchanged objects writes).
import {
  decodePDFRawStream,
  PDFArray,
  PDFContext,
  type PDFDict,
  PDFName,
  type PDFNumber,
  PDFObjectParser,
  PDFRawStream,
} from 'pdf-lib';

const latin1 = new TextDecoder('latin1');

/** Offset of the last "N G obj" header of each object number in `text` (the prefix). */
function lastDefinitions(text: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of text.matchAll(/(?<![\d])(\d+)\s+\d+\s+obj\b/g))
    out.set(Number(m[1]), m.index ?? 0);
  return out;
}

/** In-use entries [object number, offset] of the classic xref tables in `text`. */
function tableEntries(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/(?:^|[\r\n])xref\s*?[\r\n]([\s\S]*?)trailer/g)) {
    const lines = (m[1] ?? '').split(/\r\n|\r|\n/).map((l) => l.trim());
    let num = 0;
    for (const line of lines) {
      const sub = /^(\d+)\s+(\d+)$/.exec(line);
      if (sub) {
        num = Number(sub[1]);
        continue;
      }
      const entry = /^(\d{10})\s+(\d{5})\s+([nf])$/.exec(line);
      if (!entry) continue;
      if (entry[3] === 'n') out.push([num, Number(entry[1])]);
      num += 1;
    }
  }
  return out;
}

/** In-use (type 1) entries of the cross-reference streams defined in `bytes`. */
function streamEntries(bytes: Uint8Array, text: string): [number, number][] {
  const out: [number, number][] = [];
  const context = PDFContext.create();
  for (const m of text.matchAll(/(?<![\d])\d+\s+\d+\s+obj\b/g)) {
    const at = (m.index ?? 0) + m[0].length;
    if (!text.slice(at, at + 200).includes('/XRef')) continue;
    try {
      const s = PDFObjectParser.forBytes(bytes.subarray(at), context).parseObject();
      if (!(s instanceof PDFRawStream) || s.dict.get(PDFName.of('Type')) !== PDFName.of('XRef'))
        continue;
      const data = decodePDFRawStream(s).decode();
      const num = (d: PDFDict, k: string) =>
        (d.get(PDFName.of(k)) as PDFNumber | undefined)?.asNumber() ?? 0;
      const w = (s.dict.get(PDFName.of('W')) as PDFArray)
        .asArray()
        .map((x) => (x as PDFNumber).asNumber());
      const idx = s.dict.get(PDFName.of('Index'));
      const ranges =
        idx instanceof PDFArray
          ? idx.asArray().map((x) => (x as PDFNumber).asNumber())
          : [0, num(s.dict, 'Size')];
      const [w0 = 1, w1 = 0, w2 = 0] = w;
      const field = (at: number, len: number) => {
        let v = 0;
        for (let i = 0; i < len; i++) v = v * 256 + (data[at + i] ?? 0);
        return v;
      };
      let pos = 0;
      for (let r = 0; r + 1 < ranges.length; r += 2) {
        for (let n = ranges[r] ?? 0; n < (ranges[r] ?? 0) + (ranges[r + 1] ?? 0); n++) {
          const type = w0 === 0 ? 1 : field(pos, w0);
          if (type === 1) out.push([n, field(pos + w0, w1)]);
          pos += w0 + w1 + w2;
        }
      }
    } catch {
      // an unreadable xref stream is left to the object comparison
    }
  }
  return out;
}

/**
 * Whether the update in pdf[start, end) re-points an object number at bytes before `start`
 * that are not that number's latest definition there.
 */
export function xrefRedirects(pdf: Uint8Array, start: number, end: number): boolean {
  const update = pdf.subarray(start, end);
  const text = latin1.decode(update);
  const entries = [...tableEntries(text), ...streamEntries(update, text)];
  if (!entries.some(([, off]) => off < start)) return false;
  const defs = lastDefinitions(latin1.decode(pdf.subarray(0, start)));
  // Writers that point at the whitespace before "N G obj" are tolerated, as readers do.
  const skipWs = (off: number) => {
    let o = off;
    while (o < start && [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00].includes(pdf[o] ?? -1)) o++;
    return o;
  };
  return entries.some(([num, off]) => off < start && defs.get(num) !== skipWs(off));
}
