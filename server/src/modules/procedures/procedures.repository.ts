import type { Procedure, ProcedureInput, ProcedureStatus } from '@cqs/shared/procedures/index';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { SearchSource } from './procedures.search.js';
import type { ProcedureTable } from './procedures.tables.js';

type Db = Kysely<Database>;
export type ProcedureRow = Selectable<ProcedureTable>;

/** What the service writes for a procedure's content (the rest is the row's lifecycle). */
export interface ProcedureWrite {
  input: ProcedureInput;
  searchText: string;
  now: Date;
}

/** Filters of the catalogue list; `tokens` are accent-folded words that must all appear. */
export interface ProcedureFilter {
  status: ProcedureStatus;
  tokens?: string[];
  field?: string;
  level?: Procedure['level'];
  onlineLevel?: Procedure['onlineLevel'];
}

/** A position in the list ordered by (code, id). */
export interface ProcedureKey {
  code: string;
  id: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const likeEscape = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** Maps a row to the API shape. */
export function toProcedure(r: ProcedureRow): Procedure {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    field: r.field,
    implementingAgency: r.implementing_agency,
    level: r.level,
    processingTime: { value: Number(r.processing_time_value), unit: r.processing_time_unit },
    fees: r.fees as Procedure['fees'],
    result: r.result,
    legalBasis: r.legal_basis,
    onlineLevel: r.online_level,
    components: r.components as Procedure['components'],
    steps: r.steps as Procedure['steps'],
    unpaidReturn: r.unpaid_return,
    status: r.status,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

function contentColumns(w: ProcedureWrite) {
  const p = w.input;
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    implementing_agency: p.implementingAgency,
    level: p.level,
    processing_time_value: p.processingTime.value,
    processing_time_unit: p.processingTime.unit,
    fees: JSON.stringify(p.fees),
    result: p.result,
    legal_basis: p.legalBasis,
    online_level: p.onlineLevel,
    components: JSON.stringify(p.components),
    steps: JSON.stringify([...p.steps].sort((a, b) => a.order - b.order)),
    unpaid_return: p.unpaidReturn,
    search_text: w.searchText,
    updated_at: w.now,
  };
}

function applyFilter(q: ReturnType<typeof baseSelect>, f: ProcedureFilter) {
  let out = q.where('status', '=', f.status);
  for (const t of f.tokens ?? []) out = out.where('search_text', 'like', `%${likeEscape(t)}%`);
  if (f.field) out = out.where('field', '=', f.field);
  if (f.level) out = out.where('level', '=', f.level);
  if (f.onlineLevel) out = out.where('online_level', '=', f.onlineLevel);
  return out;
}

function baseSelect(db: Db) {
  return db.selectFrom('procedure').selectAll();
}

/** The only SQL of the procedures module. */
export const proceduresRepository = {
  async findById(db: Db, id: string, forUpdate = false): Promise<ProcedureRow | undefined> {
    let q = baseSelect(db).where('id', '=', id);
    if (forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  async findActiveByCode(
    db: Db,
    code: string,
    forUpdate = false,
  ): Promise<ProcedureRow | undefined> {
    let q = baseSelect(db).where('code', '=', code).where('status', '=', 'active');
    if (forUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  /** Procedures in force with these codes, locked, by code (import upserts by code). */
  async findActiveByCodes(db: Db, codes: string[]): Promise<Map<string, ProcedureRow>> {
    if (codes.length === 0) return new Map();
    const rows = await baseSelect(db)
      .where('code', 'in', codes)
      .where('status', '=', 'active')
      .forUpdate()
      .execute();
    return new Map(rows.map((r) => [r.code, r]));
  },

  async insert(db: Db, w: ProcedureWrite): Promise<ProcedureRow> {
    return db
      .insertInto('procedure')
      .values({ ...contentColumns(w), created_at: w.now })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Replaces the content (and optionally the status) and bumps the version. */
  async update(
    db: Db,
    id: string,
    w: ProcedureWrite,
    status?: ProcedureStatus,
  ): Promise<ProcedureRow> {
    return db
      .updateTable('procedure')
      .set((eb) => ({
        ...contentColumns(w),
        ...(status && { status }),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async setStatus(db: Db, id: string, status: ProcedureStatus, now: Date): Promise<ProcedureRow> {
    return db
      .updateTable('procedure')
      .set((eb) => ({ status, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /**
   * One page ordered by code (byte order) then id. Search is a `like` per folded word over
   * the folded copy: a province's catalogue is a few thousand rows, scanned in milliseconds.
   */
  async list(
    db: Db,
    f: ProcedureFilter,
    after: ProcedureKey | null,
    limit: number,
  ): Promise<ProcedureRow[]> {
    let q = applyFilter(baseSelect(db), f);
    if (after)
      q = q.where(sql<boolean>`(code collate "C", id) > (${after.code}, ${after.id}::uuid)`);
    return q.orderBy(sql`code collate "C"`).orderBy('id').limit(limit).execute();
  },

  /** Every procedure matching the filter, ordered by code (export). */
  async listAll(db: Db, f: ProcedureFilter): Promise<ProcedureRow[]> {
    return applyFilter(baseSelect(db), f).orderBy(sql`code collate "C"`).orderBy('id').execute();
  },

  /** What the search index reads of every procedure in force (no components or steps). */
  async listSearchable(db: Db): Promise<SearchSource[]> {
    const rows = await db
      .selectFrom('procedure')
      .select([
        'id',
        'code',
        'name',
        'field',
        'implementing_agency',
        'level',
        'processing_time_value',
        'processing_time_unit',
        'fees',
        'online_level',
        'result',
      ])
      .where('status', '=', 'active')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      field: r.field,
      implementingAgency: r.implementing_agency,
      level: r.level,
      processingTime: { value: Number(r.processing_time_value), unit: r.processing_time_unit },
      fees: r.fees as Procedure['fees'],
      onlineLevel: r.online_level,
      result: r.result,
    }));
  },

  /** Distinct implementing agencies (cơ quan thực hiện) with how many procedures each has. */
  async agencyCounts(
    db: Db,
    status: ProcedureStatus,
  ): Promise<{ agency: string; count: number }[]> {
    const rows = await db
      .selectFrom('procedure')
      .select(['implementing_agency', (eb) => eb.fn.countAll<number>().as('count')])
      .where('status', '=', status)
      .groupBy('implementing_agency')
      .execute();
    return rows.map((r) => ({ agency: r.implementing_agency, count: Number(r.count) }));
  },

  /** The synonym groups in list order. */
  async listSynonyms(db: Db): Promise<string[][]> {
    const rows = await db
      .selectFrom('procedure_synonym')
      .select('terms')
      .orderBy('position')
      .execute();
    return rows.map((r) => r.terms);
  },

  /** Replaces the whole synonym list (inside the caller's transaction). */
  async replaceSynonyms(db: Db, groups: string[][]): Promise<void> {
    await db.deleteFrom('procedure_synonym').execute();
    if (groups.length === 0) return;
    await db
      .insertInto('procedure_synonym')
      .values(groups.map((terms, i) => ({ position: i + 1, terms: JSON.stringify(terms) })))
      .execute();
  },

  /** Distinct fields (lĩnh vực) with how many procedures each has. */
  async fieldCounts(db: Db, status: ProcedureStatus): Promise<{ field: string; count: number }[]> {
    const rows = await db
      .selectFrom('procedure')
      .select(['field', (eb) => eb.fn.countAll<number>().as('count')])
      .where('status', '=', status)
      .groupBy('field')
      .execute();
    return rows.map((r) => ({ field: r.field, count: Number(r.count) }));
  },
};
