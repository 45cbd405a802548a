/** Public face of the payments module (issue 4): fees, VietQR, receipts, the paid-online record. */
export { seedDemoPaymentAccount } from './payments.demo.js';
export {
  type PaymentDemoDossier,
  seedDemoHistory as seedDemoPaymentHistory,
} from './payments.demo-history.js';
export { type DossierPaymentStatus, paymentStatusOf } from './payments.fee-status.js';
export { paymentsMigrations } from './payments.migrations.js';
export { paymentsRoutes } from './payments.routes.js';
export { isOnline } from './payments.rules.js';
export { PaymentService } from './payments.service.js';
export type { PaymentsTables } from './payments.tables.js';
export { hmacWebhookAdapter, type WebhookAdapter } from './payments.webhook.js';
