// What "my work" (việc của tôi) reads: the existing dossier and field report lists, their
// details where a list does not say enough (who a report is assigned to, whether a dossier
// was sent back or approved), and the tasks of one's unit once the tasks module serves them.

import type { TaskView } from '@cqs/shared/tasks/index';
import { ApiError, apiRequest, type Page } from '../../../api/client.ts';
import type { Dossier, DossierPage, DossierSummary } from '../../dossiers/api/dossier.types.ts';
import type { Report, ReportSummary } from '../../reports/api/report.types.ts';

const V1 = '/api/v1';

/** GET /dossiers with the list's own filters (dossiers.schemas.ts ListQuery). */
export function dossierPage(
  query: {
    status?: string;
    overdue?: 'true' | 'false';
    assignedToMe?: 'true';
    limit?: number;
  },
  signal: AbortSignal,
): Promise<DossierPage> {
  return apiRequest<DossierPage>(`${V1}/dossiers`, {
    query: { ...query, limit: query.limit ?? 50 },
    signal,
  });
}

/** GET /reports in one status (the caller's units). */
export function reportPage(status: string, signal: AbortSignal): Promise<Page<ReportSummary>> {
  return apiRequest<Page<ReportSummary>>(`${V1}/reports`, {
    query: { status, limit: 100 },
    signal,
  });
}

/** At most this many details are read per section: a queue larger than that is paged there. */
export const DETAIL_CAP = 25;

/**
 * The items whose detail passes `keep`, in list order, reading at most DETAIL_CAP details,
 * four at a time (a list answer does not carry the assignee of a report, nor a dossier's
 * approval or last action).
 */
export async function keepByDetail<T extends { id: string }, D>(
  items: T[],
  detail: (id: string, signal: AbortSignal) => Promise<D>,
  keep: (d: D) => boolean,
  signal: AbortSignal,
): Promise<T[]> {
  const head = items.slice(0, DETAIL_CAP);
  const kept: boolean[] = new Array(head.length).fill(false);
  let next = 0;
  const worker = async () => {
    while (next < head.length) {
      const i = next++;
      kept[i] = keep(await detail(head[i]!.id, signal));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return head.filter((_, i) => kept[i]);
}

export const dossierDetail = (id: string, signal: AbortSignal) =>
  apiRequest<Dossier>(`${V1}/dossiers/${encodeURIComponent(id)}`, { signal });
export const reportDetail = (id: string, signal: AbortSignal) =>
  apiRequest<Report>(`${V1}/reports/${encodeURIComponent(id)}`, { signal });

/** A task as GET /tasks/mine lists it (the tasks module's shared schema). */
export type TaskItem = TaskView;

/**
 * GET /tasks/mine: the tasks of the caller's unit, or null while this server has no tasks
 * module (404 on the route itself) — the section then says so instead of failing the page.
 */
export async function myTasks(signal: AbortSignal): Promise<TaskItem[] | null> {
  try {
    const page = await apiRequest<{ items: TaskItem[] }>(`${V1}/tasks/mine`, {
      query: { limit: 200 },
      signal,
    });
    // "My work" is what is still to do: finished and cancelled tasks stay on /nhiem-vu.
    return page.items.filter((x) => x.status !== 'done' && x.status !== 'cancelled');
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 405)) return null;
    throw err;
  }
}

export type { DossierSummary };
