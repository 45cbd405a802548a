// Typed client of the plans API (server module `plans`; routes in plans.routes.ts there).
import type { PlanDetailView, PlanListReplyView, TargetPatchInput } from '@cqs/shared/plans/index';
import { apiRequest, buildUrl } from '../../../api/client.ts';
import type { Plan, PlanSummary } from './plan.types.ts';

const BASE = '/api/v1/plans';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface PlanFilter {
  /** Plans of this unit and of those below it. */
  unit?: string;
  /** Four digits, or empty for every year. */
  year?: string;
  /** Withdrawn plans too (default: only plans in force). */
  withdrawn?: boolean;
}

/** GET /plans?unit=&year=&cursor= — one page of the plans the caller may read. */
export function listPlansPage(
  filter: PlanFilter & { cursor?: string | null },
  signal?: AbortSignal,
): Promise<PlanListReplyView> {
  return apiRequest<PlanListReplyView>(BASE, {
    query: {
      unit: filter.unit || undefined,
      year: filter.year || undefined,
      withdrawn: filter.withdrawn ? 'true' : undefined,
      cursor: filter.cursor || undefined,
    },
    signal,
  });
}

/** The first page of GET /plans (the dashboard reads only the unit's first plan of a year). */
export async function listPlans(filter: PlanFilter, signal?: AbortSignal): Promise<PlanSummary[]> {
  return (await listPlansPage(filter, signal)).items;
}

/** GET /plans/{id} — sections, targets (with assignments), tasks and budget as written. */
export async function getPlan(id: string, signal?: AbortSignal): Promise<Plan> {
  return apiRequest<PlanDetailView>(one(id), { signal });
}

/** POST /plans/{id}/withdraw — thu hồi: kept with its history, its open tasks cancelled. */
export function withdrawPlan(id: string, reason: string): Promise<Plan> {
  return apiRequest<PlanDetailView>(`${one(id)}/withdraw`, { method: 'POST', json: { reason } });
}

/** GET /plans/{id}/export.json | export.xlsx — the server names the file (ke-hoach-…). */
export function planExportUrl(id: string, format: 'json' | 'xlsx'): string {
  return buildUrl(`${one(id)}/export.${format}`);
}

/** POST /plans with a plan document (what export.json gives) → 201 with the whole plan. */
export function importPlanJson(json: unknown): Promise<PlanDetailView> {
  return apiRequest<PlanDetailView>(BASE, { method: 'POST', json });
}

/**
 * POST /plans/import.xlsx with the workbook as the raw body → 201 with the whole plan; a bad
 * workbook is a 400 `invalid_plan_file` listing every bad cell by sheet, row and column.
 */
export function importPlanXlsx(file: Blob): Promise<PlanDetailView> {
  return apiRequest<PlanDetailView>(`${BASE}/import.xlsx`, {
    method: 'POST',
    raw: file,
    contentType: XLSX_MIME,
  });
}

/** PATCH /plans/{id}/targets/{targetId} — the plan's writers change a target. */
export function updatePlanTarget(planId: string, targetId: string, patch: TargetPatchInput) {
  return apiRequest<Plan['targets'][number]>(
    `${one(planId)}/targets/${encodeURIComponent(targetId)}`,
    { method: 'PATCH', json: patch },
  );
}

/** PUT /plans/{id}/targets/{targetId}/assignments — the whole list of child-unit values. */
export function assignPlanTarget(
  planId: string,
  targetId: string,
  items: { unitCode: string; value: number }[],
) {
  return apiRequest<Plan['targets'][number]>(
    `${one(planId)}/targets/${encodeURIComponent(targetId)}/assignments`,
    { method: 'PUT', json: { items } },
  );
}
