import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Actor } from '../actor.js';
import type { Database } from '../db/schema.js';

/** What one audited write changed. `before`/`after` are plain JSON snapshots. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  unitCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one audit row inside the caller's transaction, so the record exists exactly when
 * the change does. The database trigger sets `seq`, `prev_hash` and `hash` (an HMAC under the
 * chain key the session was given, decision 0006; without it the insert is refused).
 */
export async function recordAudit(
  trx: Kysely<Database>,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_id: actor.id,
      actor_name: actor.name,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      unit_code: entry.unitCode ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: actor.requestId ?? null,
    })
    .execute();
}

/**
 * The same row as `recordAudit`, as one statement of a data-modifying CTE: inserted once per
 * row of the CTE named `guard`, so it exists exactly when the guarded change does. The
 * trigger's chain lock is then held only from this insert to the end of that one statement's
 * transaction, never across a round trip to the application. `slot` fills a placeholder in
 * `after` with a SQL expression known only inside the statement.
 */
export function auditInsertSql(
  actor: Actor,
  entry: AuditEntry,
  guard: string,
  slot?: { placeholder: string; expression: RawBuilder<unknown> },
): RawBuilder<unknown> {
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  const after = json(entry.after);
  const afterSql =
    slot && after?.includes(slot.placeholder)
      ? sql`replace(${after}::text, ${slot.placeholder}::text, ${slot.expression})::jsonb`
      : sql`${after}::jsonb`;
  return sql`insert into audit_log (actor_id, actor_name, action, entity_type, entity_id, unit_code,
      before, after, request_id)
    select ${actor.id}::uuid, ${actor.name}::text, ${entry.action}::text, ${entry.entityType}::text,
      ${entry.entityId}::text, ${entry.unitCode ?? null}::text, ${json(entry.before)}::jsonb, ${afterSql},
      ${actor.requestId ?? null}::text
    from ${sql.table(guard)}`;
}
