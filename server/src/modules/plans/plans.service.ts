import {
  type PlanAssignment,
  type PlanDocument,
  type PlanDocumentInput,
  PlanDocumentSchema,
  type TargetPatchInput,
} from '@cqs/shared/plans/index';
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { requireStaff } from '../identity/index.js';
import { findUnitsByCodes, unitDescendants, unitLineage } from '../org/index.js';
import { TaskService } from '../tasks/index.js';
import {
  planNotFound,
  readableUnits,
  requirePlanCreator,
  requirePlanReader,
  requirePlanWriter,
} from './plans.access.js';
import { planDocument, presentPlan, presentTarget, withdrawalOf } from './plans.present.js';
import { type PlanRows, plansRepository as repo, type TargetRow } from './plans.repository.js';
import type { PlanTargetTable } from './plans.tables.js';
import { createPlanTasks } from './plans.tasks.js';

// The rules of plans (kế hoạch): one function per change, each in one transaction with its
// plan_event row and its audit row (style.md rule 5).

export interface PlansDeps {
  db: Kysely<Database>;
  clock: Clock;
}

/** A change of a target's indicator link or values (PATCH). */
export type TargetPatch = TargetPatchInput;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const inTx = <T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>) =>
  db.isTransaction ? fn(db) : db.transaction().execute(fn);

/** Unit names for the codes a plan names (its unit and its assignments). */
async function namesOf(db: Kysely<Database>, rows: PlanRows) {
  return findUnitsByCodes(db, [
    rows.plan.unit_code,
    ...new Set(rows.assignments.map((a) => a.unit_code)),
  ]);
}

/**
 * Checks that assignments go only to direct children of the plan's unit (today), each unit
 * once: 400 `assignment_not_child` listing every offending one.
 */
async function checkAssignments(
  db: Kysely<Database>,
  planUnit: string,
  lists: { where: string; items: PlanAssignment[] }[],
): Promise<void> {
  const errors: { path: string; message: string }[] = [];
  const parentOf = new Map<string, string | null>();
  for (const { where, items } of lists) {
    const seen = new Set<string>();
    for (const [i, a] of items.entries()) {
      if (seen.has(a.unitCode))
        errors.push({ path: `${where}[${i}].unitCode`, message: `Đơn vị ${a.unitCode} lặp lại.` });
      seen.add(a.unitCode);
      if (!parentOf.has(a.unitCode))
        parentOf.set(a.unitCode, (await unitLineage(db, a.unitCode))[1] ?? null);
      if (parentOf.get(a.unitCode) !== planUnit)
        errors.push({
          path: `${where}[${i}].unitCode`,
          message: `Đơn vị ${a.unitCode} không phải đơn vị trực thuộc ${planUnit}.`,
        });
    }
  }
  if (errors.length > 0)
    throw new ValidationError(
      `Chỉ được giao chỉ tiêu cho đơn vị trực thuộc ${planUnit}: ${errors.map((e) => e.message).join(' ')}`,
      errors,
      'assignment_not_child',
    );
}

async function event(
  trx: Kysely<Database>,
  actor: Actor,
  planId: string,
  action: string,
  at: Date,
  payload: unknown,
) {
  await repo.insertEvent(trx, {
    planId,
    action,
    actorId: actor.id,
    actorName: actor.name,
    at,
    payload,
  });
}

/** Creates a plan from its document (POST /plans, the XLSX import, the demo). */
export async function createPlan(deps: PlansDeps, actor: Actor | null, input: PlanDocumentInput) {
  const doc: PlanDocument = PlanDocumentSchema.parse(input);
  const a = await requirePlanCreator(deps.db, actor, doc.unitCode);
  return createPlanAs(deps, a, doc);
}

/** createPlan once the actor is known to be allowed (the demo's system actor). */
export async function createPlanAs(deps: PlansDeps, actor: Actor, doc: PlanDocument) {
  const unit = (await findUnitsByCodes(deps.db, [doc.unitCode])).get(doc.unitCode);
  if (!unit)
    throw new ValidationError(
      `Không có đơn vị mã ${doc.unitCode}.`,
      [{ path: 'body.unitCode', message: 'Mã đơn vị không tồn tại.' }],
      'unknown_unit',
    );
  await checkAssignments(
    deps.db,
    doc.unitCode,
    doc.targets.map((t, i) => ({ where: `body.targets[${i}].assignments`, items: t.assignments })),
  );
  const now = deps.clock.now();
  const id = await inTx(deps.db, async (trx) => {
    const planId = await repo.insertPlan(trx, doc, now);
    const summary = {
      title: doc.title,
      year: doc.year,
      status: doc.status,
      targets: doc.targets.length,
      tasks: doc.tasks.length,
      budget: doc.budget.length,
    };
    await event(trx, actor, planId, 'created', now, summary);
    await createPlanTasks(trx, deps.clock, actor, planId, doc);
    await recordAudit(trx, actor, {
      action: 'plan.create',
      entityType: 'plan',
      entityId: planId,
      unitCode: doc.unitCode,
      after: summary,
    });
    return planId;
  });
  return getPlanAs(deps, id);
}

async function getPlanAs(deps: PlansDeps, id: string) {
  const rows = await repo.loadPlan(deps.db, id);
  if (!rows) throw planNotFound();
  return presentPlan(rows, await namesOf(deps.db, rows));
}

/** The plan with everything in it (readers of its line; others 404). */
export async function getPlan(deps: PlansDeps, actor: Actor | null, id: string) {
  const rows = await repo.loadPlan(deps.db, id);
  if (!rows) {
    requireStaffOr404(actor);
    throw planNotFound();
  }
  await requirePlanReader(deps.db, actor, rows.plan.unit_code);
  return presentPlan(rows, await namesOf(deps.db, rows));
}

/** The plan as the document POST takes (export.json). */
export async function exportPlan(deps: PlansDeps, actor: Actor | null, id: string) {
  const rows = await repo.loadPlan(deps.db, id);
  if (!rows) {
    requireStaffOr404(actor);
    throw planNotFound();
  }
  await requirePlanReader(deps.db, actor, rows.plan.unit_code);
  return planDocument(rows);
}

// An unknown id answers like another unit's: the caller's standing decides 401/403 first.
function requireStaffOr404(actor: Actor | null) {
  requireStaff(actor);
}

const PLAN_CURSOR = [{ tag: 'plans' }, 'text', 'int', 'uuid'] as const;

/** Plans the caller may read, optionally of one unit's subtree and one year; cursor-paged. */
export async function listPlans(
  deps: PlansDeps,
  actor: Actor | null,
  q: { unit?: string; year?: number; withdrawn?: 'true' | 'false'; cursor?: string; limit: number },
) {
  const a = requireStaff(actor);
  const readable = await readableUnits(deps.db, a);
  let units: string[] | null = readable === null ? null : [...readable];
  if (q.unit) {
    const subtree = await unitDescendants(deps.db, q.unit);
    units = (units === null ? subtree : subtree.filter((c) => readable!.has(c))) as string[];
  }
  let after: { unitCode: string; year: number; id: string } | undefined;
  if (q.cursor) {
    const [, unitCode, year, id] = decodeCursor(q.cursor, PLAN_CURSOR);
    after = { unitCode, year, id };
  }
  const rows = await repo.listPlans(deps.db, {
    units,
    year: q.year,
    withdrawn: q.withdrawn === 'true',
    after,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const counts = await repo.countsOf(
    deps.db,
    page.map((p) => p.id),
  );
  const names = await findUnitsByCodes(deps.db, [...new Set(page.map((p) => p.unit_code))]);
  const last = page[page.length - 1];
  return {
    items: page.map((p) => ({
      id: p.id,
      unitCode: p.unit_code,
      unitName: names.get(p.unit_code)?.name ?? null,
      year: p.year,
      title: p.title,
      issuer: p.issuer,
      status: p.status,
      withdrawn: withdrawalOf(p),
      targets: counts.get(p.id)?.targets ?? 0,
      tasks: counts.get(p.id)?.tasks ?? 0,
      updatedAt: p.updated_at.toISOString(),
    })),
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor(['plans', last.unit_code, last.year, last.id])
        : null,
  };
}

const planWithdrawn = () =>
  new ConflictError('Kế hoạch đã được thu hồi, không sửa được nữa.', 'plan_withdrawn');

/**
 * Withdraws a plan (thu hồi — imported by mistake, or replaced by a new one): the plan keeps
 * every row and its history but leaves the default lists and the dashboard; the tasks made of
 * its tasks that are still open or paused are cancelled with the same reason. The plan's
 * writers only; a second withdrawal answers 409 `plan_withdrawn`.
 */
export async function withdrawPlan(
  deps: PlansDeps,
  actor: Actor | null,
  planId: string,
  input: { reason: string },
) {
  const plan = await repo.findPlan(deps.db, planId);
  if (!plan) {
    requireStaff(actor);
    throw planNotFound();
  }
  const a = await requirePlanWriter(deps.db, actor, plan.unit_code);
  const reason = input.reason.trim().normalize('NFC');
  const now = deps.clock.now();
  await inTx(deps.db, async (trx) => {
    const locked = await repo.lockPlan(trx, planId);
    if (!locked || locked.withdrawn_at) throw planWithdrawn();
    await repo.withdrawPlan(trx, planId, { at: now, reason, byName: a.name });
    const cancelled = await new TaskService({ db: trx, clock: deps.clock }).cancelForSource(
      trx as Transaction<Database>,
      a,
      await repo.linkedTaskIds(trx, planId),
      `Kế hoạch "${plan.title}" đã được thu hồi: ${reason}`.slice(0, 2000),
    );
    const summary = { reason, tasksCancelled: cancelled.map((t) => t.id) };
    await event(trx, a, planId, 'withdrawn', now, summary);
    await recordAudit(trx, a, {
      action: 'plan.withdraw',
      entityType: 'plan',
      entityId: planId,
      unitCode: plan.unit_code,
      before: { withdrawn: null },
      after: summary,
    });
  });
  return getPlanAs(deps, planId);
}

/** Loads the plan and target for a change by a writer; 404 for unknown or unseen ones. */
async function targetForChange(
  deps: PlansDeps,
  actor: Actor | null,
  planId: string,
  targetId: string,
): Promise<{ actor: Actor; unitCode: string; target: TargetRow }> {
  const plan = await repo.findPlan(deps.db, planId);
  if (!plan) {
    requireStaff(actor);
    throw planNotFound();
  }
  const a = await requirePlanWriter(deps.db, actor, plan.unit_code);
  if (plan.withdrawn_at) throw planWithdrawn();
  const target = await repo.findTarget(deps.db, planId, targetId);
  if (!target) throw new NotFoundError('Kế hoạch không có chỉ tiêu này.', 'plan_target_not_found');
  return { actor: a, unitCode: plan.unit_code, target };
}

async function presentOne(deps: PlansDeps, targetId: string, planId: string) {
  const t = (await repo.findTarget(deps.db, planId, targetId))!;
  const assignments = await repo.assignmentsOf(deps.db, [t.id]);
  const names = await findUnitsByCodes(
    deps.db,
    assignments.map((x) => x.unit_code),
  );
  return presentTarget(t, assignments, names);
}

/** Changes a target's indicator link or values (plan writers). */
export async function updateTarget(
  deps: PlansDeps,
  actor: Actor | null,
  planId: string,
  targetId: string,
  patch: TargetPatch,
) {
  const { actor: a, unitCode, target } = await targetForChange(deps, actor, planId, targetId);
  const values: Updateable<PlanTargetTable> = {};
  if (patch.indicatorCode !== undefined) values.indicator_code = patch.indicatorCode;
  if (patch.comparator !== undefined) values.comparator = patch.comparator;
  if (patch.targetValue !== undefined) values.target_value = String(patch.targetValue);
  if (patch.stretchValue !== undefined)
    values.stretch_value = patch.stretchValue === null ? null : String(patch.stretchValue);
  if (patch.baseline !== undefined)
    values.baseline = patch.baseline === null ? null : String(patch.baseline);
  if (patch.unitOfMeasure !== undefined) values.unit_of_measure = patch.unitOfMeasure;
  // Nothing to change: the target as it is, with no event and no audit row.
  if (Object.keys(values).length === 0) return presentOne(deps, targetId, planId);
  const now = deps.clock.now();
  const before = presentTarget(target, [], new Map());
  await inTx(deps.db, async (trx) => {
    await repo.lockPlan(trx, planId);
    await repo.updateTarget(trx, targetId, values);
    await repo.touchPlan(trx, planId, now);
    await event(trx, a, planId, 'target.updated', now, { targetId, changes: patch });
    await recordAudit(trx, a, {
      action: 'plan.target.update',
      entityType: 'plan_target',
      entityId: targetId,
      unitCode,
      before: pick(before, Object.keys(patch)),
      after: patch,
    });
  });
  return presentOne(deps, targetId, planId);
}

function pick(o: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}

/** Replaces the target's assignments to child units (giao chỉ tiêu cho cấp dưới). */
export async function setAssignments(
  deps: PlansDeps,
  actor: Actor | null,
  planId: string,
  targetId: string,
  items: PlanAssignment[],
) {
  const { actor: a, unitCode } = await targetForChange(deps, actor, planId, targetId);
  await checkAssignments(deps.db, unitCode, [{ where: 'body.items', items }]);
  const now = deps.clock.now();
  await inTx(deps.db, async (trx) => {
    await repo.lockPlan(trx, planId);
    const before = (await repo.assignmentsOf(trx, [targetId])).map((x) => ({
      unitCode: x.unit_code,
      value: Number(x.value),
    }));
    await repo.replaceAssignments(trx, targetId, items);
    await repo.touchPlan(trx, planId, now);
    await event(trx, a, planId, 'target.assigned', now, { targetId, items });
    await recordAudit(trx, a, {
      action: 'plan.target.assign',
      entityType: 'plan_target',
      entityId: targetId,
      unitCode,
      before,
      after: items,
    });
  });
  return presentOne(deps, targetId, planId);
}

/**
 * A plan's targets for the indicators module (its contract, see index.ts): each target once
 * for the plan's unit, and once more per assignment for the child unit with its own value.
 */
export async function planTargets(db: Kysely<Database>, planId: string) {
  if (!UUID.test(planId)) return null;
  const plan = await repo.findPlan(db, planId);
  if (!plan) return null;
  const targets = await repo.targetsOf(db, planId);
  const assignments = await repo.assignmentsOf(
    db,
    targets.map((t) => t.id),
  );
  const out = [];
  for (const t of targets) {
    const base = {
      id: t.id,
      indicatorCode: t.indicator_code,
      comparator: t.comparator,
      stretchValue: t.stretch_value === null ? null : Number(t.stretch_value),
      baseline: t.baseline === null ? null : Number(t.baseline),
      unitOfMeasure: t.unit_of_measure,
      text: t.text,
      sectionCode: t.section_code,
    };
    out.push({ ...base, targetValue: Number(t.target_value), unitCode: plan.unit_code });
    // A child's assignment gives its own value only: no stretch value is handed down.
    for (const x of assignments.filter((y) => y.target_id === t.id))
      out.push({
        ...base,
        stretchValue: null,
        targetValue: Number(x.value),
        unitCode: x.unit_code,
      });
  }
  return {
    plan: { id: plan.id, unitCode: plan.unit_code, year: plan.year, title: plan.title },
    targets: out,
  };
}
