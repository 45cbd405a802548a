import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { seedReportCategories } from '../../src/modules/reports/index.js';
import type { TestApp } from '../helpers.js';
import { buildUnit } from './org.js';

export const REPORT_STAFF_PASSWORD = 'mat-khau-can-bo-pa-1';

/** A closed ring around a box, as GeoJSON [lon, lat]. */
export function squarePolygon(minLong: number, minLat: number, maxLong: number, maxLat: number) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [minLong, minLat],
        [maxLong, minLat],
        [maxLong, maxLat],
        [minLong, maxLat],
        [minLong, minLat],
      ],
    ],
  };
}

/** Stores a unit's boundary as the org import would (test data: a simple box). */
export async function setBoundary(
  t: TestApp,
  unitId: string,
  box: [number, number, number, number],
): Promise<void> {
  await t.db.kysely
    .insertInto('org_unit_boundary')
    .values({
      unit_id: unitId,
      geometry: JSON.stringify(squarePolygon(...box)),
      min_lon: box[0],
      min_lat: box[1],
      max_lon: box[2],
      max_lat: box[3],
      source: 'test',
    })
    .execute();
}

async function staff(
  t: TestApp,
  key: string,
  role: string,
  unitCode: string,
  email?: string,
): Promise<{ username: string; headers: Record<string, string> }> {
  const username = `${key}.${randomUUID().slice(0, 6)}`;
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: t.admin.headers,
    payload: {
      username,
      password: REPORT_STAFF_PASSWORD,
      fullName: `Cán bộ ${key}`,
      ...(email ? { email } : {}),
      roles: [{ role, unitCode }],
    },
  });
  if (r.statusCode !== 201) throw new Error(`user: ${r.body}`);
  return { username, headers: (await t.login(username, REPORT_STAFF_PASSWORD)).headers };
}

/**
 * A province with two districts side by side (boundaries known for districts only, like the
 * demo data): West [105.0–105.5] and East [105.5–106.0] × lat [10.0–11.0], sharing the border
 * long = 105.5. East has a ward with desk officer, specialist and leader; the district's
 * leader has an e-mail (escalations go there). Categories are seeded.
 */
export async function buildReportArea(t: TestApp) {
  await seedReportCategories(t.db.kysely);
  const province = await buildUnit(t.db.kysely, { kind: 'province' });
  const west = await buildUnit(t.db.kysely, { kind: 'district', parentCode: province.code });
  const east = await buildUnit(t.db.kysely, { kind: 'district', parentCode: province.code });
  const ward = await buildUnit(t.db.kysely, { parentCode: east.code });
  const otherWard = await buildUnit(t.db.kysely, { parentCode: west.code });
  await setBoundary(t, province.id, [105, 10, 106, 11]);
  await setBoundary(t, west.id, [105, 10, 105.5, 11]);
  await setBoundary(t, east.id, [105.5, 10, 106, 11]);
  return {
    province,
    west,
    east,
    ward,
    otherWard,
    desk: await staff(t, 'motcua', 'desk_officer', ward.code),
    specialist: await staff(t, 'chuyenvien', 'specialist', ward.code),
    leader: await staff(t, 'lanhdao', 'leader', ward.code),
    districtLeader: await staff(t, 'lanhdaohuyen', 'leader', east.code, 'lanhdao.huyen@example.vn'),
    outsider: await staff(t, 'ngoai', 'desk_officer', otherWard.code),
  };
}

/** A valid report body at a point of East's ward (override anything). */
export function buildReportInput(
  area: { ward: { code: string } },
  overrides: Record<string, unknown> = {},
) {
  return {
    categoryCode: 'lighting',
    description: 'Đèn đường trước số 12 Trần Hưng Đạo không sáng ba đêm nay.',
    location: {
      lat: 10.3812,
      long: 105.7531,
      unitCode: area.ward.code,
      address: '12 Trần Hưng Đạo',
    },
    contact: { name: 'Nguyễn Văn Phản', phone: '+84 912 345 678', email: 'nguoidan@example.vn' },
    ...overrides,
  };
}

/** Degrees → an EXIF rational triple "d/1 m/1 s*100/100". */
function exifDms(deg: number): string {
  const abs = Math.abs(deg);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
}

/**
 * A camera-like JPEG (default 2400×1800) with EXIF: maker, model, and optionally a GPS position
 * and an orientation, to check what the server reads and what it strips.
 */
export async function buildPhotoJpeg(
  opts: {
    width?: number;
    height?: number;
    gps?: { lat: number; long: number };
    orientation?: number;
    format?: 'jpeg' | 'png' | 'webp';
  } = {},
): Promise<Buffer> {
  let img = sharp({
    create: {
      width: opts.width ?? 2400,
      height: opts.height ?? 1800,
      channels: 3,
      background: { r: 180, g: 120, b: 60 },
    },
  });
  img = opts.format === 'png' ? img.png() : opts.format === 'webp' ? img.webp() : img.jpeg();
  img = img.withExif({
    IFD0: { Make: 'MayAnhThu', Model: 'PA-1', Artist: 'Nguyễn Văn Chụp' },
    ...(opts.gps
      ? {
          IFD3: {
            GPSLatitudeRef: opts.gps.lat >= 0 ? 'N' : 'S',
            GPSLatitude: exifDms(opts.gps.lat),
            GPSLongitudeRef: opts.gps.long >= 0 ? 'E' : 'W',
            GPSLongitude: exifDms(opts.gps.long),
          },
        }
      : {}),
  });
  if (opts.orientation) img = img.withMetadata({ orientation: opts.orientation });
  return img.toBuffer();
}
