import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { categoryFromFullName, type UnitCategory, type UnitKind } from './org.rules.js';

/*
 * Reading a units file (pure: no I/O). Accepted shapes — a JSON array of provinces:
 *
 *   1. Three levels (before 1 July 2025), e.g. server/assets/vn-admin-units/units-2025-03.json:
 *        [{ Code, Name, FullName, NameEn?, FullNameEn?, …,
 *           District: [{ Code, Name, FullName, …, Ward: [{ Code, Name, FullName, … }] | null }] }]
 *   2. Two levels (since 1 July 2025): communes, wards and special zones straight under the
 *      province; `District` is missing or null:
 *        [{ Code, Name, FullName, …, Ward: [{ Code, Name, FullName, … }] }]
 *
 * A province may carry both (`District` and a direct `Ward` list). Other fields (CodeName,
 * ProvinceCode…) are ignored. Categories come from the FullName prefix ("Tỉnh", "Thành phố",
 * "Quận", "Huyện", "Thị xã", "Phường", "Xã", "Thị trấn", "Đặc khu").
 */

const Named = z.looseObject({
  Code: z.string().regex(/^\d+$/, 'Code phải là chuỗi chữ số'),
  Name: z.string().min(1),
  FullName: z.string().min(1),
  NameEn: z.string().nullish(),
  FullNameEn: z.string().nullish(),
});
const District = Named.extend({ Ward: z.array(Named).nullish() });
const Province = Named.extend({
  District: z.array(District).nullish(),
  Ward: z.array(Named).nullish(),
});
const UnitsFile = z.array(Province);

/** A unit read from the file, parents before children. */
export interface ImportedUnit {
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  fullNameEn: string | null;
  kind: UnitKind;
  category: UnitCategory;
  parentCode: string | null;
}

/** Which part of the file to take; empty lists mean everything. */
export interface ImportFilter {
  province?: string[];
  district?: string[];
}

/** Thrown when the file or the filter is unusable; `problems` lists what to fix. */
export class UnitsFileError extends AppError {
  constructor(detail: string, problems: string[] = []) {
    super('invalid_units_file', 400, detail, { problems: problems.slice(0, 50) });
  }
}

/** Splits repeated and comma-separated options into codes, padding "1" to the province's "01". */
export function splitCodes(values: string[] | undefined, width: number): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
    .map((v) => (/^\d+$/.test(v) && v.length < width ? v.padStart(width, '0') : v));
}

/**
 * Reads the units of a parsed units file, filtered. A province is taken when it is listed,
 * or when one of its districts is; within a taken province, if districts of it are listed,
 * only those are taken (so `--province 89 --district 883` is An Giang with Long Xuyên only).
 */
export function readUnitsFile(json: unknown, filter: ImportFilter = {}): ImportedUnit[] {
  const parsed = UnitsFile.safeParse(json);
  if (!parsed.success) {
    throw new UnitsFileError(
      'Tệp đơn vị không đúng cấu trúc (The units file does not have the expected shape).',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  const provinces = parsed.data;
  const wantProvinces = new Set(splitCodes(filter.province, 2));
  const wantDistricts = new Set(splitCodes(filter.district, 3));
  const known = new Set(
    provinces.flatMap((p) => [p.Code, ...(p.District ?? []).map((d) => d.Code)]),
  );
  const unknown = [...wantProvinces, ...wantDistricts].filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new UnitsFileError(
      `Không có mã ${unknown.join(', ')} trong tệp (codes not found in the file).`,
    );
  }

  const out: ImportedUnit[] = [];
  const problems: string[] = [];
  const add = (
    u: z.infer<typeof Named>,
    kind: UnitKind,
    level: 'province' | 'district' | 'commune',
    parentCode: string | null,
  ) => {
    const category = categoryFromFullName(u.FullName, level);
    if (!category) {
      problems.push(`${u.Code} "${u.FullName}": không nhận ra loại đơn vị từ tên đầy đủ`);
      return;
    }
    out.push({
      code: u.Code,
      name: u.Name.normalize('NFC').trim(),
      fullName: u.FullName.normalize('NFC').trim(),
      nameEn: u.NameEn?.trim() || null,
      fullNameEn: u.FullNameEn?.trim() || null,
      kind,
      category,
      parentCode,
    });
  };

  const everything = wantProvinces.size === 0 && wantDistricts.size === 0;
  for (const p of provinces) {
    const districts = p.District ?? [];
    const listed = districts.filter((d) => wantDistricts.has(d.Code));
    if (!everything && !wantProvinces.has(p.Code) && listed.length === 0) continue;
    add(p, 'province', 'province', null);
    // When some of its districts are named, the province is only their container.
    const partial = listed.length > 0;
    for (const d of partial ? listed : districts) {
      add(d, 'district', 'district', p.Code);
      for (const w of d.Ward ?? []) add(w, 'commune', 'commune', d.Code);
    }
    if (!partial) for (const w of p.Ward ?? []) add(w, 'commune', 'commune', p.Code);
  }
  if (problems.length > 0)
    throw new UnitsFileError('Tệp đơn vị có dòng không đọc được (unreadable entries).', problems);
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const u of out) {
    if (seen.has(u.code)) dupes.push(u.code);
    seen.add(u.code);
  }
  if (dupes.length > 0)
    throw new UnitsFileError(`Mã đơn vị bị lặp trong tệp (duplicate codes): ${dupes.join(', ')}.`);
  return out;
}

const Level = z.looseObject({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.any()),
  bbox: z.array(z.number()).length(4).optional(),
});
const GisFile = Level.extend({
  level1_id: z.string(),
  level2s: z.array(Level.extend({ level2_id: z.string() })).default([]),
});

/** A boundary read from a GIS file. */
export interface ImportedBoundary {
  code: string;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };
  bbox: [number, number, number, number];
}

/**
 * Boundaries from a parsed `gis/<province>.json` file (shape in SOURCE.md): the province
 * itself (`level1_id`) and its districts (`level2s[].level2_id`).
 */
export function readGisFile(json: unknown): ImportedBoundary[] {
  const parsed = GisFile.safeParse(json);
  if (!parsed.success) {
    throw new UnitsFileError(
      'Tệp ranh giới không đúng cấu trúc (The GIS file does not have the expected shape).',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  const g = parsed.data;
  const one = (code: string, l: z.infer<typeof Level>): ImportedBoundary => ({
    code,
    geometry: { type: l.type, coordinates: l.coordinates },
    bbox: (l.bbox as [number, number, number, number] | undefined) ?? bboxOf(l.coordinates),
  });
  return [one(g.level1_id, g), ...g.level2s.map((l) => one(l.level2_id, l))];
}

/** The [minLon, minLat, maxLon, maxLat] of nested GeoJSON coordinates. */
export function bboxOf(coordinates: unknown): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1]);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1]);
      return;
    }
    for (const x of c) walk(x);
  };
  walk(coordinates);
  return box;
}
