import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { VersionRow } from './org.repository.js';
import type { Unit, UnitVersion } from './org.schemas.js';

/** Shapes a version row as the API's `unit`. */
export function toUnit(v: VersionRow): Unit {
  return {
    id: v.unit_id,
    code: v.code,
    name: v.name,
    fullName: v.full_name,
    kind: v.kind,
    category: v.category,
    parentCode: v.parent_code,
    agencyId: v.agency_id,
    validFrom: v.valid_from,
    validTo: v.valid_to,
    successorCode: v.successor_code,
  };
}

/** Shapes a version row as one entry of a unit's history. */
export function toVersion(v: VersionRow): UnitVersion {
  const { id: _id, code: _code, ...rest } = toUnit(v);
  return {
    ...rest,
    nameEn: v.name_en,
    fullNameEn: v.full_name_en,
    changeReason: v.change_reason,
    endReason: v.end_reason,
  };
}

/** Picks, from a unit's versions (oldest first), the one that stands for it on `asOf`. */
export function versionAsOf<T extends { valid_from: string }>(
  versions: T[],
  asOf: string,
): T | undefined {
  const started = versions.filter((v) => v.valid_from <= asOf);
  return started.at(-1) ?? versions[0];
}

/** A date as Vietnamese users read it: dd/mm/yyyy. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Runs `fn` in a transaction, or inside the caller's one: Kysely cannot nest transactions,
 * and the demo seed wants many changes to commit together.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx: Transaction<Database>) => fn(trx));
}
