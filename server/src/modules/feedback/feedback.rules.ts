/**
 * Rules of ratings and petitions about a dossier (pure; no database).
 *
 * Rating: only once the result is out, i.e. status `returned`. A `refused` or `stopped`
 * dossier is final too, but it has no result to judge: a rating there would measure the
 * refusal rather than the service, and Decision 766/QĐ-TTg's satisfaction indicator is about
 * the service received. Those applicants send a petition instead (allowed at any status).
 * One rating per dossier, never changed (409 `already_rated`): the indicator is a record of
 * what was said when the result was handed over, and a changeable score invites pressure.
 *
 * Petition limits (regulations.md §5, "reject within 2 working days, ... resolve within 15"),
 * counted from receipt on the handling unit's working calendar.
 *
 * "Ask for more information within 5 working days" (§5): staff may ask the applicant one
 * question at a time until receipt + 5 working days, only while the petition is open and only
 * if the applicant can be reached (a phone given as proof, or an e-mail); the applicant answers
 * on the tracking page. Asking does not stop the 15-day clock: §5 gives no pause.
 *
 * "Publish within 2 working days" (§5) holds by construction: an answer (or a rejection
 * reason) is shown to the applicant on the tracking page in the same transaction that records
 * it, and the notice is queued in that transaction too, so nothing waits to be published.
 */
import type { WorkingCalendar } from '@cqs/shared/calendar/index';
import type { PetitionStatus } from './feedback.tables.js';

/** Statuses in which a dossier may be rated. */
export const RATEABLE_STATUSES: readonly string[] = ['returned'];

/** Rated satisfied when the score is 4 (Hài lòng) or 5 (Rất hài lòng). */
export const SATISFIED_MIN_SCORE = 4;

/** Working-day limits of a petition (regulations.md §5). */
export const PETITION_LIMITS = { ackDays: 2, infoDays: 5, resolveDays: 15 } as const;

/** Actions that change the petition's status. */
export type PetitionAction = 'accept' | 'reject' | 'answer';
export const PETITION_ACTIONS: readonly PetitionAction[] = ['accept', 'reject', 'answer'];
/** What staff may do on a petition: a status change, or asking for more information. */
export type PetitionStaffAction = PetitionAction | 'request_info';

/** Where each action may start and where it leads. */
export const PETITION_TRANSITIONS: Record<
  PetitionAction,
  { from: readonly PetitionStatus[]; to: PetitionStatus }
> = {
  accept: { from: ['received'], to: 'accepted' },
  reject: { from: ['received'], to: 'rejected' },
  // Answering a petition still waiting for acceptance accepts it implicitly.
  answer: { from: ['received', 'accepted'], to: 'answered' },
};

export const PETITION_STATUS_LABELS: Record<PetitionStatus, string> = {
  received: 'Đã tiếp nhận',
  accepted: 'Đang xử lý',
  rejected: 'Không thụ lý',
  answered: 'Đã trả lời',
};

export const OPEN_PETITION_STATUSES: readonly PetitionStatus[] = ['received', 'accepted'];

/** The actions allowed on a petition in this status. */
export function allowedPetitionActions(status: PetitionStatus): PetitionAction[] {
  return PETITION_ACTIONS.filter((a) => PETITION_TRANSITIONS[a].from.includes(status));
}

/** Deadlines of a petition received at `at`, on the handling unit's calendar. */
export function petitionDeadlines(cal: WorkingCalendar, at: Date) {
  return {
    ackDueAt: cal.dueByWorkingDays(at, PETITION_LIMITS.ackDays),
    infoDueAt: cal.dueByWorkingDays(at, PETITION_LIMITS.infoDays),
    dueAt: cal.dueByWorkingDays(at, PETITION_LIMITS.resolveDays),
  };
}

/** What the information-request guards need of a petition. */
export interface InfoFacts {
  status: PetitionStatus;
  info_due_at: Date | string | null;
  info_asked_at: Date | string | null;
  info_answered_at: Date | string | null;
  contact_phone: string | null;
  contact_email: string | null;
}

/** True while a question to the applicant waits for their answer. */
export const infoPending = (p: InfoFacts) =>
  p.info_asked_at !== null && p.info_answered_at === null;

/**
 * Why staff may not ask for more information now (a stable 409 code and the Vietnamese
 * detail), or null when they may. `infoDueAt` is the petition's (computed for old rows).
 */
export function infoRequestRefusal(
  p: InfoFacts,
  infoDueAt: Date,
  now: Date,
): { code: string; detail: string } | null {
  if (!OPEN_PETITION_STATUSES.includes(p.status))
    return {
      code: 'action_not_allowed',
      detail: `Không thể đề nghị bổ sung thông tin khi kiến nghị ở trạng thái "${PETITION_STATUS_LABELS[p.status]}".`,
    };
  if (infoPending(p))
    return {
      code: 'info_already_requested',
      detail: 'Đang chờ người kiến nghị trả lời câu hỏi trước.',
    };
  if (!p.contact_phone && !p.contact_email)
    return {
      code: 'applicant_unreachable',
      detail:
        'Người kiến nghị không để lại số điện thoại hay e-mail, nên không thể đề nghị bổ sung thông tin. Hãy xử lý theo thông tin hiện có.',
    };
  if (now.getTime() > infoDueAt.getTime())
    return {
      code: 'info_window_passed',
      detail:
        'Đã quá thời hạn 5 ngày làm việc kể từ khi nhận kiến nghị để đề nghị bổ sung thông tin.',
    };
  return null;
}

/** The deadline the queue sorts on: acceptance while received, resolution while accepted. */
export function nextDueAt(
  status: PetitionStatus,
  p: { ack_due_at: Date | string; due_at: Date | string },
): Date | null {
  if (status === 'received') return new Date(p.ack_due_at);
  if (status === 'accepted') return new Date(p.due_at);
  return null;
}

/** What the stats need of a petition. */
export interface PetitionFacts {
  status: PetitionStatus;
  ack_due_at: Date | string;
  due_at: Date | string;
  rejected_at: Date | string | null;
  answered_at: Date | string | null;
}

const ms = (d: Date | string) => new Date(d).getTime();

/**
 * 'on_time' | 'late' for a handled petition, 'open' for one still running. Late = answered
 * after `dueAt` (15 working days), or rejected after the 2-working-day limit.
 */
export function petitionOutcome(p: PetitionFacts): 'on_time' | 'late' | 'open' {
  if (p.status === 'answered' && p.answered_at)
    return ms(p.answered_at) <= ms(p.due_at) ? 'on_time' : 'late';
  if (p.status === 'rejected' && p.rejected_at)
    return ms(p.rejected_at) <= ms(p.ack_due_at) ? 'on_time' : 'late';
  return 'open';
}

/** A working day's length in minutes on this calendar (morning + afternoon session). */
function workingDayMinutes(cal: WorkingCalendar): number {
  const m = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
  const s = cal.settings;
  return m(s.morning.end) - m(s.morning.start) + m(s.afternoon.end) - m(s.afternoon.start);
}

/** Due soon: the deadline is ahead and at most one working day of the unit remains. */
export function isPetitionDueSoon(cal: WorkingCalendar, now: Date, due: Date): boolean {
  if (due.getTime() <= now.getTime()) return false;
  return cal.workingMinutesBetween(now, due) <= workingDayMinutes(cal);
}

/** True when an open petition has passed its current deadline. */
export function isOverdue(p: PetitionFacts, now: Date): boolean {
  const due = nextDueAt(p.status, p);
  return due !== null && due.getTime() < now.getTime();
}

/** One row of the satisfaction indicators (a unit, or the total). */
export interface SatisfactionCounts {
  ratings: number;
  scoreSum: number;
  satisfied: number;
  petitionsReceived: number;
  petitionsAnswered: number;
  petitionsRejected: number;
  petitionsOnTime: number;
  petitionsLate: number;
  petitionsOpenOverdue: number;
}

export const emptyCounts = (): SatisfactionCounts => ({
  ratings: 0,
  scoreSum: 0,
  satisfied: 0,
  petitionsReceived: 0,
  petitionsAnswered: 0,
  petitionsRejected: 0,
  petitionsOnTime: 0,
  petitionsLate: 0,
  petitionsOpenOverdue: 0,
});

/** Adds a rating's score to the counts. */
export function addRating(c: SatisfactionCounts, score: number): void {
  c.ratings++;
  c.scoreSum += score;
  if (score >= SATISFIED_MIN_SCORE) c.satisfied++;
}

/** Adds a petition to the counts. */
export function addPetition(c: SatisfactionCounts, p: PetitionFacts, now: Date): void {
  c.petitionsReceived++;
  if (p.status === 'answered') c.petitionsAnswered++;
  if (p.status === 'rejected') c.petitionsRejected++;
  const o = petitionOutcome(p);
  if (o === 'on_time') c.petitionsOnTime++;
  else if (o === 'late') c.petitionsLate++;
  else if (isOverdue(p, now)) c.petitionsOpenOverdue++;
}

/** Sums counts (the total row is recomputed from the units' sums, never averaged). */
export function sumCounts(rows: readonly SatisfactionCounts[]): SatisfactionCounts {
  const t = emptyCounts();
  for (const r of rows)
    for (const k of Object.keys(t) as (keyof SatisfactionCounts)[]) t[k] += r[k];
  return t;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);

/**
 * The rates of a row: mean score; satisfied share = ratings of 4 or 5 over all ratings; on-time
 * rate = handled on time / (handled + open past their deadline) — the 766 index's "petitions
 * handled on time". null when there is nothing to divide.
 */
export function rates(c: SatisfactionCounts) {
  return {
    meanScore: c.ratings === 0 ? null : Math.round((c.scoreSum / c.ratings) * 100) / 100,
    satisfiedRate: ratio(c.satisfied, c.ratings),
    onTimeRate: ratio(
      c.petitionsOnTime,
      c.petitionsOnTime + c.petitionsLate + c.petitionsOpenOverdue,
    ),
  };
}
