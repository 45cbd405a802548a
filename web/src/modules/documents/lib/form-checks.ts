// Checks shared by the documents forms: zod issues of the shared schemas in Vietnamese (the
// schemas' own messages are Vietnamese; zod's defaults — lengths, enums — are English and are
// replaced here), keyed by the field they belong to, and dates typed as dd/mm/yyyy.
import { parseDisplayDate } from '../../../lib/format.ts';
import { issueSegments } from '../../../lib/problem-paths.ts';

/** Field errors keyed by the body path of the field ('issuer.name', 'paragraphs'). */
export type FormErrors = Record<string, string>;

interface IssueLike {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
}

/** The field key of a path: cut at the first index ('paragraphs.3' → 'paragraphs'). */
export function fieldKeyOf(segments: readonly string[]): string {
  const cut = segments.findIndex((s) => /^\d+$/.test(s));
  return (cut < 0 ? segments : segments.slice(0, cut)).join('.');
}

/** zod's default (English) message of an issue in Vietnamese; a schema's own message as is. */
export function vietnameseMessage(issue: IssueLike): string {
  const english = /^(Too (big|small)|Invalid|Expected|Required)/i.test(issue.message);
  if (!english) return issue.message;
  const max = issue.maximum === undefined ? '' : String(issue.maximum);
  const min = issue.minimum === undefined ? '' : String(issue.minimum);
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'array' ? `Tối đa ${max} mục.` : `Không quá ${max} ký tự.`;
    case 'too_small':
      return issue.origin === 'array' ? `Cần ít nhất ${min} mục.` : 'Không được để trống.';
    case 'invalid_value':
    case 'invalid_enum_value':
      return 'Chọn một giá trị trong danh sách.';
    case 'invalid_format':
    case 'invalid_string':
      return 'Giá trị không đúng định dạng.';
    default:
      return 'Giá trị không hợp lệ.';
  }
}

/** Issues keyed by field, in Vietnamese; the first issue of a field wins. */
export function issueErrors(issues: readonly IssueLike[]): FormErrors {
  const out: FormErrors = {};
  for (const issue of issues) {
    const key = fieldKeyOf(issueSegments(issue.path));
    if (!(key in out)) out[key] = vietnameseMessage(issue);
  }
  return out;
}

/**
 * A date typed as dd/mm/yyyy (or YYYY-MM-DD): the ISO date, null when left empty, or the
 * message saying how to write it (`what` names the field: "ngày ban hành").
 */
export function readDate(
  text: string,
  what: string,
): { ok: true; iso: string | null } | { ok: false; message: string } {
  const value = text.trim();
  if (!value) return { ok: true, iso: null };
  const iso = parseDisplayDate(value);
  if (!iso)
    return {
      ok: false,
      message: `Nhập ${what} theo dạng dd/mm/yyyy, ví dụ 05/03/2026.`,
    };
  return { ok: true, iso };
}
