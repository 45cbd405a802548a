// The rules of tasks (nhiệm vụ): assigning, changing and steering them. Every write runs in
// one transaction with its task_event row, its audit row and the `task` fact (fact-kinds.ts).
import type { WorkingCalendar } from '@cqs/shared/calendar/index';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.js';
import { publishFact } from '../../platform/facts/index.js';
import { CalendarService, cachedCalendarFor } from '../calendar/index.js';
import { findStaffWithRoles } from '../identity/index.js';
import { cachedUnitDescendants, findUnitsByCodes, vnToday } from '../org/index.js';
import { managerUnits, notFound, requireManagerOf, requireVisible } from './tasks.access.js';
import { tasksRepository as repo, type TaskRow } from './tasks.repository.js';
import { type DeadlineInput, doneOnTime, resolveDeadline } from './tasks.rules.js';
import type { TaskSourceType, TaskStatus } from './tasks.tables.js';

type Db = Kysely<Database>;
type Executor = Db | Transaction<Database>;

export interface TaskServiceDeps {
  db: Db;
  clock: Clock;
}

/** What creates a task, from the API or from another module (a plan, a document…). */
export interface NewTaskInput {
  content: string;
  source?: { type: TaskSourceType; id?: string | null; label?: string | null };
  assignedByUnitCode?: string;
  leadUnitCode: string;
  supportUnitCodes?: string[];
  responsibleId?: string | null;
  kind?: 'new' | 'carried_over';
  deadline: DeadlineInput;
}

export interface TaskPatch {
  version?: number;
  content?: string;
  leadUnitCode?: string;
  supportUnitCodes?: string[];
  responsibleId?: string | null;
  kind?: 'new' | 'carried_over';
  deadline?: DeadlineInput;
}

const bad = (path: string, message: string, code: string) =>
  new ValidationError(message, [{ path, message }], code);

/** Tasks: create, change, pause / resume / cancel (progress is tasks.progress.ts). */
export class TaskService {
  readonly calendar: CalendarService;
  constructor(readonly deps: TaskServiceDeps) {
    this.calendar = new CalendarService(deps.db, deps.clock);
  }

  /** The lead unit's working calendar, from the process cache (read paths). */
  calendarOf = (unit: string): Promise<WorkingCalendar> =>
    cachedCalendarFor(this.deps.db, this.deps.clock, unit, undefined);

  /** One task, assigned by a manager of the assigning unit (the API's POST /tasks). */
  async create(actor: Actor, input: NewTaskInput): Promise<TaskRow> {
    const [row] = await this.createMany(actor, [input]);
    return row!;
  }

  /**
   * Several tasks, all or none. `authorize: false` is for another module that has already
   * checked its own action (a plan imported by its unit's administrator, a directive signed
   * by a leader): the units and the deadline are still checked. `trx` joins the caller's
   * transaction, so its change and the tasks commit together.
   */
  async createMany(
    actor: Actor,
    inputs: NewTaskInput[],
    opts: { trx?: Transaction<Database>; authorize?: boolean } = {},
  ): Promise<TaskRow[]> {
    const run = async (trx: Transaction<Database>) => {
      const out: TaskRow[] = [];
      for (const input of inputs)
        out.push(await this.#createOne(trx, actor, input, opts.authorize ?? true));
      return out;
    };
    return opts.trx ? run(opts.trx) : this.deps.db.transaction().execute(run);
  }

  /** Tasks created from a source (e.g. every task of a plan section), oldest first. */
  bySource(type: TaskSourceType, id: string): Promise<TaskRow[]> {
    return repo.bySource(this.deps.db, type, id);
  }

  async #createOne(
    trx: Transaction<Database>,
    actor: Actor,
    input: NewTaskInput,
    authorize: boolean,
  ) {
    const assigning = input.assignedByUnitCode ?? this.#defaultAssigningUnit(actor);
    if (authorize) await requireManagerOf(trx, actor, assigning);
    const support = await this.#checkUnits(
      trx,
      assigning,
      input.leadUnitCode,
      input.supportUnitCodes ?? [],
    );
    const responsible = await this.#checkResponsible(
      trx,
      input.responsibleId ?? null,
      input.leadUnitCode,
    );
    const today = vnToday(this.deps.clock.now());
    // The transaction's own connection: the embedded database has one, so the pool would wait.
    const cal = await new CalendarService(trx, this.deps.clock).calendarFor(input.leadUnitCode);
    const deadline = resolveDeadline(cal, input.deadline, today, today);
    const source = input.source ?? { type: 'manual' as const };
    const row = await repo.insert(trx, {
      content: input.content.normalize('NFC'),
      source_type: source.type,
      source_id: source.id ?? null,
      source_label: source.label ?? null,
      assigned_by_unit_code: assigning,
      lead_unit_code: input.leadUnitCode,
      support_unit_codes: JSON.stringify(support),
      responsible_id: responsible?.id ?? null,
      responsible_name: responsible?.fullName ?? null,
      kind: input.kind ?? 'new',
      deadline_on: deadline.deadlineOn,
      deadline_note: deadline.note,
      status: 'not_started',
      done_on: null,
      on_time: null,
      due_soon_for: null,
      overdue_for: null,
      created_by: actor.id,
      created_at: this.deps.clock.now(),
      updated_at: this.deps.clock.now(),
    });
    await this.record(trx, actor, row, 'create', null, { after: snapshot(row) });
    return row;
  }

  /** Changes content, deadline, units or person (the assigning unit), at the given version. */
  async patch(actor: Actor, id: string, p: TaskPatch, ifMatch?: number): Promise<TaskRow> {
    const { db } = this.deps;
    const version = p.version ?? ifMatch;
    return db.transaction().execute(async (trx) => {
      const t = await repo.findById(trx, id, true);
      const rights = await requireVisible(trx, actor, t);
      if (!rights.manage) throw manageForbidden();
      if (version === undefined)
        throw bad(
          'body.version',
          'Thiếu phiên bản nhiệm vụ (version hoặc If-Match).',
          'version_required',
        );
      if (t!.version !== version) throw versionConflict();
      if (t!.status === 'done' || t!.status === 'cancelled')
        throw new ConflictError('Nhiệm vụ đã kết thúc, không thể điều chỉnh.', 'task_closed');
      const lead = p.leadUnitCode ?? t!.lead_unit_code;
      const support = await this.#checkUnits(
        trx,
        t!.assigned_by_unit_code,
        lead,
        p.supportUnitCodes ?? t!.support_unit_codes.filter((u) => u !== lead),
      );
      let responsibleId = p.responsibleId === undefined ? t!.responsible_id : p.responsibleId;
      // A new lead unit drops a person of the old one unless the change names one.
      if (p.responsibleId === undefined && lead !== t!.lead_unit_code) responsibleId = null;
      const responsible = await this.#checkResponsible(trx, responsibleId, lead);
      const today = vnToday(this.deps.clock.now());
      const deadline = p.deadline
        ? resolveDeadline(
            await new CalendarService(trx, this.deps.clock).calendarFor(lead),
            p.deadline,
            today,
            today,
          )
        : { deadlineOn: t!.deadline_on, note: t!.deadline_note };
      const row = await repo.update(
        trx,
        id,
        version,
        {
          content: p.content?.normalize('NFC') ?? t!.content,
          lead_unit_code: lead,
          support_unit_codes: JSON.stringify(support),
          responsible_id: responsible?.id ?? null,
          responsible_name: responsible?.fullName ?? null,
          kind: p.kind ?? t!.kind,
          deadline_on: deadline.deadlineOn,
          deadline_note: deadline.note,
        },
        this.deps.clock.now(),
      );
      if (!row) throw versionConflict();
      await this.record(trx, actor, row, 'update', t!.status, {
        before: snapshot(t!),
        after: snapshot(row),
      });
      return row;
    });
  }

  /** Pause (tạm dừng), resume or cancel (hủy) — the assigning unit's decisions. */
  async act(
    actor: Actor,
    id: string,
    a: { action: 'pause' | 'resume' | 'cancel'; reason?: string; version: number },
  ): Promise<TaskRow> {
    return this.deps.db.transaction().execute(async (trx) => {
      const t = await repo.findById(trx, id, true);
      const rights = await requireVisible(trx, actor, t);
      if (!rights.manage) throw manageForbidden();
      if (t!.version !== a.version) throw versionConflict();
      const next = transition(t!, a.action);
      if (!next)
        throw new ConflictError(
          'Thao tác không áp dụng được cho nhiệm vụ ở trạng thái hiện tại.',
          'task_action_not_allowed',
        );
      const reason = a.reason?.trim() ?? '';
      if (a.action !== 'resume' && reason === '')
        throw bad('body.reason', 'Nhập lý do tạm dừng hoặc hủy nhiệm vụ.', 'reason_required');
      const row = await repo.update(trx, id, a.version, { status: next }, this.deps.clock.now());
      if (!row) throw versionConflict();
      await this.record(trx, actor, row, a.action, t!.status, {
        before: { status: t!.status },
        after: { status: next, ...(reason ? { reason } : {}) },
      });
      return row;
    });
  }

  /**
   * Cancels (hủy) the tasks still open or paused among `ids`, in the caller's transaction —
   * for another module that has decided it for its own source (a plan withdrawn by its unit's
   * administrator): each cancellation has its event, audit row and fact like `act`'s. Done and
   * already cancelled tasks stay as they are. Returns the tasks cancelled.
   */
  async cancelForSource(
    trx: Transaction<Database>,
    actor: Actor,
    ids: string[],
    reason: string,
  ): Promise<TaskRow[]> {
    const out: TaskRow[] = [];
    for (const id of ids) {
      const t = await repo.findById(trx, id, true);
      if (!t) continue;
      const next = transition(t, 'cancel');
      if (!next) continue;
      const row = await repo.update(trx, id, t.version, { status: next }, this.deps.clock.now());
      if (!row) continue;
      await this.record(trx, actor, row, 'cancel', t.status, {
        before: { status: t.status },
        after: { status: next, reason },
      });
      out.push(row);
    }
    return out;
  }

  /**
   * Finishes (hoàn thành) the open tasks among `ids` in the caller's transaction, for another
   * module that has decided it for its own source (an incoming document whose lead marked its
   * handling done): 100 %, done today, on time against the deadline; each with its event,
   * audit row and fact. Tasks already done, cancelled or paused stay as they are.
   */
  async finishForSource(
    trx: Transaction<Database>,
    actor: Actor,
    ids: string[],
    note: string,
  ): Promise<TaskRow[]> {
    const out: TaskRow[] = [];
    const doneOn = vnToday(this.deps.clock.now());
    for (const id of ids) {
      const t = await repo.findById(trx, id, true);
      if (!t || (t.status !== 'not_started' && t.status !== 'in_progress')) continue;
      const onTime = doneOnTime(t.deadline_on, doneOn);
      const row = await repo.update(
        trx,
        id,
        t.version,
        { status: 'done', percent: 100, done_on: doneOn, on_time: onTime },
        this.deps.clock.now(),
      );
      if (!row) continue;
      await this.record(trx, actor, row, 'done', t.status, {
        before: { status: t.status, percent: t.percent },
        after: { status: 'done', percent: 100, doneOn, onTime, note },
      });
      out.push(row);
    }
    return out;
  }

  /** The task_event row, the audit row and the `task` fact of one change, in `trx`. */
  async record(
    trx: Executor,
    actor: Actor,
    row: TaskRow,
    action: string,
    fromStatus: string | null,
    change: { before?: unknown; after?: unknown; payload?: Record<string, unknown> },
  ): Promise<void> {
    const now = this.deps.clock.now();
    await repo.insertEvent(trx, {
      task_id: row.id,
      action,
      from_status: fromStatus,
      to_status: row.status,
      actor_id: actor.id,
      actor_name: actor.name,
      unit_code: row.lead_unit_code,
      occurred_at: now,
      payload: change.payload ?? (change.after as Record<string, unknown>) ?? {},
    });
    await recordAudit(trx as Db, actor, {
      action: `task.${action}`,
      entityType: 'task',
      entityId: row.id,
      unitCode: row.lead_unit_code,
      before: change.before,
      after: change.after,
    });
    await publishFact(trx, {
      kind: 'task',
      subjectId: row.id,
      unitCode: row.lead_unit_code,
      data: {
        assignedByUnitCode: row.assigned_by_unit_code,
        status: row.status,
        deadlineOn: row.deadline_on,
        doneOn: row.done_on,
        onTime: row.on_time,
        createdOn: vnToday(new Date(row.created_at)),
        sourceType: row.source_type,
      },
    });
  }

  #defaultAssigningUnit(actor: Actor): string {
    const units = managerUnits(actor);
    if (units.length === 1) return units[0]!;
    if (units.length === 0)
      throw new ForbiddenError(
        'Chỉ lãnh đạo, văn phòng hoặc quản trị của đơn vị giao mới được giao nhiệm vụ.',
        'task_manage_forbidden',
      );
    throw bad('body.assignedByUnitCode', 'Chọn đơn vị giao nhiệm vụ.', 'assigning_unit_required');
  }

  /**
   * Lead and supporting units must exist, be open, and lie in the assigning unit's subtree
   * (the unit itself or below it): a unit directs its own departments and lower levels, and
   * asks a sibling or a higher level through a document, not a task. Returns the supporting
   * units without duplicates and without the lead.
   */
  async #checkUnits(db: Executor, assigning: string, lead: string, support: string[]) {
    const list = [...new Set(support)].filter((u) => u !== lead);
    const known = await findUnitsByCodes(db as Db, [assigning, lead, ...list]);
    for (const [path, code] of [
      ['body.assignedByUnitCode', assigning],
      ['body.leadUnitCode', lead],
      ...list.map((c) => ['body.supportUnitCodes', c] as const),
    ] as const) {
      const u = known.get(code);
      if (!u || u.closed)
        throw bad(path, `Không có đơn vị đang hoạt động mã ${code}.`, 'unknown_unit');
    }
    const subtree = new Set(await cachedUnitDescendants(db as Db, assigning, undefined));
    for (const code of [lead, ...list])
      if (!subtree.has(code))
        throw bad(
          code === lead ? 'body.leadUnitCode' : 'body.supportUnitCodes',
          `Đơn vị ${code} không thuộc đơn vị giao nhiệm vụ.`,
          'task_unit_outside',
        );
    return list;
  }

  /** The responsible person must be an enabled staff account of the lead unit (or below it). */
  async #checkResponsible(db: Executor, id: string | null, lead: string) {
    if (!id) return null;
    const person = await findStaffWithRoles(db as Db, id);
    const subtree = new Set(await cachedUnitDescendants(db as Db, lead, undefined));
    if (!person?.roles.some((g) => g.unitCode !== null && subtree.has(g.unitCode)))
      throw bad(
        'body.responsibleId',
        'Người phụ trách phải là cán bộ của đơn vị chủ trì.',
        'task_responsible_outside',
      );
    return person;
  }
}

/** The status after an action of the assigning unit, or null when it does not apply. */
function transition(t: TaskRow, action: 'pause' | 'resume' | 'cancel'): TaskStatus | null {
  const open = t.status === 'not_started' || t.status === 'in_progress';
  if (action === 'pause') return open ? 'paused' : null;
  if (action === 'resume')
    return t.status === 'paused' ? (t.percent > 0 ? 'in_progress' : 'not_started') : null;
  return open || t.status === 'paused' ? 'cancelled' : null;
}

/** What the audit row keeps of a task. */
export function snapshot(t: TaskRow) {
  return {
    content: t.content,
    source: { type: t.source_type, id: t.source_id },
    assignedByUnitCode: t.assigned_by_unit_code,
    leadUnitCode: t.lead_unit_code,
    supportUnitCodes: t.support_unit_codes,
    responsibleId: t.responsible_id,
    kind: t.kind,
    deadlineOn: t.deadline_on,
    status: t.status,
    percent: t.percent,
  };
}

export const versionConflict = () =>
  new ConflictError(
    'Nhiệm vụ vừa được người khác thay đổi; hãy tải lại rồi thử lại.',
    'task_version_conflict',
  );

export const manageForbidden = () =>
  new ForbiddenError(
    'Chỉ lãnh đạo, văn phòng hoặc quản trị của đơn vị giao mới được điều chỉnh nhiệm vụ.',
    'task_manage_forbidden',
  );

export { notFound };
