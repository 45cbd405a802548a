// The create-task form's rules (giao nhiệm vụ): content, lead unit, supporting units other than
// the lead, a person of the lead unit, and a deadline date or "thường xuyên" (ongoing), checked
// with Vietnamese messages before sending; the server checks again and its problem+json wins.
import type { CreateTaskInput } from '../api/task.types.ts';

export interface TaskDraft {
  content: string;
  leadUnitCode: string;
  supportUnitCodes: string[];
  /** Account id ('' = the lead unit's leader decides). */
  responsibleId: string;
  ongoing: boolean;
  /** YYYY-MM-DD from the date input. */
  deadlineOn: string;
  carriedOver: boolean;
}

export type TaskDraftErrors = Partial<Record<'content' | 'leadUnitCode' | 'deadlineOn', string>>;

export const EMPTY_TASK_DRAFT: TaskDraft = {
  content: '',
  leadUnitCode: '',
  supportUnitCodes: [],
  responsibleId: '',
  ongoing: false,
  deadlineOn: '',
  carriedOver: false,
};

/** The request body, or the messages that keep it from being sent. */
export function validateTaskDraft(
  draft: TaskDraft,
): { ok: true; value: CreateTaskInput } | { ok: false; errors: TaskDraftErrors } {
  const errors: TaskDraftErrors = {};
  const content = draft.content.trim();
  if (!content) errors.content = 'Nhập nội dung nhiệm vụ.';
  else if (content.length > 4000) errors.content = 'Nội dung nhiệm vụ không quá 4.000 ký tự.';
  if (!draft.leadUnitCode) errors.leadUnitCode = 'Chọn đơn vị chủ trì.';
  if (!draft.ongoing && !/^\d{4}-\d{2}-\d{2}$/.test(draft.deadlineOn))
    errors.deadlineOn = 'Chọn ngày hết hạn, hoặc chọn "Thường xuyên".';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      content,
      leadUnitCode: draft.leadUnitCode,
      // The lead unit is not also a supporting one.
      supportUnitCodes: draft.supportUnitCodes.filter((c) => c !== draft.leadUnitCode),
      responsibleId: draft.responsibleId || null,
      kind: draft.carriedOver ? 'carried_over' : 'new',
      deadline: draft.ongoing ? { ongoing: true } : { on: draft.deadlineOn },
    },
  };
}
