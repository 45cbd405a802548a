// The deadline (hạn xử lý) of a document in words and in tone: overdue (red, with the word
// "Quá hạn"), due within two days (amber, with the days left), otherwise plain. Colour is never
// the only sign (WCAG 1.4.1): every tone has its words.
import type { DocumentSummary } from '../api/document.types.ts';

/** How a deadline is shown. */
export type DeadlineTone = 'none' | 'overdue' | 'dueSoon' | 'normal' | 'closed';

/** Days before the deadline that count as "due soon" (the deadline day itself included). */
export const DUE_SOON_DAYS = 2;

/** Statuses where nothing is waiting any more: the deadline is history. */
const CLOSED = new Set(['done', 'returned', 'issued', 'withdrawn']);

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

/** Whole calendar days from `today` to `date` (both 'YYYY-MM-DD'); negative when past. */
export function daysBetween(today: string, date: string): number {
  const a = ISO.exec(today);
  const b = ISO.exec(date);
  if (!a || !b) return Number.NaN;
  const ms = (m: RegExpExecArray) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((ms(b) - ms(a)) / DAY_MS);
}

/** The tone of a document's deadline and the days left (null without a deadline). */
export function deadlineState(
  doc: Pick<DocumentSummary, 'deadline' | 'overdue' | 'status'>,
  today: string,
): { tone: DeadlineTone; daysLeft: number | null } {
  if (!doc.deadline) return { tone: 'none', daysLeft: null };
  const daysLeft = daysBetween(today, doc.deadline);
  if (CLOSED.has(doc.status)) return { tone: 'closed', daysLeft };
  // The server's word wins (it knows the working calendar); the date is the fallback.
  if (doc.overdue || daysLeft < 0) return { tone: 'overdue', daysLeft };
  if (daysLeft <= DUE_SOON_DAYS) return { tone: 'dueSoon', daysLeft };
  return { tone: 'normal', daysLeft };
}
