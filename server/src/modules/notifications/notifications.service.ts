import { randomUUID } from 'node:crypto';
import { canonicalPhone } from '@cqs/shared/vn/index';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import {
  type EmailAdapter,
  type NotificationLog,
  PermanentDeliveryError,
  type SmsAdapter,
} from './notifications.adapters.js';
import {
  type AnyDb,
  type NewOutboxRow,
  notificationsRepository as repo,
} from './notifications.repository.js';
import type { NotificationChannel, NotificationStatus } from './notifications.tables.js';
import { renderTemplate, type TemplateData, type TemplateName } from './notifications.templates.js';

// The outbox (hàng đợi thông báo): a message is a row written in the transaction of the
// change it reports, so it exists exactly when the change does, and a slow or broken mail
// server never delays or undoes that change. Delivery is at least once: a process that dies
// between sending and recording may send a message a second time after the stale claim is
// released. Sends are not audited one by one (a row every few seconds would swamp the
// hash-chained log); the row itself records attempts, errors and the time of delivery.

/** What to send, to whom, and what it concerns. */
export interface NotificationRequest<T extends TemplateName> {
  channel: NotificationChannel;
  /** E-mail address, or mobile number (any form canonicalPhone accepts) for SMS. */
  recipient: string;
  template: T;
  data: TemplateData<T>;
  /** Same key twice queues one message, e.g. `dossier:<id>:received:sms`. */
  dedupeKey?: string;
  /** The record the message is about, e.g. `{ type: 'dossier', id }`. */
  related?: { type: string; id: string };
  /** The caller's "now" (its injected clock); the database's now() when absent. */
  at?: Date;
}

const emailSchema = z.email();

/** The canonical recipient, or null when it cannot be delivered to. */
function canonicalRecipient(channel: NotificationChannel, raw: string): string | null {
  const r = raw.trim();
  if (channel === 'sms') return canonicalPhone(r);
  return emailSchema.safeParse(r).success ? r : null;
}

/**
 * Queues a message in the caller's transaction `trx` (it commits or rolls back with the
 * action). A duplicate `dedupeKey` or a blank recipient queues nothing and returns null; an
 * undeliverable recipient is stored as 'failed' so admins see it, without failing the action.
 * Incomplete template data throws: that is a bug in the caller.
 */
export async function enqueueNotification<T extends TemplateName>(
  trx: AnyDb,
  n: NotificationRequest<T>,
): Promise<number | null> {
  const row = composeNotification(n);
  return row ? repo.insert(trx, row) : null;
}

/** A rendered outbox row, not yet written (see `outboxInsertSql` and `queueOutboxRows`). */
export type OutboxMessage = NewOutboxRow;

/**
 * Renders a message into the row the outbox would store, without writing it: null for a
 * blank recipient; an undeliverable recipient gives a 'failed' row. Incomplete template data
 * throws.
 */
export function composeNotification<T extends TemplateName>(
  n: NotificationRequest<T>,
): OutboxMessage | null {
  const message = renderTemplate(n.template, n.data);
  if (n.recipient.trim() === '') return null;
  const recipient = canonicalRecipient(n.channel, n.recipient);
  return {
    channel: n.channel,
    recipient: recipient ?? n.recipient.trim(),
    template: n.template,
    subject: message.subject,
    body: n.channel === 'sms' ? message.sms : message.text,
    payload: n.data,
    dedupeKey: n.dedupeKey ?? null,
    relatedType: n.related?.type ?? null,
    relatedId: n.related?.id ?? null,
    status: recipient ? 'queued' : 'failed',
    lastError: recipient ? null : 'invalid recipient',
    at: n.at,
  };
}

/** See notificationsRepository.insertSql: the outbox insert as part of one larger statement. */
export const outboxInsertSql = repo.insertSql;

/** Writes composed rows in the caller's transaction; duplicates (by dedupe key) are skipped. */
export async function queueOutboxRows(trx: AnyDb, rows: OutboxMessage[]): Promise<void> {
  for (const r of rows) await repo.insert(trx, r);
}

/** Delay before the next try after `attempts` failed ones: 30 s × 2^attempts, at most 1 hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3600, 30 * 2 ** attempts) * 1000;
}

/** A claim older than this belongs to a process that died (a send takes a minute at most). */
export const STALE_CLAIM_MS = 10 * 60_000;

/** How one dispatch run delivers and how much it may do. */
export interface DispatchOptions {
  email: EmailAdapter;
  sms: SmsAdapter;
  clock: Clock;
  /** Rows claimed at a time (a claim is short; sending happens outside any transaction). */
  batchSize?: number;
  /** Upper bound per run, so one run does not hold the job worker for long. */
  maxPerRun?: number;
  log?: NotificationLog;
}

/** What one dispatch run did. */
export interface DispatchReport {
  sent: number;
  retrying: number;
  failed: number;
  /** Stale 'sending' rows put back (or failed) before sending. */
  released: number;
}

/**
 * Sends due messages: releases stale claims, then claims batches (skipping rows another
 * run holds), sends each through its channel and records the outcome under the claim token,
 * so a run that lost its claim cannot overwrite a newer one. Safe to run concurrently.
 */
export async function dispatchOutbox(db: AnyDb, opts: DispatchOptions): Promise<DispatchReport> {
  const { clock } = opts;
  const batchSize = opts.batchSize ?? 20;
  const maxPerRun = opts.maxPerRun ?? 200;
  const token = randomUUID();
  const report: DispatchReport = { sent: 0, retrying: 0, failed: 0, released: 0 };
  report.released = await repo.releaseStale(db, new Date(clock.now().getTime() - STALE_CLAIM_MS));
  let handled = 0;
  while (handled < maxPerRun) {
    const rows = await repo.claimDue(
      db,
      clock.now(),
      Math.min(batchSize, maxPerRun - handled),
      token,
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      handled += 1;
      try {
        if (row.channel === 'email')
          await opts.email.send({ to: row.recipient, subject: row.subject, text: row.body });
        else await opts.sms.send({ to: row.recipient, text: row.body });
      } catch (err) {
        const final = row.attempts >= row.max_attempts || isPermanent(err);
        const retryAt = final ? null : new Date(clock.now().getTime() + retryDelayMs(row.attempts));
        await repo.markAttemptFailed(db, row.id, token, { error: errorText(err), retryAt });
        opts.log?.('notification not delivered', {
          id: row.id,
          channel: row.channel,
          attempts: row.attempts,
          final,
          err: errorText(err),
        });
        if (final) report.failed += 1;
        else report.retrying += 1;
        continue;
      }
      await repo.markSent(db, row.id, token, clock.now());
      report.sent += 1;
    }
  }
  return report;
}

/**
 * Only our own error class counts: nodemailer sets `permanent` on every 5xx, including a
 * refused login, which must keep retrying until the configuration is fixed.
 */
function isPermanent(err: unknown): boolean {
  return err instanceof PermanentDeliveryError;
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text || 'unknown error').slice(0, 2000);
}

/** Outbox rows by status, every status present (for /metrics and the admin page). */
export async function outboxStats(db: AnyDb): Promise<Record<NotificationStatus, number>> {
  const counts = await repo.countByStatus(db);
  return {
    queued: counts.queued ?? 0,
    sending: counts.sending ?? 0,
    sent: counts.sent ?? 0,
    failed: counts.failed ?? 0,
  };
}
