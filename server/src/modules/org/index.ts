/** Public face of the org module (đơn vị hành chính, cơ quan): what other modules may use. */
import type { Kysely, RawBuilder } from 'kysely';
import { type Generations, ReferenceCache } from '../../platform/cache/reference-cache.js';
import type { Database } from '../../platform/db/schema.js';
import { toUnit, versionAsOf } from './org.present.js';
import { orgSql, orgRepository as repo } from './org.repository.js';
import { vnToday } from './org.rules.js';
import type { Unit } from './org.schemas.js';

export { DEMO_CITY, DEMO_PROVINCE, seedDemoOrg, UNITS_DATA_DIR } from './org.demo.js';
export {
  DEFAULT_IMPORT_VALID_FROM,
  type ImportOptions,
  type ImportResult,
  importUnits,
} from './org.import.js';
export { orgRoutes } from './org.routes.js';
export {
  CATEGORY_KIND,
  isValidAgencyId,
  isValidUnitCode,
  UNIT_CATEGORIES,
  UNIT_KINDS,
  type UnitCategory,
  type UnitKind,
  vnToday,
} from './org.rules.js';
export type { Unit, UnitDetail } from './org.schemas.js';
export { OrgService } from './org.service.js';

// These take no clock (their signatures are shared with identity), so "today" is read here,
// at the module's edge, and only when the caller gives no date.
const today = () => vnToday(new Date());

/** SQL expressions for other modules' statements; see orgSql. `asOf` defaults to today. */
export const orgExpressions = {
  lineage: (code: RawBuilder<unknown>, asOf?: string) => orgSql.lineage(code, asOf ?? today()),
  fullName: (code: RawBuilder<unknown>, asOf?: string) => orgSql.fullName(code, asOf ?? today()),
};

// Cached copies for request paths that never write units (see platform/cache): as of today.
const lineageCache = new ReferenceCache<string[]>('org');
const descendantsCache = new ReferenceCache<string[]>('org');
const unitCache = new ReferenceCache<Unit | null>('org');

/** unitLineage as of today, from the process's cache while no unit has changed. */
export function cachedUnitLineage(
  db: Kysely<Database>,
  code: string,
  seen: Generations | undefined,
): Promise<string[]> {
  const d = today();
  return lineageCache.get(db, `${code}@${d}`, () => repo.lineage(db, code, d), seen);
}

/** unitDescendants as of today, from the process's cache while no unit has changed. */
export function cachedUnitDescendants(
  db: Kysely<Database>,
  code: string,
  seen: Generations | undefined,
): Promise<string[]> {
  const d = today();
  return descendantsCache.get(db, `${code}@${d}`, () => repo.descendants(db, code, d), seen);
}

/** The unit as of today (null if unknown), from the process's cache while no unit has changed. */
export function cachedUnit(
  db: Kysely<Database>,
  code: string,
  seen: Generations | undefined,
): Promise<Unit | null> {
  const d = today();
  return unitCache.get(
    db,
    `${code}@${d}`,
    async () => {
      const unit = await repo.findUnit(db, code);
      if (!unit) return null;
      const current = versionAsOf(await repo.versionsOf(db, unit.id), d);
      return current ? toUnit(current) : null;
    },
    seen,
  );
}

/**
 * Units whose stored boundary's bounding box contains the point (WGS 84), with their depth in
 * the tree (1 = root) and GeoJSON geometry, for an exact point-in-polygon test by the caller.
 */
export function unitBoundariesAround(
  db: Kysely<Database>,
  point: { lat: number; long: number },
): Promise<{ code: string; depth: number; geometry: unknown }[]> {
  return repo.boundariesAround(db, point.lat, point.long, today());
}

/** Codes from the unit itself up to the root, as of `asOf` (default today); [] if unknown. */
export async function unitLineage(
  db: Kysely<Database>,
  code: string,
  asOf?: string,
): Promise<string[]> {
  return repo.lineage(db, code, asOf ?? today());
}

/** Codes of the unit and of every unit below it on `asOf` (default today); [] if unknown. */
export async function unitDescendants(
  db: Kysely<Database>,
  code: string,
  asOf?: string,
): Promise<string[]> {
  return repo.descendants(db, code, asOf ?? today());
}

/**
 * The units with these codes, open or closed, by code: each with its name and kind as of
 * `asOf` (default today; a closed unit keeps its last name). `name` is the full name
 * ("Phường Mỹ Bình", not "Mỹ Bình": short names repeat across levels). Unknown codes are absent.
 */
export async function findUnitsByCodes(
  db: Kysely<Database>,
  codes: string[],
  asOf?: string,
): Promise<Map<string, { code: string; name: string; kind: string; closed: boolean }>> {
  const map = new Map<string, { code: string; name: string; kind: string; closed: boolean }>();
  if (codes.length === 0) return map;
  const date = asOf ?? today();
  for (const v of await repo.effectiveVersions(db, codes, date)) {
    map.set(v.code, {
      code: v.code,
      name: v.full_name,
      kind: v.kind,
      closed: v.valid_to !== null && v.valid_to <= date,
    });
  }
  return map;
}

/**
 * Codes of the unit and of every unit ever below it, in any version: closed, merged and
 * moved-away units included, so their history still counts under this unit (issue 12).
 */
export function unitSubtreeEver(db: Kysely<Database>, code: string): Promise<string[]> {
  return repo.subtreeEver(db, code);
}

/** Codes of the units directly below `code` at any time within [first, last] (dates). */
export function unitChildrenDuring(
  db: Kysely<Database>,
  code: string,
  first: string,
  last: string,
): Promise<string[]> {
  return repo.childrenDuring(db, code, first, last);
}
