// Task statuses in words and counted per status (the dashboard's "tasks by status").
import { TASK_STATUS_LABELS } from '@cqs/shared/tasks/index';
import type { TaskSummary } from '../api/task.types.ts';

/** The status as the server named it (statusLabel), else the shared Vietnamese name, else its code. */
export function taskStatusLabel(task: Pick<TaskSummary, 'status' | 'statusLabel'>): string {
  return (
    task.statusLabel ||
    (TASK_STATUS_LABELS as Record<string, string | undefined>)[task.status] ||
    task.status
  );
}

/** The deadline in words: dd/mm/yyyy, or "Thường xuyên" for an ongoing task (deadlineOn null). */
export function deadlineText(deadlineOn: string | null): string {
  if (!deadlineOn) return 'Thường xuyên';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(deadlineOn);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : deadlineOn;
}

/** Counts per status label, overdue open tasks counted apart, in first-seen order. */
export function countByStatus(
  tasks: readonly Pick<TaskSummary, 'status' | 'statusLabel' | 'overdue'>[],
): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const task of tasks) {
    const label = task.overdue ? 'Quá hạn' : taskStatusLabel(task);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => ({ label, count }));
}
