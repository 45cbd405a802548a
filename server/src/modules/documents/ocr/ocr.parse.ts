// Line parsers of the proposal step, each tolerant of the slips tesseract makes on scans of
// Vietnamese official documents: "Số" read as "S6"/"Sô"/"Só", O for 0 and l for 1 inside the
// number, spaces around "/" and "-", a lost stroke on Đ ("QD-UBND"), lost or swapped tone marks
// on "ngày … tháng … năm". Repairs happen only inside the token being parsed, never on the line.
import {
  DATE_RE,
  fold,
  letterKey,
  repairCapitals,
  repairDigits,
  squeeze,
  trailingPlace,
} from './ocr.text.js';

/** Document types by printed title, with the abbreviations of Nghị định 30/2020 Phụ lục III. */
export const DOCUMENT_TITLES: readonly { code: string | null; name: string }[] = [
  { code: 'NQ', name: 'Nghị quyết' },
  { code: 'QĐ', name: 'Quyết định' },
  { code: 'CT', name: 'Chỉ thị' },
  { code: 'QC', name: 'Quy chế' },
  { code: 'QyĐ', name: 'Quy định' },
  { code: 'TB', name: 'Thông báo' },
  { code: 'TC', name: 'Thông cáo' },
  { code: 'HD', name: 'Hướng dẫn' },
  { code: 'CTr', name: 'Chương trình' },
  { code: 'KH', name: 'Kế hoạch' },
  { code: 'PA', name: 'Phương án' },
  { code: 'ĐA', name: 'Đề án' },
  { code: 'DA', name: 'Dự án' },
  { code: 'BC', name: 'Báo cáo' },
  { code: 'BB', name: 'Biên bản' },
  { code: 'TTr', name: 'Tờ trình' },
  { code: 'HĐ', name: 'Hợp đồng' },
  { code: 'CĐ', name: 'Công điện' },
  { code: 'BGN', name: 'Bản ghi nhớ' },
  { code: 'BTT', name: 'Bản thỏa thuận' },
  { code: 'GUQ', name: 'Giấy ủy quyền' },
  { code: 'GM', name: 'Giấy mời' },
  { code: 'GGT', name: 'Giấy giới thiệu' },
  { code: 'GNP', name: 'Giấy nghỉ phép' },
  { code: 'PG', name: 'Phiếu gửi' },
  { code: 'PC', name: 'Phiếu chuyển' },
  { code: 'PB', name: 'Phiếu báo' },
];

/** The công văn, recognised by its "V/v" line; it has no abbreviation in its symbol. */
export const CONG_VAN = { code: null, name: 'Công văn' } as const;

/** A parsed "Số: …" token: number, symbol, the span as read, and how much was repaired. */
export interface ParsedNumber {
  number: string;
  symbol: string;
  raw: string;
  /** 0–1 certainty of the parse itself (OCR confidence not included). */
  certainty: number;
}

// "Số" and its misreadings; the look-ahead keeps "Sở Nội vụ" and ordinary words out.
const SO_RE = /(?:^|[^\p{L}\p{N}])(S[ốôóòồổỗộõọoOỐÔÓÒỒỔỖỘÕỌ06])\s*[:;.,]?\s*(?=[0-9OoQIl|/])/gu;
const NUM = '[0-9OoQIl|!SsBZ]';
// number / symbol, with "/" maybe read as "\" or "|"; symbol parts joined by "/" or "-".
const STANDARD_RE = new RegExp(
  `^(${NUM}{0,6}(?: [0-9]{1,3})?)\\s*[/\\\\|]\\s*([\\p{L}0-9]+(?:\\s*[/-]\\s*[\\p{L}0-9]+)*)`,
  'u',
);
// Party style "52-NQ/TU": number, dash, type, slash, body.
const PARTY_RE = /^([0-9OoQIl|]{1,6})\s*-\s*(\p{Lu}[\p{L}]*\s*\/\s*\p{Lu}[\p{L}0-9]*)/u;
// "/" read as a capital I or a lower-case l ("05IKH-UBND"), or lost ("05KH-VHTT", seen on skewed
// scans): digits, then a capitalised symbol with at least one dash, which no number has.
const LOST_SLASH_RE =
  /^([0-9OoQ]*[0-9][0-9OoQ]*)[Il|]?(\p{Lu}[\p{L}0-9]*(?:\s*-\s*[\p{L}0-9]+)+(?:\s*\/\s*[\p{L}0-9]+)*)/u;
// Symbol parts whose Đ lost its stroke: no other reading exists for these.
const STROKE_FIXES: Record<string, string> = { QD: 'QĐ', QyD: 'QyĐ', HDND: 'HĐND', BCD: 'BCĐ' };
const SYMBOL_SHAPE = /^[\p{Lu}0-9][\p{L}0-9]*(?:[/-][\p{L}0-9]+)*$/u;

function repairSymbol(symbol: string): { symbol: string; repaired: boolean } | null {
  const parts = symbol.replace(/\s+/g, '').split('/');
  const out = parts.map((part, i) => {
    // A leading 4-digit part before the type is the year of a legal document: 12/2026/QĐ-UBND.
    if (i === 0 && parts.length > 1 && /^[0-9OoIl|]{4}$/.test(part)) {
      const y = repairDigits(part);
      if (y && /^(19|20)\d\d$/.test(y.digits)) return y.digits;
    }
    return part
      .split('-')
      .map((p) => STROKE_FIXES[p] ?? repairCapitals(p))
      .join('-');
  });
  const fixed = out.join('/').replace(/[.,;:]+$/, '');
  if (!SYMBOL_SHAPE.test(fixed) || (fixed.match(/\p{Lu}/gu) ?? []).length < 2) return null;
  return { symbol: fixed, repaired: fixed !== symbol.replace(/\s+/g, '').replace(/[.,;:]+$/, '') };
}

/** Parses the first "Số: 05/KH-UBND" of a line (any misreading above), or null. */
export function parseNumberSymbol(line: string): ParsedNumber | null {
  const text = line.normalize('NFC').replace(/[–—−‐‑]/g, '-');
  for (const m of text.matchAll(SO_RE)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const rest = text.slice(m.index + m[0].length);
    let certainty = /^S[ốỐ]$/u.test(m[1]!) ? 0.95 : 0.8;
    const party = PARTY_RE.exec(rest);
    const standard = party ? null : STANDARD_RE.exec(rest);
    const lost = party || standard ? null : LOST_SLASH_RE.exec(rest);
    const hit = party ?? standard ?? lost;
    if (!hit) continue;
    const [span, symbolPart] = [hit[0], hit[2]!];
    const numberPart = hit[1]!.replace(/\s+/g, '');
    if (lost) certainty -= 0.2;
    let number = '';
    if (numberPart !== '') {
      // Between "Số:" and "/" only a number can stand, so even "l" alone is read as 1.
      const d = repairDigits(numberPart, true);
      if (!d || d.digits.length > 6) continue;
      number = d.digits;
      if (d.repaired) certainty -= /[0-9]/.test(numberPart) ? 0.15 : 0.3;
    } else {
      certainty -= 0.3; // an unnumbered copy ("Số:    /KH-UBND"): the clerk must type it
    }
    const sym = repairSymbol(symbolPart);
    if (!sym) continue;
    if (sym.repaired) certainty -= 0.1;
    const raw = squeeze(text.slice(start, m.index + m[0].length + span.length));
    return { number, symbol: sym.symbol, raw, certainty };
  }
  return null;
}

/** A parsed issue date: ISO value, the place before it, and the certainty of the parse. */
export interface ParsedDate {
  iso: string;
  place: string | null;
  certainty: number;
}

/** Parses "Long Xuyên, ngày 05 tháng 3 năm 2026" or "ngày 5/3/2026"; null if absent or invalid. */
export function parseDateLine(line: string): ParsedDate | null {
  const text = line.normalize('NFC');
  const m = DATE_RE.exec(fold(text).toLowerCase());
  if (!m) return null;
  const [d, mo, y] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  const parts = [d, mo, y].map((g) => repairDigits(g ?? ''));
  if (parts.some((p) => p === null)) return null;
  const [day, month, year] = parts.map((p) => Number(p!.digits)) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1945 ||
    year > 2100 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const certainty = parts.some((p) => p!.repaired) ? 0.8 : 0.95;
  return { iso, place: trailingPlace(text.slice(0, m.index)), certainty };
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The known name (an agency of the directory, a correspondent) a proposed one was most likely
 * read from, compared without diacritics, case or spacing; tesseract drops marks on short
 * lines ("TRUYỀN THONG"), which no parser can restore but a list of names can.
 */
export function closestKnown(
  value: string,
  known: readonly string[],
): { value: string; distance: number } | null {
  const key = letterKey(value);
  let best: { value: string; distance: number } | null = null;
  for (const name of known) {
    const d = distance(key, letterKey(name));
    if (!best || d < best.distance) best = { value: name, distance: d };
  }
  // One slip per 8 letters: "SO THONG TIN VA TRUYEN THONG" is 24 letters, so 3 slips pass.
  return best && best.distance <= Math.max(1, Math.floor(key.length / 8)) ? best : null;
}

const TITLE_KEYS = DOCUMENT_TITLES.map((t) => ({ ...t, key: letterKey(t.name) }));

/**
 * The document type whose title a whole line is ("KẾ HOẠCH", "QUYÉT ĐỊNH"): compared without
 * diacritics, allowing one slip in titles of 6–9 letters and two in longer ones.
 */
export function matchTypeTitle(
  line: string,
): { code: string | null; name: string; certainty: number } | null {
  const key = letterKey(line.replace(/[:.]+\s*$/, ''));
  if (key.length < 4 || key.length > 16) return null;
  let best: { t: (typeof TITLE_KEYS)[number]; d: number } | null = null;
  for (const t of TITLE_KEYS) {
    const d = distance(key, t.key);
    if (!best || d < best.d) best = { t, d };
  }
  if (!best) return null;
  const allowed = key.length >= 10 ? 2 : key.length >= 6 ? 1 : 0;
  if (best.d > allowed) return null;
  return { code: best.t.code, name: best.t.name, certainty: best.d === 0 ? 0.95 : 0.8 };
}

/** The type whose abbreviation opens a symbol ("KH-VHTT" → Kế hoạch), as a fallback signal. */
export function typeFromSymbol(symbol: string): { code: string; name: string } | null {
  const head = symbol
    .split('/')
    .find((p) => /\p{L}/u.test(p))
    ?.split('-')[0];
  const t = DOCUMENT_TITLES.find((x) => x.code === head);
  return t?.code ? { code: t.code, name: t.name } : null;
}

// "V/v", and its misreadings "V/V", "Vlv", "V|v", "Vív", "V.v" (folded, lower-case).
const VV_RE = /^\s*v\s*[/|li1\\.]\s*[vw]\s*[:.]?\s+/;

/** The text after a "V/v" prefix (the công văn's summary), or null when the line has none. */
export function afterVv(line: string): string | null {
  const m = VV_RE.exec(fold(line).toLowerCase());
  return m ? squeeze(line.slice(m[0].length)) : null;
}

const SURNAMES = new Set(
  (
    'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương ' +
    'Trịnh Trương Lâm Phùng Mai Tô Hà Tạ Châu Quách Lương Đinh Cao Lưu Thái Văn Kiều Chu ' +
    'Nghiêm Lại Hứa Triệu Tăng Thân La Doãn Khổng Mạc Từ Giang Âu Kim Diệp Nông Lò Quan Tống ' +
    'Trình Hầu Tôn Lục Mã Ông Thạch Danh Sơn Bạch Ninh Vi Lã Đàm Khúc Phí Cù Bế Ngọ Lý Đậu'
  ).split(' '),
);
const NOT_NAMES = new Set(['Nơi', 'Kính', 'Ngày', 'Số', 'Điều', 'Chương', 'Mục', 'Phụ', 'Trang']);

/**
 * A person's name if the whole line is one: 2–6 capitalised words of letters only ("Nguyễn Văn
 * An"); certainty is higher when the first word is a Vietnamese surname.
 */
export function parseName(line: string): { name: string; certainty: number } | null {
  const text = squeeze(line.normalize('NFC').replace(/[.,'`´]+$/, ''));
  const words = text.split(' ');
  if (words.length < 2 || words.length > 6) return null;
  if (!words.every((w) => /^\p{Lu}\p{Ll}{0,7}$/u.test(w))) return null;
  if (NOT_NAMES.has(words[0]!) || words.every((w) => w.length === 1)) return null;
  return { name: text, certainty: SURNAMES.has(words[0]!) ? 0.9 : 0.55 };
}
