/** Messages to the reporter and the followers of a field report, queued in the caller's transaction. */
import { canonicalPhone } from '@cqs/shared/vn/index';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { enqueueNotification } from '../notifications/index.js';
import { type ReportRow, reportsRepository as repo } from './reports.repository.js';

type Db = Kysely<Database>;

/** Queues a message to the reporter's phone (SMS) and e-mail, when they left them. */
export async function notifyReporter<
  T extends 'report.received' | 'report.resolved' | 'report.info_requested',
>(
  trx: Db,
  at: Date,
  r: ReportRow,
  template: T,
  data: Parameters<typeof enqueueNotification<T>>[1]['data'],
): Promise<void> {
  const related = { type: 'report', id: r.id };
  const key = `report:${r.id}:${template}:v${r.version}`;
  if (r.reporter_phone)
    await enqueueNotification(trx, {
      channel: 'sms',
      recipient: r.reporter_phone,
      template,
      data,
      dedupeKey: `${key}:sms`,
      related,
      at,
    });
  if (r.reporter_email)
    await enqueueNotification(trx, {
      channel: 'email',
      recipient: r.reporter_email,
      template,
      data,
      dedupeKey: `${key}:email`,
      related,
      at,
    });
}

/** Tells every follower that the report was resolved. */
export async function notifyFollowers(
  trx: Db,
  at: Date,
  r: ReportRow,
  data: Parameters<typeof enqueueNotification<'report.resolved'>>[1]['data'],
): Promise<void> {
  for (const contact of await repo.followers(trx, r.id)) {
    if (contact === r.reporter_phone || contact === r.reporter_email) continue;
    await enqueueNotification(trx, {
      channel: canonicalPhone(contact) ? 'sms' : 'email',
      recipient: contact,
      template: 'report.resolved',
      data,
      dedupeKey: `report:${r.id}:report.resolved:v${r.version}:${contact}`,
      related: { type: 'report', id: r.id },
      at,
    });
  }
}
