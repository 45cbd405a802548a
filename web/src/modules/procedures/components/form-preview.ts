// Checks a value typed into the preview against its field, as a citizen's form would.
import { parseDisplayDate } from '../../../lib/format.ts';
import type { FormFieldDef } from './form-schema.ts';

export type PreviewProblem = 'required' | 'maxLength' | 'pattern' | 'email' | 'number' | 'date';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The first problem of `value` for `field`, or null. */
export function checkValue(field: FormFieldDef, value: string): PreviewProblem | null {
  const v = value.trim();
  if (!v) return field.required ? 'required' : null;
  if (field.maxLength !== undefined && v.length > field.maxLength) return 'maxLength';
  switch (field.type) {
    case 'number':
      return Number.isFinite(Number(v.replace(',', '.'))) ? null : 'number';
    case 'date':
      return parseDisplayDate(v) ? null : 'date';
    case 'email':
      return EMAIL_RE.test(v) ? null : 'email';
    case 'text':
      if (!field.pattern) return null;
      try {
        return new RegExp(`^(?:${field.pattern})$`, 'u').test(v) ? null : 'pattern';
      } catch {
        return null;
      }
    default:
      return null;
  }
}
