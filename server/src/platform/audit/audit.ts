import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
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
 * the change does. The database trigger sets `seq`, `prev_hash` and `hash`.
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

export interface ChainReport {
  ok: boolean;
  rows: number;
  /** The first row whose link or hash does not match, if any. */
  firstBad?: { seq: number; reason: string };
}

/**
 * Recomputes the hash chain in application code (independently of the trigger) and reports
 * the first broken link. Reads in pages so a long log does not fill memory.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainReport> {
  let prev = '0'.repeat(64);
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const page = await sql<{ seq: number; prev_hash: string; hash: string; canonical: string }>`
      select seq, prev_hash, hash, audit_log_canonical(seq, occurred_at, actor_id, actor_name, action,
        entity_type, entity_id, unit_code, before, after) as canonical
      from audit_log where seq >= ${expectedSeq} order by seq limit 1000`.execute(db);
    if (page.rows.length === 0) return { ok: true, rows };
    for (const r of page.rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq)
        return { ok: false, rows, firstBad: { seq, reason: `missing seq ${expectedSeq}` } };
      if (r.prev_hash !== prev)
        return { ok: false, rows, firstBad: { seq, reason: 'prev_hash does not link' } };
      const hash = createHash('sha256').update(`${prev}|${r.canonical}`, 'utf8').digest('hex');
      if (hash !== r.hash)
        return { ok: false, rows, firstBad: { seq, reason: 'hash does not match content' } };
      prev = r.hash;
      expectedSeq += 1;
      rows += 1;
    }
  }
}
