// Page layout for the proposal parser: OCR lines cut into column segments by the horizontal gaps
// between word boxes. Tesseract often reads the two-column header of an official document as one
// line ("Số: 05/KH-VHTT Long Xuyên, ngày 05 tháng 3 năm 2026"); the gap between the columns is
// many word heights wide, far wider than any gap between words of one column, so cutting there
// separates the issuing body and number (left) from the national title and date (right).

import { nationalHeadingStart, squeeze } from './ocr.text.js';
import type { OcrPage, OcrResult, OcrWord } from './ocr.types.js';

/** Where a segment sits across the text area of its page. */
export type Column = 'left' | 'middle' | 'right' | 'unknown';

/** A run of words of one line with no column gap inside, in reading order on its page. */
export interface Segment {
  text: string;
  page: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Median word height in pixels (1 for text-only pages). */
  height: number;
  /** Mean word confidence 0–1, null for text-only pages. */
  conf: number | null;
  column: Column;
  /** Horizontally centred in the text area and clear of both margins (type title, summary). */
  centred: boolean;
  /** A visible vertical gap (blank line) separates it from the segment before. */
  gapBefore: boolean;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
};

/** Cuts one OCR line into segments at gaps wider than a column gutter. */
function splitLine(words: OcrWord[], pageWidth: number): OcrWord[][] {
  const sorted = [...words].sort((a, b) => a.left - b.left);
  const h = median(sorted.map((w) => w.height));
  // Word gaps in justified 13–14 pt text stay below ~1.5 word heights; header gutters are 5+.
  const gutter = Math.max(3 * h, pageWidth * 0.04);
  const parts: OcrWord[][] = [];
  let current: OcrWord[] = [];
  for (const w of sorted) {
    const prev = current[current.length - 1];
    if (prev && w.left - (prev.left + prev.width) > gutter) {
      parts.push(current);
      current = [];
    }
    current.push(w);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** Splits words of both header columns off the national title or motto by wording. */
function splitNationalHeading(words: OcrWord[]): OcrWord[][] {
  const text = words.map((w) => w.text).join(' ');
  const at = nationalHeadingStart(text);
  if (at < 0) return [words];
  let offset = 0;
  const cut = words.findIndex((w) => {
    const starts = offset >= at;
    offset += w.text.length + 1;
    return starts;
  });
  return cut > 0 ? [words.slice(0, cut), words.slice(cut)] : [words];
}

function geometrySegments(page: OcrPage, index: number): Segment[] {
  const lines = new Map<number, OcrWord[]>();
  for (const w of page.words) {
    if (w.text.trim() === '') continue; // ruled lines come back as empty words
    const list = lines.get(w.line) ?? [];
    list.push(w);
    lines.set(w.line, list);
  }
  const raw: Omit<Segment, 'column' | 'centred' | 'gapBefore'>[] = [];
  for (const words of lines.values()) {
    for (const part of splitLine(words, page.width).flatMap(splitNationalHeading)) {
      raw.push({
        text: squeeze(part.map((w) => w.text).join(' ')),
        page: index,
        left: Math.min(...part.map((w) => w.left)),
        right: Math.max(...part.map((w) => w.left + w.width)),
        top: Math.min(...part.map((w) => w.top)),
        bottom: Math.max(...part.map((w) => w.top + w.height)),
        height: median(part.map((w) => w.height)),
        conf: part.reduce((s, w) => s + Math.max(0, w.conf), 0) / part.length / 100,
      });
    }
  }
  if (raw.length === 0) return [];
  // Reading order: rows by top (segments whose tops differ by under half a line height share a
  // row, as the two header columns do), left to right within a row.
  raw.sort((a, b) => a.top - b.top);
  const rows: (typeof raw)[] = [];
  for (const s of raw) {
    const row = rows[rows.length - 1];
    if (row && s.top - row[0]!.top < Math.max(row[0]!.height, s.height) / 2) row.push(s);
    else rows.push([s]);
  }
  const rowGap = new Map<(typeof raw)[number], boolean>();
  rows.forEach((row, r) => {
    row.sort((a, b) => a.left - b.left);
    const above = rows[r - 1];
    const aboveBottom = above ? Math.max(...above.map((x) => x.bottom)) : undefined;
    for (const s of row) {
      rowGap.set(s, aboveBottom !== undefined && s.top - aboveBottom > 1.2 * s.height);
    }
  });
  raw.splice(0, raw.length, ...rows.flat());
  // The text area is found from the words themselves, since scans have arbitrary margins.
  const wide = raw.filter((s) => s.text.length >= 3);
  const areaLeft = Math.min(...wide.map((s) => s.left));
  const areaRight = Math.max(...wide.map((s) => s.right));
  const areaWidth = Math.max(1, areaRight - areaLeft);
  const centre = (areaLeft + areaRight) / 2;
  return raw.map((s) => {
    const mid = (s.left + s.right) / 2;
    const offset = (mid - centre) / areaWidth;
    const column: Column = offset < -0.12 ? 'left' : offset > 0.12 ? 'right' : 'middle';
    const clear = s.left - areaLeft > areaWidth * 0.04 && areaRight - s.right > areaWidth * 0.04;
    return {
      ...s,
      column,
      centred: clear && Math.abs(offset) < 0.06,
      gapBefore: rowGap.get(s) ?? false,
    };
  });
}

function textSegments(page: OcrPage, index: number): Segment[] {
  const out: Segment[] = [];
  let blank = false;
  for (const line of page.text.split(/\r?\n/)) {
    const text = squeeze(line);
    if (text === '') {
      blank = out.length > 0;
      continue;
    }
    const n = out.length;
    out.push({
      text,
      page: index,
      left: 0,
      right: 0,
      top: n,
      bottom: n + 1,
      height: 1,
      conf: null,
      column: 'unknown',
      centred: false,
      gapBefore: blank,
    });
    blank = false;
  }
  return out;
}

/** The segments of every page in reading order; pages without word boxes fall back to lines. */
export function segmentsOf(ocr: OcrResult): Segment[][] {
  return ocr.pages.map((page, i) =>
    page.words.some((w) => w.text.trim() !== '') && page.width > 0
      ? geometrySegments(page, i)
      : textSegments(page, i),
  );
}
