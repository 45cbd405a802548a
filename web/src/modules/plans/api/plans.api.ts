// Typed client of the plans API (issue 12 deliver 1 and 8).
import { apiRequest, buildUrl } from '../../../api/client.ts';
import type { Plan, PlanSummary } from './plan.types.ts';

const BASE = '/api/v1/plans';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** GET /plans?unit=&year= — the plans of the caller's units. */
export async function listPlans(
  filter: { unit?: string; year?: string },
  signal?: AbortSignal,
): Promise<PlanSummary[]> {
  const reply = await apiRequest<{ items: PlanSummary[] } | PlanSummary[]>(BASE, {
    query: { unit: filter.unit, year: filter.year },
    signal,
  });
  return Array.isArray(reply) ? reply : reply.items;
}

/** GET /plans/{id} — sections, targets, budget and tasks. */
export function getPlan(id: string, signal?: AbortSignal): Promise<Plan> {
  return apiRequest<Plan>(one(id), { signal });
}

/** The download links of a plan (the server builds both files). */
export function planExportUrl(id: string, format: 'json' | 'xlsx'): string {
  return buildUrl(`${one(id)}/export.${format}`);
}

/** POST /plans with a plan's JSON (deliver 1's format) → 201 {id, …}. */
export function importPlanJson(json: unknown): Promise<{ id: string }> {
  return apiRequest<{ id: string }>(BASE, { method: 'POST', json });
}

/**
 * POST /plans/import.xlsx with the workbook as is → 201 {id, …}. The path is this page's
 * proposal; the plans module settles it (see the integration notes).
 */
export function importPlanXlsx(file: Blob): Promise<{ id: string }> {
  return apiRequest<{ id: string }>(`${BASE}/import.xlsx`, {
    method: 'POST',
    raw: file,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
