import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** Kinds of what a task comes from (nguồn giao nhiệm vụ); stored as data, never a foreign key. */
export type TaskSourceType =
  | 'plan_section'
  | 'plan_task'
  | 'document'
  | 'directive'
  | 'meeting_conclusion'
  | 'manual';

/**
 * Stored statuses. "Quá hạn" (overdue) is not one of them: it is derived from the deadline
 * and today (see tasks.rules.ts), so it never goes stale between sweeps.
 */
export type TaskStatus = 'not_started' | 'in_progress' | 'done' | 'paused' | 'cancelled';

/** A task (nhiệm vụ) assigned by a unit to a lead agency (chủ trì). */
export interface TaskTable {
  id: Generated<string>;
  content: string;
  source_type: TaskSourceType;
  /** The source's id in its owner's terms (a plan section id, a document id…); null for manual. */
  source_id: string | null;
  source_label: string | null;
  /** The unit that assigned it (giao). */
  assigned_by_unit_code: string;
  /** Lead agency (chủ trì). */
  lead_unit_code: string;
  /** Supporting agencies (phối hợp). */
  support_unit_codes: Json<string[]>;
  responsible_id: string | null;
  responsible_name: string | null;
  /** Mới / Chuyển tiếp. */
  kind: 'new' | 'carried_over';
  /** A working day `YYYY-MM-DD`; null = thường xuyên (ongoing). */
  deadline_on: string | null;
  /** Why the deadline differs from what was asked (moved past a holiday, counted in working days). */
  deadline_note: string | null;
  status: TaskStatus;
  percent: Generated<number>;
  done_on: string | null;
  on_time: boolean | null;
  /** The deadline a due-soon / overdue notice was last sent for (a new deadline re-arms it). */
  due_soon_for: string | null;
  overdue_for: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Every change of a task, append-only (like dossier_event). */
export interface TaskEventTable {
  id: Generated<number>;
  task_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string;
  unit_code: string;
  occurred_at: Date;
  payload: Json;
}

/** A progress report (báo cáo tiến độ) or a supporting unit's note (percent null). */
export interface TaskProgressTable {
  id: Generated<string>;
  n: Generated<number>;
  task_id: string;
  percent: number | null;
  text: string;
  author_id: string | null;
  author_name: string;
  author_unit_code: string | null;
  reported_at: Timestamp;
}

/** Evidence files of a task, stored in the platform file store (by sha256). */
export interface TaskFileTable {
  id: Generated<string>;
  task_id: string;
  /** The progress report the file was attached to; null until attached. */
  progress_id: string | null;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface TasksTables {
  task: TaskTable;
  task_event: TaskEventTable;
  task_progress: TaskProgressTable;
  task_file: TaskFileTable;
}
