// Shapes of the tasks API (issue 12 deliver 2 and 8; module `tasks`, nhiệm vụ) as the pages
// read them. Written against the contract while the server module is built; the
// integrator swaps them for the shared zod schemas' types when those land.

/** Where a task comes from: a plan section now; a document, directive or meeting later. */
export interface TaskSource {
  kind: string;
  id: string;
  label?: string;
}

export interface TaskUnit {
  code: string;
  name?: string;
}

/** One row of GET /tasks and GET /tasks/mine. */
export interface TaskSummary {
  id: string;
  content: string;
  source?: TaskSource | null;
  lead: TaskUnit;
  support?: TaskUnit[];
  /** YYYY-MM-DD on the working calendar; null = "thường xuyên" (ongoing). */
  deadline: string | null;
  carriedOver?: boolean;
  status: string;
  statusLabel?: string;
  percent: number;
  overdue?: boolean;
  dueSoon?: boolean;
}

/** One progress report of a task. */
export interface TaskProgress {
  id?: string;
  at: string;
  percent: number;
  text: string;
  by?: string;
  files?: { id: string; name: string; url?: string }[];
}

/** GET /tasks/{id}. */
export interface Task extends TaskSummary {
  progress: TaskProgress[];
  /** Whether the caller may report progress (the lead agency's officers). */
  canReport?: boolean;
}

/** Filters of GET /tasks. */
export interface TaskFilter {
  unit?: string;
  status?: string;
  overdue?: boolean;
}
