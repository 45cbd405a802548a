/**
 * SQL of the reports module's reference data that admins edit: categories (lĩnh vực),
 * routing overrides (quy tắc chuyển) and reply templates (mẫu trả lời).
 */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type {
  ReportCategoryTable,
  ReportReplyTemplateTable,
  ReportRoutingRuleTable,
} from './reports.tables.js';

type Db = Kysely<Database>;
export type CategoryRow = Selectable<ReportCategoryTable>;
export type RoutingRuleRow = Selectable<ReportRoutingRuleTable>;
export type ReplyTemplateRow = Selectable<ReportReplyTemplateTable>;

export const reportsAdminRepository = {
  /** Every category, inactive ones included, in display order. */
  async allCategories(db: Db): Promise<CategoryRow[]> {
    return db
      .selectFrom('report_category')
      .selectAll()
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
  },

  async findCategory(db: Db, code: string): Promise<CategoryRow | undefined> {
    return db.selectFrom('report_category').selectAll().where('code', '=', code).executeTakeFirst();
  },

  /** Inserts a category; false when the code is taken. */
  async insertCategory(trx: Db, row: Insertable<ReportCategoryTable>): Promise<boolean> {
    const r = await trx
      .insertInto('report_category')
      .values(row)
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  async updateCategory(
    trx: Db,
    code: string,
    patch: Updateable<ReportCategoryTable>,
  ): Promise<CategoryRow | undefined> {
    return trx
      .updateTable('report_category')
      .set(patch)
      .where('code', '=', code)
      .returningAll()
      .executeTakeFirst();
  },

  /** Routing rules, optionally of one category or within some areas. */
  async routingRules(
    db: Db,
    f: { category?: string; areas?: readonly string[] | null },
  ): Promise<RoutingRuleRow[]> {
    let q = db.selectFrom('report_routing_rule').selectAll();
    if (f.category) q = q.where('category_code', '=', f.category);
    if (f.areas) {
      if (f.areas.length === 0) return [];
      q = q.where('area_unit_code', 'in', f.areas);
    }
    return q.orderBy('category_code').orderBy('area_unit_code').execute();
  },

  async findRoutingRule(
    db: Db,
    category: string,
    area: string,
  ): Promise<RoutingRuleRow | undefined> {
    return db
      .selectFrom('report_routing_rule')
      .selectAll()
      .where('category_code', '=', category)
      .where('area_unit_code', '=', area)
      .executeTakeFirst();
  },

  async upsertRoutingRule(trx: Db, row: Insertable<ReportRoutingRuleTable>): Promise<void> {
    await trx
      .insertInto('report_routing_rule')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['category_code', 'area_unit_code']).doUpdateSet({
          handling_unit_code: row.handling_unit_code,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  },

  async deleteRoutingRule(trx: Db, category: string, area: string): Promise<boolean> {
    const r = await trx
      .deleteFrom('report_routing_rule')
      .where('category_code', '=', category)
      .where('area_unit_code', '=', area)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },

  /** Reply templates; `forCategory` gives the category's own and the general ones. */
  async replyTemplates(
    db: Db,
    f: { forCategory?: string; kind?: string; activeOnly?: boolean },
  ): Promise<ReplyTemplateRow[]> {
    let q = db.selectFrom('report_reply_template').selectAll();
    if (f.forCategory)
      q = q.where((eb) =>
        eb.or([eb('category_code', 'is', null), eb('category_code', '=', f.forCategory!)]),
      );
    if (f.kind) q = q.where('kind', '=', f.kind as ReplyTemplateRow['kind']);
    if (f.activeOnly) q = q.where('active', '=', true);
    return q.orderBy('kind').orderBy('title').orderBy('id').execute();
  },

  async findReplyTemplate(db: Db, id: string): Promise<ReplyTemplateRow | undefined> {
    return db
      .selectFrom('report_reply_template')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertReplyTemplate(trx: Db, row: Insertable<ReportReplyTemplateTable>): Promise<void> {
    await trx.insertInto('report_reply_template').values(row).execute();
  },

  async updateReplyTemplate(
    trx: Db,
    id: string,
    patch: Updateable<ReportReplyTemplateTable>,
  ): Promise<ReplyTemplateRow | undefined> {
    return trx
      .updateTable('report_reply_template')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  },

  async deleteReplyTemplate(trx: Db, id: string): Promise<boolean> {
    const r = await trx.deleteFrom('report_reply_template').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },
};
