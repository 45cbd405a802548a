import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { type AccountBrief, identityExpressions } from '../identity/index.js';
import { orgExpressions } from '../org/index.js';
import type { RoutingRule } from './reports.routing.js';
import { OPEN_STATUSES } from './reports.states.js';
import type { ReportCategoryTable, ReportEventTable, ReportTable } from './reports.tables.js';

type Db = Kysely<Database>;
export type ReportRow = Selectable<ReportTable>;
export type ReportEventRow = Selectable<ReportEventTable>;
export type CategoryRow = Selectable<ReportCategoryTable>;
export type NewEvent = Omit<ReportEventRow, 'id' | 'seq' | 'report_id' | 'payload'> & {
  payload: unknown;
};

/** A report with what its staff page shows. */
export interface ReportFull {
  row: ReportRow;
  /** Unit and handling unit with their ancestors: whose grants reach this report. */
  lineage: string[];
  categoryName: string;
  /** The category's extra questions as stored (Open311 attribute definitions). */
  categoryQuestions: unknown;
  handlingUnitName: string | null;
  assignee: AccountBrief | null;
  events: ReportEventRow[];
}

/** Filters of the lists (staff and public), already checked. */
export interface ListFilter {
  units: string[] | null;
  status?: string;
  statuses?: readonly string[];
  excludeStatuses?: readonly string[];
  category?: string;
  unit?: string;
  overdueAt?: Date;
  /** Only the reports assigned to this account (null, a system actor: none). */
  assigneeId?: string | null;
  from?: Date;
  to?: Date;
  bbox?: { minLong: number; minLat: number; maxLong: number; maxLat: number };
  after?: { createdAt: string; id: string };
  /** The staff queue: soonest deadline first (none last), paged after `afterDue`. */
  byDeadline?: boolean;
  afterDue?: { dueAt: string | null; id: string };
  limit: number;
}

/** The only SQL of the reports module. */
export const reportsRepository = {
  /** Inserts categories that do not exist yet (by code); existing ones are left as edited. */
  async seedCategories(
    db: Db,
    list: {
      code: string;
      nameVi: string;
      nameEn: string;
      description: string;
      attributes?: unknown[];
    }[],
  ): Promise<void> {
    for (const [i, c] of list.entries()) {
      await db
        .insertInto('report_category')
        .values({
          code: c.code,
          name_vi: c.nameVi,
          name_en: c.nameEn,
          description: c.description,
          responsible_kind: 'commune',
          sla_accept_days: 2,
          sla_info_days: 5,
          sla_resolve_days: 15,
          sla_publish_days: 2,
          attributes: JSON.stringify(c.attributes ?? []),
          active: true,
          sort_order: i + 1,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
  },

  async listCategories(db: Db): Promise<CategoryRow[]> {
    return db
      .selectFrom('report_category')
      .selectAll()
      .where('active', '=', true)
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
  },

  async findByIdempotencyKeyHash(db: Db, keyHash: string): Promise<ReportRow | undefined> {
    return db
      .selectFrom('report')
      .selectAll()
      .where('idempotency_key_hash', '=', keyHash)
      .executeTakeFirst();
  },

  /** Resolved reports resolved before `cutoff` (their reopen window has passed), oldest first. */
  async resolvedBefore(db: Db, cutoff: Date, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('report')
      .select('id')
      .where('status', '=', 'resolved')
      .where('resolved_at', '<', cutoff)
      .orderBy('resolved_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },

  /** The routing overrides of a category whose area is one of these units. */
  async routingRulesFor(
    db: Db,
    categoryCode: string,
    areaCodes: readonly string[],
  ): Promise<RoutingRule[]> {
    if (areaCodes.length === 0) return [];
    return db
      .selectFrom('report_routing_rule')
      .select(['area_unit_code as areaUnitCode', 'handling_unit_code as handlingUnitCode'])
      .where('category_code', '=', categoryCode)
      .where('area_unit_code', 'in', areaCodes)
      .execute();
  },

  async findCategory(db: Db, code: string): Promise<CategoryRow | undefined> {
    return db.selectFrom('report_category').selectAll().where('code', '=', code).executeTakeFirst();
  },

  /** The next number of the day's gap-free sequence (rolls back with the transaction). */
  async nextSeq(trx: Db, day: string): Promise<number> {
    const r = await trx
      .insertInto('report_code_counter')
      .values({ day, last_seq: 1 })
      .onConflict((oc) =>
        oc.column('day').doUpdateSet({ last_seq: sql`report_code_counter.last_seq + 1` }),
      )
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    return r.last_seq;
  },

  async insert(trx: Db, row: Insertable<ReportTable>): Promise<ReportRow> {
    return trx
      .insertInto('report')
      .values(row)
      .returningAll()
      .executeTakeFirstOrThrow() as Promise<ReportRow>;
  },

  /** Appends an event with the next sequence number (the caller holds the row: see update). */
  async appendEvent(trx: Db, reportId: string, e: NewEvent): Promise<void> {
    await trx
      .insertInto('report_event')
      .values({
        report_id: reportId,
        seq: sql<number>`coalesce((select max(seq) from report_event where report_id = ${reportId}), 0) + 1`,
        action: e.action,
        from_status: e.from_status,
        to_status: e.to_status,
        actor_id: e.actor_id,
        actor_name: e.actor_name,
        unit_code: e.unit_code,
        occurred_at: e.occurred_at,
        reason: e.reason,
        payload: JSON.stringify(e.payload ?? {}),
      })
      .execute();
  },

  /**
   * Applies a patch only if the report still has the version the change was decided on (the
   * update locks the row until the transaction ends). `undefined` when someone acted first.
   */
  async updateGuarded(
    trx: Db,
    id: string,
    version: number,
    patch: Updateable<ReportTable>,
  ): Promise<ReportRow | undefined> {
    return trx
      .updateTable('report')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst() as Promise<ReportRow | undefined>;
  },

  /** One report with its lineage, names, assignee and events — one round trip. */
  async loadFull(db: Db, id: string): Promise<ReportFull | undefined> {
    const r = await sql<
      ReportRow & {
        x_lineage: string[];
        x_category: string;
        x_questions: unknown;
        x_unit_name: string | null;
        x_assignee: AccountBrief | null;
        x_events: ReportEventRow[];
      }
    >`select r.*,
        ${orgExpressions.lineage(sql.ref('r.unit_code'))} ||
          ${orgExpressions.lineage(sql.ref('r.handling_unit_code'))} as x_lineage,
        (select c.name_vi from report_category c where c.code = r.category_code) as x_category,
        (select c.attributes from report_category c where c.code = r.category_code) as x_questions,
        ${orgExpressions.fullName(sql.ref('r.handling_unit_code'))} as x_unit_name,
        ${identityExpressions.accountBrief(sql.ref('r.assignee_id'))} as x_assignee,
        coalesce((select json_agg(e order by e.seq) from report_event e
          where e.report_id = r.id), '[]'::json) as x_events
      from report r where r.id = ${id}`.execute(db);
    const x = r.rows[0];
    if (!x) return undefined;
    const { x_lineage, x_category, x_questions, x_unit_name, x_assignee, x_events, ...row } = x;
    return {
      row: row as ReportRow,
      lineage: x_lineage,
      categoryName: x_category,
      categoryQuestions: x_questions ?? [],
      handlingUnitName: x_unit_name,
      assignee: x_assignee,
      events: x_events.map((e) => ({ ...e, occurred_at: new Date(e.occurred_at) })),
    };
  },

  async findIdByCode(db: Db, code: string): Promise<string | undefined> {
    const r = await db
      .selectFrom('report')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    return r?.id;
  },

  /** A page of reports, newest first (keyset on created_at, id). */
  async list(db: Db, f: ListFilter): Promise<(ReportRow & { category_name: string })[]> {
    let q = db
      .selectFrom('report')
      .innerJoin('report_category', 'report_category.code', 'report.category_code')
      .selectAll('report')
      .select('report_category.name_vi as category_name');
    if (f.units) {
      if (f.units.length === 0) return [];
      q = q.where((eb) =>
        eb.or([
          eb('report.unit_code', 'in', f.units!),
          eb('report.handling_unit_code', 'in', f.units!),
        ]),
      );
    }
    if (f.status) q = q.where('report.status', '=', f.status);
    if (f.statuses) q = q.where('report.status', 'in', [...f.statuses]);
    if (f.excludeStatuses?.length) q = q.where('report.status', 'not in', [...f.excludeStatuses]);
    if (f.category) q = q.where('report.category_code', '=', f.category);
    if (f.unit)
      q = q.where((eb) =>
        eb.or([
          eb('report.unit_code', '=', f.unit!),
          eb('report.handling_unit_code', '=', f.unit!),
        ]),
      );
    if (f.overdueAt)
      q = q
        .where('report.status', 'in', [...OPEN_STATUSES])
        .where('report.due_at', '<', f.overdueAt);
    if (f.assigneeId !== undefined)
      q =
        f.assigneeId === null
          ? q.where(sql<boolean>`false`)
          : q.where('report.assignee_id', '=', f.assigneeId);
    if (f.from) q = q.where('report.created_at', '>=', f.from);
    if (f.to) q = q.where('report.created_at', '<', f.to);
    if (f.bbox)
      q = q
        .where(sql`report.long`, '>=', f.bbox.minLong)
        .where(sql`report.long`, '<=', f.bbox.maxLong)
        .where(sql`report.lat`, '>=', f.bbox.minLat)
        .where(sql`report.lat`, '<=', f.bbox.maxLat);
    if (f.byDeadline) {
      const due = sql`coalesce(report.due_at, 'infinity'::timestamptz)`;
      if (f.afterDue)
        q = q.where(
          sql<boolean>`(${due}, report.id) > (coalesce(${f.afterDue.dueAt}::timestamptz, 'infinity'::timestamptz), ${f.afterDue.id}::uuid)`,
        );
      return q
        .orderBy(due)
        .orderBy('report.id')
        .limit(f.limit + 1)
        .execute();
    }
    if (f.after)
      q = q.where(
        sql<boolean>`(report.created_at, report.id) < (${f.after.createdAt}::timestamptz, ${f.after.id}::uuid)`,
      );
    return q
      .orderBy('report.created_at', 'desc')
      .orderBy('report.id', 'desc')
      .limit(f.limit + 1)
      .execute();
  },

  /** Open reports of a category inside a box (the nearby check refines by distance). */
  async openInBox(
    db: Db,
    category: string,
    b: { minLat: number; maxLat: number; minLong: number; maxLong: number },
  ): Promise<ReportRow[]> {
    return db
      .selectFrom('report')
      .selectAll()
      .where('category_code', '=', category)
      .where('status', 'in', [...OPEN_STATUSES])
      .where(sql`lat`, '>=', b.minLat)
      .where(sql`lat`, '<=', b.maxLat)
      .where(sql`long`, '>=', b.minLong)
      .where(sql`long`, '<=', b.maxLong)
      .orderBy('created_at')
      .limit(200)
      .execute();
  },

  /** Adds a follower; false when that contact already follows the report. */
  async addFollower(trx: Db, reportId: string, contact: string, at: Date): Promise<boolean> {
    const r = await trx
      .insertInto('report_follower')
      .values({ report_id: reportId, contact, created_at: at })
      .onConflict((oc) => oc.columns(['report_id', 'contact']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** Moves every follower of `from` to `to` (a merge); returns how many `to` gained. */
  async moveFollowers(trx: Db, from: string, to: string): Promise<number> {
    const r = await sql`insert into report_follower (report_id, contact, created_at)
      select ${to}::uuid, contact, created_at from report_follower where report_id = ${from}
      on conflict (report_id, contact) do nothing`.execute(trx);
    await trx.deleteFrom('report_follower').where('report_id', '=', from).execute();
    return Number(r.numAffectedRows ?? 0);
  },

  async followers(db: Db, reportId: string): Promise<string[]> {
    const r = await db
      .selectFrom('report_follower')
      .select('contact')
      .where('report_id', '=', reportId)
      .orderBy('created_at')
      .execute();
    return r.map((x) => x.contact);
  },

  /** Open reports whose current deadline is before `horizon` and still need a mark. */
  async sweepCandidates(db: Db, horizon: Date, limit: number) {
    return db
      .selectFrom('report')
      .select([
        'id',
        'unit_code',
        'handling_unit_code',
        'due_at',
        'due_soon_at',
        'overdue_at',
        'escalated_at',
      ])
      .where('status', 'in', [...OPEN_STATUSES])
      .where('due_at', '<', horizon)
      .where((eb) =>
        eb.or([
          eb('due_soon_at', 'is', null),
          eb('overdue_at', 'is', null),
          eb('escalated_at', 'is', null),
        ]),
      )
      .orderBy('due_at')
      .limit(limit)
      .execute();
  },

  /** Claims the overdue mark; undefined when already marked or no longer due (rule 7). */
  async claimOverdue(db: Db, id: string, now: Date) {
    return db
      .updateTable('report')
      .set({ overdue_at: now })
      .where('id', '=', id)
      .where('overdue_at', 'is', null)
      .where('status', 'in', [...OPEN_STATUSES])
      .where('due_at', '<', now)
      .returning('id')
      .executeTakeFirst();
  },

  /** Claims the due-soon mark; undefined when already marked. */
  async claimDueSoon(db: Db, id: string, now: Date) {
    return db
      .updateTable('report')
      .set({ due_soon_at: now })
      .where('id', '=', id)
      .where('due_soon_at', 'is', null)
      .where('status', 'in', [...OPEN_STATUSES])
      .returning('id')
      .executeTakeFirst();
  },

  /** Claims the one escalation of an overdue open report, bumping its version. */
  async claimEscalation(trx: Db, id: string, now: Date): Promise<ReportRow | undefined> {
    return trx
      .updateTable('report')
      .set({ escalated_at: now, updated_at: now, version: sql`version + 1` })
      .where('id', '=', id)
      .where('escalated_at', 'is', null)
      .where('status', 'in', [...OPEN_STATUSES])
      .where('due_at', '<', now)
      .returningAll()
      .executeTakeFirst() as Promise<ReportRow | undefined>;
  },
};
