import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import { buildUnit } from '../../../test/factories/org.js';
import type { Db } from '../../platform/db/connect.js';
import { findUnitsByCodes, unitLineage } from './index.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe('buildUnit factory', () => {
  it('makes a unique commune under its own province by default', async () => {
    const a = await buildUnit(db.kysely);
    const b = await buildUnit(db.kysely);
    expect(a.code).not.toBe(b.code);
    expect(a.code).toMatch(/^T\d+$/);
    expect(await unitLineage(db.kysely, a.code)).toEqual([a.code, a.parentCode]);
    expect((await findUnitsByCodes(db.kysely, [a.code])).get(a.code)).toMatchObject({
      kind: 'commune',
      closed: false,
    });
  });

  it('takes overrides: a hamlet under a given commune, an agency', async () => {
    const commune = await buildUnit(db.kysely);
    const hamlet = await buildUnit(db.kysely, {
      kind: 'hamlet',
      parentCode: commune.code,
      name: 'Ấp Thử',
    });
    expect(await unitLineage(db.kysely, hamlet.code)).toEqual([
      hamlet.code,
      commune.code,
      commune.parentCode,
    ]);
    const agency = await buildUnit(db.kysely, { kind: 'agency', agencyId: '000.00.99.H99' });
    expect((await findUnitsByCodes(db.kysely, [agency.code])).get(agency.code)?.kind).toBe(
      'agency',
    );
  });
});

describe('database constraints back the service', () => {
  const insertVersion = (unitId: string, over: Record<string, unknown>) =>
    db.kysely
      .insertInto('org_unit_version')
      .values({
        unit_id: unitId,
        valid_from: '2021-01-01',
        valid_to: null,
        name: 'X',
        full_name: 'X',
        name_en: null,
        full_name_en: null,
        kind: 'agency',
        category: 'other',
        parent_unit_id: null,
        agency_id: null,
        successor_unit_id: null,
        change_reason: null,
        end_reason: null,
        ...over,
      } as never)
      .execute();

  it('refuses malformed agency ids, unknown categories and a second open version', async () => {
    const u = await buildUnit(db.kysely);
    await expect(insertVersion(u.id, { agency_id: '000..H01' })).rejects.toThrow(
      /check constraint/,
    );
    await expect(insertVersion(u.id, { agency_id: '000.00.h01' })).rejects.toThrow(
      /check constraint/,
    );
    await expect(insertVersion(u.id, { category: 'village' })).rejects.toThrow(/check constraint/);
    await expect(insertVersion(u.id, { valid_from: '2021-01-01' })).rejects.toThrow(
      /org_unit_version_open_idx/,
    );
    await expect(
      insertVersion(u.id, { valid_from: '2019-01-01', valid_to: '2018-01-01' }),
    ).rejects.toThrow(/check constraint/);
    await expect(
      sql`insert into org_unit (code) values ('bad code')`.execute(db.kysely),
    ).rejects.toThrow(/check constraint/);
  });
});
