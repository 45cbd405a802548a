import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { OrgUnitVersionTable } from './org.tables.js';

type Db = Kysely<Database>;

/** A version row with the codes of its unit, parent and successor resolved. */
export type VersionRow = Selectable<OrgUnitVersionTable> & {
  code: string;
  parent_code: string | null;
  successor_code: string | null;
};

/** The writable columns of a version. */
export type VersionValues = Omit<Selectable<OrgUnitVersionTable>, 'id' | 'created_at'>;

/** Depth guard for recursive walks: real trees are 5 levels deep; a cycle must not hang. */
const MAX_DEPTH = 32;

/**
 * The version that stands for a unit "as of" a date: the one in force then; if none, the last
 * one that had started (a closed unit keeps its last name and place); if the unit had not
 * started yet, its first one. Used as an ORDER BY with DISTINCT ON / LIMIT 1.
 */
const asOfOrder = (asOf: string) =>
  sql`(v.valid_from <= ${asOf}::date) desc, case when v.valid_from <= ${asOf}::date then v.valid_from end desc, v.valid_from`;

const VERSION_COLUMNS = sql`v.*, u.code, p.code as parent_code, s.code as successor_code`;
const VERSION_JOINS = sql`
  from org_unit_version v
  join org_unit u on u.id = v.unit_id
  left join org_unit p on p.id = v.parent_unit_id
  left join org_unit s on s.id = v.successor_unit_id`;

/**
 * SQL expressions other modules embed in their own statements (one round trip instead of
 * three): `code` is a column reference or value of the embedding query.
 */
export const orgSql = {
  // Aliases inside are prefixed (`org_…`) so they never shadow a table alias of the
  // embedding query that `code` refers to (`sql.ref('u.unit_code')` would otherwise silently
  // read org_unit.unit_code's namesake).
  /** text[]: the unit's code and its ancestors' up to the root as of `asOf` ([] if unknown). */
  lineage(code: RawBuilder<unknown>, asOf: string): RawBuilder<string[]> {
    const order = sql`(org_v.valid_from <= ${asOf}::date) desc, case when org_v.valid_from <= ${asOf}::date then org_v.valid_from end desc, org_v.valid_from`;
    const step = sql`cross join lateral (
        select org_v.parent_unit_id from org_unit_version org_v where org_v.unit_id = org_u.id
        order by ${order} limit 1) org_ev`;
    return sql<string[]>`array(
      with recursive org_chain(unit_id, code, parent_unit_id, depth) as (
        select org_u.id, org_u.code, org_ev.parent_unit_id, 0
        from org_unit org_u ${step}
        where org_u.code = ${code}
        union all
        select org_u.id, org_u.code, org_ev.parent_unit_id, org_c.depth + 1
        from org_chain org_c join org_unit org_u on org_u.id = org_c.parent_unit_id ${step}
        where org_c.depth < ${MAX_DEPTH}
      )
      select org_chain.code from org_chain order by org_chain.depth)`;
  },

  /** text: the unit's full name as of `asOf` (a closed unit keeps its last one); null if unknown. */
  fullName(code: RawBuilder<unknown>, asOf: string): RawBuilder<string | null> {
    const order = sql`(org_v.valid_from <= ${asOf}::date) desc, case when org_v.valid_from <= ${asOf}::date then org_v.valid_from end desc, org_v.valid_from`;
    return sql<string | null>`(select org_v.full_name from org_unit_version org_v
      join org_unit org_u on org_u.id = org_v.unit_id where org_u.code = ${code}
      order by ${order} limit 1)`;
  },
};

/** The only SQL of the org module. */
export const orgRepository = {
  async findUnit(
    db: Db,
    code: string,
    forUpdate = false,
  ): Promise<{ id: string; code: string } | undefined> {
    let q = db.selectFrom('org_unit').select(['id', 'code']).where('code', '=', code);
    if (forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  async unitIdsByCodes(db: Db, codes: string[]): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    for (const chunk of chunks([...new Set(codes)], 1000)) {
      const rows = await db
        .selectFrom('org_unit')
        .select(['id', 'code'])
        .where('code', 'in', chunk)
        .execute();
      for (const r of rows) map.set(r.code, r.id);
    }
    return map;
  },

  async insertUnits(db: Db, codes: string[]): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    for (const chunk of chunks(codes, 500)) {
      const rows = await db
        .insertInto('org_unit')
        .values(chunk.map((code) => ({ code })))
        .returning(['id', 'code'])
        .execute();
      for (const r of rows) map.set(r.code, r.id);
    }
    return map;
  },

  async insertVersions(db: Db, rows: VersionValues[]): Promise<void> {
    for (const chunk of chunks(rows, 500))
      await db.insertInto('org_unit_version').values(chunk).execute();
  },

  async updateVersion(db: Db, id: string, patch: Partial<VersionValues>): Promise<void> {
    await db.updateTable('org_unit_version').set(patch).where('id', '=', id).execute();
  },

  /** Every version of a unit, oldest first. */
  async versionsOf(db: Db, unitId: string): Promise<VersionRow[]> {
    const r = await sql<VersionRow>`select ${VERSION_COLUMNS} ${VERSION_JOINS}
      where v.unit_id = ${unitId} order by v.valid_from`.execute(db);
    return r.rows;
  },

  /** The version of a unit in force on `date`, if any. */
  async versionAt(db: Db, unitId: string, date: string): Promise<VersionRow | undefined> {
    const r = await sql<VersionRow>`select ${VERSION_COLUMNS} ${VERSION_JOINS}
      where v.unit_id = ${unitId} and v.valid_from <= ${date}::date
        and (v.valid_to is null or v.valid_to > ${date}::date)`.execute(db);
    return r.rows[0];
  },

  /** For each of many units, its version in force on `date` (units without one are absent). */
  async versionsAt(db: Db, unitIds: string[], date: string): Promise<Map<string, VersionRow>> {
    const map = new Map<string, VersionRow>();
    for (const chunk of chunks([...new Set(unitIds)], 1000)) {
      const r = await sql<VersionRow>`select ${VERSION_COLUMNS} ${VERSION_JOINS}
        where v.unit_id in (${sql.join(chunk)}) and v.valid_from <= ${date}::date
          and (v.valid_to is null or v.valid_to > ${date}::date)`.execute(db);
      for (const row of r.rows) map.set(row.unit_id, row);
    }
    return map;
  },

  /** For each code, the version that stands for it as of `asOf` (see asOfOrder). */
  async effectiveVersions(db: Db, codes: string[], asOf: string): Promise<VersionRow[]> {
    const out: VersionRow[] = [];
    for (const chunk of chunks([...new Set(codes)], 1000)) {
      const r =
        await sql<VersionRow>`select distinct on (v.unit_id) ${VERSION_COLUMNS} ${VERSION_JOINS}
        where u.code in (${sql.join(chunk)})
        order by v.unit_id, ${asOfOrder(asOf)}`.execute(db);
      out.push(...r.rows);
    }
    return out;
  },

  /**
   * Every unit that had started by `asOf`, each with its version then: in force, or (with
   * `includeClosed`) the last one of a unit closed by that date. Ordered by code.
   */
  async listAsOf(db: Db, asOf: string, includeClosed: boolean): Promise<VersionRow[]> {
    const r = await sql<VersionRow>`select * from (
        select distinct on (v.unit_id) ${VERSION_COLUMNS} ${VERSION_JOINS}
        where v.valid_from <= ${asOf}::date
        order by v.unit_id, v.valid_from desc) e
      where ${includeClosed ? sql`true` : sql`(e.valid_to is null or e.valid_to > ${asOf}::date)`}
      order by e.code`.execute(db);
    return r.rows;
  },

  /** Codes from the unit up to its root as of `asOf`, each step through its as-of version. */
  async lineage(db: Db, code: string, asOf: string): Promise<string[]> {
    // The as-of version of each unit on the way up gives the next parent.
    const step = sql`cross join lateral (
        select v.parent_unit_id from org_unit_version v where v.unit_id = u.id
        order by ${asOfOrder(asOf)} limit 1) ev`;
    const r = await sql<{ code: string }>`
      with recursive chain(unit_id, code, parent_unit_id, depth) as (
        select u.id, u.code, ev.parent_unit_id, 0
        from org_unit u ${step}
        where u.code = ${code}
        union all
        select u.id, u.code, ev.parent_unit_id, c.depth + 1
        from chain c join org_unit u on u.id = c.parent_unit_id ${step}
        where c.depth < ${MAX_DEPTH}
      )
      select code from chain order by depth`.execute(db);
    return r.rows.map((x) => x.code);
  },

  /** Codes of the unit and of every unit below it on `asOf` (parents first). */
  async descendants(db: Db, code: string, asOf: string): Promise<string[]> {
    const r = await sql<{ code: string }>`
      with recursive sub(unit_id, depth) as (
        select u.id, 0 from org_unit u where u.code = ${code}
        union all
        select v.unit_id, s.depth + 1 from sub s
        join org_unit_version v on v.parent_unit_id = s.unit_id
          and v.valid_from <= ${asOf}::date and (v.valid_to is null or v.valid_to > ${asOf}::date)
        where s.depth < ${MAX_DEPTH}
      )
      select u.code from sub join org_unit u on u.id = sub.unit_id order by sub.depth, u.code`.execute(
      db,
    );
    return r.rows.map((x) => x.code);
  },

  /** Versions of other units placed under `parentId` at any time on or after `date`. */
  async childVersionsFrom(db: Db, parentId: string, date: string): Promise<VersionRow[]> {
    const r = await sql<VersionRow>`select ${VERSION_COLUMNS} ${VERSION_JOINS}
      where v.parent_unit_id = ${parentId} and (v.valid_to is null or v.valid_to > ${date}::date)
      order by u.code, v.valid_from`.execute(db);
    return r.rows;
  },

  /** Locks the units' rows so concurrent changes to them run one after another. */
  async lockUnits(db: Db, unitIds: string[]): Promise<void> {
    if (unitIds.length === 0) return;
    await db
      .selectFrom('org_unit')
      .select('id')
      .where('id', 'in', unitIds)
      .orderBy('id')
      .forUpdate()
      .execute();
  },

  async upsertBoundary(
    db: Db,
    b: {
      unitId: string;
      geometry: unknown;
      bbox: [number, number, number, number];
      source: string;
    },
  ): Promise<void> {
    const values = {
      geometry: JSON.stringify(b.geometry),
      min_lon: b.bbox[0],
      min_lat: b.bbox[1],
      max_lon: b.bbox[2],
      max_lat: b.bbox[3],
      source: b.source,
      updated_at: sql<Date>`now()`,
    };
    await db
      .insertInto('org_unit_boundary')
      .values({ unit_id: b.unitId, ...values })
      .onConflict((oc) => oc.column('unit_id').doUpdateSet(values))
      .execute();
  },

  /** Units whose boundary's bbox contains the point, with their depth in the tree (1 = root). */
  async boundariesAround(
    db: Db,
    lat: number,
    long: number,
    asOf: string,
  ): Promise<{ code: string; depth: number; geometry: unknown }[]> {
    const r = await sql<{ code: string; depth: number; geometry: unknown }>`
      select bu.code, cardinality(${orgSql.lineage(sql.ref('bu.code'), asOf)}) as depth,
        b.geometry
      from org_unit_boundary b join org_unit bu on bu.id = b.unit_id
      where b.min_lon <= ${long} and b.max_lon >= ${long}
        and b.min_lat <= ${lat} and b.max_lat >= ${lat}`.execute(db);
    return r.rows.map((x) => ({ ...x, depth: Number(x.depth) }));
  },

  async findBoundary(db: Db, unitId: string) {
    return db
      .selectFrom('org_unit_boundary')
      .selectAll()
      .where('unit_id', '=', unitId)
      .executeTakeFirst();
  },

  /**
   * Codes of the unit and of every unit that was below it in any version (closed and merged
   * units, units moved away since), for reporting over history (issue 12). Cycle-safe: `union`.
   */
  async subtreeEver(db: Db, code: string): Promise<string[]> {
    const r = await sql<{ code: string }>`
      with recursive sub(unit_id) as (
        select u.id from org_unit u where u.code = ${code}
        union
        select v.unit_id from sub s join org_unit_version v on v.parent_unit_id = s.unit_id
      )
      select u.code from sub join org_unit u on u.id = sub.unit_id order by u.code`.execute(db);
    return r.rows.map((x) => x.code);
  },

  /** Codes of the units directly below `code` at any time within [first, last]. */
  async childrenDuring(db: Db, code: string, first: string, last: string): Promise<string[]> {
    const r = await sql<{ code: string }>`
      select distinct c.code from org_unit p
      join org_unit_version v on v.parent_unit_id = p.id
        and v.valid_from <= ${last}::date and (v.valid_to is null or v.valid_to > ${first}::date)
      join org_unit c on c.id = v.unit_id
      where p.code = ${code} and c.id <> p.id
      order by c.code`.execute(db);
    return r.rows.map((x) => x.code);
  },
};

/** Splits a list so one statement never carries more parameters than PostgreSQL allows. */
function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
