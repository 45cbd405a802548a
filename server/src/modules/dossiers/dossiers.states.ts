/**
 * Dossier workflow (style.md rule 6). Statuses are those the national portal sync uses
 * (regulations.md §3, Nghị định 118/2025/NĐ-CP); the table of who may do what is data.
 * The vocabulary (statuses, actions) lives in shared/ so the web app uses the same lists.
 */
import { type DossierStatus, EVENT_ACTIONS, type EventAction } from '@cqs/shared/dossiers/index';
import type { Role } from '@cqs/shared/identity/index';

export {
  CLOCK_STOPPED,
  DOSSIER_STATUSES,
  type DossierStatus,
  FINAL_STATUSES,
} from '@cqs/shared/dossiers/index';

/** Vietnamese labels as on the national portal. */
export const STATUS_LABELS: Record<DossierStatus, string> = {
  received: 'Mới tiếp nhận',
  in_progress: 'Đang xử lý',
  awaiting_completion: 'Yêu cầu bổ sung',
  processed: 'Đã xử lý xong',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối',
  stopped: 'Dừng xử lý',
  withdrawn: 'Công dân rút hồ sơ',
};

/** The deadline clock does not run in these. */
export const CLOCK_PAUSED: ReadonlySet<DossierStatus> = new Set(['awaiting_completion']);

/** Every action of the workflow, receipt included (events carry them). */
export const DOSSIER_ACTIONS = EVENT_ACTIONS;
export type DossierAction = EventAction;

/** Vietnamese labels of actions (buttons, timelines). */
export const ACTION_LABELS: Record<DossierAction, string> = {
  receive: 'Tiếp nhận hồ sơ',
  assign: 'Phân công',
  forward: 'Chuyển xử lý',
  request_completion: 'Yêu cầu bổ sung',
  complete: 'Đã bổ sung',
  finish: 'Hoàn thành xử lý',
  approve: 'Phê duyệt',
  send_back: 'Trả lại để xử lý lại',
  return_result: 'Trả kết quả',
  refuse: 'Từ chối',
  stop: 'Dừng xử lý',
  withdraw: 'Rút hồ sơ',
  extend: 'Gia hạn',
};

export interface Transition {
  from: readonly DossierStatus[];
  /** `same` keeps the current status (e.g. an extension). */
  to: DossierStatus | 'same';
  roles: readonly Role[];
}

/**
 * Who may take which action in which state. Anything not listed is refused with
 * `action_not_allowed`. `receive` only creates dossiers (no from-state).
 */
export const TRANSITIONS: Record<Exclude<DossierAction, 'receive'>, Transition> = {
  assign: {
    from: ['received', 'in_progress'],
    to: 'in_progress',
    roles: ['desk_officer', 'leader'],
  },
  forward: { from: ['in_progress'], to: 'in_progress', roles: ['specialist', 'leader'] },
  request_completion: {
    from: ['received', 'in_progress'],
    to: 'awaiting_completion',
    roles: ['desk_officer', 'specialist'],
  },
  complete: { from: ['awaiting_completion'], to: 'in_progress', roles: ['desk_officer'] },
  finish: { from: ['in_progress'], to: 'processed', roles: ['specialist'] },
  approve: { from: ['processed'], to: 'processed', roles: ['leader'] },
  send_back: { from: ['processed'], to: 'in_progress', roles: ['leader'] },
  return_result: { from: ['processed'], to: 'returned', roles: ['desk_officer'] },
  refuse: { from: ['received', 'in_progress'], to: 'refused', roles: ['desk_officer', 'leader'] },
  stop: { from: ['in_progress', 'awaiting_completion'], to: 'stopped', roles: ['leader'] },
  withdraw: {
    from: ['received', 'in_progress', 'awaiting_completion'],
    to: 'withdrawn',
    roles: ['desk_officer'],
  },
  extend: { from: ['in_progress', 'awaiting_completion'], to: 'same', roles: ['leader'] },
};

/** Facts about a dossier that some actions check beyond its status. */
export interface Guards {
  approved: boolean;
  extended: boolean;
}

/** Why an action that the table allows is still refused, or null when it may proceed. */
export function guardFailure(
  action: DossierAction,
  g: Guards,
): { code: string; detail: string } | null {
  if (action === 'approve' && g.approved)
    return { code: 'already_approved', detail: 'Hồ sơ đã được phê duyệt.' };
  if (action === 'send_back' && g.approved)
    return { code: 'already_approved', detail: 'Hồ sơ đã được phê duyệt, không thể trả lại.' };
  if (action === 'return_result' && !g.approved) {
    return {
      code: 'not_approved',
      detail: 'Kết quả chưa được lãnh đạo phê duyệt, chưa thể trả cho người dân.',
    };
  }
  // Nghị định 118/2025 (regulations.md §3): a dossier may be rescheduled only once.
  if (action === 'extend' && g.extended)
    return {
      code: 'already_extended',
      detail: 'Hồ sơ đã được gia hạn một lần; không được gia hạn thêm.',
    };
  return null;
}

/** The status after an action, or null when the table does not allow it from `from`. */
export function nextStatus(
  action: Exclude<DossierAction, 'receive'>,
  from: DossierStatus,
): DossierStatus | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(from)) return null;
  return t.to === 'same' ? from : t.to;
}

/** Actions a holder of `roles` may take on a dossier in `status` with these facts. */
export function allowedActions(
  status: DossierStatus,
  roles: ReadonlySet<Role>,
  g: Guards,
): DossierAction[] {
  return (Object.keys(TRANSITIONS) as Exclude<DossierAction, 'receive'>[]).filter((a) => {
    const t = TRANSITIONS[a];
    return (
      t.from.includes(status) && t.roles.some((r) => roles.has(r)) && guardFailure(a, g) === null
    );
  });
}
