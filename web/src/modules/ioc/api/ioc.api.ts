// Typed client of the indicators and scoring API (issue 12 deliver 8) for the dashboard.
import { apiRequest, buildUrl } from '../../../api/client.ts';
import type {
  Index766,
  IndicatorDefinition,
  IndicatorListReply,
  IndicatorTrend,
  IndicatorValue,
  RankingRow,
  TargetGrade,
} from './ioc.types.ts';

const V1 = '/api/v1';
const enc = encodeURIComponent;

/** GET /indicators — every definition (open data ones without login). */
export async function listIndicators(signal?: AbortSignal): Promise<IndicatorDefinition[]> {
  return (await apiRequest<IndicatorListReply>(`${V1}/indicators`, { signal })).items;
}

/** GET /indicators/{code}/values?unit=&period=[&children=true]. */
export function getIndicatorValue(
  code: string,
  unit: string,
  period: string,
  opts: { children?: boolean; signal?: AbortSignal } = {},
): Promise<IndicatorValue> {
  return apiRequest<IndicatorValue>(`${V1}/indicators/${enc(code)}/values`, {
    query: { unit, period, children: opts.children ? 'true' : undefined },
    signal: opts.signal,
  });
}

/** GET /indicators/{code}/trend?unit=&year= — twelve months and the year-end forecast. */
export function getIndicatorTrend(
  code: string,
  unit: string,
  year: string,
  signal?: AbortSignal,
): Promise<IndicatorTrend> {
  return apiRequest<IndicatorTrend>(`${V1}/indicators/${enc(code)}/trend`, {
    query: { unit, year },
    signal,
  });
}

/** GET /indicators/{code}/ranking?unit=&period= — the unit's children ranked. */
export async function getIndicatorRanking(
  code: string,
  unit: string,
  period: string,
  signal?: AbortSignal,
): Promise<RankingRow[]> {
  const reply = await apiRequest<{ items: RankingRow[] }>(`${V1}/indicators/${enc(code)}/ranking`, {
    query: { unit, period },
    signal,
  });
  return reply.items;
}

/** GET /plans/{id}/grades?period=. */
export async function getPlanGrades(
  planId: string,
  period: string,
  signal?: AbortSignal,
): Promise<TargetGrade[]> {
  const reply = await apiRequest<{ items: TargetGrade[] }>(`${V1}/plans/${enc(planId)}/grades`, {
    query: { period },
    signal,
  });
  return reply.items;
}

/** GET /units/{code}/index-766?period=. */
export function getIndex766(unit: string, period: string, signal?: AbortSignal): Promise<Index766> {
  return apiRequest<Index766>(`${V1}/units/${enc(unit)}/index-766`, { query: { period }, signal });
}

/** The URL of the SSE stream of value changes the caller may see. */
export function indicatorStreamUrl(unit: string, period: string): string {
  return buildUrl(`${V1}/indicators/stream`, { unit, period });
}

/** A field report on the SLA map (GET /reports, staff, the caller's units). */
export interface SlaReport {
  id: string;
  code: string;
  status: string;
  categoryName: string;
  lat: number | null;
  long: number | null;
  unitCode: string;
  dueAt: string | null;
  overdue: boolean;
}

/** The unit subtree's open and recent field reports (first page of 100, the busiest first). */
export async function listSlaReports(unit: string, signal?: AbortSignal): Promise<SlaReport[]> {
  const page = await apiRequest<{ items: SlaReport[] }>(`${V1}/reports`, {
    query: { unit, limit: 100 },
    signal,
  });
  return page.items;
}

/** A dossier in the overdue and due-soon lists (GET /dossiers). */
export interface DeadlineDossier {
  id: string;
  code: string;
  procedure: { name: string };
  unitCode: string;
  statusLabel?: string;
  dueAt: string;
  dueSoon: boolean;
  overdue: boolean;
  applicantName?: string;
}

/** The unit's open dossiers sorted by due date, with the counts over the whole filter. */
export function listDeadlineDossiers(
  unit: string,
  overdue: boolean,
  signal?: AbortSignal,
): Promise<{ items: DeadlineDossier[]; counts: { overdue: number; dueSoon: number } }> {
  return apiRequest(`${V1}/dossiers`, {
    query: { unit, overdue: overdue ? 'true' : undefined, state: 'open', limit: 50 },
    signal,
  });
}

/** The answer of POST /indicator-values: the value as stored, with its comment. */
export type EnteredValue = IndicatorValue & { comment: string | null };

/**
 * POST /indicator-values — enters (or replaces) the value of an entered or imported indicator
 * for one unit and period (admin, leader or secretariat over the unit; audited).
 */
export function enterIndicatorValue(body: {
  indicator: string;
  unit: string;
  period: string;
  value: number;
  comment?: string | null;
}): Promise<EnteredValue> {
  return apiRequest<EnteredValue>(`${V1}/indicator-values`, { method: 'POST', json: body });
}
