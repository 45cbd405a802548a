// The only SQL on the documents module's tables (style.md rule 3).
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type {
  DocumentAccessTable,
  DocumentAssignmentTable,
  DocumentTable,
} from './documents.tables.js';

type Db = Kysely<Database>;
export type DocumentRow = Selectable<DocumentTable>;
export type AssignmentRow = Selectable<DocumentAssignmentTable>;
export type AccessRow = Selectable<DocumentAccessTable>;

/** Columns of `document` as an insert takes them (version and timestamps default). */
export type NewDocument = Omit<
  DocumentRow,
  'version' | 'created_at' | 'updated_at' | 'content' | 'review_flow' | 'exchange' | 'pdf_layout'
> & {
  pdf_layout: string | null;
  content: string | null;
  review_flow: string;
  exchange: string | null;
};

export const documentsRepository = {
  /**
   * The next number of a register series, taken inside the caller's transaction: the upsert
   * locks the register row until commit, and a rollback gives the number back — so numbers
   * stay gap-free under concurrent registration on both databases.
   */
  async nextNumber(
    trx: Db,
    r: {
      unit: string;
      direction: 'incoming' | 'outgoing' | 'work_file';
      year: number;
      series: string;
    },
  ): Promise<number> {
    const row = await sql<{ last_number: number }>`
      insert into document_register (unit_code, direction, year, series, last_number)
      values (${r.unit}, ${r.direction}, ${r.year}, ${r.series}, 1)
      on conflict (unit_code, direction, year, series)
      do update set last_number = document_register.last_number + 1
      returning last_number`.execute(trx);
    return row.rows[0]!.last_number;
  },

  async insertDocument(trx: Db, row: NewDocument): Promise<void> {
    await trx.insertInto('document').values(row).execute();
  },

  async get(db: Db, id: string, lock = false): Promise<DocumentRow | undefined> {
    let q = db.selectFrom('document').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  /** Writes a change if the version still matches; undefined when it moved on (409). */
  async update(
    trx: Db,
    id: string,
    version: number,
    patch: Partial<Record<keyof DocumentRow, unknown>>,
  ): Promise<DocumentRow | undefined> {
    return trx
      .updateTable('document')
      .set({ ...(patch as object), version: sql`version + 1`, updated_at: new Date() } as never)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },

  assignments: (db: Db, id: string) =>
    db.selectFrom('document_assignment').selectAll().where('document_id', '=', id).execute(),
  access: (db: Db, id: string) =>
    db.selectFrom('document_access').selectAll().where('document_id', '=', id).execute(),
  events: (db: Db, id: string) =>
    db
      .selectFrom('document_event')
      .selectAll()
      .where('document_id', '=', id)
      .orderBy('seq')
      .execute(),
  files: (db: Db, id: string) =>
    db.selectFrom('document_file').selectAll().where('document_id', '=', id).orderBy('n').execute(),
  file: (db: Db, id: string, fileId: string) =>
    db
      .selectFrom('document_file')
      .selectAll()
      .where('document_id', '=', id)
      .where('id', '=', fileId)
      .executeTakeFirst(),
  versions: (db: Db, id: string) =>
    db
      .selectFrom('document_version')
      .selectAll()
      .where('document_id', '=', id)
      .orderBy('no')
      .execute(),
  signatures: (db: Db, id: string) =>
    db
      .selectFrom('document_signature')
      .selectAll()
      .where('document_id', '=', id)
      .orderBy('checked_at')
      .execute(),
  replies: (db: Db, id: string) =>
    db
      .selectFrom('document')
      .select(['id', 'summary', 'code_number', 'code_notation', 'direction'])
      .where('reply_to_id', '=', id)
      .orderBy('created_at')
      .execute(),
  receipts: (db: Db, originId: string) =>
    db.selectFrom('document').selectAll().where('origin_id', '=', originId).execute(),

  async insertEvent(
    trx: Db,
    e: {
      documentId: string;
      action: string;
      from: string | null;
      to: string;
      actorId: string | null;
      actorName: string;
      at: Date;
      note?: string | null;
      payload?: unknown;
    },
  ): Promise<void> {
    await sql`
      insert into document_event (document_id, seq, action, from_status, to_status, actor_id, actor_name, occurred_at, note, payload)
      values (${e.documentId},
        (select coalesce(max(seq), 0) + 1 from document_event where document_id = ${e.documentId}),
        ${e.action}, ${e.from}, ${e.to}, ${e.actorId}, ${e.actorName}, ${e.at}, ${e.note ?? null},
        ${JSON.stringify(e.payload ?? {})}::jsonb)`.execute(trx);
  },

  async insertAssignments(trx: Db, rows: AssignmentRow[]): Promise<void> {
    if (rows.length > 0) await trx.insertInto('document_assignment').values(rows).execute();
  },
  async deleteOpenAssignments(trx: Db, id: string): Promise<AssignmentRow[]> {
    return trx
      .deleteFrom('document_assignment')
      .where('document_id', '=', id)
      .where('done_at', 'is', null)
      .returningAll()
      .execute();
  },
  async markAssignmentsDone(trx: Db, id: string, at: Date): Promise<void> {
    await trx
      .updateTable('document_assignment')
      .set({ done_at: at })
      .where('document_id', '=', id)
      .where('done_at', 'is', null)
      .where('role', '!=', 'info')
      .execute();
  },
  async insertAccess(trx: Db, rows: AccessRow[]): Promise<void> {
    if (rows.length > 0) await trx.insertInto('document_access').values(rows).execute();
  },
  async insertFile(trx: Db, row: Omit<Selectable<Database['document_file']>, 'n'>): Promise<void> {
    await trx.insertInto('document_file').values(row).execute();
  },
  async insertVersion(
    trx: Db,
    row: {
      document_id: string;
      no: number;
      content: string;
      author_id: string | null;
      author_name: string;
      comment: string | null;
    },
  ): Promise<void> {
    await trx.insertInto('document_version').values(row).execute();
  },
  async insertSignature(
    trx: Db,
    row: {
      id: string;
      document_id: string;
      file_id: string | null;
      kind: 'personal' | 'organisation' | 'received';
      signer: string | null;
      signed_at: Date | null;
      result: string;
      checked_at: Date;
    },
  ): Promise<void> {
    await trx.insertInto('document_signature').values(row).execute();
  },
  async insertRead(
    db: Db,
    row: { document_id: string; user_id: string | null; user_name: string; read_at: Date },
  ): Promise<void> {
    await db.insertInto('document_read').values(row).execute();
  },
  reviewFlows: (db: Db, unit: string) =>
    db
      .selectFrom('document_review_flow')
      .select(['type_code', 'steps'])
      .where('unit_code', '=', unit)
      .orderBy('type_code')
      .execute(),
  async deleteReviewFlow(trx: Db, unit: string, type: string): Promise<number> {
    const r = await trx
      .deleteFrom('document_review_flow')
      .where('unit_code', '=', unit)
      .where('type_code', '=', type)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },
  async reviewFlow(
    db: Db,
    unit: string,
    type: string,
  ): Promise<{ role: string; label: string }[] | undefined> {
    const rows = await db
      .selectFrom('document_review_flow')
      .select(['type_code', 'steps'])
      .where('unit_code', '=', unit)
      .where('type_code', 'in', [type, '*'])
      .execute();
    return (rows.find((r) => r.type_code === type) ?? rows[0])?.steps;
  },
  async setReviewFlow(
    db: Db,
    unit: string,
    type: string,
    steps: { role: string; label: string }[],
  ): Promise<void> {
    await db
      .insertInto('document_review_flow')
      .values({ unit_code: unit, type_code: type, steps: JSON.stringify(steps) })
      .onConflict((oc) =>
        oc.columns(['unit_code', 'type_code']).doUpdateSet({ steps: JSON.stringify(steps) }),
      )
      .execute();
  },

  /** A register's entries (sổ văn bản) of a unit for a date range, in number order. */
  async registerEntries(
    db: Db,
    f: { unit: string; direction: 'incoming' | 'outgoing'; from: string; to: string },
  ): Promise<(DocumentRow & { assignees: string | null })[]> {
    const day =
      f.direction === 'incoming'
        ? sql`(d.registered_at at time zone 'Asia/Ho_Chi_Minh')::date`
        : sql`d.issued_on`;
    const rows = await sql<DocumentRow & { assignees: string | null }>`
      select d.*, (select string_agg(a.unit_code || coalesce(' (' || a.user_name || ')', ''), '; ' order by a.role)
                   from document_assignment a where a.document_id = d.id and a.role = 'lead') as assignees
      from document d
      where d.unit_code = ${f.unit} and d.direction = ${f.direction}
        and ${f.direction === 'incoming' ? sql`d.arrival_number is not null` : sql`d.status = 'issued'`}
        and ${day} between ${f.from}::date and ${f.to}::date
      order by ${f.direction === 'incoming' ? sql`d.arrival_year, d.arrival_number` : sql`d.number_year, d.code_number`}
      limit 100000`.execute(db);
    return rows.rows;
  },

  /** A draft's attachment replaced by its sealed copy at issue (documents.outgoing.ts). */
  async setFileKind(trx: Db, id: string, kind: 'draft_attachment'): Promise<void> {
    await trx.updateTable('document_file').set({ kind }).where('id', '=', id).execute();
  },
  /** Gives a registered document its arrival number (taken last in the transaction). */
  async setArrival(trx: Db, id: string, n: number, year: number, at: Date): Promise<void> {
    await trx
      .updateTable('document')
      .set({ arrival_number: n, arrival_year: year, registered_at: at })
      .where('id', '=', id)
      .execute();
  },
  /** Keeps the edXML package a document came in (documents.exchange.ts). */
  async setExchange(trx: Db, id: string, exchange: Record<string, unknown>): Promise<void> {
    await trx
      .updateTable('document')
      .set({ exchange: JSON.stringify(exchange) })
      .where('id', '=', id)
      .execute();
  },
  /** Keeps the check of an edXML package's XML-DSig beside the document's PDF signatures. */
  async insertEdxmlSignature(
    trx: Db,
    row: {
      id: string;
      document_id: string;
      signer: string | null;
      result: string;
      checked_at: Date;
    },
  ): Promise<void> {
    await trx
      .insertInto('document_signature')
      .values({ ...row, file_id: null, kind: 'edxml', signed_at: null })
      .execute();
  },
  /** The document `unit` imported from the edXML package of this DocumentId, if any. */
  async findEdxmlImport(db: Db, unit: string, documentId: string): Promise<string | undefined> {
    const r = await sql<{ id: string }>`
      select id from document
      where unit_code = ${unit} and source = 'edxml'
        and (exchange->'package'->>'documentId') = ${documentId}
      limit 1`.execute(db);
    return r.rows[0]?.id;
  },
  /**
   * Holds, to the end of the transaction, the right to import this package into this unit:
   * two server processes importing copies of one package wait for each other, and the second
   * finds the first's document.
   */
  async lockEdxmlImport(trx: Db, unit: string, documentId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`edxml|${unit}|${documentId}`}, 0))`.execute(
      trx,
    );
  },
  /** Whether a unit holds any document (the demo seeds once). */
  async unitHasDocuments(db: Db, unit: string): Promise<boolean> {
    return !!(await db
      .selectFrom('document')
      .select('id')
      .where('unit_code', '=', unit)
      .limit(1)
      .executeTakeFirst());
  },
  async insertSigningSession(
    db: Db,
    row: Insertable<Database['document_signing_session']>,
  ): Promise<void> {
    await db.insertInto('document_signing_session').values(row).execute();
  },
  signingSession: (db: Db, documentId: string, id: string) =>
    db
      .selectFrom('document_signing_session')
      .selectAll()
      .where('id', '=', id)
      .where('document_id', '=', documentId)
      .executeTakeFirst(),
  async completeSigningSession(trx: Db, id: string, at: Date): Promise<void> {
    await trx
      .updateTable('document_signing_session')
      .set({ completed_at: at })
      .where('id', '=', id)
      .execute();
  },

  /** Adds words to the search vocabulary (typo candidates come from it). */
  async addWords(trx: Db, words: string[]): Promise<void> {
    // Sorted, so two registrations adding the same new words lock them in the same order
    // (no deadlock between them on PostgreSQL).
    const unique = [...new Set(words)].filter((w) => w.length >= 2 && w.length <= 40).sort();
    if (unique.length === 0) return;
    await sql`insert into document_word (word) select unnest(${unique}::text[]) on conflict do nothing`.execute(
      trx,
    );
  },
  /** Vocabulary words that may be a typo of `w` (same first letter, length ±1). */
  async wordsNear(db: Db, w: string): Promise<string[]> {
    const rows = await db
      .selectFrom('document_word')
      .select('word')
      .where('word', '>=', w[0]!)
      .where('word', '<', `${w[0]!}\uffff`)
      .where(sql<boolean>`char_length(word) between ${w.length - 1} and ${w.length + 1}`)
      .limit(5000)
      .execute();
    return rows.map((r) => r.word);
  },

  /**
   * One page of a box, newest first. Visibility: documents of units the caller oversees, or
   * reached through document_access (units they work in, or themselves).
   */
  async list(
    db: Db,
    f: {
      direction?: 'incoming' | 'outgoing';
      oversee: string[];
      staff: string[];
      userId: string | null;
      /** Extra condition (the todo box) as SQL on alias d. */
      todo?: ReturnType<typeof sql<boolean>>;
      tsquery?: string;
      from?: string;
      to?: string;
      status?: string;
      /** Only documents past their deadline (before this day) and still open. */
      overdueBefore?: string;
      /** Only documents held by these units (a unit's subtree, chosen on the dashboard). */
      units?: string[];
      after?: { createdAt: string; id: string };
      limit: number;
    },
  ): Promise<DocumentRow[]> {
    const visible = sql<boolean>`(
      d.unit_code = any(${f.oversee}::text[])
      or exists (select 1 from document_access x where x.document_id = d.id
        and (x.unit_code = any(${f.staff}::text[]) or x.user_id = ${f.userId}::uuid)))`;
    let q = db.selectFrom('document as d').selectAll('d').where(visible);
    if (f.direction) q = q.where('d.direction', '=', f.direction);
    if (f.todo) q = q.where(f.todo);
    if (f.status) q = q.where('d.status', '=', f.status as never);
    if (f.units) q = q.where('d.unit_code', 'in', f.units.length > 0 ? f.units : ['']);
    if (f.overdueBefore)
      q = q.where(sql<boolean>`d.deadline < ${f.overdueBefore}::date and (
        (d.direction = 'incoming' and d.status not in ('done','returned'))
        or (d.direction = 'outgoing' and d.status not in ('issued','withdrawn')))`);
    if (f.tsquery)
      q = q.where(
        sql<boolean>`to_tsvector('simple', d.search_text) @@ to_tsquery('simple', ${f.tsquery})`,
      );
    if (f.from)
      q = q.where(
        sql<boolean>`d.created_at >= (${f.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`,
      );
    if (f.to)
      q = q.where(
        sql<boolean>`d.created_at < (${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`,
      );
    if (f.after)
      q = q.where(
        sql<boolean>`(d.created_at, d.id) < (${f.after.createdAt}::timestamptz, ${f.after.id}::uuid)`,
      );
    return q
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(f.limit)
      .execute() as Promise<DocumentRow[]>;
  },
};
