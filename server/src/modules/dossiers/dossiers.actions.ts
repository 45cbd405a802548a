import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.js';
import { cachedCalendarFor } from '../calendar/index.js';
import {
  type AccountBrief,
  findAccount,
  findAccountsByIds,
  holdsOverLineage,
} from '../identity/index.js';
import type { OutboxMessage } from '../notifications/index.js';
import { cachedUnitLineage, findUnitsByCodes } from '../org/index.js';
import { cachedProcedure } from '../procedures/index.js';
import { requireVisibleFull, rolesOverLineage } from './dossiers.access.js';
import {
  classifyFinish,
  resumeAfterPause,
  type StepDeadline,
  shiftPlan,
} from './dossiers.deadlines.js';
import { presentDossier } from './dossiers.present.js';
import {
  type ActionWrite,
  type DossierFull,
  type DossierRow,
  dossiersRepository as repo,
} from './dossiers.repository.js';
import type { ActionInput, DossierView } from './dossiers.schemas.js';
import type { DossierNotice, DossierService } from './dossiers.service.js';
import { type SignedResult, signResults, withSigned } from './dossiers.signing.js';
import {
  ACTION_LABELS,
  type DossierStatus,
  guardFailure,
  nextStatus,
  STATUS_LABELS,
  TRANSITIONS,
} from './dossiers.states.js';

type Patch = ActionWrite['patch'];

/**
 * Takes one action on a dossier (style.md rules 5–6) in two round trips: reads the dossier
 * with its lineage, events and files; checks the caller's units, the version, the transitions
 * table and the guards; works out the action's effects; then writes the change, the event,
 * any notices and the audit row as one statement guarded by the version read — if another
 * officer acted in between, nothing is written and the caller gets 409.
 */
export async function actOnDossier(
  svc: DossierService,
  actor: Actor,
  id: string,
  input: ActionInput,
): Promise<DossierView> {
  const { db, clock } = svc.deps;
  const full = await repo.loadFull(db, id);
  const roles = requireVisibleFull(actor, full);
  const dossier = full!.row;
  if (dossier.version !== input.version) throw versionConflict(dossier.version, input.version);
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
  const { patch, payload, reason, assignee, signed } = await effects(
    svc,
    db,
    actor,
    full!,
    input,
    now,
    notices,
  );
  const change = { ...patch, status: to, version: dossier.version + 1, updated_at: now };
  // What the row will be: the notices are composed from it before the write.
  const expected = { ...dossier, ...change } as DossierRow;
  const outbox: OutboxMessage[] = [];
  for (const template of notices) {
    const messages = await svc.deps.notify?.(db, {
      template,
      dossier: expected,
      data: { reason, ...payload },
    });
    outbox.push(...(messages ?? []));
  }
  const event = {
    action: input.action,
    from_status: from,
    to_status: to,
    actor_id: actor.id,
    actor_name: actor.name,
    unit_code: expected.handling_unit_code,
    occurred_at: now,
    reason,
    payload,
  };
  const written = await repo.applyAction(db, {
    id,
    version: dossier.version,
    patch: change,
    event,
    outbox,
    actor,
    signedFiles: signed,
    audit: {
      action: `dossier.${input.action}`,
      entityType: 'dossier',
      entityId: id,
      unitCode: dossier.unit_code,
      before: { status: from, version: dossier.version, dueAt: dossier.due_at },
      after: { status: to, version: expected.version, dueAt: expected.due_at, ...payload },
    },
  });
  if (!written) {
    const current = await repo.findById(db, id);
    throw versionConflict(current?.version ?? dossier.version + 1, input.version);
  }
  const row = written.row;
  // A forward to another unit changes whose grants reach the dossier.
  const lineage =
    row.handling_unit_code === dossier.handling_unit_code
      ? full!.lineage
      : [
          ...(await cachedUnitLineage(db, row.unit_code, actor.generations)),
          ...(await cachedUnitLineage(db, row.handling_unit_code, actor.generations)),
        ];
  return presentDossier(
    {
      row,
      events: [...full!.events, { ...event, id: 0, seq: written.eventSeq, dossier_id: id }],
      files: signed?.length ? withSigned(full!.files, signed, now, actor.id) : full!.files,
      unitName: full!.unitName,
      assignee: assignee === undefined ? full!.assignee : assignee,
    },
    rolesOverLineage(actor, lineage),
    now,
    svc.deps.personalIds,
  );
}

function versionConflict(current: number, sent: number): ConflictError {
  return new ConflictError(
    `Hồ sơ đã được cập nhật (phiên bản ${current}, bạn gửi ${sent}). Hãy tải lại và thử lại.`,
    'version_conflict',
  );
}

/** What one action changes, records and announces. */
async function effects(
  svc: DossierService,
  // Everything here reads through the action's transaction: on PGlite the pool has one
  // connection, and a query on `svc.deps.db` would wait for ever behind it.
  db: Kysely<Database>,
  actor: Actor,
  full: DossierFull,
  input: ActionInput,
  now: Date,
  notices: DossierNotice['template'][],
): Promise<{
  patch: Patch;
  payload: Record<string, unknown>;
  reason: string | null;
  /** The new assignee's brief when the action changes it (undefined: unchanged). */
  assignee?: AccountBrief | null;
  /** Result files signed for an approval, written with it. */
  signed?: SignedResult[];
}> {
  const d = full.row;
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
      let assignee: AccountBrief | null | undefined;
      if (input.assigneeUsername) {
        const a = await findAccount(db, input.assigneeUsername);
        const asActor = a && { id: a.id, name: a.username, roles: a.roles };
        if (
          !asActor ||
          !holdsOverLineage(
            asActor,
            ['specialist', 'leader'],
            await cachedUnitLineage(db, unitCode, actor.generations),
          )
        ) {
          throw new ValidationError(
            `"${input.assigneeUsername}" không phải chuyên viên hoặc lãnh đạo của đơn vị xử lý.`,
            [{ path: 'body.assigneeUsername', message: 'Chọn người xử lý thuộc đơn vị.' }],
          );
        }
        assigneeId = a.id;
        assignee = { id: a.id, username: a.username, fullName: a.fullName, email: a.email };
      } else if (input.action === 'assign') {
        // Taking it oneself is the common case for a specialist picking from the queue.
        assigneeId = actor.id;
      } else if (unitCode !== d.handling_unit_code && assigneeId) {
        // Sent to another unit with nobody named: that unit's leader assigns it. Whoever
        // handled it in the unit it left no longer does (and may no longer see it).
        assigneeId = null;
        assignee = null;
      }
      if (assignee === undefined && assigneeId && assigneeId !== d.assignee_id) {
        assignee = (await findAccountsByIds(db, [assigneeId])).get(assigneeId) ?? null;
      }
      return {
        assignee,
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
      const cal = await cachedCalendarFor(db, svc.deps.clock, d.unit_code, actor.generations);
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
      // The result handed to the applicant must be a result file of THIS dossier: any other
      // id (another dossier's file, an attachment) would later be served to the citizen.
      if (
        input.resultFileId &&
        !full.files.some((f) => f.id === input.resultFileId && f.kind === 'result')
      ) {
        throw new ValidationError(
          'Tệp kết quả phải là tệp kết quả đã tải lên cho chính hồ sơ này.',
          [
            {
              path: 'body.resultFileId',
              message: 'Chọn tệp kết quả đã tải lên cho hồ sơ này.',
            },
          ],
          'result_file_not_found',
        );
      }
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
    case 'approve': {
      // The leader's approval signs the PDF results (issue 13 deliver 3; dossiers.signing.ts),
      // before anything is written: a file that cannot be signed fails the approval (409).
      const signed = await signResults(svc, db, actor, full, now);
      notices.push('dossier.result_ready');
      return {
        patch: { approved_at: now },
        payload: signed.length
          ? {
              signedResults: signed.map((f) => ({
                fileId: f.id,
                filename: f.filename,
                sha256: f.sha256,
                unsignedSha256: f.unsignedSha256,
                signers: f.signers,
              })),
            }
          : {},
        reason: input.note ?? null,
        signed,
      };
    }
    case 'send_back':
      return {
        patch: { finished_at: null, outcome: null, approved_at: null },
        payload: {},
        reason: input.reason,
      };
    case 'return_result': {
      const unpaid = await unpaidFee(svc, db, actor, d, input.reason);
      return {
        patch: { returned_at: now, return_method: input.method },
        payload: {
          method: input.method,
          ...(unpaid === null ? {} : { unpaidFee: unpaid, unpaidReason: input.reason }),
        },
        reason: input.reason ?? null,
      };
    }
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

/**
 * The fee still due when a result is about to be handed over unpaid, or null when it is paid
 * or none is due. The procedure decides (`unpaidReturn`): `refuse` → 409 `fee_unpaid`;
 * `with_reason` → 409 `fee_unpaid_reason_required` until the desk states why.
 */
async function unpaidFee(
  svc: DossierService,
  db: Kysely<Database>,
  actor: Actor,
  d: DossierRow,
  reason: string | undefined,
): Promise<number | null> {
  const fee = await svc.deps.feeStatus?.(db, d.id);
  if (fee?.status !== 'unpaid') return null;
  const amount = `${fee.feesDue.toLocaleString('vi-VN')} đồng`;
  const procedure = await cachedProcedure(db, d.procedure_id, actor.generations);
  if (procedure.unpaidReturn === 'refuse') {
    throw new AppError(
      'fee_unpaid',
      409,
      `Hồ sơ chưa nộp phí, lệ phí (${amount}). Thủ tục này chỉ trả kết quả sau khi người nộp hồ sơ đã nộp đủ phí, lệ phí.`,
      { feesDue: fee.feesDue },
    );
  }
  if (!reason) {
    throw new AppError(
      'fee_unpaid_reason_required',
      409,
      `Hồ sơ chưa nộp phí, lệ phí (${amount}). Nhập lý do trả kết quả khi chưa thu phí, lệ phí.`,
      {
        feesDue: fee.feesDue,
        errors: [
          { path: 'body.reason', message: 'Nhập lý do trả kết quả khi chưa nộp phí, lệ phí.' },
        ],
      },
    );
  }
  return fee.feesDue;
}
