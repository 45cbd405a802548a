// Public surface of the tasks module (nhiệm vụ) for pages and the ioc module.
export type { Task, TaskFilter, TaskProgress, TaskSummary } from './api/task.types.ts';
export { getTask, listMyTasks, listTasks, postProgress } from './api/tasks.api.ts';
export { ProgressForm } from './components/ProgressForm.tsx';
export { TaskTable } from './components/TaskTable.tsx';
export { type ProgressDraft, type ProgressErrors, validateProgress } from './lib/progress-form.ts';
export { countByStatus, deadlineText, taskStatusLabel } from './lib/task-status.ts';
