// The small form of each dossier action and the payload it sends (docs/architecture.md table
// of actions). Pure, so every rule is tested without a browser.
import { parseDisplayDate, parseTime, toVnIso } from '../../../lib/format.ts';
import type { DossierAction, ReturnMethod } from '../api/dossier.types.ts';
import type { Problem } from './problem.ts';

/** Everything any action form may hold, as typed. */
export interface ActionDraft {
  assigneeUsername: string;
  unitCode: string;
  note: string;
  reason: string;
  /** One item to complete per line (request_completion). */
  items: string;
  resultSummary: string;
  method: ReturnMethod | '';
  /** 'dd/mm/yyyy HH:mm' (extend). */
  newDue: string;
}

/** A blank draft. */
export function emptyActionDraft(): ActionDraft {
  return {
    assigneeUsername: '',
    unitCode: '',
    note: '',
    reason: '',
    items: '',
    resultSummary: '',
    method: '',
    newDue: '',
  };
}

/** The fields each action's form shows, in order. */
export const ACTION_FIELDS: Record<DossierAction, (keyof ActionDraft)[]> = {
  assign: ['assigneeUsername'],
  forward: ['unitCode', 'assigneeUsername', 'note'],
  request_completion: ['reason', 'items'],
  complete: [],
  finish: ['resultSummary'],
  approve: [],
  send_back: ['reason'],
  return_result: ['method'],
  refuse: ['reason'],
  stop: ['reason'],
  withdraw: ['reason'],
  extend: ['reason', 'newDue'],
};

/** What an action's form knows beyond its draft. */
export interface ActionContext {
  /** return_result: the fee is unpaid and the procedure lets the desk go on with a reason. */
  unpaidReason?: boolean;
  /** assign / forward: the unit handling the dossier now, whose staff the picker lists. */
  handlingUnitCode?: string;
}

/** The fields `action`'s form shows: a result handed over unpaid also needs its reason. */
export function actionFields(
  action: DossierAction,
  context: ActionContext = {},
): (keyof ActionDraft)[] {
  return action === 'return_result' && context.unpaidReason
    ? [...ACTION_FIELDS[action], 'reason']
    : ACTION_FIELDS[action];
}

/** 'dd/mm/yyyy HH:mm' typed by a user → ISO 8601 with +07:00, or null. */
export function parseDisplayDateTime(text: string): string | null {
  const m = /^(\S+)\s+(\S+)$/.exec(text.trim());
  if (!m) return null;
  const date = parseDisplayDate(m[1] ?? '');
  const time = parseTime(m[2] ?? '');
  return date && time ? toVnIso(date, time) : null;
}

const clean = (value: string) => value.normalize('NFC').trim();

/**
 * The payload of `action` from the draft, or the problems keyed by draft field. `dueAt` is the
 * dossier's current deadline: an extension must move it later.
 */
export function buildActionPayload(
  action: DossierAction,
  draft: ActionDraft,
  dueAt: string,
  context: ActionContext = {},
): {
  payload: Record<string, unknown> | null;
  errors: Partial<Record<keyof ActionDraft, Problem>>;
} {
  const errors: Partial<Record<keyof ActionDraft, Problem>> = {};
  const payload: Record<string, unknown> = {};
  const reason = clean(draft.reason);
  const needsReason = actionFields(action, context).includes('reason');
  if (needsReason) {
    if (reason) payload.reason = reason;
    else
      errors.reason = {
        key:
          action === 'return_result'
            ? 'dossiers.validation.unpaidReason'
            : 'dossiers.validation.reason',
      };
  }

  switch (action) {
    case 'assign': {
      const username = clean(draft.assigneeUsername);
      if (!username) errors.assigneeUsername = { key: 'dossiers.validation.assignee' };
      else payload.assigneeUsername = username;
      break;
    }
    case 'forward': {
      const username = clean(draft.assigneeUsername);
      if (!username && !draft.unitCode)
        errors.unitCode = { key: 'dossiers.validation.forwardTarget' };
      if (draft.unitCode) payload.unitCode = draft.unitCode;
      if (username) payload.assigneeUsername = username;
      if (clean(draft.note)) payload.note = clean(draft.note);
      break;
    }
    case 'request_completion': {
      const items = draft.items
        .split('\n')
        .map(clean)
        .filter((line) => line !== '');
      if (!items.length) errors.items = { key: 'dossiers.validation.items' };
      payload.items = items;
      break;
    }
    case 'finish': {
      const summary = clean(draft.resultSummary);
      if (!summary) errors.resultSummary = { key: 'dossiers.validation.resultSummary' };
      else payload.resultSummary = summary;
      break;
    }
    case 'return_result':
      if (!draft.method) errors.method = { key: 'dossiers.validation.method' };
      else payload.method = draft.method;
      break;
    case 'extend': {
      const newDueAt = parseDisplayDateTime(draft.newDue);
      if (!newDueAt) errors.newDue = { key: 'dossiers.validation.newDue' };
      else if (Date.parse(newDueAt) <= Date.parse(dueAt))
        errors.newDue = { key: 'dossiers.validation.newDueLater' };
      else payload.newDueAt = newDueAt;
      break;
    }
    default:
      break;
  }
  return { payload: Object.keys(errors).length ? null : payload, errors };
}
