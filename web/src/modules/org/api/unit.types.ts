/** Kinds of unit (đơn vị hành chính, cơ quan). */
export const UNIT_KINDS = ['province', 'district', 'commune', 'hamlet', 'agency'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** An administrative unit or agency, effective from validFrom until validTo (exclusive or closing day). */
export interface Unit {
  id: string;
  code: string;
  name: string;
  fullName: string;
  kind: UnitKind;
  category: string | null;
  parentCode: string | null;
  agencyId: string | null;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
}

/** Body of POST /units. */
export interface CreateUnitInput {
  code: string;
  name: string;
  fullName: string;
  kind: UnitKind;
  category?: string;
  parentCode: string | null;
  validFrom: string;
}

/** Body of POST /units/{code}/close. */
export interface CloseUnitInput {
  date: string;
  successorCode?: string;
  reason: string;
}

/** True when the unit has been closed (it has an end date). */
export function isClosed(unit: Unit): boolean {
  return unit.validTo !== null;
}
