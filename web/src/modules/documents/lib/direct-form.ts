// The leader's direction (ý kiến chỉ đạo, phân công xử lý): the direction text, the lead unit
// and person, supporting units and units for information, and a deadline — turned into the
// `direct` action (one lead assignment; a unit is never both lead and support or info).
import { DocumentActionBody } from '@cqs/shared/documents/index';
import type { DocumentActionInput } from '../api/document.types.ts';
import { type FormErrors, issueErrors, readDate } from './form-checks.ts';

/** The direction form as typed. */
export interface DirectDraft {
  direction: string;
  leadUnitCode: string;
  /** The lead person's account id ('' = the lead unit's leader assigns). */
  leadUserId: string;
  supportUnitCodes: string[];
  infoUnitCodes: string[];
  /** dd/mm/yyyy or ''. */
  deadline: string;
}

export const EMPTY_DIRECT_DRAFT: DirectDraft = {
  direction: '',
  leadUnitCode: '',
  leadUserId: '',
  supportUnitCodes: [],
  infoUnitCodes: [],
  deadline: '',
};

/** The `direct` action body, or the messages (keys: direction, leadUnitCode, deadline). */
export function directBody(
  d: DirectDraft,
  version: number,
): { ok: true; value: DocumentActionInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!d.direction.trim()) errors.direction = 'Nhập ý kiến chỉ đạo.';
  if (!d.leadUnitCode) errors.leadUnitCode = 'Chọn đơn vị chủ trì xử lý.';
  const deadline = readDate(d.deadline, 'hạn xử lý');
  if (!deadline.ok) errors.deadline = deadline.message;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const support = [...new Set(d.supportUnitCodes)].filter((c) => c !== d.leadUnitCode);
  const info = [...new Set(d.infoUnitCodes)].filter(
    (c) => c !== d.leadUnitCode && !support.includes(c),
  );
  const parsed = DocumentActionBody.safeParse({
    action: 'direct',
    version,
    direction: d.direction,
    assignments: [
      { role: 'lead', unitCode: d.leadUnitCode, userId: d.leadUserId || null },
      ...support.map((unitCode) => ({ role: 'support', unitCode, userId: null })),
      ...info.map((unitCode) => ({ role: 'info', unitCode, userId: null })),
    ],
    deadline: deadline.ok ? deadline.iso : null,
  });
  if (!parsed.success) {
    // The assignments' problems belong to the lead unit field, the only one the form shows.
    const { assignments, ...rest } = issueErrors(parsed.error.issues);
    return { ok: false, errors: assignments ? { leadUnitCode: assignments, ...rest } : rest };
  }
  return { ok: true, value: parsed.data };
}
