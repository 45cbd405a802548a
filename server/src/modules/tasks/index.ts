/** Public face of the tasks module (nhiệm vụ): what other modules may use. */

export { seedDemoHistory as seedDemoTaskHistory } from './tasks.demo-history.js';
export { tasksJobs } from './tasks.jobs.js';
export { tasksMigrations } from './tasks.migrations.js';
export { presentTask } from './tasks.query.js';
export type { TaskRow } from './tasks.repository.js';
export { tasksRoutes } from './tasks.routes.js';
export { type DeadlineInput, isDueSoon, isOverdue, resolveDeadline } from './tasks.rules.js';
export {
  TASK_SOURCE_TYPES,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type TaskView,
} from './tasks.schemas.js';
export { type NewTaskInput, type TaskPatch, TaskService } from './tasks.service.js';
export type { TaskSourceType, TaskStatus, TasksTables } from './tasks.tables.js';
