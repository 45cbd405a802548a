// Ranked search of the public catalogue (issue 4): insensitive to diacritics, case and word
// order, one typo per word, synonyms from the editable list (procedure_synonym).
//
// Why in memory and not in SQL: a province publishes about 2,000 procedures; their names,
// codes, fields, agencies and results are a few hundred KB of text. An inverted index of
// their folded words is built once per catalogue generation (platform/cache, the same
// generation stamps that guard the dossier module's cached procedures) and every query then
// costs a scan of the vocabulary (typo and prefix matches) plus a walk of the postings —
// 3–5 ms for 2,000 procedures, about 150 ms to build the index (measured on the 2-core
// development machine; procedures.search.test.ts keeps loose bounds) — with the same results on PGlite and PostgreSQL (no pg_trgm or
// unaccent, which PGlite does not ship). The ranking rules below would be awkward in SQL.
//
// Ranking, highest first (a lexicographic order, encoded in one integer `score`):
//   1. every required query word matched in the name (vs. some only in code, field,
//      agency or result);
//   2. the query's words appear in the name as one phrase, in order;
//   3. more words matched exactly (not by a typo or as a prefix);
//   4. more words matched in the name;
//   5. more optional filler words ("thủ tục", "cách", "xin"…) matched;
//   6. matched by what the user typed rather than through a synonym;
// then shorter names, then the code (byte order).

import type { Procedure } from '@cqs/shared/procedures/index';
import { foldVietnamese, withinOneEdit } from '@cqs/shared/procedures/index';

export { withinOneEdit };

/** What the public list shows of a procedure (and what the index keeps of it). */
export type ProcedureSummary = Pick<
  Procedure,
  | 'id'
  | 'code'
  | 'name'
  | 'field'
  | 'implementingAgency'
  | 'level'
  | 'processingTime'
  | 'fees'
  | 'onlineLevel'
>;

/** What the index reads of a procedure: the summary plus the other searched text. */
export type SearchSource = ProcedureSummary & Pick<Procedure, 'result'>;

/** A group of interchangeable terms ("sổ đỏ", "giấy chứng nhận quyền sử dụng đất"). */
export interface SynonymGroup {
  terms: string[];
}

/** Filters applied before ranking; values compared exactly (after NFC). */
export interface SearchFilter {
  field?: string;
  agency?: string;
  level?: Procedure['level'];
  onlineLevel?: Procedure['onlineLevel'];
}

export interface SearchHit {
  item: ProcedureSummary;
  /** Present when a query was given; higher ranks first (see the file comment). */
  score?: number;
}

// Vietnamese i/y after a consonant at the end of a syllable are spelling variants of one
// sound (ký/kí, lý/lí, mỹ/mĩ, tỷ/tỉ): both are written, so both must find the same words.
const FINAL_Y = /([b-df-hj-np-tv-xz])y$/;

/**
 * The words of a text as the index and the queries compare them: accent-folded and
 * lower-case (shared fold.ts), split on anything but letters, digits and the dots inside
 * codes (1.000894), final y after a consonant written i.
 */
export function matchWords(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9.]+/)
    .map((w) => w.replace(/^\.+|\.+$/g, '').replace(FINAL_Y, '$1i'))
    .filter((w) => w.length > 0);
}

// How a query word matched an indexed word; larger is better.
const NONE = 0;
const FUZZY = 1; // a typo (one edit) or a prefix of a longer word
const EXACT = 2;

/** Shortest query word that may be matched with a typo (shorter words: exact or prefix). */
const TYPO_MIN = 4;
/** Shortest query word that may match as the prefix of a longer word ("kh" → "khai"). */
const PREFIX_MIN = 2;

/**
 * `typos`: whether to try one-edit matches — only for a query word that is no word of the
 * catalogue. A word the catalogue has is taken as meant: "giấy" must not also find "giao",
 * nor "nhận" find "nhà", or a typo-matched name would outrank the exact matches elsewhere.
 */
function matchKind(query: string, word: string, typos: boolean): number {
  if (query === word) return EXACT;
  if (query.length >= PREFIX_MIN && word.startsWith(query)) return FUZZY;
  if (
    typos &&
    query.length >= TYPO_MIN &&
    word.length >= TYPO_MIN - 1 &&
    withinOneEdit(query, word)
  )
    return FUZZY;
  return NONE;
}

// Filler words of a question ("thủ tục đăng ký kết hôn như thế nào"): counted when they
// match, never required. Phrases, folded as matchWords writes them.
const OPTIONAL_PHRASES = [
  'thu tuc',
  'tthc',
  'cach',
  'lam',
  'xin',
  'muon',
  'can',
  'gi',
  'o dau',
  'nhu the nao',
  'the nao',
  'huong dan',
  'ho so',
].map((p) => p.split(' '));

/** Most query variants produced by synonyms (each one is scored over the catalogue). */
const MAX_VARIANTS = 12;

// Score weights: each level outweighs everything below it. A query has at most 100 words
// (200 characters, the schema's limit), so 100 × 2 + 1 < 10^3, 100 × 10^3 < 10^6 and
// 100 × 10^6 < 10^9; the largest score stays far below 2^53.
const W_ALL_IN_NAME = 1e10;
const W_PHRASE = 1e9;
const W_EXACT = 1e6;
const W_IN_NAME = 1e3;
const W_OPTIONAL = 2;
const W_LITERAL = 1;

interface IndexedDoc {
  item: ProcedureSummary;
  /** " word word … " of the name, to find a phrase at word boundaries. */
  namePhrase: string;
  nameLength: number;
}

interface Postings {
  name: number[];
  other: number[];
}

/** Best match kind per document for one query word: in the name, and elsewhere. */
interface WordMatches {
  name: Map<number, number>;
  other: Map<number, number>;
}

/** A query as scored: required words in typed order, optional ones, whether a synonym made it. */
interface Variant {
  required: string[];
  optional: string[];
  literal: boolean;
}

const collator = new Intl.Collator('vi');
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The catalogue's inverted index and synonym list; immutable once built. */
export class SearchIndex {
  private readonly docs: IndexedDoc[];
  private readonly postings = new Map<string, Postings>();
  private readonly synonyms: string[][][];

  constructor(sources: SearchSource[], synonymGroups: SynonymGroup[]) {
    this.docs = sources.map((s) => {
      const nameWords = matchWords(s.name);
      return {
        item: {
          id: s.id,
          code: s.code,
          name: s.name,
          field: s.field,
          implementingAgency: s.implementingAgency,
          level: s.level,
          processingTime: s.processingTime,
          fees: s.fees,
          onlineLevel: s.onlineLevel,
        },
        namePhrase: ` ${nameWords.join(' ')} `,
        nameLength: nameWords.join(' ').length,
      };
    });
    sources.forEach((s, doc) => {
      for (const w of new Set(matchWords(s.name))) this.post(w, doc, 'name');
      const code = s.code.toLowerCase();
      const other = [
        code,
        ...code.split('.').filter((part) => part.length >= 3),
        ...matchWords(`${s.field} ${s.implementingAgency} ${s.result}`),
      ];
      for (const w of new Set(other)) this.post(w, doc, 'other');
    });
    this.synonyms = synonymGroups
      .map((g) => g.terms.map(matchWords).filter((t) => t.length > 0))
      .filter((g) => g.length >= 2);
  }

  private post(word: string, doc: number, where: keyof Postings): void {
    let p = this.postings.get(word);
    if (!p) {
      p = { name: [], other: [] };
      this.postings.set(word, p);
    }
    p[where].push(doc);
  }

  /** Procedures passing the filters, ranked for `query` (or by field then name without one). */
  search(query: string | undefined, filter: SearchFilter): SearchHit[] {
    const allowed = (d: IndexedDoc) =>
      (!filter.field || d.item.field === filter.field) &&
      (!filter.agency || d.item.implementingAgency === filter.agency) &&
      (!filter.level || d.item.level === filter.level) &&
      (!filter.onlineLevel || d.item.onlineLevel === filter.onlineLevel);
    const words = dedupe(matchWords(query ?? ''));
    if (words.length === 0) {
      return this.docs
        .filter(allowed)
        .map((d) => d.item)
        .sort(
          (a, b) =>
            collator.compare(a.field, b.field) ||
            collator.compare(a.name, b.name) ||
            byteOrder(a.code, b.code),
        )
        .map((item) => ({ item }));
    }
    const best = new Map<number, number>();
    const memo = new Map<string, WordMatches>();
    for (const variant of this.variants(words)) {
      for (const [doc, score] of this.scoreVariant(variant, memo)) {
        if (score > (best.get(doc) ?? -1)) best.set(doc, score);
      }
    }
    const hits: { doc: IndexedDoc; score: number }[] = [];
    for (const [i, score] of best) {
      const doc = this.docs[i]!;
      if (allowed(doc)) hits.push({ doc, score });
    }
    hits.sort(
      (a, b) =>
        b.score - a.score ||
        a.doc.nameLength - b.doc.nameLength ||
        byteOrder(a.doc.item.code, b.doc.item.code),
    );
    return hits.map((h) => ({ item: h.doc.item, score: h.score }));
  }

  /** The query as typed, then with each synonym term it contains replaced by the others. */
  private variants(words: string[]): Variant[] {
    const seen = new Set<string>([words.join(' ')]);
    const lists: { words: string[]; literal: boolean }[] = [{ words, literal: true }];
    for (let i = 0; i < lists.length && lists.length < MAX_VARIANTS; i++) {
      const current = lists[i]!.words;
      for (const group of this.synonyms) {
        for (const term of group) {
          const at = findRun(current, term);
          if (at < 0) continue;
          for (const other of group) {
            if (other === term) continue;
            const next = dedupe([
              ...current.slice(0, at),
              ...other,
              ...current.slice(at + term.length),
            ]);
            const key = next.join(' ');
            if (seen.has(key) || lists.length >= MAX_VARIANTS) continue;
            seen.add(key);
            lists.push({ words: next, literal: false });
          }
        }
      }
    }
    return lists.map(({ words: ws, literal }) => {
      const optional = new Set<number>();
      for (const phrase of OPTIONAL_PHRASES) {
        for (let at = findRun(ws, phrase); at >= 0; at = findRun(ws, phrase, at + 1)) {
          for (let k = 0; k < phrase.length; k++) optional.add(at + k);
        }
      }
      // A query of filler words only ("hồ sơ") is taken at its word.
      if (optional.size === ws.length) optional.clear();
      return {
        required: ws.filter((_, k) => !optional.has(k)),
        optional: ws.filter((_, k) => optional.has(k)),
        literal,
      };
    });
  }

  /** For one query word: best match kind per document, in the name and elsewhere. */
  private matchesOf(word: string, memo: Map<string, WordMatches>): WordMatches {
    const known = memo.get(word);
    if (known) return known;
    const name = new Map<number, number>();
    const other = new Map<number, number>();
    const typos = !this.postings.has(word);
    for (const [indexed, p] of this.postings) {
      const kind = matchKind(word, indexed, typos);
      if (kind === NONE) continue;
      for (const d of p.name) if (kind > (name.get(d) ?? NONE)) name.set(d, kind);
      for (const d of p.other) if (kind > (other.get(d) ?? NONE)) other.set(d, kind);
    }
    memo.set(word, { name, other });
    return { name, other };
  }

  private scoreVariant(v: Variant, memo: Map<string, WordMatches>): Map<number, number> {
    const required = v.required.map((w) => this.matchesOf(w, memo));
    const optional = v.optional.map((w) => this.matchesOf(w, memo));
    // Candidates: documents matching the first required word anywhere.
    const first = required[0]!;
    const candidates = new Set<number>([...first.name.keys(), ...first.other.keys()]);
    const phrase = ` ${v.required.join(' ')} `;
    const scores = new Map<number, number>();
    for (const doc of candidates) {
      let allInName = true;
      let exact = 0;
      let inName = 0;
      let hit = true;
      for (const m of required) {
        const n = m.name.get(doc) ?? NONE;
        const o = m.other.get(doc) ?? NONE;
        if (n === NONE && o === NONE) {
          hit = false;
          break;
        }
        if (n === NONE) allInName = false;
        else inName++;
        if (Math.max(n, o) === EXACT) exact++;
      }
      if (!hit) continue;
      const optionalMatched = optional.filter((m) => m.name.has(doc) || m.other.has(doc)).length;
      const inPhrase = this.docs[doc]!.namePhrase.includes(phrase);
      scores.set(
        doc,
        (allInName ? W_ALL_IN_NAME : 0) +
          (allInName && inPhrase ? W_PHRASE : 0) +
          exact * W_EXACT +
          inName * W_IN_NAME +
          optionalMatched * W_OPTIONAL +
          (v.literal ? W_LITERAL : 0),
      );
    }
    return scores;
  }
}

function dedupe(words: string[]): string[] {
  return [...new Set(words)];
}

/** Index in `words` where `run` starts as consecutive words, from `from`; -1 if nowhere. */
function findRun(words: string[], run: string[], from = 0): number {
  outer: for (let i = from; i + run.length <= words.length; i++) {
    for (let k = 0; k < run.length; k++) if (words[i + k] !== run[k]) continue outer;
    return i;
  }
  return -1;
}
