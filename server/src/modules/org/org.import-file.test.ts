import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNITS_DATA_DIR } from './org.demo.js';
import {
  bboxOf,
  readGisFile,
  readUnitsFile,
  splitCodes,
  UnitsFileError,
} from './org.import-file.js';

const file = JSON.parse(
  fs.readFileSync(path.join(UNITS_DATA_DIR, 'units-2025-03.json'), 'utf8'),
) as unknown;

describe('readUnitsFile (three-level file of March 2025)', () => {
  it('takes An Giang with only Long Xuyên and its 12 wards and communes', () => {
    const units = readUnitsFile(file, { province: ['89'], district: ['883'] });
    expect(units.map((u) => u.code)).toEqual([
      '89',
      '883',
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
    ]);
    expect(units[0]).toMatchObject({
      kind: 'province',
      category: 'tinh',
      parentCode: null,
      name: 'An Giang',
      fullNameEn: 'An Giang Province',
    });
    expect(units[1]).toMatchObject({
      kind: 'district',
      category: 'thanh_pho',
      parentCode: '89',
      fullName: 'Thành phố Long Xuyên',
    });
    expect(units.find((u) => u.code === '30280')).toMatchObject({
      kind: 'commune',
      category: 'phuong',
      parentCode: '883',
    });
    expect(units.find((u) => u.code === '30310')).toMatchObject({
      category: 'xa',
      name: 'Mỹ Khánh',
      nameEn: 'My Khanh',
    });
  });

  it('a district alone brings its province as container; a province alone brings all of it', () => {
    expect(
      readUnitsFile(file, { district: ['883'] })
        .map((u) => u.code)
        .slice(0, 2),
    ).toEqual(['89', '883']);
    const whole = readUnitsFile(file, { province: ['89'] });
    expect(whole.filter((u) => u.kind === 'district')).toHaveLength(11);
    expect(whole.filter((u) => u.kind === 'commune').length).toBeGreaterThan(100);
  });

  it('accepts comma lists and pads short province codes', () => {
    expect(splitCodes(['1,89', ' 77 '], 2)).toEqual(['01', '89', '77']);
    const two = readUnitsFile(file, { province: ['77,89'], district: ['883'] });
    expect(two.filter((u) => u.kind === 'province').map((u) => u.code)).toEqual(['77', '89']);
    expect(
      two.filter((u) => u.kind === 'district' && u.parentCode === '89').map((u) => u.code),
    ).toEqual(['883']);
    expect(
      two.filter((u) => u.kind === 'district' && u.parentCode === '77').length,
    ).toBeGreaterThan(1);
  });

  it('reads the whole country, with island districts that have no wards', () => {
    const all = readUnitsFile(file);
    expect(all.filter((u) => u.kind === 'province')).toHaveLength(63);
    expect(all.find((u) => u.code === '755')).toMatchObject({ kind: 'district' }); // Côn Đảo: Ward null
    expect(all.filter((u) => u.parentCode === '755')).toHaveLength(0);
  });

  it('refuses unknown codes and malformed files with problem lists', () => {
    expect(() => readUnitsFile(file, { district: ['999'] })).toThrow(UnitsFileError);
    try {
      readUnitsFile([{ Code: 89, Name: 'x' }]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UnitsFileError);
      expect((err as UnitsFileError).code).toBe('invalid_units_file');
      expect(((err as UnitsFileError).extra.problems as string[]).length).toBeGreaterThan(0);
    }
    expect(() => readUnitsFile([{ Code: '89', Name: 'X', FullName: 'Vùng X' }])).toThrow(
      /không đọc được/,
    );
  });
});

describe('readUnitsFile (two-level file, since July 2025)', () => {
  const twoLevel = [
    {
      Code: '91',
      Name: 'An Giang',
      FullName: 'Tỉnh An Giang',
      Ward: [
        { Code: '30280', Name: 'Long Xuyên', FullName: 'Phường Long Xuyên' },
        { Code: '31153', Name: 'Phú Quốc', FullName: 'Đặc khu Phú Quốc', NameEn: 'Phu Quoc' },
      ],
    },
  ];

  it('puts communes and special zones straight under the province', () => {
    const units = readUnitsFile(twoLevel);
    expect(units).toHaveLength(3);
    expect(units[1]).toMatchObject({
      code: '30280',
      kind: 'commune',
      category: 'phuong',
      parentCode: '91',
    });
    expect(units[2]).toMatchObject({
      code: '31153',
      category: 'dac_khu',
      nameEn: 'Phu Quoc',
      fullNameEn: null,
    });
  });
});

describe('readGisFile', () => {
  it('reads the province and its district polygons with their bboxes', () => {
    const gis = JSON.parse(
      fs.readFileSync(path.join(UNITS_DATA_DIR, 'gis', '89.json'), 'utf8'),
    ) as unknown;
    const b = readGisFile(gis);
    expect(b[0]!.code).toBe('89');
    const lx = b.find((x) => x.code === '883')!;
    expect(lx.geometry.type).toBe('MultiPolygon');
    expect(lx.bbox[0]).toBeCloseTo(105.36, 2);
    // The stated bbox agrees with the coordinates.
    expect(bboxOf(lx.geometry.coordinates).map((x) => x.toFixed(6))).toEqual(
      lx.bbox.map((x) => x.toFixed(6)),
    );
  });
});
