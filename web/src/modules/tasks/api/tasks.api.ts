// Typed client of the tasks API (issue 12 deliver 8; server/src/modules/tasks/tasks.routes.ts).
import { apiRequest, type Page } from '../../../api/client.ts';
import type {
  CreateTaskInput,
  ProgressInput,
  Task,
  TaskFile,
  TaskFilter,
  TaskSummary,
} from './task.types.ts';

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

/** GET /tasks/mine — led by one of my units or with me responsible ("Nhiệm vụ của đơn vị tôi"). */
export function listMyTasks(
  cursor: string | undefined,
  signal?: AbortSignal,
  limit = 100,
): Promise<Page<TaskSummary>> {
  return apiRequest<Page<TaskSummary>>(`${BASE}/mine`, { query: { cursor, limit }, signal });
}

/** GET /tasks/{id} — with its progress history, events and evidence files. */
export function getTask(id: string, signal?: AbortSignal): Promise<Task> {
  return apiRequest<Task>(one(id), { signal });
}

/** POST /tasks (leader, secretariat or administrator of the assigning unit) → 201 the task. */
export function createTask(input: CreateTaskInput): Promise<TaskSummary> {
  return apiRequest<TaskSummary>(BASE, { method: 'POST', json: input });
}

/** POST /tasks/{id}/progress {percent?, text, fileIds, done} → 201 the task (without history). */
export function postProgress(id: string, input: ProgressInput): Promise<TaskSummary> {
  return apiRequest<TaskSummary>(`${one(id)}/progress`, { method: 'POST', json: input });
}

/** POST /tasks/{id}/files?filename= — the evidence file itself is the body, its type the content type. */
export function uploadTaskFile(id: string, file: File): Promise<TaskFile> {
  return apiRequest<TaskFile>(`${one(id)}/files`, {
    method: 'POST',
    query: { filename: file.name },
    raw: file,
    contentType: file.type || 'application/octet-stream',
  });
}

/** Download link of an evidence file. */
export function taskFileUrl(id: string, fileId: string): string {
  return `${one(id)}/files/${encodeURIComponent(fileId)}`;
}
