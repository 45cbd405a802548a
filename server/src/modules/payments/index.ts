/** Public face of the payments module (issue 4). */
export { paymentsMigrations } from './payments.migrations.js';
export { paymentsRoutes } from './payments.routes.js';
export type { PaymentsTables } from './payments.tables.js';
