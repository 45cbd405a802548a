/** Public face of the notifications module (thông báo): the outbox, its job and channels. */
export {
  createAdaptersFromConfig,
  type EmailAdapter,
  type EmailMessage,
  HttpSmsAdapter,
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
  composeNotification,
  type DispatchReport,
  dispatchOutbox,
  enqueueNotification,
  type NotificationRequest,
  type OutboxMessage,
  outboxInsertSql,
  outboxStats,
  queueOutboxRows,
} from './notifications.service.js';
export type { NotificationsTables } from './notifications.tables.js';
export {
  formatVnDateTime,
  renderTemplate,
  type TemplateData,
  type TemplateName,
} from './notifications.templates.js';
