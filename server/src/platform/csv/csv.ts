/**
 * CSV for spreadsheets (RFC 4180): comma separated, CRLF line ends, fields quoted when they
 * hold a comma, quote or line break. A UTF-8 byte-order mark goes first so Excel opens
 * Vietnamese text correctly. A text field starting with = + - @ (or a tab/CR) is prefixed
 * with an apostrophe, so a citizen's words can never run as a spreadsheet formula (OWASP
 * "CSV injection").
 */

export type CsvValue = string | number | boolean | null | undefined | Date;

export const CSV_BOM = '\uFEFF';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** One field, escaped. Numbers stay numbers (a negative longitude is not a formula). */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  let s = v instanceof Date ? v.toISOString() : v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One line, CRLF-terminated. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A whole document: BOM, header line, rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = CSV_BOM + csvLine(header);
  for (const r of rows) out += csvLine(r);
  return out;
}
