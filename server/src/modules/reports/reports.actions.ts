/**
 * What each staff action on a field report changes (style.md rule 6: the states file says who
 * may act when; this says what the action does): its own inputs checked, the patch, the
 * event payload and what to queue after the write. The service writes it (`commit`).
 */
import type { Kysely, Updateable } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.js';
import { cachedCalendarFor } from '../calendar/index.js';
import { findAccount, holdsOverLineage } from '../identity/index.js';
import { cachedUnit, cachedUnitLineage } from '../org/index.js';
import { requireVisible } from './reports.access.js';
import { notifyFollowers, notifyReporter } from './reports.notify.js';
import { attachPhotos } from './reports.photos.js';
import {
  type ReportFull,
  type ReportRow,
  reportsRepository as repo,
} from './reports.repository.js';
import type { ActionInput } from './reports.schemas.js';
import type { ReportService } from './reports.service.js';
import { resolveDue } from './reports.sla.js';
import type { ReportAction, ReportStatus } from './reports.states.js';
import type { ReportTable } from './reports.tables.js';

type Db = Kysely<Database>;

/** One change to write: the guarded update, its event, audit row and notices. */
export interface Change {
  action: ReportAction;
  to: ReportStatus;
  patch: Updateable<ReportTable>;
  reason: string | null;
  payload: Record<string, unknown>;
  after?: (trx: Db, row: ReportRow) => Promise<void>;
}

/** What a staff action changes, after checking its own inputs. */
export async function staffActionEffects(
  svc: ReportService,
  actor: Actor,
  full: ReportFull,
  input: ActionInput,
  to: ReportStatus,
): Promise<Change> {
  const { db, clock } = svc.deps;
  const r = full.row;
  const now = clock.now();
  const base = { action: input.action, to, reason: input.reason ?? null, payload: {} };
  switch (input.action) {
    case 'accept': {
      const category = (await repo.findCategory(db, r.category_code))!;
      const cal = await cachedCalendarFor(db, clock, r.handling_unit_code, actor.generations);
      const due = resolveDue(cal, now, category);
      return {
        ...base,
        patch: {
          accepted_at: now,
          resolve_due_at: due,
          due_at: due,
          due_soon_at: null,
          overdue_at: null,
        },
        payload: { resolveDueAt: due.toISOString() },
      };
    }
    case 'reject':
      required(input.reason, 'reason', 'reason_required', 'Nhập lý do từ chối phản ánh.');
      return { ...base, patch: { due_at: null } };
    case 'assign': {
      required(
        input.assigneeUsername,
        'assigneeUsername',
        'assignee_required',
        'Chọn cán bộ được phân công xử lý.',
      );
      const who = await findAccount(db, input.assigneeUsername!);
      const lineage = await cachedUnitLineage(db, r.handling_unit_code, actor.generations);
      if (
        !who ||
        !holdsOverLineage(
          { id: who.id, name: who.fullName, roles: who.roles },
          ['specialist', 'leader'],
          lineage,
        )
      ) {
        throw new ValidationError(
          `Tài khoản ${input.assigneeUsername} không phải chuyên viên hoặc lãnh đạo của đơn vị xử lý.`,
          [],
          'assignee_not_in_unit',
        );
      }
      return {
        ...base,
        patch: { assignee_id: who.id },
        payload: { assignee: who.username, assigneeName: who.fullName },
      };
    }
    case 'start':
      return {
        ...base,
        patch: r.assignee_id ? {} : { assignee_id: actor.id },
      };
    case 'resolve': {
      required(
        input.reply,
        'reply',
        'reply_required',
        'Nhập nội dung trả lời công khai cho người dân.',
      );
      return {
        ...base,
        patch: { resolution: input.reply!, resolved_at: now, due_at: null },
        payload: input.photoIds?.length ? { photos: input.photoIds.length } : {},
        after: async (trx, row) => {
          await attachPhotos(trx, row.id, input.photoIds, 'resolution', now);
          const data = {
            code: row.code,
            categoryName: full.categoryName,
            reply: input.reply!,
            lookupUrl: svc.lookupUrl(row.code),
          };
          await notifyReporter(trx, now, row, 'report.resolved', data);
          await notifyFollowers(trx, now, row, data);
        },
      };
    }
    case 'close':
      return { ...base, patch: { closed_at: now, due_at: null } };
    case 'merge': {
      required(input.targetId, 'targetId', 'target_required', 'Chọn phản ánh để gộp vào.');
      const target = input.targetId === r.id ? undefined : await repo.loadFull(db, input.targetId!);
      if (!target || requireVisibleOrEmpty(actor, target).size === 0) {
        throw new ValidationError(
          'Không tìm thấy phản ánh để gộp vào (hoặc đó chính là phản ánh này).',
          [],
          'merge_target_not_found',
        );
      }
      if (!['new', 'accepted', 'assigned', 'in_progress'].includes(target.row.status)) {
        throw new ConflictError(
          'Chỉ gộp vào một phản ánh đang được xử lý.',
          'merge_target_not_open',
        );
      }
      return {
        ...base,
        patch: { merged_into: target.row.id, closed_at: now, due_at: null },
        payload: { targetId: target.row.id, targetCode: target.row.code },
        after: async (trx) => {
          await repo.moveFollowers(trx, r.id, target.row.id);
          // The duplicate's reporter now follows the report that stays open.
          for (const c of [r.reporter_phone, r.reporter_email])
            if (c) await repo.addFollower(trx, target.row.id, c, now);
        },
      };
    }
    case 'transfer': {
      required(input.unitCode, 'unitCode', 'unit_required', 'Chọn đơn vị nhận xử lý.');
      const unit = await cachedUnit(db, input.unitCode!, actor.generations);
      if (!unit) {
        throw new ValidationError(
          `Không tìm thấy đơn vị mã ${input.unitCode}.`,
          [],
          'unit_not_found',
        );
      }
      if (unit.code === r.handling_unit_code) {
        throw new ValidationError('Phản ánh đang do chính đơn vị này xử lý.', [], 'same_unit');
      }
      return {
        ...base,
        patch: { handling_unit_code: unit.code, assignee_id: null },
        payload: { fromUnit: r.handling_unit_code, toUnit: unit.code },
      };
    }
    case 'request_info': {
      required(
        input.reason,
        'reason',
        'question_required',
        'Nhập nội dung đề nghị người phản ánh bổ sung.',
      );
      return {
        ...base,
        patch: { info_requested_at: now, info_question: input.reason! },
        after: async (trx, row) => {
          await notifyReporter(trx, now, row, 'report.info_requested', {
            code: row.code,
            categoryName: full.categoryName,
            question: input.reason!,
            lookupUrl: svc.lookupUrl(row.code),
          });
        },
      };
    }
    default:
      // reopen, rate, provide_info and escalate are not staff actions: check() refused them.
      throw new ForbiddenError();
  }
}

function requireVisibleOrEmpty(actor: Actor, full: ReportFull) {
  try {
    return requireVisible(actor, full.lineage);
  } catch {
    return new Set();
  }
}

function required(value: unknown, field: string, code: string, message: string): void {
  if (value === undefined || value === null || value === '')
    throw new ValidationError(message, [{ path: `body.${field}`, message }], code);
}
