/** Public face of the documents module (văn bản: đến, đi, điều hành): what other modules may use. */

export { seedDemoDocuments } from './documents.demo.js';
export { documentsJobs } from './documents.jobs.js';
export { documentsMigrations } from './documents.migrations.js';
export { documentService, documentsRoutes } from './documents.routes.js';
export { DocumentService } from './documents.service.js';
export type { DocumentsTables } from './documents.tables.js';
