/** Public face of the feedback module (issue 4). */

export {
  type FeedbackDemoDossier,
  seedDemoHistory as seedDemoFeedbackHistory,
} from './feedback.demo-history.js';
export { feedbackJobs } from './feedback.jobs.js';
export { feedbackMigrations } from './feedback.migrations.js';
export { feedbackRoutes } from './feedback.routes.js';
export type { FeedbackTables } from './feedback.tables.js';
