import { PLAN_SECTIONS, type PlanDocument, type PlanSectionCode } from '@cqs/shared/plans/index';
import { num, type PlanRows, type TargetRow } from './plans.repository.js';

// Rows → what the API answers: the full plan (with ids) and the plan document (export.json,
// the same shape POST takes, so it round-trips).

type UnitNames = Map<string, { name: string }>;

/** A target's own fields, as the plan document writes them (shared by the view and export). */
function targetFields(t: TargetRow) {
  return {
    sectionCode: t.section_code as PlanSectionCode,
    section: t.section,
    text: t.text,
    scope: t.scope,
    indicatorCode: t.indicator_code,
    comparator: t.comparator,
    targetValue: Number(t.target_value),
    stretchValue: num(t.stretch_value),
    stretchText: t.stretch_text,
    baseline: num(t.baseline),
    unitOfMeasure: t.unit_of_measure,
    wording: t.wording,
    computable: t.computable,
    note: t.note,
  };
}

/** A target as the API shows it, with its assignments. */
export function presentTarget(
  t: TargetRow,
  assignments: { unit_code: string; value: string }[],
  names: UnitNames,
) {
  return {
    id: t.id,
    position: t.position,
    ...targetFields(t),
    assignments: assignments.map((a) => ({
      unitCode: a.unit_code,
      unitName: names.get(a.unit_code)?.name ?? null,
      value: Number(a.value),
    })),
  };
}

/** The pillars a plan uses, in catalogue order, with how many targets and tasks each holds. */
function sectionsOf(rows: PlanRows) {
  return PLAN_SECTIONS.map((s) => ({
    code: s.code,
    name: s.name,
    targets: rows.targets.filter((t) => t.section_code === s.code).length,
    tasks: rows.tasks.filter((t) => t.section_code === s.code).length,
  })).filter((s) => s.targets > 0 || s.tasks > 0);
}

/** The whole plan with ids, unit names and the sections used. */
/** The withdrawal record of a plan row, null while it is in force. */
export function withdrawalOf(p: {
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
  withdrawn_by_name: string | null;
}) {
  return p.withdrawn_at
    ? {
        at: new Date(p.withdrawn_at).toISOString(),
        byName: p.withdrawn_by_name,
        reason: p.withdrawn_reason ?? '',
      }
    : null;
}

export function presentPlan(rows: PlanRows, names: UnitNames) {
  const p = rows.plan;
  return {
    id: p.id,
    unitCode: p.unit_code,
    unitName: names.get(p.unit_code)?.name ?? null,
    year: p.year,
    title: p.title,
    issuer: p.issuer,
    documentNumber: p.document_number,
    documentDate: p.document_date,
    status: p.status,
    withdrawn: withdrawalOf(p),
    source: p.source,
    version: p.version,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    sections: sectionsOf(rows),
    targets: rows.targets.map((t) =>
      presentTarget(
        t,
        rows.assignments.filter((a) => a.target_id === t.id),
        names,
      ),
    ),
    tasks: rows.tasks.map((t) => ({
      id: t.id,
      position: t.position,
      no: t.no,
      group: t.group_path,
      sectionCode: t.section_code as PlanSectionCode | null,
      name: t.name,
      content: t.content,
      lead: t.lead,
      support: t.support,
      kind: t.kind,
      deadline: t.deadline,
      taskId: t.task_id,
    })),
    budget: rows.budget.map((b) => ({
      id: b.id,
      position: b.position,
      no: b.no,
      name: b.name,
      executor: b.executor,
      period: b.period,
      total: num(b.total),
      central: num(b.central),
      local: num(b.local),
      currencyNote: b.currency_note,
    })),
  };
}

/** The plan as a document: exactly what POST /plans took (after its defaults). */
export function planDocument(rows: PlanRows): PlanDocument {
  const p = rows.plan;
  return {
    unitCode: p.unit_code,
    year: p.year,
    title: p.title,
    issuer: p.issuer,
    documentNumber: p.document_number,
    documentDate: p.document_date,
    status: p.status,
    source: p.source,
    targets: rows.targets.map((t) => ({
      ...targetFields(t),
      assignments: rows.assignments
        .filter((a) => a.target_id === t.id)
        .map((a) => ({ unitCode: a.unit_code, value: Number(a.value) })),
    })),
    tasks: rows.tasks.map((t) => ({
      no: t.no,
      group: t.group_path,
      sectionCode: t.section_code as PlanSectionCode | null,
      name: t.name,
      content: t.content,
      lead: t.lead,
      support: t.support,
      kind: t.kind,
      deadline: t.deadline,
    })),
    budget: rows.budget.map((b) => ({
      no: b.no,
      name: b.name,
      executor: b.executor,
      period: b.period,
      total: num(b.total),
      central: num(b.central),
      local: num(b.local),
      currencyNote: b.currency_note,
    })),
  };
}
