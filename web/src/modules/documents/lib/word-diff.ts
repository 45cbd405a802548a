// Word-level comparison of two versions of a draft (so sánh phiên bản): the summary as one
// text, the body paragraph by paragraph — equal paragraphs are matched first, then changed
// ones are compared word by word. The result marks additions and deletions, which the page
// shows as <ins> and <del> with words, not colour alone.

/** A run of text that is in both versions, only in the new one, or only in the old one. */
export interface DiffSegment {
  kind: 'same' | 'ins' | 'del';
  text: string;
}

/** One paragraph of the comparison. */
export interface ParagraphDiff {
  kind: 'same' | 'changed' | 'added' | 'removed';
  segments: DiffSegment[];
}

/** Above this many cells the middle is shown as replaced whole (memory stays small). */
const MAX_CELLS = 4_000_000;

/** Words and the spaces between them, in order. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Longest-common-subsequence alignment of two token lists, as segments of tokens. */
function align<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean) {
  const ops: { kind: 'same' | 'ins' | 'del'; a?: T; b?: T }[] = [];
  let start = 0;
  while (start < a.length && start < b.length && eq(a[start] as T, b[start] as T)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && eq(a[endA - 1] as T, b[endB - 1] as T)) {
    endA--;
    endB--;
  }
  for (let i = 0; i < start; i++) ops.push({ kind: 'same', a: a[i], b: b[i] });
  const n = endA - start;
  const m = endB - start;
  const middle: typeof ops = [];
  if (n === 0) for (let j = 0; j < m; j++) middle.push({ kind: 'ins', b: b[start + j] });
  else if (m === 0) for (let i = 0; i < n; i++) middle.push({ kind: 'del', a: a[start + i] });
  else if ((n + 1) * (m + 1) > MAX_CELLS) {
    for (let i = 0; i < n; i++) middle.push({ kind: 'del', a: a[start + i] });
    for (let j = 0; j < m; j++) middle.push({ kind: 'ins', b: b[start + j] });
  } else {
    // lcs[i][j]: the common length of a[start+i..endA) and b[start+j..endB).
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * w + j] = eq(a[start + i] as T, b[start + j] as T)
          ? (lcs[(i + 1) * w + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * w + j] as number, lcs[i * w + j + 1] as number);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (eq(a[start + i] as T, b[start + j] as T)) {
        middle.push({ kind: 'same', a: a[start + i], b: b[start + j] });
        i++;
        j++;
      } else if ((lcs[(i + 1) * w + j] as number) >= (lcs[i * w + j + 1] as number)) {
        middle.push({ kind: 'del', a: a[start + i] });
        i++;
      } else {
        middle.push({ kind: 'ins', b: b[start + j] });
        j++;
      }
    }
    for (; i < n; i++) middle.push({ kind: 'del', a: a[start + i] });
    for (; j < m; j++) middle.push({ kind: 'ins', b: b[start + j] });
  }
  ops.push(...middle);
  for (let i = endA, j = endB; i < a.length; i++, j++) ops.push({ kind: 'same', a: a[i], b: b[j] });
  return ops;
}

/** Joins adjacent runs of the same kind; drops empty ones. */
function merge(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const s of segments) {
    if (s.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.kind === s.kind) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/**
 * The word-level difference from `before` to `after`. Within a changed stretch, a lone space
 * that happens to match is not kept as "same": "Tư pháp" → "Văn hóa và Thông tin" reads as one
 * deletion and one addition, not as a patchwork. Both sides rebuild exactly (sideText).
 */
export function diffWords(before: string, after: string): DiffSegment[] {
  const ops = align(tokenize(before), tokenize(after), (x, y) => x === y);
  const out: DiffSegment[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ kind: 'del', text: del });
    if (ins) out.push({ kind: 'ins', text: ins });
    del = '';
    ins = '';
  };
  ops.forEach((o, k) => {
    if (o.kind === 'del') del += o.a as string;
    else if (o.kind === 'ins') ins += o.b as string;
    else {
      const text = o.a as string;
      const next = ops[k + 1];
      if (/^\s+$/.test(text) && (del || ins) && next && next.kind !== 'same') {
        del += text;
        ins += text;
        return;
      }
      flush();
      out.push({ kind: 'same', text });
    }
  });
  flush();
  return merge(out);
}

/** The difference of two lists of paragraphs: equal ones matched, changed ones word by word. */
export function diffParagraphs(
  before: readonly string[],
  after: readonly string[],
): ParagraphDiff[] {
  const ops = align(before, after, (x, y) => x === y);
  const out: ParagraphDiff[] = [];
  let dels: string[] = [];
  let inss: string[] = [];
  const flush = () => {
    const pairs = Math.min(dels.length, inss.length);
    for (let k = 0; k < pairs; k++)
      out.push({ kind: 'changed', segments: diffWords(dels[k] as string, inss[k] as string) });
    for (const p of dels.slice(pairs))
      out.push({ kind: 'removed', segments: [{ kind: 'del', text: p }] });
    for (const p of inss.slice(pairs))
      out.push({ kind: 'added', segments: [{ kind: 'ins', text: p }] });
    dels = [];
    inss = [];
  };
  for (const o of ops) {
    if (o.kind === 'del') dels.push(o.a as string);
    else if (o.kind === 'ins') inss.push(o.b as string);
    else {
      flush();
      out.push({ kind: 'same', segments: [{ kind: 'same', text: o.a as string }] });
    }
  }
  flush();
  return out;
}

/** The text of one side of a comparison: 'before' drops insertions, 'after' drops deletions. */
export function sideText(segments: readonly DiffSegment[], side: 'before' | 'after'): string {
  const drop = side === 'before' ? 'ins' : 'del';
  return segments
    .filter((s) => s.kind !== drop)
    .map((s) => s.text)
    .join('');
}
