import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

/** Delivery channels of the outbox. */
export type NotificationChannel = 'email' | 'sms';

/** Life of one outbox row: queued → sending → sent, or back to queued, or failed for good. */
export type NotificationStatus = 'queued' | 'sending' | 'sent' | 'failed';

/**
 * One message to deliver (thông báo), written in the same transaction as the change that
 * caused it and sent later by the `notifications.dispatch` job.
 */
export interface NotificationOutboxTable {
  id: Generated<number>;
  channel: NotificationChannel;
  recipient: string;
  template: string;
  subject: string;
  body: string;
  payload: Json;
  status: Generated<NotificationStatus>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  sent_at: Date | null;
  /** When the current 'sending' claim was taken (a stale one is re-queued). */
  claimed_at: Date | null;
  /** Token of the dispatch run holding the claim, so a late run cannot overwrite a newer one. */
  claimed_by: string | null;
  related_type: string | null;
  related_id: string | null;
}

/** The notifications module's part of the Kysely `Database` type. */
export interface NotificationsTables {
  notification_outbox: NotificationOutboxTable;
}
