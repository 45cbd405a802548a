// Text helpers of the proposal parser: diacritic folding that keeps string positions, upper-case
// tests, OCR-confusion repair of digits, and removal of the right header column (national title,
// motto, place and date) from a line in which tesseract merged both columns.

/** Folds one UTF-16 unit to its base letter: "ệ" → "e", "Đ" → "D" (the Icelandic Ð too). */
function foldUnit(c: string): string {
  if (c === 'đ' || c === 'ð') return 'd';
  if (c === 'Đ' || c === 'Ð') return 'D';
  const d = c.normalize('NFD');
  return d.length > 0 ? d[0]! : c;
}

/**
 * Removes Vietnamese diacritics unit by unit, so the result has exactly the length of the (NFC)
 * input: a regex run on the folded text gives indices into the original, which keeps the
 * diacritics of what is extracted while matching "ngày", "ngay" and "ngảy" alike.
 */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldUnit(s[i]!);
  return out;
}

/** Folded, upper-cased, letters only: the key that type titles and agency heads compare on. */
export function letterKey(s: string): string {
  return fold(s)
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

/** Collapses runs of white space to one space and trims. */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Whether a line is upper-case: at least 3 letters and 80 % of them capitals (OCR slips). */
export function isUpperLine(s: string): boolean {
  const letters = s.match(/\p{L}/gu) ?? [];
  if (letters.length < 3) return false;
  const upper = letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length;
  return upper / letters.length >= 0.8;
}

// Characters tesseract returns for digits in a number: O for 0, l/I/| for 1, S for 5, B for 8.
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  Q: '0',
  l: '1',
  I: '1',
  i: '1',
  '|': '1',
  '!': '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
  G: '6',
};

/** Characters that may stand for a digit inside a number token (for regex classes). */
export const DIGITISH = '0-9OoQlIi|!SsBZzG';

/**
 * Reads a token that must be a number, repairing look-alike letters ("O5" → "05"); null when
 * something else remains, or when it has no real digit (then it was a word, not a misread
 * number) unless `lettersOnly` allows it: a short token of O/l/I alone where a number must be.
 */
export function repairDigits(
  token: string,
  lettersOnly = false,
): { digits: string; repaired: boolean } | null {
  if (!/[0-9]/.test(token) && !(lettersOnly && /^[OolI|]{1,3}$/.test(token))) return null;
  let digits = '';
  for (const c of token) {
    if (c >= '0' && c <= '9') digits += c;
    else if (DIGIT_LOOKALIKES[c]) digits += DIGIT_LOOKALIKES[c];
    else return null;
  }
  return { digits, repaired: digits !== token };
}

/**
 * Inside an upper-case word, a lower-case l or a 0 is a misread I or O ("THÔNG TlN" → "TIN");
 * words with other digits ("BCĐ389") are left alone.
 */
export function repairCapitals(s: string): string {
  return s.replace(/[\p{L}0-9|]+/gu, (w) => {
    const letters = w.replace(/[l0|]/g, '');
    if (letters.length < 1 || /[1-9]/.test(letters) || letters !== letters.toUpperCase()) return w;
    if (!/\p{Lu}/u.test(letters)) return w;
    return w.replace(/[l|]/g, 'I').replace(/0/g, 'O');
  });
}

// The right header column in folded, lower-case text. O/0 and spacing slips are common in
// bold capitals; the dashes of the motto are often lost or read as "~".
const NATIONAL_TITLE_RE = /c[o0]ng\s*h[o0]a\s*x[a]\s*h[o0]i\s*ch[u]\s*ngh[il1]a\s*vi[e]t\s*nam/;
const MOTTO_RE = /d[o0]c\s*l[a]p\s*[-–—~_.,]*\s*t[u]\s*d[o0]\s*[-–—~_.,]*\s*h[a]nh\s*ph[u]c/;
const MOTTO_PART_RE = /d[o0]c\s*l[a]p\s*[-–—~_.,]*\s*t[u]\s*d[o0]|h[a]nh\s*ph[u]c/;

const letterCount = (s: string) => s.replace(/[^\p{L}0-9]/gu, '').length;

/** Whether a line is (mostly) the national title or the motto of the right header column. */
export function isNationalHeading(s: string): boolean {
  const f = fold(s).toLowerCase();
  const m = NATIONAL_TITLE_RE.exec(f) ?? MOTTO_RE.exec(f) ?? MOTTO_PART_RE.exec(f);
  return m !== null && letterCount(m[0]) >= letterCount(f) * 0.6;
}

/**
 * Where the national title or motto starts in a line that begins with something else (the
 * left header column, merged in by tesseract when the gutter between them is narrow), or -1.
 */
export function nationalHeadingStart(s: string): number {
  const f = fold(s).toLowerCase();
  const m = NATIONAL_TITLE_RE.exec(f) ?? MOTTO_RE.exec(f);
  return m && letterCount(s.slice(0, m.index)) >= 3 ? m.index : -1;
}

// "ngày 05 tháng 3 năm 2026" or "ngày 5/3/2026" (folded, lower-case), digits possibly misread.
const D = '[0-9oli|!]';
const DATE_WORDS = `ng[a]y\\s*(${D}{1,2})\\s*th[a]ng\\s*(${D}{1,2})\\s*n[a]m\\s*(${D}{4})`;
const DATE_NUMERIC = `ng[a]y\\s*(${D}{1,2})\\s*[/.-]\\s*(${D}{1,2})\\s*[/.-]\\s*(${D}{4})`;
/** The issue-date clause in folded lower-case text; groups: day, month, year (both forms). */
export const DATE_RE = new RegExp(`${DATE_WORDS}|${DATE_NUMERIC}`);

const PLACE_CONNECTORS = new Set(['phố', 'thị', 'xã', 'Tp.', 'TP.', 'tp.']);

/**
 * The place name ending a text ("… Long Xuyên" → "Long Xuyên"): the run of capitalised words
 * (with "phố"/"thị"/"xã" inside "Thành phố …", "Thị xã …") before the comma of the date clause.
 */
export function trailingPlace(before: string): string | null {
  const words = squeeze(before.replace(/[\s,.;:]+$/, '')).split(' ');
  const picked: string[] = [];
  for (let i = words.length - 1; i >= 0 && picked.length < 6; i--) {
    const w = words[i]!;
    if (/^\p{Lu}[\p{Ll}.]*$/u.test(w) || PLACE_CONNECTORS.has(w)) picked.unshift(w);
    else break;
  }
  while (picked.length > 0 && !/^\p{Lu}/u.test(picked[0]!)) picked.shift();
  return picked.length > 0 ? picked.join(' ') : null;
}

/**
 * A line with the right header column taken out: national title, motto, and the place-and-date
 * clause ("Long Xuyên, ngày 05 tháng 3 năm 2026"), which plain OCR text glues to the left one.
 */
export function stripRightColumn(s: string): string {
  let out = s;
  for (const re of [NATIONAL_TITLE_RE, MOTTO_RE, MOTTO_PART_RE]) {
    const m = re.exec(fold(out).toLowerCase());
    if (m) out = `${out.slice(0, m.index)} ${out.slice(m.index + m[0].length)}`;
  }
  const d = DATE_RE.exec(fold(out).toLowerCase());
  if (d) {
    const before = out.slice(0, d.index).replace(/[\s,.;]+$/, '');
    const place = trailingPlace(before);
    const cut = place && before.endsWith(place) ? before.length - place.length : before.length;
    out = `${before.slice(0, cut)} ${out.slice(d.index + d[0].length)}`;
  }
  return squeeze(out);
}
