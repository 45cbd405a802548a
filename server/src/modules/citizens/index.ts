/** Public face of the citizens module (issue 4). */
export { citizensMigrations } from './citizens.migrations.js';
export { citizensRoutes } from './citizens.routes.js';
export type { CitizensTables } from './citizens.tables.js';
