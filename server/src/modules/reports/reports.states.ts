/**
 * Field report workflow (phản ánh hiện trường), style.md rule 6: the states, the table of who
 * may take which action, and the named sets, as data. The time limits of the stages come from
 * regulations.md §5 (see reports.sla.ts).
 */
import type { Role } from '@cqs/shared/identity/index';
import { REPORT_ACTIONS, type ReportAction, type ReportStatus } from '@cqs/shared/reports/index';

// The vocabulary (statuses, actions) lives in shared/ so the web app uses the same lists.
export {
  REPORT_ACTIONS,
  REPORT_STATUSES,
  type ReportAction,
  type ReportStatus,
} from '@cqs/shared/reports/index';

/** No action leaves these. */
export const FINAL_STATUSES: ReadonlySet<ReportStatus> = new Set(['rejected', 'closed']);

/** Statuses whose deadline clock runs (the sweep looks at these only). */
export const OPEN_STATUSES: readonly ReportStatus[] = [
  'new',
  'accepted',
  'assigned',
  'in_progress',
];

/** Vietnamese labels of statuses. */
export const STATUS_LABELS: Record<ReportStatus, string> = {
  new: 'Mới tiếp nhận',
  accepted: 'Đã tiếp nhận xử lý',
  rejected: 'Từ chối',
  assigned: 'Đã phân công',
  in_progress: 'Đang xử lý',
  resolved: 'Đã xử lý',
  closed: 'Đã đóng',
};

/** Every event action, the creation (`submit`) included. */
export type ReportEventAction = ReportAction | 'submit';

/** Vietnamese labels of actions (buttons, timelines). */
export const ACTION_LABELS: Record<ReportEventAction, string> = {
  submit: 'Gửi phản ánh',
  accept: 'Tiếp nhận xử lý',
  reject: 'Từ chối',
  assign: 'Phân công',
  start: 'Bắt đầu xử lý',
  resolve: 'Trả lời, hoàn thành xử lý',
  close: 'Đóng phản ánh',
  reopen: 'Mở lại (chưa được khắc phục)',
  merge: 'Gộp vào phản ánh khác',
  transfer: 'Chuyển đơn vị xử lý',
  escalate: 'Báo cáo cấp trên (quá hạn)',
  rate: 'Đánh giá',
  request_info: 'Đề nghị bổ sung thông tin',
  provide_info: 'Người phản ánh bổ sung thông tin',
};

/**
 * Who acts: a staff role held over the report's units, the reporter holding the report's
 * follow token (`reporter`), or the system's sweep (`system`).
 */
export type ReportActorRole = Role | 'reporter' | 'system';

export interface Transition {
  from: readonly ReportStatus[];
  /** `same` keeps the current status. */
  to: ReportStatus | 'same';
  roles: readonly ReportActorRole[];
}

/** Who may take which action in which state; anything else is `action_not_allowed`. */
export const TRANSITIONS: Record<ReportAction, Transition> = {
  accept: { from: ['new'], to: 'accepted', roles: ['desk_officer', 'leader'] },
  // A reason is required (checked by the request schema and the service).
  reject: { from: ['new'], to: 'rejected', roles: ['desk_officer', 'leader'] },
  assign: { from: ['accepted', 'assigned'], to: 'assigned', roles: ['desk_officer', 'leader'] },
  start: { from: ['assigned'], to: 'in_progress', roles: ['specialist', 'leader'] },
  // The public reply is required.
  resolve: { from: ['in_progress'], to: 'resolved', roles: ['specialist', 'leader'] },
  // Staff close a resolved report; the system closes it once the reopen window has passed.
  close: { from: ['resolved'], to: 'closed', roles: ['desk_officer', 'leader', 'system'] },
  // "Not fixed": the reporter, within the window after `resolved` (guard).
  reopen: { from: ['resolved'], to: 'in_progress', roles: ['reporter'] },
  // A duplicate into another open report: followers move over.
  merge: {
    from: ['new', 'accepted', 'assigned', 'in_progress'],
    to: 'closed',
    roles: ['desk_officer', 'leader'],
  },
  // Misrouted: another handling unit, before anyone there was assigned.
  transfer: { from: ['new', 'accepted'], to: 'same', roles: ['desk_officer', 'leader'] },
  // Overdue: the sweep reports it to the parent unit, once (guard).
  escalate: { from: ['new', 'accepted', 'assigned', 'in_progress'], to: 'same', roles: ['system'] },
  // Satisfaction rating, once (guard).
  rate: { from: ['resolved', 'closed'], to: 'same', roles: ['reporter'] },
  // Ask the reporter for more (a place, a photo…): within the category's information limit
  // (regulations.md §5: 5 working days), one question at a time (guards). The clock runs on.
  request_info: {
    from: ['new', 'accepted', 'assigned', 'in_progress'],
    to: 'same',
    roles: ['desk_officer', 'specialist', 'leader'],
  },
  // The reporter answers the pending question with the follow token (guard).
  provide_info: {
    from: ['new', 'accepted', 'assigned', 'in_progress'],
    to: 'same',
    roles: ['reporter'],
  },
};

/** Facts about a report that some actions check beyond its status. */
export interface Guards {
  /** The reporter may still reopen (now is within the window after resolution). */
  reopenWindowOpen: boolean;
  rated: boolean;
  escalated: boolean;
  /** A report closed by a merge is not rated. */
  merged: boolean;
  /** Now is within the limit for asking the reporter for more information. */
  infoWindowOpen: boolean;
  /** A question to the reporter is waiting for an answer. */
  infoPending: boolean;
  /** The reporter left a phone number or an e-mail address (a question can reach them). */
  reporterReachable: boolean;
}

/** Why an action that the table allows is still refused, or null when it may proceed. */
export function guardFailure(
  action: ReportAction,
  g: Guards,
): { code: string; detail: string } | null {
  if (action === 'reopen' && !g.reopenWindowOpen)
    return {
      code: 'reopen_window_passed',
      detail: 'Đã quá thời hạn để báo phản ánh chưa được khắc phục.',
    };
  if (action === 'rate' && g.rated)
    return { code: 'already_rated', detail: 'Phản ánh này đã được đánh giá.' };
  if (action === 'rate' && g.merged)
    return {
      code: 'report_merged',
      detail: 'Phản ánh đã được gộp vào phản ánh khác; xin đánh giá phản ánh đó.',
    };
  if (action === 'request_info' && g.infoPending)
    return {
      code: 'info_already_requested',
      detail: 'Đang chờ người phản ánh trả lời đề nghị bổ sung trước.',
    };
  if (action === 'request_info' && !g.reporterReachable)
    return {
      code: 'reporter_unreachable',
      detail:
        'Người phản ánh không để lại số điện thoại hay email, nên không thể đề nghị bổ sung. Hãy xử lý theo thông tin hiện có.',
    };
  if (action === 'request_info' && !g.infoWindowOpen)
    return {
      code: 'info_window_passed',
      detail: 'Đã quá thời hạn đề nghị người phản ánh bổ sung thông tin.',
    };
  if (action === 'provide_info' && !g.infoPending)
    return {
      code: 'no_info_requested',
      detail: 'Cơ quan xử lý không đề nghị bổ sung thông tin nào đang chờ trả lời.',
    };
  if (action === 'escalate' && g.escalated)
    return { code: 'already_escalated', detail: 'Phản ánh đã được báo cáo cấp trên.' };
  return null;
}

/** The status after an action, or null when the table does not allow it from `from`. */
export function nextStatus(action: ReportAction, from: ReportStatus): ReportStatus | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(from)) return null;
  return t.to === 'same' ? from : t.to;
}

/** Actions a holder of `roles` may take on a report in `status` with these facts. */
export function allowedActions(
  status: ReportStatus,
  roles: ReadonlySet<ReportActorRole>,
  g: Guards,
): ReportAction[] {
  return REPORT_ACTIONS.filter((a) => {
    const t = TRANSITIONS[a];
    return (
      t.from.includes(status) && t.roles.some((r) => roles.has(r)) && guardFailure(a, g) === null
    );
  });
}
