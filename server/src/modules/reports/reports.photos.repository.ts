import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { ReportPhotoTable } from './reports.tables.js';

type Db = Kysely<Database>;
export type ReportPhotoRow = Selectable<ReportPhotoTable>;
export type PhotoStage = 'report' | 'resolution';

/** The SQL of report photos (ảnh phản ánh). */
export const reportPhotosRepository = {
  async insert(db: Db, row: Insertable<ReportPhotoTable>): Promise<ReportPhotoRow> {
    return db.insertInto('report_photo').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /**
   * Attaches unattached photos to a report, in the given order. Returns the ids that were
   * attached; a photo attached meanwhile by someone else stays out (the update waits for its
   * row lock, then no longer matches `report_id is null`).
   */
  async attach(
    trx: Db,
    reportId: string,
    ids: readonly string[],
    stage: PhotoStage,
    firstPosition: number,
    at: Date,
  ): Promise<string[]> {
    const attached: string[] = [];
    for (const [i, id] of ids.entries()) {
      const r = await trx
        .updateTable('report_photo')
        .set({ report_id: reportId, stage, position: firstPosition + i, attached_at: at })
        .where('id', '=', id)
        .where('report_id', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (r) attached.push(r.id);
    }
    return attached;
  },

  /** Which of these ids exist at all (attached or not). */
  async existing(db: Db, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('report_photo').select('id').where('id', 'in', ids).execute();
    return rows.map((r) => r.id);
  },

  /** How many photos of a stage a report already has (positions continue after them). */
  async countOf(db: Db, reportId: string, stage: PhotoStage): Promise<number> {
    const r = await db
      .selectFrom('report_photo')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('report_id', '=', reportId)
      .where('stage', '=', stage)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** A report's photos: the citizen's first, then the after-photos, each in their order. */
  async ofReport(db: Db, reportId: string): Promise<ReportPhotoRow[]> {
    return db
      .selectFrom('report_photo')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('stage')
      .orderBy('position')
      .orderBy('id')
      .execute();
  },

  /** One attached photo with what decides who may see it: its report's status and units. */
  async findAttached(
    db: Db,
    id: string,
  ): Promise<
    (ReportPhotoRow & { status: string; unit_code: string; handling_unit_code: string }) | undefined
  > {
    return db
      .selectFrom('report_photo as p')
      .innerJoin('report as r', 'r.id', 'p.report_id')
      .selectAll('p')
      .select(['r.status', 'r.unit_code', 'r.handling_unit_code'])
      .where('p.id', '=', id)
      .executeTakeFirst();
  },

  /** Deletes photos never attached that were uploaded before `before`; returns how many. */
  async purgeUnattached(db: Db, before: Date, limit: number): Promise<number> {
    const r = await db
      .deleteFrom('report_photo')
      .where(
        'id',
        'in',
        db
          .selectFrom('report_photo')
          .select('id')
          .where('report_id', 'is', null)
          .where('created_at', '<', before)
          .limit(limit),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows ?? 0);
  },
};
