import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type {
  NotificationChannel,
  NotificationStatus,
  NotificationsTables,
} from './notifications.tables.js';

// Until platform/db/schema.ts includes NotificationsTables this module types its own view;
// once it does, the cast below changes nothing.
type Db = Kysely<Database & NotificationsTables>;

/**
 * Any Kysely handle or transaction: callers may hold a `Database` type that does not list
 * this module's tables yet (or adds their own), so the module accepts them all.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; narrowed by `typed` right away.
export type AnyDb = Kysely<any>;
const typed = (db: AnyDb) => db as unknown as Db;

/** A new outbox row. */
export interface NewOutboxRow {
  channel: NotificationChannel;
  recipient: string;
  template: string;
  subject: string;
  body: string;
  payload: unknown;
  dedupeKey: string | null;
  relatedType: string | null;
  relatedId: string | null;
  status: 'queued' | 'failed';
  lastError: string | null;
  /** When it may first be sent; the database's now() when absent. */
  at?: Date;
}

/** A row the dispatcher has claimed for sending. */
export interface ClaimedRow {
  id: number;
  channel: NotificationChannel;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
  max_attempts: number;
}

/** The only SQL of the notifications module. */
export const notificationsRepository = {
  /** Inserts in the caller's transaction; a dedupe key already present inserts nothing. */
  /**
   * The insert of `rows` as one statement of a data-modifying CTE: the rows are written only
   * when the CTE named `guard` returned a row, so they exist exactly when the guarded change
   * does. `slot` replaces a placeholder in subject, body and payload with a SQL expression
   * known only inside the statement (e.g. a dossier code numbered there).
   */
  insertSql(
    rows: NewOutboxRow[],
    guard: string,
    slot?: { placeholder: string; expression: RawBuilder<unknown> },
  ): RawBuilder<unknown> | null {
    if (rows.length === 0) return null;
    const fill = (text: string) =>
      slot && text.includes(slot.placeholder)
        ? sql`replace(${text}::text, ${slot.placeholder}::text, ${slot.expression})`
        : sql`${text}::text`;
    const values = rows.map(
      (r) => sql`(${r.channel}::text, ${r.recipient}::text, ${r.template}::text, ${fill(r.subject)},
        ${fill(r.body)}, (${fill(JSON.stringify(r.payload ?? {}))})::jsonb, ${r.status}::text,
        ${r.lastError}::text, ${r.dedupeKey}::text, ${r.relatedType}::text, ${r.relatedId}::text,
        coalesce(${r.at ?? null}::timestamptz, now()))`,
    );
    return sql`insert into notification_outbox (channel, recipient, template, subject, body, payload,
        status, last_error, dedupe_key, related_type, related_id, next_attempt_at, created_at)
      select v.*, v.next_attempt_at from (values ${sql.join(values)}) as v(channel, recipient, template,
        subject, body, payload, status, last_error, dedupe_key, related_type, related_id, next_attempt_at)
      where exists (select 1 from ${sql.table(guard)})
      on conflict (dedupe_key) do nothing`;
  },

  async insert(db: AnyDb, r: NewOutboxRow): Promise<number | null> {
    const row = await typed(db)
      .insertInto('notification_outbox')
      .values({
        channel: r.channel,
        recipient: r.recipient,
        template: r.template,
        subject: r.subject,
        body: r.body,
        payload: JSON.stringify(r.payload ?? {}),
        status: r.status,
        last_error: r.lastError,
        dedupe_key: r.dedupeKey,
        related_type: r.relatedType,
        related_id: r.relatedId,
        // Kysely leaves out undefined values, so the column defaults (now()) apply.
        next_attempt_at: r.at,
        created_at: r.at,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  },

  /**
   * Puts back rows left in 'sending' by a process that died mid-send; those on their last
   * attempt fail instead, since the message may or may not have gone out.
   */
  async releaseStale(db: AnyDb, claimedBefore: Date): Promise<number> {
    const res = await typed(db)
      .updateTable('notification_outbox')
      .set((eb) => ({
        status: eb
          .case()
          .when('attempts', '>=', eb.ref('max_attempts'))
          .then('failed' as NotificationStatus)
          .else('queued' as NotificationStatus)
          .end(),
        last_error: 'interrupted while sending (process stopped?)',
        claimed_by: null,
      }))
      .where('status', '=', 'sending')
      .where('claimed_at', '<', claimedBefore)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  },

  /**
   * Claims up to `limit` due rows for one dispatch run. `FOR UPDATE SKIP LOCKED` lets
   * concurrent runs (other processes on PostgreSQL) take disjoint rows without waiting;
   * the attempt is counted now, so a message that kills the process still runs out of tries.
   * The due rows are picked in a MATERIALIZED CTE, evaluated once: written as
   * `id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)` the planner may rescan the subquery for
   * every outer row, each rescan skipping the rows just claimed, and claim the whole queue
   * (a test caught it claiming 14 rows with a limit of 2).
   */
  async claimDue(db: AnyDb, now: Date, limit: number, token: string): Promise<ClaimedRow[]> {
    const rows = await typed(db)
      .with(
        (cte) => cte('due').materialized(),
        (qb) =>
          qb
            .selectFrom('notification_outbox')
            .select('id')
            .where('status', '=', 'queued')
            .where('next_attempt_at', '<=', now)
            .orderBy('next_attempt_at')
            .orderBy('id')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
      )
      .updateTable('notification_outbox')
      .from('due')
      .set((eb) => ({
        status: 'sending',
        attempts: eb('notification_outbox.attempts', '+', 1),
        claimed_at: now,
        claimed_by: token,
      }))
      .whereRef('notification_outbox.id', '=', 'due.id')
      .where('notification_outbox.status', '=', 'queued')
      .returning([
        'notification_outbox.id',
        'notification_outbox.channel',
        'notification_outbox.recipient',
        'notification_outbox.subject',
        'notification_outbox.body',
        'notification_outbox.attempts',
        'notification_outbox.max_attempts',
      ])
      .execute();
    return rows.sort((a, b) => a.id - b.id);
  },

  /** Records a delivery; false when the claim was lost (re-queued as stale meanwhile). */
  async markSent(db: AnyDb, id: number, token: string, at: Date): Promise<boolean> {
    const res = await typed(db)
      .updateTable('notification_outbox')
      .set({ status: 'sent', sent_at: at, last_error: null, claimed_by: null })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('claimed_by', '=', token)
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  },

  /** Records a failed attempt: back to the queue at `retryAt`, or failed for good. */
  async markAttemptFailed(
    db: AnyDb,
    id: number,
    token: string,
    r: { error: string; retryAt: Date | null },
  ): Promise<boolean> {
    const res = await typed(db)
      .updateTable('notification_outbox')
      .set({
        status: r.retryAt ? 'queued' : 'failed',
        last_error: r.error,
        claimed_by: null,
        ...(r.retryAt ? { next_attempt_at: r.retryAt } : {}),
      })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('claimed_by', '=', token)
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  },

  /** Row counts by status. */
  async countByStatus(db: AnyDb): Promise<Partial<Record<NotificationStatus, number>>> {
    const rows = await typed(db)
      .selectFrom('notification_outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  },
};
