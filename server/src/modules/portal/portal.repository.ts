import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { CitizenDocumentTable, PortalDraftTable } from './portal.tables.js';

type Db = Kysely<Database>;
export type DraftRow = Selectable<PortalDraftTable>;
export type DocumentRow = Selectable<CitizenDocumentTable>;

const json = (v: unknown) => JSON.stringify(v);

/** The portal's SQL: drafts, the personal data store and submissions. */
export const portalRepository = {
  // Drafts (hồ sơ nháp)
  async insertDraft(
    db: Db,
    d: {
      id: string;
      user_id: string;
      procedure_id: string;
      unit_code: string | null;
      applicant: unknown;
      form_data: unknown;
      prefill_offered: unknown;
      now: Date;
    },
  ): Promise<DraftRow> {
    return db
      .insertInto('portal_draft')
      .values({
        id: d.id,
        user_id: d.user_id,
        procedure_id: d.procedure_id,
        unit_code: d.unit_code,
        applicant: json(d.applicant),
        form_data: json(d.form_data),
        attachments: '[]',
        delivery: json({ method: 'desk' }),
        prefill_offered: json(d.prefill_offered),
        created_at: d.now,
        updated_at: d.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async findDraft(db: Db, userId: string, id: string): Promise<DraftRow | undefined> {
    return db
      .selectFrom('portal_draft')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  },

  async draftsOf(db: Db, userId: string): Promise<DraftRow[]> {
    return db
      .selectFrom('portal_draft')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('updated_at', 'desc')
      .limit(100)
      .execute();
  },

  /** Saves a draft if nobody saved it since `version` was read; the new row or undefined. */
  async updateDraft(
    db: Db,
    id: string,
    userId: string,
    version: number,
    patch: {
      unit_code: string | null;
      applicant: unknown;
      form_data: unknown;
      attachments: unknown;
      delivery: unknown;
      now: Date;
    },
  ): Promise<DraftRow | undefined> {
    return db
      .updateTable('portal_draft')
      .set((eb) => ({
        unit_code: patch.unit_code,
        applicant: json(patch.applicant),
        form_data: json(patch.form_data),
        attachments: json(patch.attachments),
        delivery: json(patch.delivery),
        updated_at: patch.now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },

  async deleteDraft(db: Db, userId: string, id: string): Promise<boolean> {
    const r = await db
      .deleteFrom('portal_draft')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  // The personal data store (kho dữ liệu cá nhân)
  async insertDocument(
    db: Db,
    d: Omit<Insertable<CitizenDocumentTable>, 'id'>,
  ): Promise<DocumentRow> {
    return db.insertInto('citizen_document').values(d).returningAll().executeTakeFirstOrThrow();
  },

  /** Adds results not yet in the store; a result already there is left as it is. */
  async insertResultDocuments(
    db: Db,
    rows: Omit<Insertable<CitizenDocumentTable>, 'id'>[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('citizen_document')
      .values(rows)
      .onConflict((oc) => oc.columns(['user_id', 'source_dossier_id']).doNothing())
      .execute();
  },

  /** The personal data store: the citizen's documents that belong to no single draft. */
  async documentsOf(db: Db, userId: string): Promise<DocumentRow[]> {
    return db
      .selectFrom('citizen_document')
      .selectAll()
      .where('user_id', '=', userId)
      .where('draft_id', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(500)
      .execute();
  },

  /** Papers uploaded for one draft only (no data_store consent). */
  async draftPapersOf(db: Db, userId: string, draftId: string): Promise<DocumentRow[]> {
    return db
      .selectFrom('citizen_document')
      .selectAll()
      .where('user_id', '=', userId)
      .where('draft_id', '=', draftId)
      .orderBy('created_at', 'desc')
      .execute();
  },

  /** Every document of the citizen, in the store or held by a draft (their data export). */
  async allDocumentsOf(db: Db, userId: string): Promise<DocumentRow[]> {
    return db
      .selectFrom('citizen_document')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
  },

  /**
   * The citizen's documents with these ids; with `draftId`, only those usable by that draft:
   * in the store, or that draft's own papers (never another draft's).
   */
  async findDocuments(
    db: Db,
    userId: string,
    ids: string[],
    draftId?: string,
  ): Promise<DocumentRow[]> {
    if (ids.length === 0) return [];
    let q = db
      .selectFrom('citizen_document')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', 'in', ids);
    if (draftId)
      q = q.where((eb) => eb.or([eb('draft_id', 'is', null), eb('draft_id', '=', draftId)]));
    return q.execute();
  },

  async deleteDocument(db: Db, userId: string, id: string): Promise<DocumentRow | undefined> {
    return db
      .deleteFrom('citizen_document')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .returningAll()
      .executeTakeFirst();
  },

  // Submissions
  async insertSubmission(
    db: Db,
    s: {
      dossier_id: string;
      user_id: string;
      procedure_id: string;
      submitted_at: Date;
      delivery: unknown;
      prefilled_fields: number;
      total_fields: number;
      reused_attachments: number;
      total_attachments: number;
    },
  ): Promise<void> {
    await db
      .insertInto('portal_submission')
      .values({ ...s, delivery: json(s.delivery) })
      .execute();
  },

  async submissionsOf(db: Db, userId: string) {
    return db
      .selectFrom('portal_submission')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('submitted_at', 'desc')
      .limit(200)
      .execute();
  },

  async submission(db: Db, userId: string, dossierId: string) {
    return db
      .selectFrom('portal_submission')
      .selectAll()
      .where('user_id', '=', userId)
      .where('dossier_id', '=', dossierId)
      .executeTakeFirst();
  },

  /** The citizen's latest submission of a procedure (its form data prefills the next one). */
  async latestSubmissionOf(db: Db, userId: string, procedureId: string) {
    return db
      .selectFrom('portal_submission')
      .select('dossier_id')
      .where('user_id', '=', userId)
      .where('procedure_id', '=', procedureId)
      .orderBy('submitted_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  },
};
