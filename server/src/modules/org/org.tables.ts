import type { ColumnType, Generated } from 'kysely';
import type { UnitCategory, UnitKind } from './org.rules.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

/**
 * A unit (đơn vị): an administrative unit, a hamlet or an agency. Only what never changes
 * lives here — its id and its code; everything else is a dated fact in `org_unit_version`.
 */
export interface OrgUnitTable {
  id: Generated<string>;
  code: string;
  created_at: Timestamp;
}

/**
 * One period of a unit's life, [valid_from, valid_to) with valid_to null = still in force.
 * A rename, a re-parenting or a change of type starts a new version; closing a unit ends its
 * last one and names the successor. Versions of one unit never overlap.
 */
export interface OrgUnitVersionTable {
  id: Generated<string>;
  unit_id: string;
  /** Dates are 'YYYY-MM-DD' strings (see platform/db/pg-types.ts). */
  valid_from: string;
  valid_to: string | null;
  name: string;
  full_name: string;
  name_en: string | null;
  full_name_en: string | null;
  kind: UnitKind;
  category: UnitCategory;
  parent_unit_id: string | null;
  agency_id: string | null;
  successor_unit_id: string | null;
  /** Why this version began (rename decision, merger…), when known. */
  change_reason: string | null;
  /** Why the unit ended with this version (closure, merger). */
  end_reason: string | null;
  created_at: Timestamp;
}

/** The current boundary of a unit (GeoJSON geometry in WGS 84, [lon, lat]) and its bbox. */
export interface OrgUnitBoundaryTable {
  unit_id: string;
  geometry: Json;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  source: string;
  updated_at: Timestamp;
}

/** Tables of the org module. */
export interface OrgTables {
  org_unit: OrgUnitTable;
  org_unit_version: OrgUnitVersionTable;
  org_unit_boundary: OrgUnitBoundaryTable;
}
