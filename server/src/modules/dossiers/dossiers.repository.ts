import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { DossierEventTable, DossierFileTable, DossierTable } from './dossiers.tables.js';

type Db = Kysely<Database>;
export type DossierRow = Selectable<DossierTable>;
export type EventRow = Selectable<DossierEventTable>;
export type FileRow = Selectable<DossierFileTable>;

/** Open statuses whose clock runs (not paused, not finished). */
export const RUNNING = ['received', 'in_progress'] as const;

/** The only SQL of the dossiers module. */
export const dossiersRepository = {
  /**
   * The next number of an agency's day. The upsert takes a row lock held until commit, so
   * concurrent receipts queue here and get consecutive numbers; a rolled-back receipt
   * returns its number, so the sequence has no gaps.
   */
  async nextSequence(db: Db, agencyKey: string, day: string): Promise<number> {
    const r = await sql<{ last_seq: number }>`
      insert into dossier_code_counter (agency_key, day, last_seq) values (${agencyKey}, ${day}, 1)
      on conflict (agency_key, day) do update set last_seq = dossier_code_counter.last_seq + 1
      returning last_seq`.execute(db);
    return r.rows[0]!.last_seq;
  },

  async findByIdempotencyKey(db: Db, key: string): Promise<DossierRow | undefined> {
    return db
      .selectFrom('dossier')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  },

  async findById(db: Db, id: string, forUpdate = false): Promise<DossierRow | undefined> {
    let q = db.selectFrom('dossier').selectAll().where('id', '=', id);
    if (forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  async findByCode(db: Db, code: string): Promise<DossierRow | undefined> {
    return db.selectFrom('dossier').selectAll().where('code', '=', code).executeTakeFirst();
  },

  async insert(
    db: Db,
    row: Omit<
      DossierRow,
      | 'id'
      | 'version'
      | 'paused_minutes'
      | 'completion_requests'
      | 'extended'
      | 'created_at'
      | 'updated_at'
      | 'applicant'
      | 'form_data'
      | 'step_plan'
    > & { applicant: unknown; form_data: unknown; step_plan: unknown },
  ): Promise<DossierRow> {
    return db
      .insertInto('dossier')
      .values({
        ...row,
        applicant: JSON.stringify(row.applicant),
        form_data: JSON.stringify(row.form_data),
        step_plan: JSON.stringify(row.step_plan),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async update(
    db: Db,
    id: string,
    patch: Partial<Omit<DossierRow, 'id' | 'applicant' | 'form_data' | 'step_plan'>> & {
      step_plan?: string;
    },
  ): Promise<DossierRow> {
    return db
      .updateTable('dossier')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async appendEvent(
    db: Db,
    e: Omit<EventRow, 'id' | 'seq' | 'payload'> & { payload: unknown },
  ): Promise<void> {
    // The dossier row is locked by the caller, so max(seq)+1 cannot race.
    await sql`insert into dossier_event (dossier_id, seq, action, from_status, to_status, actor_id, actor_name,
        unit_code, occurred_at, reason, payload)
      values (${e.dossier_id}, coalesce((select max(seq) from dossier_event where dossier_id = ${e.dossier_id}), 0) + 1,
        ${e.action}, ${e.from_status}, ${e.to_status}, ${e.actor_id}, ${e.actor_name}, ${e.unit_code},
        ${e.occurred_at}, ${e.reason}, ${JSON.stringify(e.payload ?? {})}::jsonb)`.execute(db);
  },

  async eventsOf(db: Db, id: string): Promise<EventRow[]> {
    return db
      .selectFrom('dossier_event')
      .selectAll()
      .where('dossier_id', '=', id)
      .orderBy('seq')
      .execute();
  },

  async filesOf(db: Db, id: string): Promise<FileRow[]> {
    return db
      .selectFrom('dossier_file')
      .selectAll()
      .where('dossier_id', '=', id)
      .orderBy('created_at')
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

  async insertFile(db: Db, f: Omit<FileRow, 'id' | 'created_at'>): Promise<FileRow> {
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
