import {
  foldVietnamese,
  type Procedure,
  type ProcedureInput,
  type ProcedureReplace,
  type ProcedureStatus,
  searchTokens,
} from '@cqs/shared/procedures/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { type Generations, ReferenceCache } from '../../platform/cache/reference-cache.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import {
  ProcedureCodeTakenError,
  ProcedureNotFoundError,
  ProcedureVersionConflictError,
} from './procedures.errors.js';
import { republishOffers } from './procedures.offers.js';
import {
  type ProcedureFilter,
  type ProcedureKey,
  proceduresRepository as repo,
  toProcedure,
} from './procedures.repository.js';

type Db = Kysely<Database>;

/** What the writing functions need: the database and the injected clock. */
export interface ProceduresDeps {
  db: Db;
  clock: Clock;
}

/** List query of the catalogue (after HTTP parsing). */
export interface ListProceduresQuery {
  q?: string;
  field?: string;
  level?: Procedure['level'];
  onlineLevel?: Procedure['onlineLevel'];
  status: ProcedureStatus;
  cursor?: string;
  limit: number;
}

/** The accent-folded text searched by `q`: the code and the name. */
export function searchTextOf(p: { code: string; name: string }): string {
  return foldVietnamese(`${p.code} ${p.name}`);
}

/** Turns the partial unique index's violation (a concurrent writer) into our 409. */
export async function mapCodeConflict<T>(code: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const e = err as { code?: string; constraint?: string };
    if (
      e.code === '23505' &&
      (e.constraint === 'procedure_code_active_idx' || e.constraint === undefined)
    ) {
      throw new ProcedureCodeTakenError(code);
    }
    throw err;
  }
}

/** The cursor is the last item's (code, id), opaque to clients. */
function encodeProcedureCursor(k: ProcedureKey): string {
  return encodeCursor([k.code, k.id]);
}

function decodeProcedureCursor(cursor: string): ProcedureKey {
  const [code, id] = decodeCursor(cursor, ['text', 'uuid']);
  return { code, id };
}

/** One procedure by id, archived ones included; throws 404 `procedure_not_found`. */
export async function getProcedure(db: Db, id: string): Promise<Procedure> {
  const row = await repo.findById(db, id);
  if (!row) throw new ProcedureNotFoundError();
  return toProcedure(row);
}

const procedures = new ReferenceCache<Procedure>('procedures', 1_000);

/**
 * getProcedure from the process's cache while no procedure has changed (for request paths
 * that never write procedures; see platform/cache). Not found is never cached.
 */
export function cachedProcedure(
  db: Db,
  id: string,
  seen: Generations | undefined,
): Promise<Procedure> {
  return procedures.get(db, id, () => getProcedure(db, id), seen);
}

/** The procedure in force with this national code; throws 404 `procedure_not_found`. */
export async function getProcedureByCode(db: Db, code: string): Promise<Procedure> {
  const row = await repo.findActiveByCode(db, code.trim().toUpperCase());
  if (!row) throw new ProcedureNotFoundError();
  return toProcedure(row);
}

function filterOf(query: Omit<ListProceduresQuery, 'cursor' | 'limit'>): ProcedureFilter {
  return {
    status: query.status,
    tokens: query.q ? searchTokens(query.q) : undefined,
    field: query.field ? query.field.trim().normalize('NFC') : undefined,
    level: query.level,
    onlineLevel: query.onlineLevel,
  };
}

/** One page of the catalogue, ordered by code. */
export async function listProcedures(
  db: Db,
  query: ListProceduresQuery,
): Promise<{ items: Procedure[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeProcedureCursor(query.cursor) : null;
  const rows = await repo.list(db, filterOf(query), after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toProcedure),
    nextCursor: rows.length > query.limit && last ? encodeProcedureCursor(last) : null,
  };
}

/** Every procedure matching the filters, ordered by code (for export). */
export async function listAllProcedures(
  db: Db,
  query: Omit<ListProceduresQuery, 'cursor' | 'limit'>,
): Promise<Procedure[]> {
  return (await repo.listAll(db, filterOf(query))).map(toProcedure);
}

/** Fields (lĩnh vực) of the procedures in force, in Vietnamese alphabetical order, with counts. */
export async function listFields(db: Db): Promise<{ field: string; count: number }[]> {
  const collator = new Intl.Collator('vi');
  return (await repo.fieldCounts(db, 'active')).sort((a, b) => collator.compare(a.field, b.field));
}

/** Adds a procedure to the catalogue (inside the caller's transaction), with its audit record. */
export async function insertProcedure(
  trx: Db,
  actor: Actor,
  input: ProcedureInput,
  now: Date,
  action = 'procedure.create',
): Promise<Procedure> {
  if (await repo.findActiveByCode(trx, input.code)) throw new ProcedureCodeTakenError(input.code);
  const row = await mapCodeConflict(input.code, () =>
    repo.insert(trx, { input, searchText: searchTextOf(input), now }),
  );
  const after = toProcedure(row);
  await recordAudit(trx, actor, { action, entityType: 'procedure', entityId: row.id, after });
  // A code archived and added again keeps the units' offers; their level is the new one.
  await republishOffers(trx, after.code, after.onlineLevel, now);
  return after;
}

/** Creates a procedure. */
export async function createProcedure(
  deps: ProceduresDeps,
  actor: Actor,
  input: ProcedureInput,
): Promise<Procedure> {
  return deps.db
    .transaction()
    .execute((trx) => insertProcedure(trx, actor, input, deps.clock.now()));
}

/** Replaces a procedure's content; `version`, when given, must match (optimistic concurrency). */
export async function replaceProcedure(
  deps: ProceduresDeps,
  actor: Actor,
  id: string,
  input: ProcedureReplace,
): Promise<Procedure> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.findById(trx, id, true);
    if (!row) throw new ProcedureNotFoundError();
    if (input.version !== undefined && input.version !== row.version)
      throw new ProcedureVersionConflictError(input.version, row.version);
    const status = input.status ?? row.status;
    if (status === 'active' && (input.code !== row.code || row.status !== 'active')) {
      const holder = await repo.findActiveByCode(trx, input.code);
      if (holder && holder.id !== id) throw new ProcedureCodeTakenError(input.code);
    }
    const { version: _v, status: _s, ...content } = input;
    const updated = await mapCodeConflict(input.code, () =>
      repo.update(
        trx,
        id,
        { input: content, searchText: searchTextOf(content), now: deps.clock.now() },
        status,
      ),
    );
    const before = toProcedure(row);
    const after = toProcedure(updated);
    if (after.onlineLevel !== before.onlineLevel)
      await republishOffers(trx, after.code, after.onlineLevel, deps.clock.now());
    await recordAudit(trx, actor, {
      action: 'procedure.update',
      entityType: 'procedure',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Archives (bãi bỏ) a procedure; archiving an archived one changes nothing. */
export async function archiveProcedure(
  deps: ProceduresDeps,
  actor: Actor,
  id: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findById(trx, id, true);
    if (!row) throw new ProcedureNotFoundError();
    if (row.status === 'archived') return;
    const updated = await repo.setStatus(trx, id, 'archived', deps.clock.now());
    await recordAudit(trx, actor, {
      action: 'procedure.archive',
      entityType: 'procedure',
      entityId: id,
      before: toProcedure(row),
      after: toProcedure(updated),
    });
  });
}
