// Parser of tesseract's TSV output (`tesseract … tsv`): one row per page, block, paragraph, line
// and word, with boxes in pixels. Words are what the layout step needs to tell the two header
// columns apart, which the plain-text output has already merged.
import type { OcrPage, OcrWord } from './ocr.types.js';

/** Parses TSV into pages (page_num order); text is rebuilt line by line, blank line per paragraph. */
export function parseTsv(tsv: string): OcrPage[] {
  const pages = new Map<number, { page: OcrPage; lines: Map<string, number>; paras: string[] }>();
  const get = (n: number) => {
    let p = pages.get(n);
    if (!p) {
      p = { page: { text: '', words: [], width: 0, height: 0 }, lines: new Map(), paras: [] };
      pages.set(n, p);
    }
    return p;
  };
  for (const row of tsv.split(/\r?\n/)) {
    const cols = row.split('\t');
    if (cols.length < 12 || !/^\d+$/.test(cols[0]!)) continue; // header or blank
    const [level, pageNum, block, par, line, , left, top, width, height, conf] = cols
      .slice(0, 11)
      .map(Number) as number[];
    const text = cols.slice(11).join('\t').normalize('NFC').trim();
    const p = get(pageNum!);
    if (level === 1) {
      p.page.width = width!;
      p.page.height = height!;
    }
    if (level !== 5 || text === '') continue;
    // Tesseract numbers lines within a paragraph; the page-wide index keeps them apart.
    const key = `${block}:${par}:${line}`;
    let index = p.lines.get(key);
    if (index === undefined) {
      index = p.lines.size;
      p.lines.set(key, index);
      p.paras[index] = `${block}:${par}`;
    }
    const word: OcrWord = {
      text,
      left: left!,
      top: top!,
      width: width!,
      height: height!,
      conf: conf!,
      line: index,
      block: block!,
    };
    p.page.words.push(word);
  }
  return [...pages.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, p]) => {
      const out: string[] = [];
      for (let i = 0; i < p.lines.size; i++) {
        const words = p.page.words.filter((w) => w.line === i).map((w) => w.text);
        if (i > 0 && p.paras[i] !== p.paras[i - 1]) out.push('');
        out.push(words.join(' '));
      }
      p.page.text = out.join('\n');
      return p.page;
    });
}

/** Mean word confidence of a page, 0–100 (0 for a page without words). */
export function meanConfidence(page: OcrPage): number {
  const confs = page.words.map((w) => w.conf).filter((c) => c >= 0);
  return confs.length === 0 ? 0 : confs.reduce((a, b) => a + b, 0) / confs.length;
}
