// Typed client of the tasks API (issue 12 deliver 8).
import { apiRequest, type Page } from '../../../api/client.ts';
import type { Task, TaskFilter, TaskSummary } from './task.types.ts';

const BASE = '/api/v1/tasks';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** GET /tasks?unit=&status=&overdue= — the assigning unit's view, cursor-paged. */
export function listTasks(
  filter: TaskFilter,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<Page<TaskSummary>> {
  return apiRequest<Page<TaskSummary>>(BASE, {
    query: {
      unit: filter.unit,
      status: filter.status,
      overdue: filter.overdue ? 'true' : undefined,
      cursor,
      limit: 100,
    },
    signal,
  });
}

/** GET /tasks/mine — the tasks my unit leads ("Nhiệm vụ của đơn vị tôi"). */
export function listMyTasks(
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<Page<TaskSummary>> {
  return apiRequest<Page<TaskSummary>>(`${BASE}/mine`, { query: { cursor, limit: 100 }, signal });
}

/** GET /tasks/{id} — with its progress history. */
export function getTask(id: string, signal?: AbortSignal): Promise<Task> {
  return apiRequest<Task>(one(id), { signal });
}

/** POST /tasks/{id}/progress {percent, text}. */
export function postProgress(id: string, input: { percent: number; text: string }): Promise<Task> {
  return apiRequest<Task>(`${one(id)}/progress`, { method: 'POST', json: input });
}
