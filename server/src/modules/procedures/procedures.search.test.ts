// The ranking rules of the public catalogue over the demo catalogue and the default
// synonyms, without a database (procedures.catalogue.test.ts covers the HTTP side).
import { foldVietnamese } from '@cqs/shared/procedures/index';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoProcedures } from './procedures.demo.js';
import { matchWords, SearchIndex, type SearchSource, withinOneEdit } from './procedures.search.js';
import { DEFAULT_SYNONYMS } from './procedures.synonyms-default.js';

const sources: SearchSource[] = demoProcedures().map((p, i) => ({
  ...p,
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
}));
const synonyms = DEFAULT_SYNONYMS.map((terms) => ({ terms: [...terms] }));
const index = new SearchIndex(sources, synonyms);
const names = (q: string, filter = {}) => index.search(q, filter).map((h) => h.item.name);
const first = (q: string) => names(q)[0];

describe('catalogue search', () => {
  it.each([
    'ket hon',
    'kết hôn',
    'dang ky ket hon',
    'két hôn',
    'KẾT HÔN',
    'hon ket dang ky',
    'dang ki ket hon',
    'kêt hon',
    'dagn ky ket hon',
    'đăng ký kết hônn',
    'thủ tục đăng ký kết hôn như thế nào',
    'đăng ký cưới',
    '1.000894',
  ])('"%s" puts Đăng ký kết hôn first', (q) => {
    expect(first(q)).toBe('Đăng ký kết hôn');
  });

  it('matches a word with one typo only from 4 letters on; shorter words exactly or as a prefix', () => {
    expect(first('khia sinh')).toBe('Đăng ký khai sinh');
    expect(first('dang ky khia sinh')).toBe('Đăng ký khai sinh');
    // "hin" is neither "hon" (a typo in a 3-letter word) nor the start of any word.
    expect(names('ket hin')).toEqual([]);
    expect(first('dang ky kh')).toMatch(/^Đăng ký khai/);
    // Two typos in one word are not tolerated.
    expect(names('khiaa sinh')).toEqual([]);
  });

  it('puts all words in the name before matches elsewhere, a phrase before scattered words, exact before typo', () => {
    // "Giấy chứng nhận quyền sử dụng đất" is the result of the land procedures, not their name:
    // both still come up, after no procedure with all words in its name.
    const land = index.search('giấy chứng nhận quyền sử dụng đất', {});
    expect(land.length).toBeGreaterThan(0);
    expect(land[0]!.item.field).toBe('Đất đai');
    // Phrase: "đăng ký khai sinh" is a phrase of one name and scattered in "Đăng ký lại khai sinh".
    const birth = names('đăng ký khai sinh');
    expect(birth.indexOf('Đăng ký khai sinh')).toBe(0);
    expect(birth.indexOf('Đăng ký lại khai sinh')).toBeGreaterThan(0);
    // Exact words beat typo-matched ones: "sinh" is exact in both; "khai" vs a typo.
    const scored = index.search('khai sinh', {});
    const exact = scored.find((h) => h.item.name === 'Đăng ký khai sinh')!;
    const typo = index.search('khia sinh', {}).find((h) => h.item.name === 'Đăng ký khai sinh')!;
    expect(exact.score!).toBeGreaterThan(typo.score!);
  });

  it('breaks ties by the shorter name, then by code', () => {
    // "khai sinh": both names hold the phrase with every word exact; the shorter wins.
    const hits = index.search('khai sinh', {});
    const a = hits.findIndex((h) => h.item.name === 'Đăng ký khai sinh');
    const b = hits.findIndex((h) => h.item.name === 'Đăng ký lại khai sinh');
    expect(hits[a]!.score).toBe(hits[b]!.score);
    expect(a).toBeLessThan(b);
    // Equal names and scores: code order decides.
    const twins = new SearchIndex(
      [
        { ...sources[0]!, id: '00000000-0000-4000-8000-100000000002', code: '2.000002' },
        { ...sources[0]!, id: '00000000-0000-4000-8000-100000000001', code: '2.000001' },
      ],
      [],
    );
    expect(twins.search(sources[0]!.name, {}).map((h) => h.item.code)).toEqual([
      '2.000001',
      '2.000002',
    ]);
  });

  it('expands synonyms from the list, both ways', () => {
    expect(first('sổ đỏ')).toBeDefined();
    expect(index.search('sổ đỏ', {})[0]!.item.field).toBe('Đất đai');
    expect(first('xin GPXD')).toBe('Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ');
    expect(first('kinh doanh cá thể')).toBe('Đăng ký thành lập hộ kinh doanh');
    expect(first('giấy khai sinh')).toBe('Đăng ký khai sinh');
    expect(first('xác nhận độc thân')).toBe('Cấp Giấy xác nhận tình trạng hôn nhân');
    // The first issue of a land certificate (whose result is that certificate) is found
    // through the list only.
    const codes = (i: SearchIndex) => i.search('sổ đỏ', {}).map((h) => h.item.code);
    expect(codes(index)).toContain('1.012766');
    expect(codes(new SearchIndex(sources, []))).not.toContain('1.012766');
  });

  it('filters by field, agency, level and online level', () => {
    const civil = index.search('đăng ký', { field: 'Hộ tịch' });
    expect(civil.length).toBeGreaterThan(3);
    expect(civil.every((h) => h.item.field === 'Hộ tịch')).toBe(true);
    expect(index.search('kết hôn', { onlineLevel: 'full' }).map((h) => h.item.name)).not.toContain(
      'Đăng ký kết hôn',
    );
    expect(index.search('kết hôn', { level: 'commune' })[0]!.item.name).toBe('Đăng ký kết hôn');
    const agency = sources.find((s) => s.code === '1.012772')!.implementingAgency;
    expect(index.search(undefined, { agency }).map((h) => h.item.code)).toEqual(['1.012772']);
  });

  it('without a query lists everything by field then name; junk or empty queries find nothing', () => {
    const all = index.search('', {});
    expect(all).toHaveLength(sources.length);
    expect(all.every((h) => h.score === undefined)).toBe(true);
    const collator = new Intl.Collator('vi');
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!.item, all[i]!.item];
      expect(
        collator.compare(a.field, b.field) || collator.compare(a.name, b.name),
      ).toBeLessThanOrEqual(0);
    }
    expect(index.search('   ', {})).toHaveLength(sources.length);
    expect(names('xyzzy qwerty')).toEqual([]);
    expect(names('%_\\\'"; drop table procedure')).toEqual([]);
    expect(names('?!…')).toHaveLength(sources.length);
  });
});

describe('a province-sized catalogue', () => {
  it('indexes 2,000 procedures and answers a query in milliseconds', () => {
    // The demo procedures 74 times over, each copy with its own code and a place name, so the
    // vocabulary and postings grow as a real province's would.
    const places = ['Long Xuyên', 'Châu Đốc', 'Tân Châu', 'Phú Tân', 'Chợ Mới', 'Thoại Sơn'];
    const big: SearchSource[] = [];
    for (let copy = 0; big.length < 2_000; copy++) {
      for (const p of sources) {
        if (big.length >= 2_000) break;
        const n = big.length;
        big.push({
          ...p,
          id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
          code: `3.${String(100_000 + n).padStart(6, '0')}`,
          name: `${p.name} tại ${places[copy % places.length]} đợt ${copy}`,
        });
      }
    }
    let t0 = performance.now();
    const bigIndex = new SearchIndex(big, synonyms);
    const buildMs = performance.now() - t0;
    const queries = ['ket hon', 'dang ki khai sinh', 'sổ đỏ', 'giay phep xay dung', 'dagn ky'];
    t0 = performance.now();
    for (const q of queries) expect(bigIndex.search(q, {}).length).toBeGreaterThan(0);
    const perQueryMs = (performance.now() - t0) / queries.length;
    // Generous bounds for a loaded CI machine; typical: build ~100 ms, a query a few ms.
    expect(buildMs).toBeLessThan(2_000);
    expect(perQueryMs).toBeLessThan(100);
  });
});

describe('laws', () => {
  it('folding is idempotent and the match words of a folded text are its own', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const once = foldVietnamese(s);
        expect(foldVietnamese(once)).toBe(once);
        expect(matchWords(once)).toEqual(matchWords(s));
      }),
    );
  });

  it('a procedure’s exact name ranks it first (or a procedure of the same folded name)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.constantFrom('lower', 'upper', 'folded', 'as is'),
        (p, form) => {
          const q =
            form === 'lower'
              ? p.name.toLowerCase()
              : form === 'upper'
                ? p.name.toUpperCase()
                : form === 'folded'
                  ? foldVietnamese(p.name)
                  : p.name;
          const top = index.search(q, {})[0]!.item;
          expect(matchWords(top.name).join(' ')).toBe(matchWords(p.name).join(' '));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('any order of a name’s words finds the procedure, and one typo in a long word still does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.infiniteStream(fc.nat()),
        fc.nat(),
        (p, randoms, pick) => {
          const words = [...new Set(matchWords(p.name))];
          const r = randoms[Symbol.iterator]();
          const shuffled = words
            .map((w) => ({ w, k: r.next().value as number }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.w);
          const codes = (q: string) => index.search(q, {}).map((h) => h.item.code);
          expect(codes(shuffled.join(' '))).toContain(p.code);
          const long = shuffled.filter((w) => w.length >= 4 && /^[a-z]+$/.test(w));
          if (long.length === 0) return;
          const target = long[pick % long.length]!;
          const typo = `${target.slice(0, 1)}${target.slice(2, 3)}${target.slice(1, 2)}${target.slice(3)}`;
          // A swap that lands on another word of the catalogue is taken as meant (no typo
          // matching), and one ending in consonant + y is respelled (ky → ki): skip both.
          const [respelled] = matchWords(typo);
          if (respelled !== typo || index.search(typo, {}).length > 0) return;
          expect(withinOneEdit(target, typo)).toBe(true);
          expect(codes(shuffled.map((w) => (w === target ? typo : w)).join(' '))).toContain(p.code);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('withinOneEdit agrees with the definition on short strings', () => {
    const alphabet = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 5 });
    fc.assert(
      fc.property(alphabet, alphabet, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(withinOneEdit(b, a));
        expect(withinOneEdit(a, b)).toBe(osaDistance(a, b) <= 1);
      }),
    );
  });
});

/** Optimal string alignment distance (restricted Damerau–Levenshtein), the reference. */
function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
