// Facts: how a module tells the modules above it what happened, without them reading its
// tables (style.md "Boundaries"; issue 12). A publisher calls `publishFact` inside the same
// transaction as its change; the fact row holds the subject's current snapshot (keys merged
// from every publisher of that subject, fact-kinds.ts) and `fact_pending` queues the subject
// for the followers. The indicators module claims pending subjects (`claimPendingFacts`),
// folds them into its rollups in its own transaction, and can rebuild everything from
// `scanFacts`. A claimed row is deleted in the claimer's transaction, so a change committed
// after a claim is seen by the next one and none is lost, whatever the commit order.
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { FactKind } from './fact-kinds.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface FactChange {
  kind: FactKind;
  /** The subject's id in its owner's terms (a dossier id, `<unit>:<procedure>`…). */
  subjectId: string;
  /** The unit the subject counts for (see fact-kinds.ts per kind); omitted = unchanged. */
  unitCode?: string;
  /** Keys to set (merged over the existing snapshot; a null value is kept as null). */
  data: Record<string, unknown>;
}

export interface Fact {
  kind: FactKind;
  subjectId: string;
  unitCode: string;
  data: Record<string, unknown>;
  updatedAt: Date;
}

/**
 * Sets keys of a subject's fact and queues it for the followers. Call it with the
 * transaction that makes the change, so the fact and the change commit together. The first
 * publication of a subject must give `unitCode`.
 */
export async function publishFact(trx: Executor, change: FactChange): Promise<void> {
  const data = JSON.stringify(change.data);
  const unit = change.unitCode ?? null;
  await sql`
    with upsert as (
      insert into fact (kind, subject_id, unit_code, data, updated_at)
      values (${change.kind}, ${change.subjectId}, ${unit ?? ''}, ${data}::jsonb, now())
      on conflict (kind, subject_id) do update
        set data = fact.data || excluded.data,
            unit_code = coalesce(${unit}, fact.unit_code),
            updated_at = now()
      returning kind
    )
    insert into fact_pending (kind, subject_id)
    select ${change.kind}, ${change.subjectId} from upsert`.execute(trx);
}

/**
 * The same publication as `publishFact`, as two CTEs (`<name>` and `<name>_q`) of a caller's
 * one-statement write (decision 0005: a dossier action is one statement). The subject, unit
 * and data are SQL over the CTE `from` (e.g. the row an `update … returning *` gave), so the
 * fact is written only when the change is; a null unit keeps the subject's unit.
 */
export function publishFactCtes(
  name: string,
  from: string,
  change: {
    kind: FactKind;
    subjectId: RawBuilder<unknown>;
    unitCode: RawBuilder<unknown> | null;
    data: RawBuilder<unknown>;
  },
): RawBuilder<unknown>[] {
  const unit = change.unitCode ?? sql`''`;
  return [
    sql`${sql.raw(name)} as (insert into fact (kind, subject_id, unit_code, data, updated_at)
      select ${change.kind}::text, (${change.subjectId})::text, (${unit})::text, ${change.data}, now()
      from ${sql.table(from)}
      on conflict (kind, subject_id) do update
        set data = fact.data || excluded.data,
            unit_code = case when excluded.unit_code = '' then fact.unit_code
              else excluded.unit_code end,
            updated_at = now()
      returning kind, subject_id)`,
    sql`${sql.raw(`${name}_q`)} as (insert into fact_pending (kind, subject_id)
      select kind, subject_id from ${sql.raw(name)})`,
  ];
}

/**
 * CTEs (`<name>`, `<name>_q`) publishing a stock fact of a one-statement write: a new subject
 * starts with `data`; an existing one only moves its `since` key back to an earlier day when
 * `match` keys are equal (a back-dated event), and is queued only when it changes.
 */
export function publishStockFactCtes(
  name: string,
  from: string,
  change: {
    kind: FactKind;
    subjectId: RawBuilder<unknown>;
    unitCode: RawBuilder<unknown>;
    data: RawBuilder<unknown>;
    since: string;
    match: string;
  },
): RawBuilder<unknown>[] {
  const since = sql.lit(change.since);
  const match = sql.lit(change.match);
  return [
    sql`${sql.raw(name)} as (insert into fact (kind, subject_id, unit_code, data, updated_at)
      select ${change.kind}::text, (${change.subjectId})::text, (${change.unitCode})::text,
        ${change.data}, now()
      from ${sql.table(from)}
      on conflict (kind, subject_id) do update
        set data = fact.data || jsonb_build_object(${since}::text, excluded.data ->> ${since}::text),
            updated_at = now()
        where excluded.data ->> ${since}::text < fact.data ->> ${since}::text
          and excluded.data ->> ${match}::text = fact.data ->> ${match}::text
      returning kind, subject_id)`,
    sql`${sql.raw(`${name}_q`)} as (insert into fact_pending (kind, subject_id)
      select kind, subject_id from ${sql.raw(name)})`,
  ];
}

/**
 * Claims up to `limit` queued subjects (deleting their queue rows in `trx`) and returns their
 * current facts, each subject once. Run it in the follower's transaction: if that rolls back,
 * the subjects stay queued.
 */
export async function claimPendingFacts(
  trx: Transaction<Database>,
  limit: number,
): Promise<Fact[]> {
  // One statement: the queue rows claimed, and each claimed subject's fact once. The ids are
  // picked once (`= any(array(…))`, an init plan): as `id in (select …)` the planner may
  // re-run the locking subquery for every queued row — quadratic in a long queue (14 s per
  // batch with 9,000 queued at 1M dossiers), so a follower that fell behind never caught up.
  const rows = await sql<Parameters<typeof toFact>[0]>`
    with claimed as (
      delete from fact_pending where id = any(array(
        select id from fact_pending order by id limit ${limit} for update skip locked))
      returning kind, subject_id)
    select f.* from fact f
    where (f.kind, f.subject_id) in (select kind, subject_id from claimed)`.execute(trx);
  return rows.rows.map(toFact);
}

/** How many subjects wait for the followers (for health and tests). */
export async function pendingFactCount(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('fact_pending')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Subjects of one kind whose snapshot has `key` = `value` (e.g. the procedure offers of one
 * procedure, so its owner can republish them when the procedure changes).
 */
export async function factSubjectsWhere(
  db: Executor,
  q: { kind: FactKind; key: string; value: string },
): Promise<Fact[]> {
  const r = await sql<Parameters<typeof toFact>[0]>`
    select * from fact where kind = ${q.kind} and data ->> ${q.key} = ${q.value}
    order by subject_id`.execute(db);
  return r.rows.map(toFact);
}

/** Facts of one kind in subject order, a page at a time (for a rebuild). */
export async function scanFacts(
  db: Executor,
  q: { kind: FactKind; afterSubjectId?: string; limit: number },
): Promise<Fact[]> {
  let query = db
    .selectFrom('fact')
    .selectAll()
    .where('kind', '=', q.kind)
    .orderBy('subject_id')
    .limit(q.limit);
  if (q.afterSubjectId !== undefined) query = query.where('subject_id', '>', q.afterSubjectId);
  return (await query.execute()).map(toFact);
}

function toFact(r: {
  kind: string;
  subject_id: string;
  unit_code: string;
  data: unknown;
  updated_at: Date;
}): Fact {
  return {
    kind: r.kind as FactKind,
    subjectId: r.subject_id,
    unitCode: r.unit_code,
    data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>,
    updatedAt: new Date(r.updated_at),
  };
}

/**
 * Bulk publication (issue 12 deliver 7, the demo's year of history): the facts of many
 * subjects of one kind at once, set-based. `rows` is a SELECT giving `subject_id`, `unit_code`
 * (empty = keep the subject's unit) and `data` (jsonb, merged over the stored snapshot); each
 * subject is queued for the followers exactly as `publishFact` would. Run it in the
 * transaction that wrote the rows. Returns the subjects published.
 */
export async function publishFactsSql(
  trx: Executor,
  kind: FactKind,
  rows: RawBuilder<unknown>,
): Promise<number> {
  const r = await sql<{ n: string }>`
    with src as (${rows}),
    up as (
      insert into fact (kind, subject_id, unit_code, data, updated_at)
      select ${kind}::text, subject_id::text, coalesce(unit_code::text, ''), data::jsonb, now()
      from src
      on conflict (kind, subject_id) do update
        set data = fact.data || excluded.data,
            unit_code = case when excluded.unit_code = '' then fact.unit_code
              else excluded.unit_code end,
            updated_at = now()
      returning kind, subject_id
    ), q as (
      insert into fact_pending (kind, subject_id) select kind, subject_id from up returning 1
    )
    select count(*) as n from q`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}
