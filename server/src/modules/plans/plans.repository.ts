import { randomUUID } from 'node:crypto';
import type { PlanDocument, PlanTargetInput } from '@cqs/shared/plans/index';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type {
  PlanBudgetLineTable,
  PlanTable,
  PlanTargetAssignmentTable,
  PlanTargetTable,
  PlanTaskTable,
} from './plans.tables.js';

// The only SQL of the plans module: its own six tables, nothing else (style.md rule 3).

type Db = Kysely<Database>;
export type PlanRow = Selectable<PlanTable>;
export type TargetRow = Selectable<PlanTargetTable>;
export type AssignmentRow = Selectable<PlanTargetAssignmentTable>;
export type TaskRow = Selectable<PlanTaskTable>;
export type BudgetRow = Selectable<PlanBudgetLineTable>;

/** A plan with all its rows, in the plan's order. */
export interface PlanRows {
  plan: PlanRow;
  targets: TargetRow[];
  assignments: AssignmentRow[];
  tasks: TaskRow[];
  budget: BudgetRow[];
}

/** numeric (a string) back to a number; null stays null. */
export const num = (v: string | null): number | null => (v === null ? null : Number(v));

function targetValues(planId: string, t: PlanTargetInput, position: number) {
  return {
    id: randomUUID(),
    plan_id: planId,
    position,
    section_code: t.sectionCode,
    section: t.section,
    text: t.text,
    scope: t.scope,
    indicator_code: t.indicatorCode,
    comparator: t.comparator,
    // String(n) is the shortest exact decimal of the double: numeric keeps it as is.
    target_value: String(t.targetValue),
    stretch_value: t.stretchValue === null ? null : String(t.stretchValue),
    stretch_text: t.stretchText,
    baseline: t.baseline === null ? null : String(t.baseline),
    unit_of_measure: t.unitOfMeasure,
    wording: t.wording,
    computable: t.computable,
    note: t.note,
  };
}

export const plansRepository = {
  /** Ids of a plan's tasks in position order. */
  async planTaskIds(db: Db, planId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('plan_task')
      .select('id')
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute();
    return rows.map((r) => r.id);
  },

  /** Links plan tasks to the tasks made of them (the tasks module's ids). */
  async linkTasks(db: Db, links: { planTaskId: string; taskId: string }[]): Promise<void> {
    for (const l of links)
      await db
        .updateTable('plan_task')
        .set({ task_id: l.taskId })
        .where('id', '=', l.planTaskId)
        .execute();
  },

  /** Inserts a plan with its targets, assignments, tasks and budget rows; returns its id. */
  async insertPlan(db: Db, doc: PlanDocument, now: Date): Promise<string> {
    const id = randomUUID();
    await db
      .insertInto('plan')
      .values({
        id,
        unit_code: doc.unitCode,
        year: doc.year,
        title: doc.title,
        issuer: doc.issuer,
        document_number: doc.documentNumber,
        document_date: doc.documentDate,
        status: doc.status,
        source: doc.source,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const targets = doc.targets.map((t, i) => targetValues(id, t, i + 1));
    if (targets.length > 0) await db.insertInto('plan_target').values(targets).execute();
    const assignments = doc.targets.flatMap((t, i) =>
      t.assignments.map((a, j) => ({
        target_id: targets[i]!.id,
        unit_code: a.unitCode,
        position: j + 1,
        value: String(a.value),
      })),
    );
    if (assignments.length > 0)
      await db.insertInto('plan_target_assignment').values(assignments).execute();
    if (doc.tasks.length > 0)
      await db
        .insertInto('plan_task')
        .values(
          doc.tasks.map((t, i) => ({
            id: randomUUID(),
            plan_id: id,
            position: i + 1,
            no: t.no,
            group_path: t.group,
            section_code: t.sectionCode,
            name: t.name,
            content: t.content,
            lead: t.lead,
            support: t.support,
            kind: t.kind,
            deadline: t.deadline,
          })),
        )
        .execute();
    if (doc.budget.length > 0)
      await db
        .insertInto('plan_budget_line')
        .values(
          doc.budget.map((b, i) => ({
            id: randomUUID(),
            plan_id: id,
            position: i + 1,
            no: b.no,
            name: b.name,
            executor: b.executor,
            period: b.period,
            total: b.total === null ? null : String(b.total),
            central: b.central === null ? null : String(b.central),
            local: b.local === null ? null : String(b.local),
            currency_note: b.currencyNote,
          })),
        )
        .execute();
    return id;
  },

  findPlan(db: Db, id: string): Promise<PlanRow | undefined> {
    return db.selectFrom('plan').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Marks the plan withdrawn (thu hồi) and moves its version. */
  async withdrawPlan(
    db: Db,
    id: string,
    w: { at: Date; reason: string; byName: string },
  ): Promise<void> {
    await db
      .updateTable('plan')
      .set((eb) => ({
        withdrawn_at: w.at,
        withdrawn_reason: w.reason,
        withdrawn_by_name: w.byName,
        updated_at: w.at,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
  },

  /** The tasks (tasks module) made of the plan's tasks. */
  async linkedTaskIds(db: Db, planId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('plan_task')
      .select('task_id')
      .where('plan_id', '=', planId)
      .where('task_id', 'is not', null)
      .orderBy('position')
      .execute();
    return rows.map((r) => r.task_id!);
  },

  /** The plan row locked for a change (FOR UPDATE), so concurrent edits queue. */
  lockPlan(db: Db, id: string): Promise<PlanRow | undefined> {
    return db.selectFrom('plan').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /** A plan and every row of it, in order; undefined when unknown. */
  async loadPlan(db: Db, id: string): Promise<PlanRows | undefined> {
    const plan = await plansRepository.findPlan(db, id);
    if (!plan) return undefined;
    const targets = await db
      .selectFrom('plan_target')
      .selectAll()
      .where('plan_id', '=', id)
      .orderBy('position')
      .execute();
    const assignments = await plansRepository.assignmentsOf(
      db,
      targets.map((t) => t.id),
    );
    const tasks = await db
      .selectFrom('plan_task')
      .selectAll()
      .where('plan_id', '=', id)
      .orderBy('position')
      .execute();
    const budget = await db
      .selectFrom('plan_budget_line')
      .selectAll()
      .where('plan_id', '=', id)
      .orderBy('position')
      .execute();
    return { plan, targets, assignments, tasks, budget };
  },

  /** The plan's targets only, in order. */
  targetsOf(db: Db, planId: string): Promise<TargetRow[]> {
    return db
      .selectFrom('plan_target')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute();
  },

  assignmentsOf(db: Db, targetIds: string[]): Promise<AssignmentRow[]> {
    if (targetIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('plan_target_assignment')
      .selectAll()
      .where('target_id', 'in', targetIds)
      .orderBy('target_id')
      .orderBy('position')
      .execute();
  },

  findTarget(db: Db, planId: string, targetId: string): Promise<TargetRow | undefined> {
    return db
      .selectFrom('plan_target')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('id', '=', targetId)
      .executeTakeFirst();
  },

  /** Plans of these units (null: any unit), by unit, year and id; keyset after `after`. */
  listPlans(
    db: Db,
    f: {
      units: string[] | null;
      year?: number;
      /** Withdrawn plans too (default: only those in force). */
      withdrawn?: boolean;
      after?: { unitCode: string; year: number; id: string };
      limit: number;
    },
  ): Promise<PlanRow[]> {
    let q = db.selectFrom('plan').selectAll();
    if (!f.withdrawn) q = q.where('withdrawn_at', 'is', null);
    if (f.units !== null) {
      if (f.units.length === 0) return Promise.resolve([]);
      q = q.where('unit_code', 'in', f.units);
    }
    if (f.year !== undefined) q = q.where('year', '=', f.year);
    const a = f.after;
    if (a)
      q = q.where((eb) =>
        eb.or([
          eb('unit_code', '>', a.unitCode),
          eb.and([eb('unit_code', '=', a.unitCode), eb('year', '<', a.year)]),
          eb.and([eb('unit_code', '=', a.unitCode), eb('year', '=', a.year), eb('id', '>', a.id)]),
        ]),
      );
    return q.orderBy('unit_code').orderBy('year', 'desc').orderBy('id').limit(f.limit).execute();
  },

  /** Counts of targets and tasks per plan, for the list. */
  async countsOf(
    db: Db,
    planIds: string[],
  ): Promise<Map<string, { targets: number; tasks: number }>> {
    const out = new Map<string, { targets: number; tasks: number }>();
    if (planIds.length === 0) return out;
    for (const id of planIds) out.set(id, { targets: 0, tasks: 0 });
    const t = await db
      .selectFrom('plan_target')
      .select(['plan_id', db.fn.countAll<number>().as('n')])
      .where('plan_id', 'in', planIds)
      .groupBy('plan_id')
      .execute();
    for (const r of t) out.get(r.plan_id)!.targets = Number(r.n);
    const k = await db
      .selectFrom('plan_task')
      .select(['plan_id', db.fn.countAll<number>().as('n')])
      .where('plan_id', 'in', planIds)
      .groupBy('plan_id')
      .execute();
    for (const r of k) out.get(r.plan_id)!.tasks = Number(r.n);
    return out;
  },

  /** A plan of this unit and year with this exact title (the demo loads each seed once). */
  findByTitle(db: Db, unitCode: string, year: number, title: string) {
    return db
      .selectFrom('plan')
      .select('id')
      .where('unit_code', '=', unitCode)
      .where('year', '=', year)
      .where('title', '=', title)
      .executeTakeFirst();
  },

  async updateTarget(db: Db, id: string, values: Updateable<PlanTargetTable>): Promise<void> {
    await db.updateTable('plan_target').set(values).where('id', '=', id).execute();
  },

  /** Replaces a target's assignments with these, in order. */
  async replaceAssignments(
    db: Db,
    targetId: string,
    items: { unitCode: string; value: number }[],
  ): Promise<void> {
    await db.deleteFrom('plan_target_assignment').where('target_id', '=', targetId).execute();
    if (items.length > 0)
      await db
        .insertInto('plan_target_assignment')
        .values(
          items.map((a, i) => ({
            target_id: targetId,
            unit_code: a.unitCode,
            position: i + 1,
            value: String(a.value),
          })),
        )
        .execute();
  },

  /** Stamps a change on the plan: a new version and time. */
  async touchPlan(db: Db, id: string, now: Date): Promise<void> {
    await db
      .updateTable('plan')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .execute();
  },

  async insertEvent(
    db: Db,
    e: {
      planId: string;
      action: string;
      actorId: string | null;
      actorName: string;
      at: Date;
      payload: unknown;
    },
  ): Promise<void> {
    await db
      .insertInto('plan_event')
      .values({
        plan_id: e.planId,
        action: e.action,
        actor_id: e.actorId,
        actor_name: e.actorName,
        occurred_at: e.at,
        payload: JSON.stringify(e.payload ?? {}),
      })
      .execute();
  },
};
