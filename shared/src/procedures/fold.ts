// Accent folding for Vietnamese search (style.md "Vietnamese data formats"): people type
// "dang ky khai sinh" on a phone keyboard and expect "Đăng ký khai sinh". The database keeps
// a folded copy of the searchable text, and queries are folded the same way.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower-case, diacritic-free form of a text (đ → d), with whitespace collapsed. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The folded words of a search query, without empties (each must match for a hit). */
export function searchTokens(query: string): string[] {
  return foldVietnamese(query)
    .split(' ')
    .filter((t) => t.length > 0);
}
