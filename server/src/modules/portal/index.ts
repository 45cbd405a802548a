/** Public face of the citizen portal module (cổng dịch vụ công): drafts, data store, submission. */

export { portalMigrations } from './portal.migrations.js';
export { type PortalDataSection, portalDataSections } from './portal.personal-data.js';
export { rotateDraftPersonalIds } from './portal.rotate.js';
export { portalRoutes } from './portal.routes.js';
export { type CitizenData, PortalService } from './portal.service.js';
export type { PortalTables } from './portal.tables.js';
