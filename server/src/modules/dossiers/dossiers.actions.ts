import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.js';
import { CalendarService } from '../calendar/index.js';
import { findAccount, holdsOver } from '../identity/index.js';
import { findUnitsByCodes } from '../org/index.js';
import { requireVisible } from './dossiers.access.js';
import {
  classifyFinish,
  resumeAfterPause,
  type StepDeadline,
  shiftPlan,
} from './dossiers.deadlines.js';
import { type DossierRow, dossiersRepository as repo } from './dossiers.repository.js';
import type { ActionInput, DossierView } from './dossiers.schemas.js';
import type { DossierNotice, DossierService } from './dossiers.service.js';
import {
  ACTION_LABELS,
  type DossierStatus,
  guardFailure,
  nextStatus,
  STATUS_LABELS,
  TRANSITIONS,
} from './dossiers.states.js';

type Patch = Parameters<typeof repo.update>[2];

/**
 * Takes one action on a dossier (style.md rules 5–6): under a row lock, checks the caller's
 * units, the version, the transitions table and the guards, applies the action's effects,
 * and appends the event, the audit row and any notice — all in one transaction.
 */
export async function actOnDossier(
  svc: DossierService,
  actor: Actor,
  id: string,
  input: ActionInput,
): Promise<DossierView> {
  const { db, clock } = svc.deps;
  const row = await db.transaction().execute(async (trx) => {
    const d = await repo.findById(trx, id, true);
    const roles = await requireVisible(trx, actor, d);
    const dossier = d!;
    if (dossier.version !== input.version) {
      throw new ConflictError(
        `Hồ sơ đã được cập nhật (phiên bản ${dossier.version}, bạn gửi ${input.version}). Hãy tải lại và thử lại.`,
        'version_conflict',
      );
    }
    const from = dossier.status as DossierStatus;
    const to = nextStatus(input.action, from);
    if (!to) {
      throw new AppError(
        'action_not_allowed',
        409,
        `Không thể "${ACTION_LABELS[input.action]}" khi hồ sơ ở trạng thái "${STATUS_LABELS[from]}".`,
        {
          currentStatus: from,
          action: input.action,
        },
      );
    }
    if (!TRANSITIONS[input.action].roles.some((r) => roles.has(r))) {
      throw new ForbiddenError(
        `Vai trò của bạn không được "${ACTION_LABELS[input.action]}" hồ sơ này.`,
        'action_forbidden_for_role',
      );
    }
    const guard = guardFailure(input.action, {
      approved: dossier.approved_at !== null,
      extended: dossier.extended,
    });
    if (guard) throw new AppError(guard.code, 409, guard.detail);

    const now = clock.now();
    const notices: DossierNotice['template'][] = [];
    const { patch, payload, reason } = await effects(svc, trx, actor, dossier, input, now, notices);
    const updated = await repo.update(trx, id, {
      ...patch,
      status: to,
      version: dossier.version + 1,
      updated_at: now,
    });
    await repo.appendEvent(trx, {
      dossier_id: id,
      action: input.action,
      from_status: from,
      to_status: to,
      actor_id: actor.id,
      actor_name: actor.name,
      unit_code: updated.handling_unit_code,
      occurred_at: now,
      reason,
      payload,
    });
    for (const template of notices)
      await svc.deps.notify?.(trx, { template, dossier: updated, data: { reason, ...payload } });
    // Last: the audit row takes the chain's lock, held until commit, so nothing may follow it.
    await recordAudit(trx, actor, {
      action: `dossier.${input.action}`,
      entityType: 'dossier',
      entityId: id,
      unitCode: dossier.unit_code,
      before: { status: from, version: dossier.version, dueAt: dossier.due_at },
      after: { status: to, version: updated.version, dueAt: updated.due_at, ...payload },
    });
    return updated;
  });
  return svc.view(row, await requireVisible(db, actor, row));
}

/** What one action changes, records and announces. */
async function effects(
  svc: DossierService,
  // Everything here reads through the action's transaction: on PGlite the pool has one
  // connection, and a query on `svc.deps.db` would wait for ever behind it.
  db: Kysely<Database>,
  actor: Actor,
  d: DossierRow,
  input: ActionInput,
  now: Date,
  notices: DossierNotice['template'][],
): Promise<{ patch: Patch; payload: Record<string, unknown>; reason: string | null }> {
  switch (input.action) {
    case 'assign':
    case 'forward': {
      const unitCode =
        input.action === 'forward' && input.unitCode ? input.unitCode : d.handling_unit_code;
      if (
        unitCode !== d.handling_unit_code &&
        !(await findUnitsByCodes(db, [unitCode])).has(unitCode)
      ) {
        throw new ValidationError(`Không có đơn vị mã ${unitCode}.`, [
          { path: 'body.unitCode', message: 'Đơn vị không tồn tại.' },
        ]);
      }
      let assigneeId = d.assignee_id;
      if (input.assigneeUsername) {
        const a = await findAccount(db, input.assigneeUsername);
        const asActor = a && { id: a.id, name: a.username, roles: a.roles };
        if (!asActor || !(await holdsOver(db, asActor, ['specialist', 'leader'], unitCode))) {
          throw new ValidationError(
            `"${input.assigneeUsername}" không phải chuyên viên hoặc lãnh đạo của đơn vị xử lý.`,
            [{ path: 'body.assigneeUsername', message: 'Chọn người xử lý thuộc đơn vị.' }],
          );
        }
        assigneeId = a.id;
      } else if (input.action === 'assign') {
        // Taking it oneself is the common case for a specialist picking from the queue.
        assigneeId = actor.id;
      }
      return {
        patch: { assignee_id: assigneeId, handling_unit_code: unitCode },
        payload: { assigneeId, unitCode, note: input.note ?? null },
        reason: input.note ?? null,
      };
    }
    case 'request_completion': {
      notices.push('dossier.completion_requested');
      return {
        patch: { paused_at: now, completion_requests: d.completion_requests + 1 },
        payload: { items: input.items, completionRequests: d.completion_requests + 1 },
        reason: input.reason,
      };
    }
    case 'complete': {
      const cal = await new CalendarService(db, svc.deps.clock).calendarFor(d.unit_code);
      const r = resumeAfterPause(cal, new Date(d.due_at), new Date(d.paused_at ?? now), now);
      return {
        patch: {
          paused_at: null,
          paused_minutes: Number(d.paused_minutes) + r.pausedMinutes,
          due_at: r.dueAt,
          step_plan: JSON.stringify(shiftPlan(cal, d.step_plan as StepDeadline[], r.pausedMinutes)),
          // The appointment moved: earlier marks no longer hold.
          due_soon_at: null,
          overdue_at: r.dueAt > now ? null : d.overdue_at,
        },
        payload: { pausedMinutes: r.pausedMinutes, dueAt: r.dueAt.toISOString() },
        reason: input.note ?? null,
      };
    }
    case 'finish': {
      const outcome = classifyFinish(now, new Date(d.due_at), d.completion_requests);
      return {
        patch: {
          finished_at: now,
          outcome,
          result_summary: input.resultSummary,
          result_file_id: input.resultFileId ?? null,
        },
        payload: { outcome, resultFileId: input.resultFileId ?? null },
        reason: input.resultSummary,
      };
    }
    case 'approve':
      notices.push('dossier.result_ready');
      return { patch: { approved_at: now }, payload: {}, reason: input.note ?? null };
    case 'send_back':
      return {
        patch: { finished_at: null, outcome: null, approved_at: null },
        payload: {},
        reason: input.reason,
      };
    case 'return_result':
      return {
        patch: { returned_at: now, return_method: input.method },
        payload: { method: input.method },
        reason: null,
      };
    case 'extend': {
      const newDue = new Date(input.newDueAt);
      if (newDue <= new Date(d.due_at)) {
        throw new ValidationError('Ngày hẹn mới phải sau ngày hẹn hiện tại.', [
          { path: 'body.newDueAt', message: 'Chọn ngày hẹn sau ngày hẹn cũ.' },
        ]);
      }
      notices.push('dossier.late_apology');
      return {
        patch: {
          due_at: newDue,
          extended: true,
          due_soon_at: null,
          overdue_at: newDue > now ? null : d.overdue_at,
        },
        payload: {
          previousDueAt: new Date(d.due_at).toISOString(),
          newDueAt: newDue.toISOString(),
        },
        reason: input.reason,
      };
    }
    case 'refuse':
    case 'stop':
    case 'withdraw':
      return { patch: {}, payload: {}, reason: input.reason };
  }
}
