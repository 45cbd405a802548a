// Workflow of official documents (style.md rule 6): the allowed transitions as a table.
// Incoming (ND30 Điều 20–24): received (waiting in the clerk's inbox) → registered (arrival
// number) → proposed (the office presents it) → directed (the leader's direction and
// assignment) → in_progress → done; the office may return (trả lại) a document not yet
// directed. Outgoing (ND30 Điều 11–18): draft → in_review (steps as data) → approved →
// signed (the signer's digital signature) → issued (numbered, sealed, sent — one act of the
// clerical office, so a number is never taken for a document that was not sent).
import type { DocumentAction, DocumentStatus } from '@cqs/shared/documents/index';

/**
 * Who may take an action, by their relation to the document (documents.access.ts decides who
 * holds which): `clerk` the unit's office (văn thư, role secretariat), `leader` the unit's
 * leader, `handler` an assignee (lead or supporting), `lead` the lead assignee, `drafter` the
 * author of a draft, `reviewer` whoever the current approval step names, `signer` the person
 * named to sign, `reader` anyone who may see it.
 */
export type Relation =
  | 'clerk'
  | 'leader'
  | 'handler'
  | 'lead'
  | 'drafter'
  | 'reviewer'
  | 'signer'
  | 'reader';

interface Transition {
  from: readonly DocumentStatus[];
  /** The status after; null keeps it (comments, shares, steps inside the review). */
  to: DocumentStatus | null;
  by: readonly Relation[];
}

const OPEN_INCOMING = ['registered', 'proposed', 'directed', 'in_progress'] as const;

export const INCOMING_TRANSITIONS: Partial<Record<DocumentAction, Transition>> = {
  register: { from: ['received'], to: 'registered', by: ['clerk'] },
  propose: { from: ['registered'], to: 'proposed', by: ['clerk'] },
  direct: { from: ['registered', 'proposed', 'directed'], to: 'directed', by: ['leader'] },
  start: { from: ['directed'], to: 'in_progress', by: ['handler'] },
  complete: { from: ['directed', 'in_progress'], to: 'done', by: ['lead'] },
  return: { from: ['received', 'registered', 'proposed'], to: 'returned', by: ['clerk', 'leader'] },
  comment: { from: [...OPEN_INCOMING, 'done'], to: null, by: ['reader'] },
  share: { from: [...OPEN_INCOMING, 'done'], to: null, by: ['clerk', 'leader'] },
};

export const OUTGOING_TRANSITIONS: Partial<Record<DocumentAction, Transition>> = {
  revise: { from: ['draft'], to: null, by: ['drafter'] },
  submit: { from: ['draft'], to: 'in_review', by: ['drafter'] },
  // approve moves to the next step, or to `approved` after the last (documents.service.ts)
  approve: { from: ['in_review'], to: null, by: ['reviewer'] },
  reject: { from: ['in_review', 'approved'], to: 'draft', by: ['reviewer', 'signer'] },
  sign: { from: ['approved'], to: 'signed', by: ['signer'] },
  issue: { from: ['signed'], to: 'issued', by: ['clerk'] },
  comment: {
    from: ['draft', 'in_review', 'approved', 'signed', 'issued'],
    to: null,
    by: ['reader'],
  },
  share: { from: ['issued'], to: null, by: ['clerk', 'leader'] },
};

/** Statuses where an incoming document's handling is over (for overdue and indicators). */
export const INCOMING_FINAL: ReadonlySet<DocumentStatus> = new Set(['done', 'returned']);

/** The transition for an action on a document in its direction, or undefined. */
export function transitionOf(direction: 'incoming' | 'outgoing', action: DocumentAction) {
  return (direction === 'incoming' ? INCOMING_TRANSITIONS : OUTGOING_TRANSITIONS)[action];
}

/** The actions open to someone holding `relations` on a document in `status`. */
export function allowedActions(
  direction: 'incoming' | 'outgoing',
  status: DocumentStatus,
  relations: ReadonlySet<Relation>,
): DocumentAction[] {
  const table = direction === 'incoming' ? INCOMING_TRANSITIONS : OUTGOING_TRANSITIONS;
  return (Object.entries(table) as [DocumentAction, Transition][])
    .filter(([, t]) => t.from.includes(status) && t.by.some((r) => relations.has(r)))
    .map(([a]) => a);
}
