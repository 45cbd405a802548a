/** Public face of the feedback module (issue 4). */
export { feedbackMigrations } from './feedback.migrations.js';
export { feedbackRoutes } from './feedback.routes.js';
export type { FeedbackTables } from './feedback.tables.js';
