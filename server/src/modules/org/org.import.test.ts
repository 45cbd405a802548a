import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import type { Db } from '../../platform/db/connect.js';
import { findUnitsByCodes, importUnits, unitDescendants, unitLineage } from './index.js';
import { UNITS_DATA_DIR } from './org.demo.js';

const FILE = path.join(UNITS_DATA_DIR, 'units-2025-03.json');
const GIS = path.join(UNITS_DATA_DIR, 'gis');
const LONG_XUYEN_COMMUNES = [
  '30280',
  '30283',
  '30286',
  '30289',
  '30292',
  '30295',
  '30298',
  '30301',
  '30304',
  '30307',
  '30310',
  '30313',
];

let db: Db;
let tmp: string;
beforeAll(async () => {
  db = await createTestDb();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-org-import-'));
});
afterAll(async () => {
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const versionCount = async () =>
  Number(
    (await sql<{ n: number }>`select count(*) as n from org_unit_version`.execute(db.kysely))
      .rows[0]!.n,
  );

/** Writes a units file derived from the real one and returns its path. */
function writeFile(name: string, content: unknown): string {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, JSON.stringify(content));
  return f;
}

describe('importUnits', () => {
  it('imports An Giang → Long Xuyên → its 12 wards and communes, with boundaries', async () => {
    const r = await importUnits(db.kysely, SYSTEM_ACTOR, {
      file: FILE,
      gisDir: GIS,
      province: ['89'],
      district: ['883'],
    });
    expect(r).toMatchObject({ units: 14, created: 14, updated: 0, unchanged: 0, boundaries: 2 });

    const children = await sql<{ code: string; kind: string; category: string }>`
      select u.code, v.kind, v.category from org_unit_version v join org_unit u on u.id = v.unit_id
      join org_unit p on p.id = v.parent_unit_id where p.code = '883' order by u.code`.execute(
      db.kysely,
    );
    expect(children.rows.map((x) => x.code)).toEqual(LONG_XUYEN_COMMUNES);
    expect(children.rows.filter((x) => x.category === 'phuong')).toHaveLength(10);
    expect(children.rows.filter((x) => x.category === 'xa')).toHaveLength(2);

    const b = await sql<{ type: string; min_lon: number; source: string }>`
      select b.geometry->>'type' as type, b.min_lon, b.source from org_unit_boundary b
      join org_unit u on u.id = b.unit_id where u.code = '883'`.execute(db.kysely);
    expect(b.rows[0]).toMatchObject({ type: 'MultiPolygon', source: 'gis/89.json' });
    expect(b.rows[0]!.min_lon).toBeCloseTo(105.3599, 3);

    const audit = await sql<{ action: string; entity_id: string; unit_code: string }>`
      select action, entity_id, unit_code from audit_log where entity_type = 'unit'`.execute(
      db.kysely,
    );
    expect(audit.rows).toEqual([
      { action: 'unit.import', entity_id: 'import:units-2025-03.json', unit_code: '89' },
    ]);
  });

  it('is idempotent: a second run changes nothing and duplicates nothing', async () => {
    const before = await versionCount();
    const r = await importUnits(db.kysely, SYSTEM_ACTOR, {
      file: FILE,
      gisDir: GIS,
      province: ['89'],
      district: ['883'],
    });
    expect(r).toMatchObject({ units: 14, created: 0, updated: 0, unchanged: 14, boundaries: 2 });
    expect(await versionCount()).toBe(before);
    const units = await sql<{ n: number }>`select count(*) as n from org_unit`.execute(db.kysely);
    expect(Number(units.rows[0]!.n)).toBe(14);
  });

  it('gives the lineage and the subtree as of a date', async () => {
    expect(await unitLineage(db.kysely, '30280', '2025-06-30')).toEqual(['30280', '883', '89']);
    expect(await unitLineage(db.kysely, '89', '2025-06-30')).toEqual(['89']);
    expect(await unitLineage(db.kysely, 'KHONGCO', '2025-06-30')).toEqual([]);
    const sub = await unitDescendants(db.kysely, '883', '2025-06-30');
    expect(sub).toEqual(['883', ...LONG_XUYEN_COMMUNES]);
    expect(await unitDescendants(db.kysely, 'KHONGCO')).toEqual([]);
  });

  it('a corrected name on the same date is fixed in place; a later file makes a new version', async () => {
    const real = JSON.parse(fs.readFileSync(FILE, 'utf8')) as {
      Code: string;
      District: { Code: string; Name: string; FullName: string }[];
    }[];
    const ag = real.find((p) => p.Code === '89')!;
    const lx = ag.District.find((d) => d.Code === '883')!;
    const renamed = [{ ...ag, District: [{ ...lx, Name: 'Long Xuyên (sửa)' }] }];
    const f = writeFile('renamed.json', renamed);

    const before = await versionCount();
    const fix = await importUnits(db.kysely, SYSTEM_ACTOR, { file: f, validFrom: '2025-03-01' });
    expect(fix).toMatchObject({ created: 0, updated: 1, unchanged: 13, boundaries: 0 });
    expect(await versionCount()).toBe(before);

    const later = writeFile('later.json', [
      { ...ag, District: [{ ...lx, Name: 'Long Xuyên mới' }] },
    ]);
    const next = await importUnits(db.kysely, SYSTEM_ACTOR, {
      file: later,
      validFrom: '2025-05-01',
    });
    expect(next).toMatchObject({ updated: 1, unchanged: 13 });
    const v = await sql<{ name: string; valid_from: string; valid_to: string | null }>`
      select v.name, v.valid_from, v.valid_to from org_unit_version v join org_unit u on u.id = v.unit_id
      where u.code = '883' order by v.valid_from`.execute(db.kysely);
    expect(v.rows).toEqual([
      { name: 'Long Xuyên (sửa)', valid_from: '2025-03-01', valid_to: '2025-05-01' },
      { name: 'Long Xuyên mới', valid_from: '2025-05-01', valid_to: null },
    ]);
  });

  it('a two-level file from 1 July 2025 moves communes under the province as new versions', async () => {
    const f = writeFile('two-level.json', [
      {
        Code: '89',
        Name: 'An Giang',
        FullName: 'Tỉnh An Giang',
        Ward: [
          {
            Code: '30280',
            Name: 'Mỹ Bình',
            FullName: 'Phường Mỹ Bình',
            NameEn: 'My Binh',
            FullNameEn: 'My Binh Ward',
          },
        ],
      },
    ]);
    const r = await importUnits(db.kysely, SYSTEM_ACTOR, { file: f, validFrom: '2025-07-01' });
    expect(r).toMatchObject({ units: 2, created: 0, updated: 1 });
    expect(await unitLineage(db.kysely, '30280', '2025-06-30')).toEqual(['30280', '883', '89']);
    expect(await unitLineage(db.kysely, '30280', '2025-07-01')).toEqual(['30280', '89']);
    const found = await findUnitsByCodes(db.kysely, ['30280', '883', 'KHONGCO'], '2025-07-02');
    expect(found.get('30280')).toEqual({
      code: '30280',
      name: 'Phường Mỹ Bình',
      kind: 'commune',
      closed: false,
    });
    expect(found.has('KHONGCO')).toBe(false);
  });

  it('refuses a malformed file without writing anything', async () => {
    const before = await versionCount();
    const f = writeFile('bad.json', [
      {
        Code: '89',
        Name: 'An Giang',
        FullName: 'Tỉnh An Giang',
        Ward: [{ Code: '1', Name: 'X', FullName: 'Ấp X' }],
      },
    ]);
    await expect(importUnits(db.kysely, SYSTEM_ACTOR, { file: f })).rejects.toMatchObject({
      code: 'invalid_units_file',
    });
    await expect(
      importUnits(db.kysely, SYSTEM_ACTOR, { file: FILE, validFrom: '2025-02-30' }),
    ).rejects.toMatchObject({ code: 'invalid_date' });
    await expect(
      importUnits(db.kysely, SYSTEM_ACTOR, { file: path.join(tmp, 'missing.json') }),
    ).rejects.toMatchObject({
      code: 'import_file_unreadable',
      detail: expect.stringContaining('tệp không tồn tại / the file does not exist'),
    });
    expect(await versionCount()).toBe(before);
  });
});
