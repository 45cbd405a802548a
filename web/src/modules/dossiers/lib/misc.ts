// Small pure helpers of the dossier pages: printable forms, row navigation, the register period.
import type { Dossier, FormNumber } from '../api/dossier.types.ts';

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
