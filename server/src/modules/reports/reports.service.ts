import { randomBytes, randomUUID } from 'node:crypto';
import { vnDateOf } from '@cqs/shared/calendar/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, ForbiddenError, ValidationError } from '../../platform/errors.js';
import { cachedCalendarFor } from '../calendar/index.js';
import { emailsOfRoleAt } from '../identity/index.js';
import { enqueueNotification } from '../notifications/index.js';
import {
  cachedUnit,
  cachedUnitLineage,
  findUnitsByCodes,
  unitBoundariesAround,
  unitLineage,
} from '../org/index.js';
import { answersInWords, checkAnswers, parseDefinitions } from './open311/open311.attributes.js';
import { hashToken, requireVisible, tokenMatches } from './reports.access.js';
import { type Change, staffActionEffects } from './reports.actions.js';
import { publishReportFact } from './reports.facts.js';
import {
  followTokenFromKey,
  hashRequest,
  idempotencyKeyHash,
  replayed,
} from './reports.idempotency.js';
import { notifyReporter } from './reports.notify.js';
import { attachPhotos, photosOfReport } from './reports.photos.js';
import { presentReport } from './reports.present.js';
import { type ReportRow, reportsRepository as repo } from './reports.repository.js';
import {
  type BoundaryCandidate,
  chooseUnit,
  deepestContaining,
  handlingUnit,
  ruleFor,
} from './reports.routing.js';
import type { ActionInput, CreateReportInput, ReportView } from './reports.schemas.js';
import { acceptDue, infoDue, reopenUntil, resolveDue } from './reports.sla.js';
import {
  ACTION_LABELS,
  allowedActions,
  type Guards,
  guardFailure,
  nextStatus,
  type ReportAction,
  type ReportActorRole,
  type ReportStatus,
  STATUS_LABELS,
  TRANSITIONS,
} from './reports.states.js';

type Db = Kysely<Database>;

export interface ReportDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  /** Days after `resolved` during which the reporter may say "not fixed" (default 7). */
  reopenWindowDays?: number;
  /** Radius of the "already reported nearby" check, metres (REPORT_DUPLICATE_RADIUS_M, 150). */
  duplicateRadiusM?: number;
}

/** How a report arrived: the web form (default), an Open311 client, or the desk. */
export interface ReportOrigin {
  channel: 'web' | 'open311' | 'desk';
  /** The Open311 client's id, for channel 'open311'. */
  clientId?: string;
  /** Answers to the category's extra questions (validated by the caller), by attribute code. */
  attributes?: Record<string, unknown>;
  /** A photo hosted elsewhere (Open311 `media_url`). */
  mediaUrl?: string;
}

/** The actor of the reporter's own actions (the follow token holder). */
export const REPORTER_ACTOR: Actor = { id: null, name: 'Người phản ánh', roles: [] };

/** The actor of the system's own actions (sweeps). */
const SYSTEM_REPORT_ACTOR: Actor = { id: null, name: 'Hệ thống', roles: [] };

/** Field reports (phản ánh hiện trường): receipt, routing, deadlines and the workflow. */
export class ReportService {
  readonly reopenWindowDays: number;
  readonly duplicateRadiusM: number;
  constructor(readonly deps: ReportDeps) {
    this.reopenWindowDays = deps.reopenWindowDays ?? 7;
    this.duplicateRadiusM = deps.duplicateRadiusM ?? 150;
  }

  /** The citizen's tracking page of a report. */
  lookupUrl(code: string): string {
    return `${this.deps.publicUrl}/phan-anh/${encodeURIComponent(code)}`;
  }

  /**
   * Receives a report from anyone (signed in or not): routes it to a unit, sets the accept
   * deadline, numbers it, and writes it with its first event, the audit row and the receipt
   * notice in one transaction. Returns the row and the follow token (shown once).
   */
  async create(
    actor: Actor | null,
    input: CreateReportInput,
    origin: ReportOrigin = { channel: 'web' },
    idempotencyKey?: string,
  ): Promise<{ row: ReportRow; followToken: string; created: boolean }> {
    const { db, clock } = this.deps;
    const requestHash = hashRequest({ input, origin });
    const keyHash = idempotencyKey ? idempotencyKeyHash(idempotencyKey) : null;
    if (keyHash) {
      const existing = await repo.findByIdempotencyKeyHash(db, keyHash);
      if (existing) return replayed(existing, idempotencyKey!, requestHash);
    }
    const seen = actor?.generations;
    const category = await repo.findCategory(db, input.categoryCode);
    if (!category?.active) {
      throw new ValidationError(
        'Lĩnh vực phản ánh không tồn tại hoặc đã ngừng tiếp nhận.',
        [{ path: 'body.categoryCode', message: 'Chọn một lĩnh vực trong danh sách.' }],
        'unknown_category',
      );
    }
    // The category's extra questions: the web form's answers are checked here; an Open311
    // client's were checked (with Open311's error list) before they reached this point.
    let attributes = origin.attributes;
    if (attributes === undefined) {
      const checked = checkAnswers(parseDefinitions(category.attributes), input.attributes ?? {});
      if (!checked.ok)
        throw new ValidationError(
          'Câu trả lời cho câu hỏi của lĩnh vực chưa hợp lệ.',
          checked.problems.map((p) => ({
            path: `body.attributes.${p.field.replace(/^attribute\[(.*)\]$/, '$1')}`,
            message: p.message,
          })),
          'invalid_attributes',
        );
      attributes = checked.answers;
    }
    const unitCode = await this.route(input.location, seen);
    const lineage = await cachedUnitLineage(db, unitCode, seen);
    const kinds = await findUnitsByCodes(db, lineage);
    // An admin's rule for this category in this area wins over the category's default level.
    const rules = await repo.routingRulesFor(db, category.code, lineage);
    const handling =
      ruleFor(rules, lineage) ??
      handlingUnit(
        lineage.map((code) => ({ code, kind: kinds.get(code)?.kind ?? '' })),
        category.responsible_kind,
      );
    const now = clock.now();
    const cal = await cachedCalendarFor(db, clock, handling, seen);
    const acceptDueAt = acceptDue(cal, now, category);
    const infoDueAt = infoDue(cal, now, category);
    const id = randomUUID();
    // With an Idempotency-Key the token is derived from it, so a retry can be answered with
    // the same token although only its hash is stored.
    const followToken = idempotencyKey
      ? followTokenFromKey(idempotencyKey, id)
      : randomBytes(24).toString('base64url');
    const day = vnDateOf(now);
    const actorForAudit = actor ?? REPORTER_ACTOR;
    const write = db.transaction().execute(async (trx) => {
      const seq = await repo.nextSeq(trx, day);
      const code = `PA-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
      const inserted = await repo.insert(trx, {
        id,
        code,
        category_code: category.code,
        description: input.description,
        lat: input.location.lat === undefined ? null : String(input.location.lat),
        long: input.location.long === undefined ? null : String(input.location.long),
        address: input.location.address ?? null,
        unit_code: unitCode,
        handling_unit_code: handling,
        status: 'new',
        reporter_name: input.contact.name || null,
        reporter_phone: input.contact.phone ?? null,
        reporter_email: input.contact.email ?? null,
        anonymous: input.anonymous,
        channel: origin.channel,
        source_client_id: origin.clientId ?? null,
        attributes: JSON.stringify(attributes),
        media_url: origin.mediaUrl ?? null,
        follow_token_hash: hashToken(followToken),
        idempotency_key_hash: keyHash,
        request_hash: requestHash,
        assignee_id: null,
        accept_due_at: acceptDueAt,
        info_due_at: infoDueAt,
        info_requested_at: null,
        info_question: null,
        info_answered_at: null,
        resolve_due_at: null,
        due_at: acceptDueAt,
        due_soon_at: null,
        overdue_at: null,
        escalated_at: null,
        accepted_at: null,
        resolution: null,
        resolved_at: null,
        closed_at: null,
        reopen_count: 0,
        merged_into: null,
        rating: null,
        rating_comment: null,
        version: 1,
        created_by: actor?.id ?? null,
        created_at: now,
        updated_at: now,
      });
      await publishReportFact(trx, inserted);
      const photos = await attachPhotos(trx, id, input.photoIds, 'report', now);
      await repo.appendEvent(trx, id, {
        action: 'submit',
        from_status: null,
        to_status: 'new',
        actor_id: actor?.id ?? null,
        // The reporter's name never goes into events (they are shown on timelines).
        actor_name: actor?.roles.some((g) => g.role !== 'citizen')
          ? actor.name
          : REPORTER_ACTOR.name,
        unit_code: handling,
        occurred_at: now,
        reason: null,
        payload: {
          channel: origin.channel,
          unitCode,
          acceptDueAt: acceptDueAt.toISOString(),
          ...(photos ? { photos } : {}),
        },
      });
      await recordAudit(trx, actorForAudit, {
        action: 'report.submit',
        entityType: 'report',
        entityId: id,
        unitCode: handling,
        after: { code, category: category.code, unitCode, handlingUnitCode: handling },
      });
      await notifyReporter(trx, now, inserted, 'report.received', {
        code,
        categoryName: category.name_vi,
        dueAt: acceptDueAt,
        lookupUrl: this.lookupUrl(code),
      });
      return inserted;
    });
    try {
      return { row: await write, followToken, created: true };
    } catch (err) {
      // Two retries racing with one key: the loser answers with the winner's report.
      if (keyHash && (err as { code?: string }).code === '23505') {
        const existing = await repo.findByIdempotencyKeyHash(db, keyHash);
        if (existing) return replayed(existing, idempotencyKey!, requestHash);
      }
      throw err;
    }
  }

  /**
   * The unit a report belongs to: the deepest boundary containing the point (bbox prefilter
   * in SQL, exact test in TypeScript), refined by the commune the citizen picked; else the
   * picked unit. 400 `location_outside_jurisdiction` when neither is known.
   */
  private async route(
    loc: CreateReportInput['location'],
    seen: Actor['generations'],
  ): Promise<string> {
    const { db } = this.deps;
    const routed =
      loc.lat !== undefined && loc.long !== undefined
        ? deepestContaining(
            (await unitBoundariesAround(db, {
              lat: loc.lat,
              long: loc.long,
            })) as BoundaryCandidate[],
            {
              lat: loc.lat,
              long: loc.long,
            },
          )
        : null;
    const picked = loc.unitCode ?? null;
    const pickedUnit = picked ? await cachedUnit(db, picked, seen) : null;
    if (picked && !pickedUnit && !routed) {
      throw new ValidationError(
        `Không tìm thấy xã/phường mã ${picked}.`,
        [{ path: 'body.location.unitCode', message: 'Chọn xã/phường trong danh sách.' }],
        'unit_not_found',
      );
    }
    const pickedLineage = pickedUnit ? await cachedUnitLineage(db, picked!, seen) : [];
    const unit = chooseUnit({ routed, picked, pickedLineage });
    if (!unit) {
      throw new AppError(
        'location_outside_jurisdiction',
        400,
        'Vị trí phản ánh nằm ngoài địa bàn được quản lý trên hệ thống. Hãy chọn lại vị trí hoặc chọn xã/phường.',
      );
    }
    return unit;
  }

  /** One report with its events and the caller's allowed actions; 404 outside their units. */
  async get(actor: Actor, id: string): Promise<ReportView> {
    const full = await repo.loadFull(this.deps.db, id);
    const roles = requireVisible(actor, full?.lineage);
    return {
      ...presentReport(
        full!,
        allowedActions(full!.row.status as ReportStatus, roles, this.guards(full!.row)),
        await photosOfReport(this.deps.db, id),
      ),
      answers: answersInWords(parseDefinitions(full!.categoryQuestions), full!.row.attributes),
    };
  }

  /** Facts the guards check, as of now. */
  guards(r: ReportRow): Guards {
    const now = this.deps.clock.now();
    return {
      reopenWindowOpen:
        r.resolved_at !== null && now < reopenUntil(new Date(r.resolved_at), this.reopenWindowDays),
      rated: r.rating !== null,
      escalated: r.escalated_at !== null,
      merged: r.merged_into !== null,
      // Reports received before migration 0733 have no limit stored: asking stays possible.
      infoWindowOpen: r.info_due_at === null || now <= new Date(r.info_due_at),
      reporterReachable: r.reporter_phone !== null || r.reporter_email !== null,
      infoPending:
        r.info_requested_at !== null &&
        (r.info_answered_at === null ||
          new Date(r.info_answered_at) < new Date(r.info_requested_at)),
    };
  }

  /**
   * Takes a staff action (optimistic concurrency on `version`): checks the caller's units,
   * the version, the transitions table and the guards, then writes the change, its event,
   * audit row and notices in one transaction.
   */
  async act(actor: Actor, id: string, input: ActionInput): Promise<ReportView> {
    const { db } = this.deps;
    const full = await repo.loadFull(db, id);
    const roles = requireVisible(actor, full?.lineage);
    const report = full!.row;
    if (report.version !== input.version) throw versionConflict(report.version, input.version);
    if (input.photoIds?.length && input.action !== 'resolve')
      throw new ValidationError(
        'Chỉ gửi kèm ảnh khi trả lời, hoàn thành xử lý.',
        [{ path: 'body.photoIds', message: 'Bỏ ảnh, hoặc chọn "Trả lời, hoàn thành xử lý".' }],
        'photos_not_allowed',
      );
    const to = this.check(input.action, report, roles);
    const change = await staffActionEffects(this, actor, full!, input, to);
    await this.commit(actor, report, change);
    return this.get(actor, id);
  }

  /** The reporter's own action with the follow token (reopen, rate). */
  async actAsReporter(
    code: string,
    token: string,
    action: 'reopen' | 'rate' | 'provide_info',
    data: { reason?: string; rating?: number; comment?: string; answer?: string },
  ): Promise<ReportRow> {
    const { db, clock } = this.deps;
    const id = await repo.findIdByCode(db, code);
    const full = id ? await repo.loadFull(db, id) : undefined;
    if (!full) throw notFound();
    if (!tokenMatches(token, full.row.follow_token_hash)) {
      throw new ForbiddenError(
        'Mã theo dõi không đúng. Hãy dùng mã theo dõi nhận được khi gửi phản ánh.',
        'invalid_follow_token',
      );
    }
    const report = full.row;
    const to = this.check(action, report, new Set<ReportActorRole>(['reporter']));
    const now = clock.now();
    let change: Change;
    if (action === 'reopen') {
      const category = (await repo.findCategory(db, report.category_code))!;
      const cal = await cachedCalendarFor(db, clock, report.handling_unit_code, undefined);
      const due = resolveDue(cal, now, category);
      change = {
        action,
        to,
        reason: data.reason ?? null,
        patch: {
          reopen_count: report.reopen_count + 1,
          resolved_at: null,
          resolve_due_at: due,
          due_at: due,
          due_soon_at: null,
          overdue_at: null,
        },
        payload: { resolveDueAt: due.toISOString(), reopenCount: report.reopen_count + 1 },
      };
    } else if (action === 'provide_info') {
      // The answer stays with the staff (it may hold personal details): not on public pages.
      change = {
        action,
        to,
        reason: data.answer ?? null,
        patch: { info_answered_at: now },
        payload: {},
      };
    } else {
      change = {
        action,
        to,
        reason: null,
        patch: { rating: data.rating ?? null, rating_comment: data.comment || null },
        payload: { rating: data.rating },
      };
    }
    return this.commit(REPORTER_ACTOR, report, change);
  }

  /**
   * Escalates an overdue report once to the parent of its handling unit (system action):
   * claims `escalated_at`, appends the event and audit row, and e-mails the parent unit's
   * leaders, in one transaction. Running it twice changes nothing the second time.
   */
  async escalate(id: string): Promise<boolean> {
    const { db, clock } = this.deps;
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const row = await repo.claimEscalation(trx, id, now);
      if (!row) return false;
      const lineage = await unitLineage(trx, row.handling_unit_code);
      const parent = lineage[1] ?? row.handling_unit_code;
      await repo.appendEvent(trx, id, {
        action: 'escalate',
        from_status: row.status,
        to_status: row.status,
        actor_id: null,
        actor_name: 'Hệ thống',
        unit_code: row.handling_unit_code,
        occurred_at: now,
        reason: null,
        payload: { escalatedTo: parent, dueAt: row.due_at && new Date(row.due_at).toISOString() },
      });
      await recordAudit(
        trx,
        { id: null, name: 'system', roles: [] },
        {
          action: 'report.escalate',
          entityType: 'report',
          entityId: id,
          unitCode: row.handling_unit_code,
          after: { code: row.code, escalatedTo: parent },
        },
      );
      const category = await repo.findCategory(trx, row.category_code);
      const unitName =
        (await findUnitsByCodes(trx, [row.handling_unit_code])).get(row.handling_unit_code)?.name ??
        row.handling_unit_code;
      for (const email of await emailsOfRoleAt(trx, 'leader', parent)) {
        await enqueueNotification(trx, {
          channel: 'email',
          recipient: email,
          template: 'report.escalated',
          data: {
            code: row.code,
            categoryName: category?.name_vi ?? row.category_code,
            unitName,
            dueAt: row.due_at ?? now,
            staffUrl: `${this.deps.publicUrl}/phan-anh/xu-ly/${row.id}`,
          },
          dedupeKey: `report:${id}:escalated:${email}`,
          related: { type: 'report', id },
          at: now,
        });
      }
      return true;
    });
  }

  /**
   * Closes a resolved report once the reporter's window to say "not fixed" has passed
   * (system action). False when it is no longer resolved, the window is still open, or
   * someone acted meanwhile — so a second run changes nothing.
   */
  async closeAfterReopenWindow(id: string): Promise<boolean> {
    const { db, clock } = this.deps;
    const full = await repo.loadFull(db, id);
    if (full?.row.status !== 'resolved' || this.guards(full.row).reopenWindowOpen) return false;
    const now = clock.now();
    try {
      await this.commit(SYSTEM_REPORT_ACTOR, full.row, {
        action: 'close',
        to: this.check('close', full.row, new Set<ReportActorRole>(['system'])),
        patch: { closed_at: now, due_at: null },
        reason: null,
        payload: { automatic: true, reopenWindowDays: this.reopenWindowDays },
      });
      return true;
    } catch (err) {
      if (err instanceof AppError && err.code === 'version_conflict') return false;
      throw err;
    }
  }

  /** The status after the action, or the error the table or the guards give. */
  private check(
    action: ReportAction,
    report: ReportRow,
    roles: ReadonlySet<ReportActorRole>,
  ): ReportStatus {
    const from = report.status as ReportStatus;
    const to = nextStatus(action, from);
    if (!to) {
      throw new AppError(
        'action_not_allowed',
        409,
        `Không thể "${ACTION_LABELS[action]}" khi phản ánh ở trạng thái "${STATUS_LABELS[from]}".`,
        { currentStatus: from, action },
      );
    }
    if (!TRANSITIONS[action].roles.some((r) => roles.has(r))) {
      throw new ForbiddenError(
        `Vai trò của bạn không được "${ACTION_LABELS[action]}" phản ánh này.`,
        'action_forbidden_for_role',
      );
    }
    const guard = guardFailure(action, this.guards(report));
    if (guard) throw new AppError(guard.code, 409, guard.detail);
    return to;
  }

  /** Writes one change: guarded update, event, audit row and notices in one transaction. */
  private async commit(actor: Actor, report: ReportRow, c: Change): Promise<ReportRow> {
    const now = this.deps.clock.now();
    return this.deps.db.transaction().execute(async (trx) => {
      const row = await repo.updateGuarded(trx, report.id, report.version, {
        ...c.patch,
        status: c.to,
        updated_at: now,
      });
      if (!row) throw versionConflict(report.version + 1, report.version);
      await publishReportFact(trx, row);
      await repo.appendEvent(trx, report.id, {
        action: c.action,
        from_status: report.status,
        to_status: c.to,
        actor_id: actor.id,
        actor_name: actor.name,
        unit_code: row.handling_unit_code,
        occurred_at: now,
        reason: c.reason,
        payload: c.payload,
      });
      await recordAudit(trx, actor, {
        action: `report.${c.action}`,
        entityType: 'report',
        entityId: report.id,
        unitCode: row.handling_unit_code,
        before: { status: report.status, version: report.version },
        after: { status: c.to, version: row.version, ...c.payload },
      });
      await c.after?.(trx, row);
      return row;
    });
  }
}

/** 404 for an unknown report code. */
export function notFound(): AppError {
  return new AppError('report_not_found', 404, 'Không tìm thấy phản ánh.');
}

function versionConflict(current: number, sent: number): AppError {
  return new AppError(
    'version_conflict',
    409,
    'Phản ánh vừa được người khác cập nhật. Hãy tải lại để xem thay đổi mới nhất.',
    { currentVersion: current, sentVersion: sent },
  );
}
