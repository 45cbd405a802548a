// Small pure helpers of the dossier pages: idempotency keys, printable forms, row navigation.
import type { Dossier, FormNumber } from '../api/dossier.types.ts';

/** A random UUID v4; falls back to getRandomValues where randomUUID is missing (plain http). */
export function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The key sent with one submission and the body it was made for. */
export interface KeyedSubmission {
  key: string;
  body: string;
}

/**
 * The Idempotency-Key for `body`: the previous one when the same body is sent again (a double
 * click or a retry after a lost answer), a fresh one once the form has changed.
 */
export function submissionKey(
  previous: KeyedSubmission | null,
  body: string,
  make: () => string = uuid,
): KeyedSubmission {
  return previous && previous.body === body ? previous : { key: make(), body };
}

/**
 * Forms of Thông tư 03/2025/TT-VPCP that exist for this dossier: 01 receipt and 06 control slip
 * always; 02 after a completion request; 03 when refused; 04 after an extension; 05 when stopped.
 */
export function relevantForms(
  d: Pick<Dossier, 'status' | 'extended' | 'completionRequests'>,
): FormNumber[] {
  const out: FormNumber[] = ['01'];
  if (d.completionRequests > 0) out.push('02');
  if (d.status === 'refused') out.push('03');
  if (d.extended) out.push('04');
  if (d.status === 'stopped') out.push('05');
  out.push('06');
  return out;
}

/** The row index after moving `delta` rows, kept inside [0, length); -1 for an empty list. */
export function moveIndex(current: number, delta: number, length: number): number {
  if (length <= 0) return -1;
  if (current < 0) return delta > 0 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + delta));
}

/**
 * The period of the register (form 07), which the server requires: the filter's dates, or from
 * the first of the current month to today (dates 'YYYY-MM-DD').
 */
export function registerPeriod(
  from: string,
  to: string,
  today: string,
): { from: string; to: string } {
  return { from: from || `${today.slice(0, 8)}01`, to: to || today };
}
