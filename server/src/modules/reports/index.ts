/** Public face of the reports module (phản ánh hiện trường). */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { DEFAULT_CATEGORIES } from './reports.migrations.js';
import { reportsRepository } from './reports.repository.js';

// Open311 GeoReport v2, the module's interop face (open311/).
export { open311Migrations } from './open311/open311.migrations.js';
export { open311Routes } from './open311/open311.routes.js';
export { seedReplyTemplates } from './reports.admin.js';
export { seedDemoReports } from './reports.demo.js';
export { reportsJobs } from './reports.jobs.js';
export { reportsMigrations } from './reports.migrations.js';
export { reportsRoutes } from './reports.routes.js';
export { type ReportDeps, ReportService } from './reports.service.js';
export { ACTION_LABELS, REPORT_STATUSES, STATUS_LABELS, TRANSITIONS } from './reports.states.js';

/** Loads the default categories (roads, lighting, waste…) that do not exist yet. Idempotent. */
export async function seedReportCategories(db: Kysely<Database>): Promise<void> {
  await reportsRepository.seedCategories(db, DEFAULT_CATEGORIES);
}
export { seedDemoHistory as seedDemoReportHistory } from './reports.demo-history.js';
