// The SQL on work files (hồ sơ công việc): document_work_file, its items and events.
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { DocumentWorkFileTable } from './documents.tables.js';

type Db = Kysely<Database>;
export type WorkFileRow = Selectable<DocumentWorkFileTable>;

export const workFilesRepository = {
  async insert(trx: Db, row: Insertable<DocumentWorkFileTable>): Promise<void> {
    await trx.insertInto('document_work_file').values(row).execute();
  },

  async get(db: Db, id: string, lock = false): Promise<WorkFileRow | undefined> {
    let q = db.selectFrom('document_work_file').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  /** Writes a change if the version still matches; undefined when it moved on (409). */
  update(
    trx: Db,
    id: string,
    version: number,
    patch: Partial<Record<keyof WorkFileRow, unknown>>,
    at: Date,
  ): Promise<WorkFileRow | undefined> {
    return trx
      .updateTable('document_work_file')
      .set({ ...(patch as object), version: sql`version + 1`, updated_at: at } as never)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },

  /**
   * Files of the given units, or owned by `ownerId`, newest first; filters as the list asks.
   * `words` are accent-folded and all must appear (prefix of a word).
   */
  list(
    db: Db,
    f: {
      units: string[];
      ownerId: string | null;
      onlyMine: boolean;
      year?: number;
      status?: 'open' | 'closed';
      words: string[];
      documentId?: string;
    },
  ) {
    let q = db
      .selectFrom('document_work_file as f')
      .selectAll('f')
      .select((eb) =>
        eb
          .selectFrom('document_work_file_item as i')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('i.work_file_id', '=', 'f.id')
          .as('document_count'),
      )
      .where((eb) => {
        const mine = f.ownerId ? eb('f.owner_id', '=', f.ownerId) : eb.val(false);
        if (f.onlyMine) return mine as never;
        return f.units.length > 0 ? eb.or([mine as never, eb('f.unit_code', 'in', f.units)]) : mine;
      });
    if (f.year) q = q.where('f.year', '=', f.year);
    if (f.status) q = q.where('f.status', '=', f.status);
    for (const w of f.words) q = q.where(sql<boolean>`(' ' || f.search_text) like ${`% ${w}%`}`);
    if (f.documentId)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('document_work_file_item as i')
            .select('i.document_id')
            .whereRef('i.work_file_id', '=', 'f.id')
            .where('i.document_id', '=', f.documentId!),
        ),
      );
    return q.orderBy('f.year', 'desc').orderBy('f.number', 'desc').limit(500).execute();
  },

  /** The files holding a document. */
  filesOf: (db: Db, documentId: string) =>
    db
      .selectFrom('document_work_file as f')
      .innerJoin('document_work_file_item as i', 'i.work_file_id', 'f.id')
      .selectAll('f')
      .where('i.document_id', '=', documentId)
      .orderBy('f.year')
      .orderBy('f.number')
      .execute(),

  items: (db: Db, id: string) =>
    db
      .selectFrom('document_work_file_item as i')
      .innerJoin('document as d', 'd.id', 'i.document_id')
      .select([
        'd.id',
        'd.direction',
        'd.code_number',
        'd.code_notation',
        'd.issued_on',
        'd.issuer_name',
        'd.summary',
        'd.status',
        'i.added_at',
        'i.added_by_name',
      ])
      .where('i.work_file_id', '=', id)
      .orderBy('i.added_at')
      .orderBy('d.id')
      .execute(),

  async hasItem(db: Db, id: string, documentId: string): Promise<boolean> {
    const row = await db
      .selectFrom('document_work_file_item')
      .select('document_id')
      .where('work_file_id', '=', id)
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    return !!row;
  },

  async countItems(db: Db, id: string): Promise<number> {
    const row = await db
      .selectFrom('document_work_file_item')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('work_file_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async addItem(
    trx: Db,
    row: { id: string; documentId: string; by: string | null; byName: string; at: Date },
  ): Promise<void> {
    await trx
      .insertInto('document_work_file_item')
      .values({
        work_file_id: row.id,
        document_id: row.documentId,
        added_by: row.by,
        added_by_name: row.byName,
        added_at: row.at,
      })
      .execute();
  },

  async removeItem(trx: Db, id: string, documentId: string): Promise<void> {
    await trx
      .deleteFrom('document_work_file_item')
      .where('work_file_id', '=', id)
      .where('document_id', '=', documentId)
      .execute();
  },

  async insertEvent(
    trx: Db,
    e: {
      id: string;
      action: string;
      actorId: string | null;
      actorName: string;
      at: Date;
      note: string | null;
      payload: Record<string, unknown>;
    },
  ): Promise<void> {
    await trx
      .insertInto('document_work_file_event')
      .values({
        work_file_id: e.id,
        action: e.action,
        actor_id: e.actorId,
        actor_name: e.actorName,
        occurred_at: e.at,
        note: e.note,
        payload: JSON.stringify(e.payload),
      })
      .execute();
  },

  events: (db: Db, id: string) =>
    db
      .selectFrom('document_work_file_event')
      .selectAll()
      .where('work_file_id', '=', id)
      .orderBy('id')
      .execute(),
};
