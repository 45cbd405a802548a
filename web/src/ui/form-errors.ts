import type { TFunction } from '../i18n/i18n-context.tsx';
import { type FieldKeyOf, fieldId, problemsByPath } from '../lib/problem-paths.ts';
import type { SummaryItem } from './ErrorSummary.tsx';
import { errorText } from './error-text.ts';

/** Field errors (dotted path → message) of a form, from client checks or the server. */
export type FieldErrors = Record<string, string>;

/** Summary lines for `errors`, linking to the field ids built with `prefix`. */
export function summaryItems(errors: FieldErrors, prefix: string): SummaryItem[] {
  return Object.entries(errors).map(([path, message]) => ({
    message,
    targetId: fieldId(prefix, path),
  }));
}

/**
 * Turns a failed save into field errors and summary lines: the server's field problems
 * (keyed by `keyOf` when given) when there are any, otherwise its detail as a single line.
 */
export function serverErrors(
  error: unknown,
  prefix: string,
  t: TFunction,
  keyOf?: FieldKeyOf,
): { fields: FieldErrors; summary: SummaryItem[] } {
  const fields = problemsByPath(error, keyOf);
  const summary = summaryItems(fields, prefix);
  const detail = errorText(error, t);
  return { fields, summary: summary.length ? summary : [{ message: detail }] };
}
