/** Public face of the notifications module (thông báo): the outbox, its job and channels. */
export {
  createAdaptersFromConfig,
  type EmailAdapter,
  type EmailMessage,
  LoggingEmailAdapter,
  LoggingSmsAdapter,
  type NotificationLog,
  PermanentDeliveryError,
  type SmsAdapter,
  type SmsMessage,
  SmtpEmailAdapter,
} from './notifications.adapters.js';
export { type NotificationsJobDeps, notificationsJobs } from './notifications.jobs.js';
export { notificationsMigrations } from './notifications.migrations.js';
export {
  type DispatchReport,
  dispatchOutbox,
  enqueueNotification,
  type NotificationRequest,
  outboxStats,
} from './notifications.service.js';
export type { NotificationsTables } from './notifications.tables.js';
export {
  formatVnDateTime,
  renderTemplate,
  type TemplateData,
  type TemplateName,
} from './notifications.templates.js';
