import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findUnitsByCodes, OrgService } from '../../src/modules/org/index.js';
import type { UnitCategory, UnitKind } from '../../src/modules/org/org.rules.js';
import { SYSTEM_ACTOR } from '../../src/platform/actor.js';
import { FixedClock } from '../../src/platform/clock.js';
import type { Database } from '../../src/platform/db/schema.js';

export interface BuildUnitOverrides {
  code?: string;
  name?: string;
  kind?: UnitKind;
  category?: UnitCategory;
  /** Parent unit; by default a fresh province is made for a non-province unit. */
  parentCode?: string | null;
  agencyId?: string | null;
  validFrom?: string;
}

const DEFAULT_CATEGORY: Record<UnitKind, UnitCategory> = {
  province: 'tinh',
  district: 'huyen',
  commune: 'xa',
  hamlet: 'khom',
  agency: 'ubnd',
};

/** What a unit placed under `parentCode` is by default: the next level down. */
async function kindUnder(db: Kysely<Database>, parentCode: string): Promise<UnitKind> {
  const parent = (await findUnitsByCodes(db, [parentCode])).get(parentCode);
  if (!parent) throw new Error(`buildUnit: no unit ${parentCode}`);
  const next: Record<string, UnitKind | undefined> = {
    province: 'commune',
    district: 'commune',
    commune: 'hamlet',
    agency: 'agency',
  };
  const kind = next[parent.kind];
  if (!kind)
    throw new Error(
      `buildUnit: nothing can be placed under the ${parent.kind} ${parentCode}; give a kind`,
    );
  return kind;
}

/** A code no other test uses: `T` and six random digits (not a statistics code). */
export function uniqueUnitCode(prefix = 'T'): string {
  return `${prefix}${randomInt(0, 1_000_000).toString().padStart(6, '0')}${randomInt(0, 1000)}`;
}

/**
 * Creates a unit for a test, in force from 2020-01-01, through the org service so it is
 * audited like any other: a commune under its own fresh province by default; under a given
 * parent, the level below it (commune under a province or district, hamlet under a commune,
 * agency under an agency) unless `kind` says otherwise.
 */
export async function buildUnit(
  db: Kysely<Database>,
  overrides: BuildUnitOverrides = {},
): Promise<{ code: string; id: string; parentCode: string | null }> {
  const org = new OrgService(db, new FixedClock(new Date('2025-01-01T00:00:00+07:00')));
  const kind =
    overrides.kind ??
    (overrides.parentCode ? await kindUnder(db, overrides.parentCode) : 'commune');
  const validFrom = overrides.validFrom ?? '2020-01-01';
  let parentCode = overrides.parentCode;
  if (parentCode === undefined) {
    if (kind === 'province') parentCode = null;
    else if (kind === 'hamlet')
      parentCode = (await buildUnit(db, { kind: 'commune', validFrom })).code;
    else parentCode = (await buildUnit(db, { kind: 'province', validFrom })).code;
  }
  const code = overrides.code ?? uniqueUnitCode();
  const unit = await org.create(SYSTEM_ACTOR, {
    code,
    name: overrides.name ?? `Đơn vị thử ${code}`,
    kind,
    category: overrides.category ?? DEFAULT_CATEGORY[kind],
    parentCode,
    agencyId: overrides.agencyId ?? null,
    validFrom,
  });
  return { code: unit.code, id: unit.id, parentCode: unit.parentCode };
}
