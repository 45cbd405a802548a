// Task statuses in words and counted per status (the dashboard's "tasks by status").
import type { TaskSummary } from '../api/task.types.ts';

/** Vietnamese names of the statuses the tasks module is expected to use. */
const LABELS: Record<string, string> = {
  new: 'Mới giao',
  assigned: 'Mới giao',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  done_late: 'Hoàn thành quá hạn',
  paused: 'Tạm dừng',
  cancelled: 'Đã hủy',
};

/** The status as the server named it, else our name for it, else its code. */
export function taskStatusLabel(task: Pick<TaskSummary, 'status' | 'statusLabel'>): string {
  return task.statusLabel || LABELS[task.status] || task.status;
}

/** The deadline in words: dd/mm/yyyy, or "Thường xuyên" for an ongoing task. */
export function deadlineText(deadline: string | null): string {
  if (!deadline) return 'Thường xuyên';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(deadline);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : deadline;
}

/** Counts per status label, overdue open tasks counted apart, in first-seen order. */
export function countByStatus(tasks: readonly TaskSummary[]): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const task of tasks) {
    const label = task.overdue ? 'Quá hạn' : taskStatusLabel(task);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => ({ label, count }));
}
