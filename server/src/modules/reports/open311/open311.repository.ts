import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import { type AccountBrief, identityExpressions } from '../../identity/index.js';
import { orgExpressions } from '../../org/index.js';
import type { Open311ClientTable } from './open311.tables.js';

type Db = Kysely<Database>;
export type ClientRow = Selectable<Open311ClientTable>;

/** A client as the admin list shows it: no key hash, with how much it sent. */
export interface ClientListRow {
  id: string;
  name: string;
  key_prefix: string;
  created_at: Date;
  created_by: AccountBrief | null;
  revoked_at: Date | null;
  report_count: number;
  last_report_at: Date | null;
}

/** A category as GET /services shows it. */
export interface ServiceRow {
  code: string;
  name_vi: string;
  name_en: string;
  description: string;
  attributes: unknown;
  sla_accept_days: number;
  sla_resolve_days: number;
}

/**
 * A report as Open311 shows it. Selected column by column: the reporter's name, phone and
 * e-mail are never read by this module, so no change here can leak them.
 */
export interface RequestRow {
  id: string;
  code: string;
  status: string;
  category_code: string;
  category_name: string;
  sla_accept_days: number;
  sla_resolve_days: number;
  description: string;
  agency_responsible: string | null;
  created_at: Date;
  updated_at: Date;
  due_at: Date | null;
  address: string | null;
  unit_code: string;
  lat: string | null;
  long: string | null;
  media_url: string | null;
  resolution: string | null;
  merged_into_code: string | null;
  reject_reason: string | null;
  /** The first photo the citizen attached (stage 'report'), for `media_url`. */
  first_photo_id: string | null;
}

/** Filters of GET /requests, already checked; `visibleTo` sees its own rejected reports. */
export interface RequestFilter {
  codes?: readonly string[];
  categories?: readonly string[];
  statuses?: readonly string[];
  from?: Date;
  /** Exclusive. */
  to?: Date;
  visibleTo: string | null;
  limit: number;
}

/** The only SQL of the Open311 interface (its clients; reports and categories read-only). */
export const open311Repository = {
  async insertClient(trx: Db, row: Insertable<Open311ClientTable>): Promise<ClientRow> {
    return trx
      .insertInto('open311_client')
      .values(row)
      .returningAll()
      .executeTakeFirstOrThrow() as Promise<ClientRow>;
  },

  /** Every client, newest first, with its report count (a handful of rows: not paged). */
  async listClients(db: Db): Promise<ClientListRow[]> {
    const r = await sql<ClientListRow>`select c.id, c.name, c.key_prefix, c.created_at,
        ${identityExpressions.accountBrief(sql.ref('c.created_by'))} as created_by, c.revoked_at,
        (select count(*)::int from report r where r.source_client_id = c.id) as report_count,
        (select max(r.created_at) from report r where r.source_client_id = c.id) as last_report_at
      from open311_client c order by c.created_at desc, c.id`.execute(db);
    return r.rows.map((x) => ({
      ...x,
      created_at: new Date(x.created_at),
      revoked_at: x.revoked_at && new Date(x.revoked_at),
      last_report_at: x.last_report_at && new Date(x.last_report_at),
    }));
  },

  async findClient(db: Db, id: string): Promise<ClientRow | undefined> {
    return db.selectFrom('open311_client').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findClientByHash(db: Db, keyHash: string): Promise<ClientRow | undefined> {
    return db
      .selectFrom('open311_client')
      .selectAll()
      .where('key_hash', '=', keyHash)
      .executeTakeFirst();
  },

  /** Revokes a key that is still valid; undefined when it was already revoked (or unknown). */
  async revokeClient(trx: Db, id: string, at: Date): Promise<ClientRow | undefined> {
    return trx
      .updateTable('open311_client')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst() as Promise<ClientRow | undefined>;
  },

  async listServices(db: Db): Promise<ServiceRow[]> {
    return db
      .selectFrom('report_category')
      .select([
        'code',
        'name_vi',
        'name_en',
        'description',
        'attributes',
        'sla_accept_days',
        'sla_resolve_days',
      ])
      .where('active', '=', true)
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
  },

  async findService(db: Db, code: string): Promise<ServiceRow | undefined> {
    return db
      .selectFrom('report_category')
      .select([
        'code',
        'name_vi',
        'name_en',
        'description',
        'attributes',
        'sla_accept_days',
        'sla_resolve_days',
      ])
      .where('code', '=', code)
      .where('active', '=', true)
      .executeTakeFirst();
  },

  /** Reports matching the filter, newest first, at most `limit`. */
  async listRequests(db: Db, f: RequestFilter): Promise<RequestRow[]> {
    let q = db
      .selectFrom('report as r')
      .innerJoin('report_category as c', 'c.code', 'r.category_code')
      .leftJoin('report as m', 'm.id', 'r.merged_into')
      .select([
        'r.id',
        'r.code',
        'r.status',
        'r.category_code',
        'c.name_vi as category_name',
        'c.sla_accept_days',
        'c.sla_resolve_days',
        'r.description',
        'r.created_at',
        'r.updated_at',
        'r.due_at',
        'r.address',
        'r.unit_code',
        'r.lat',
        'r.long',
        'r.media_url',
        'r.resolution',
        'm.code as merged_into_code',
      ])
      .select(orgExpressions.fullName(sql.ref('r.handling_unit_code')).as('agency_responsible'))
      .select((eb) =>
        eb
          .selectFrom('report_event as e')
          .select('e.reason')
          .whereRef('e.report_id', '=', 'r.id')
          .where('e.action', '=', 'reject')
          .orderBy('e.seq', 'desc')
          .limit(1)
          .as('reject_reason'),
      )
      .select((eb) =>
        eb
          .selectFrom('report_photo as p')
          .select('p.id')
          .whereRef('p.report_id', '=', 'r.id')
          .where('p.stage', '=', 'report')
          .orderBy('p.attached_at')
          .orderBy('p.id')
          .limit(1)
          .as('first_photo_id'),
      );
    // Rejected reports are not published (like the public API); the client that sent one
    // still sees it, with the reason.
    q =
      f.visibleTo === null
        ? q.where('r.status', '<>', 'rejected')
        : q.where((eb) =>
            eb.or([eb('r.status', '<>', 'rejected'), eb('r.source_client_id', '=', f.visibleTo)]),
          );
    if (f.codes) q = q.where('r.code', 'in', f.codes.length ? [...f.codes] : ['']);
    if (f.categories?.length) q = q.where('r.category_code', 'in', [...f.categories]);
    if (f.statuses?.length) q = q.where('r.status', 'in', [...f.statuses]);
    if (f.from) q = q.where('r.created_at', '>=', f.from);
    if (f.to) q = q.where('r.created_at', '<', f.to);
    const rows = await q
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(f.limit)
      .execute();
    return rows.map((x) => ({
      ...x,
      created_at: new Date(x.created_at),
      updated_at: new Date(x.updated_at),
      due_at: x.due_at && new Date(x.due_at),
    }));
  },

  /** The code of the report whose follow token has this sha256 hash. */
  async codeByTokenHash(db: Db, hash: string): Promise<string | undefined> {
    const r = await db
      .selectFrom('report')
      .select('code')
      .where('follow_token_hash', '=', hash)
      .executeTakeFirst();
    return r?.code;
  },
};
