import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { type AuditEntry, auditInsertSql } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { type AccountBrief, identityExpressions } from '../identity/index.js';
import { type OutboxMessage, outboxInsertSql } from '../notifications/index.js';
import { orgExpressions } from '../org/index.js';
import { dossierFactCtes, offerFactCtes } from './dossiers.facts.js';
import type { DossierEventTable, DossierFileTable, DossierTable } from './dossiers.tables.js';

type Db = Kysely<Database>;
export type DossierRow = Selectable<DossierTable>;
export type EventRow = Selectable<DossierEventTable>;
export type FileRow = Selectable<DossierFileTable>;

/** Open statuses whose clock runs (not paused, not finished). */
export const RUNNING = ['received', 'in_progress'] as const;

/** A dossier with everything its page shows, read in one statement. */
export interface DossierFull {
  row: DossierRow;
  /** Receiving and handling units and their ancestors: whose grants reach this dossier. */
  lineage: string[];
  unitName: string | null;
  assignee: AccountBrief | null;
  events: EventRow[];
  files: FileRow[];
}

/** A result file's signed version (dossiers.signing.ts). */
export interface SignedFileWrite {
  id: string;
  sha256: string;
  size: number;
  /** The uploaded bytes, kept. */
  unsignedSha256: string;
  unsignedSize: number;
  /** Common names on the signatures, in order (the leader, then the unit). */
  signers: string[];
}

/** What one action writes; see `applyAction`. */
export interface ActionWrite {
  id: string;
  /** The version the action was decided on: the write happens only if it still holds. */
  version: number;
  patch: Partial<Omit<DossierRow, 'id' | 'applicant' | 'form_data' | 'step_plan'>> & {
    step_plan?: string;
  };
  event: Omit<EventRow, 'id' | 'seq' | 'dossier_id' | 'payload'> & { payload: unknown };
  outbox: OutboxMessage[];
  actor: Actor;
  audit: AuditEntry;
  /** Result files signed for this action (approve): their signed version replaces the served one. */
  signedFiles?: SignedFileWrite[];
}

/** What a receipt writes; see `insertReceipt`. The code is numbered inside the statement. */
export interface ReceiptWrite {
  row: Omit<
    DossierRow,
    | 'code'
    | 'version'
    | 'paused_minutes'
    | 'completion_requests'
    | 'extended'
    | 'created_at'
    | 'updated_at'
    | 'applicant'
    | 'form_data'
    | 'step_plan'
  > & { applicant: unknown; form_data: unknown; step_plan: unknown };
  /** The counter's key and day, and the code with `placeholder` where the number goes. */
  agencyKey: string;
  day: string;
  codeTemplate: { before: string; after: string; width: number };
  placeholder: string;
  event: Omit<EventRow, 'id' | 'seq' | 'dossier_id' | 'payload'> & { payload: unknown };
  outbox: OutboxMessage[];
  actor: Actor;
  audit: AuditEntry;
  /** Dossier fact keys the row does not hold (onlineLevel, digitised; dossiers.facts.ts). */
  fact: Record<string, unknown>;
}

const eventValues = (from: string, e: ActionWrite['event'], seq: RawBuilder<unknown>) =>
  sql`insert into dossier_event (dossier_id, seq, action, from_status, to_status, actor_id,
      actor_name, unit_code, occurred_at, reason, payload)
    select ${sql.table(from)}.id, ${seq}, ${e.action}::text, ${e.from_status}::text,
      ${e.to_status}::text, ${e.actor_id}::uuid, ${e.actor_name}::text, ${e.unit_code}::text,
      ${e.occurred_at}::timestamptz, ${e.reason}::text, ${JSON.stringify(e.payload ?? {})}::jsonb
    from ${sql.table(from)} returning seq`;

/** The only SQL of the dossiers module. */
export const dossiersRepository = {
  /**
   * One dossier with its lineage, unit name, assignee, events and files — one round trip.
   * `undefined` when there is no such dossier.
   */
  async loadFull(db: Db, id: string): Promise<DossierFull | undefined> {
    const r = await sql<
      DossierRow & {
        x_lineage: string[];
        x_unit_name: string | null;
        x_assignee: AccountBrief | null;
        x_events: EventRow[];
        x_files: FileRow[];
      }
    >`select d.*,
        ${orgExpressions.lineage(sql.ref('d.unit_code'))} || case
          when d.handling_unit_code <> d.unit_code
          then ${orgExpressions.lineage(sql.ref('d.handling_unit_code'))} else '{}'::text[] end as x_lineage,
        ${orgExpressions.fullName(sql.ref('d.unit_code'))} as x_unit_name,
        ${identityExpressions.accountBrief(sql.ref('d.assignee_id'))} as x_assignee,
        coalesce((select json_agg(e order by e.seq) from dossier_event e
          where e.dossier_id = d.id), '[]'::json) as x_events,
        coalesce((select json_agg(f order by f.created_at) from dossier_file f
          where f.dossier_id = d.id), '[]'::json) as x_files
      from dossier d where d.id = ${id}`.execute(db);
    const x = r.rows[0];
    if (!x) return undefined;
    const { x_lineage, x_unit_name, x_assignee, x_events, x_files, ...row } = x;
    return {
      row: row as DossierRow,
      lineage: x_lineage,
      unitName: x_unit_name,
      assignee: x_assignee,
      events: x_events,
      files: x_files,
    };
  },

  /**
   * One action as ONE statement (its own transaction): the update, guarded by the version the
   * action was decided on, then — only if it happened — the event, the outbox rows and the
   * audit row. No lock is held across a round trip to the application. `undefined` when the
   * version no longer holds (someone acted first).
   */
  async applyAction(
    db: Db,
    w: ActionWrite,
  ): Promise<{ row: DossierRow; eventSeq: number } | undefined> {
    const sets = Object.entries(w.patch)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
    const ctes = [
      sql`upd as (update dossier set ${sql.join(sets)}
        where id = ${w.id} and version = ${w.version} returning *)`,
      // The row is locked by the update, and the version guard means no other action on it
      // committed since this statement's snapshot, so max(seq) + 1 cannot race.
      sql`ev as (${eventValues('upd', w.event, sql`coalesce((select max(seq) from dossier_event where dossier_id = ${w.id}), 0) + 1`)})`,
    ];
    const outbox = outboxInsertSql(w.outbox, 'upd');
    if (outbox) ctes.push(sql`ob as (${outbox})`);
    ctes.push(sql`au as (${auditInsertSql(w.actor, w.audit, 'upd')})`);
    // Result files change with the action, and only if it happened (dossiers.signing.ts).
    if (w.signedFiles?.length) {
      const rows = w.signedFiles.map(
        (f) => sql`(${f.id}::uuid, ${f.sha256}::text, ${f.size}::bigint, ${f.unsignedSha256}::text,
          ${f.unsignedSize}::bigint, ${JSON.stringify(f.signers)}::jsonb)`,
      );
      ctes.push(sql`sf as (update dossier_file f set sha256 = v.sha256, size = v.size,
          unsigned_sha256 = v.unsigned_sha256, unsigned_size = v.unsigned_size,
          signed_at = ${w.event.occurred_at}::timestamptz, signed_by = ${w.event.actor_id}::uuid,
          signers = v.signers
        from upd, (values ${sql.join(rows)}) as v(id, sha256, size, unsigned_sha256, unsigned_size, signers)
        where f.id = v.id and f.dossier_id = upd.id returning f.id)`);
    }
    // The dossier fact (issue 12) in the same statement: written only if the update was.
    ctes.push(...dossierFactCtes('upd'));
    const r = await sql<DossierRow & { x_event_seq: number }>`with ${sql.join(ctes)}
      select upd.*, (select seq from ev) as x_event_seq from upd`.execute(db);
    const x = r.rows[0];
    if (!x) return undefined;
    const { x_event_seq, ...row } = x;
    return { row: row as DossierRow, eventSeq: Number(x_event_seq) };
  },

  /**
   * A receipt as ONE statement: the day's counter (its row lock lasts only this statement,
   * and a failed statement returns the number, so codes stay gap-free), the dossier with its
   * code, the first event, the outbox rows and the audit row. Text of the outbox and audit
   * rows may hold `placeholder` where the code goes.
   */
  async insertReceipt(db: Db, w: ReceiptWrite): Promise<DossierRow> {
    const t = w.codeTemplate;
    // lpad would cut a longer number; padStart in formatDossierCode does not, nor does this.
    const code = sql`(${t.before}::text || case when length(ctr.last_seq::text) >= ${t.width}::int
      then ctr.last_seq::text else lpad(ctr.last_seq::text, ${t.width}::int, '0') end || ${t.after}::text)`;
    const r0 = w.row;
    const ctes = [
      sql`ctr as (insert into dossier_code_counter (agency_key, day, last_seq)
        values (${w.agencyKey}, ${w.day}, 1)
        on conflict (agency_key, day) do update set last_seq = dossier_code_counter.last_seq + 1
        returning last_seq)`,
      sql`ins as (insert into dossier (id, code, procedure_id, procedure_code, procedure_name,
          unit_code, handling_unit_code, channel, applicant, applicant_name, applicant_phone,
          form_data, fees_due, status, received_at, due_at, original_due_at, step_plan,
          due_soon_at, overdue_at, paused_at, assignee_id, finished_at, outcome, approved_at,
          returned_at, return_method, result_file_id, result_summary, idempotency_key,
          request_hash, created_by, result_delivery, applicant_id_hmac, owner_user_id)
        select ${r0.id}::uuid, ${code}, ${r0.procedure_id}::uuid, ${r0.procedure_code}::text,
          ${r0.procedure_name}::text, ${r0.unit_code}::text, ${r0.handling_unit_code}::text,
          ${r0.channel}::text, ${JSON.stringify(r0.applicant)}::jsonb, ${r0.applicant_name}::text,
          ${r0.applicant_phone}::text, ${JSON.stringify(r0.form_data)}::jsonb, ${r0.fees_due}::bigint,
          ${r0.status}::text, ${r0.received_at}::timestamptz, ${r0.due_at}::timestamptz,
          ${r0.original_due_at}::timestamptz, ${JSON.stringify(r0.step_plan)}::jsonb,
          ${r0.due_soon_at}::timestamptz, ${r0.overdue_at}::timestamptz, ${r0.paused_at}::timestamptz,
          ${r0.assignee_id}::uuid, ${r0.finished_at}::timestamptz, ${r0.outcome}::text,
          ${r0.approved_at}::timestamptz, ${r0.returned_at}::timestamptz, ${r0.return_method}::text,
          ${r0.result_file_id}::uuid, ${r0.result_summary}::text, ${r0.idempotency_key}::text,
          ${r0.request_hash}::text, ${r0.created_by}::uuid,
          ${r0.result_delivery ? JSON.stringify(r0.result_delivery) : null}::jsonb,
          ${r0.applicant_id_hmac}::text, ${r0.owner_user_id}::uuid
        from ctr returning *)`,
      sql`ev as (${eventValues('ins', w.event, sql`1`)})`,
    ];
    const slot = { placeholder: w.placeholder, expression: sql`(select code from ins)` };
    const outbox = outboxInsertSql(w.outbox, 'ins', slot);
    if (outbox) ctes.push(sql`ob as (${outbox})`);
    ctes.push(sql`au as (${auditInsertSql(w.actor, w.audit, 'ins', slot)})`);
    ctes.push(...dossierFactCtes('ins', w.fact));
    ctes.push(...offerFactCtes('ins', String(w.fact.onlineLevel ?? 'none')));
    const r = await sql<DossierRow>`with ${sql.join(ctes)} select * from ins`.execute(db);
    return r.rows[0]!;
  },

  /** The dossier received at `unitCode` under this Idempotency-Key (keys are per unit). */
  async findByIdempotencyKey(
    db: Db,
    unitCode: string,
    key: string,
  ): Promise<DossierRow | undefined> {
    return db
      .selectFrom('dossier')
      .selectAll()
      .where('unit_code', '=', unitCode)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  },

  /** The citizen account's latest own dossier received or handled in `units` (null: any). */
  async latestOwnedIn(
    db: Db,
    userId: string,
    units: string[] | null,
  ): Promise<{ id: string; code: string } | undefined> {
    let q = db.selectFrom('dossier').select(['id', 'code']).where('owner_user_id', '=', userId);
    if (units)
      q = q.where((eb) =>
        eb.or([eb('unit_code', 'in', units), eb('handling_unit_code', 'in', units)]),
      );
    return q.orderBy('received_at', 'desc').limit(1).executeTakeFirst();
  },

  async findById(db: Db, id: string): Promise<DossierRow | undefined> {
    return db.selectFrom('dossier').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findByCode(db: Db, code: string): Promise<DossierRow | undefined> {
    return db.selectFrom('dossier').selectAll().where('code', '=', code).executeTakeFirst();
  },

  async eventsOf(db: Db, id: string): Promise<EventRow[]> {
    return db
      .selectFrom('dossier_event')
      .selectAll()
      .where('dossier_id', '=', id)
      .orderBy('seq')
      .execute();
  },

  async findFile(db: Db, dossierId: string, fileId: string): Promise<FileRow | undefined> {
    return db
      .selectFrom('dossier_file')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .where('id', '=', fileId)
      .executeTakeFirst();
  },

  async insertFile(
    db: Db,
    f: Omit<
      FileRow,
      | 'id'
      | 'created_at'
      | 'unsigned_sha256'
      | 'unsigned_size'
      | 'signed_at'
      | 'signed_by'
      | 'signers'
    >,
  ): Promise<FileRow> {
    return db.insertInto('dossier_file').values(f).returningAll().executeTakeFirstOrThrow();
  },

  /** Running dossiers due within `horizon` that still lack a due-soon or overdue mark. */
  async sweepCandidates(db: Db, now: Date, horizon: Date, limit: number) {
    return db
      .selectFrom('dossier')
      .select(['id', 'unit_code', 'handling_unit_code', 'due_at', 'due_soon_at', 'overdue_at'])
      .where('status', 'in', [...RUNNING])
      .where('due_at', '<', horizon)
      .where((eb) => eb.or([eb('overdue_at', 'is', null), eb('due_soon_at', 'is', null)]))
      .where((eb) => eb.or([eb('overdue_at', 'is', null), eb('due_at', '>=', now)]))
      .orderBy('due_at')
      .limit(limit)
      .execute();
  },

  /** Claims the overdue mark (style.md rule 7): only the first caller gets the row back. */
  async claimOverdue(db: Db, id: string, now: Date): Promise<DossierRow | undefined> {
    return db
      .updateTable('dossier')
      .set({ overdue_at: now })
      .where('id', '=', id)
      .where('overdue_at', 'is', null)
      .where('status', 'in', [...RUNNING])
      .where('due_at', '<', now)
      .returningAll()
      .executeTakeFirst();
  },

  /** Claims the due-soon mark; only the first caller gets the row back. */
  async claimDueSoon(db: Db, id: string, now: Date): Promise<DossierRow | undefined> {
    return db
      .updateTable('dossier')
      .set({ due_soon_at: now })
      .where('id', '=', id)
      .where('due_soon_at', 'is', null)
      .where('status', 'in', [...RUNNING])
      .returningAll()
      .executeTakeFirst();
  },
};
