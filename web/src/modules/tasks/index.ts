// Public surface of the tasks module (nhiệm vụ) for pages and the ioc and work modules.
export type {
  CreateTaskInput,
  Task,
  TaskFile,
  TaskFilter,
  TaskProgress,
  TaskSummary,
} from './api/task.types.ts';
export {
  createTask,
  getTask,
  listMyTasks,
  listTasks,
  postProgress,
  taskFileUrl,
  uploadTaskFile,
} from './api/tasks.api.ts';
export { CreateTaskForm } from './components/CreateTaskForm.tsx';
export { ProgressForm } from './components/ProgressForm.tsx';
export { TaskTable } from './components/TaskTable.tsx';
export { type ProgressDraft, type ProgressErrors, validateProgress } from './lib/progress-form.ts';
export { type TaskDraft, validateTaskDraft } from './lib/task-form.ts';
export { countByStatus, deadlineText, taskStatusLabel } from './lib/task-status.ts';
