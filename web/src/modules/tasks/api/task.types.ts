// Shapes of the tasks API (issue 12 deliver 2 and 8; module `tasks`, nhiệm vụ), inferred from the
// server's own zod schemas (@cqs/shared/tasks), so a renamed field breaks the web's build.
import type {
  CreateTaskInput,
  ProgressInput,
  TaskDetailView,
  TaskFileView,
  TaskProgressView,
  TaskStatus,
  TaskView,
} from '@cqs/shared/tasks/index';

export type { CreateTaskInput, ProgressInput, TaskStatus };
/** One row of GET /tasks and GET /tasks/mine (and the answer of every write). */
export type TaskSummary = TaskView;
/** GET /tasks/{id}: with progress history, events, files and what the caller may do. */
export type Task = TaskDetailView;
export type TaskProgress = TaskProgressView;
export type TaskFile = TaskFileView;

/** Filters of GET /tasks. */
export interface TaskFilter {
  unit?: string;
  status?: string;
  overdue?: boolean;
}
