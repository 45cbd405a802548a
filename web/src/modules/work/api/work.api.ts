// What "my work" (việc của tôi) reads: the dossier and field report lists with the filters
// made for it (assigned to me, awaiting approval, sent back, due soon), whose counts cover
// the whole filter, and the tasks of one's unit.

import type { TaskView } from '@cqs/shared/tasks/index';
import { ApiError, apiRequest, type Page } from '../../../api/client.ts';
import type { DossierPage, DossierSummary } from '../../dossiers/api/dossier.types.ts';
import type { ReportSummary } from '../../reports/api/report.types.ts';

const V1 = '/api/v1';

/** GET /dossiers with the list's own filters (dossiers.schemas.ts ListQuery). */
export function dossierPage(
  query: {
    status?: string;
    assignedToMe?: 'true';
    overdue?: 'true';
    dueSoon?: 'true';
    awaiting?: 'approval';
    sentBack?: 'true';
    limit?: number;
  },
  signal: AbortSignal,
): Promise<DossierPage> {
  return apiRequest<DossierPage>(`${V1}/dossiers`, {
    query: { ...query, limit: query.limit ?? 10 },
    signal,
  });
}

/** GET /reports assigned to the caller, still to be handled (accepted or in progress). */
export function myReportPage(status: string, signal: AbortSignal): Promise<Page<ReportSummary>> {
  return apiRequest<Page<ReportSummary>>(`${V1}/reports`, {
    query: { status, assignedToMe: 'true', limit: 100 },
    signal,
  });
}

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
