// Signature and seal images through the API: an upload on white paper is stored as a
// transparent PNG cropped to the ink; bad files are refused and change nothing; a person
// manages only their own image; a unit's seal image only its office, leaders and administrators
// (above it too); other units' staff get 404; every change is audited.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildUnit } from '../../../test/factories/org.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

vi.setConfig({ testTimeout: 120_000 });

let t: TestApp;
type Person = { id: string; headers: Record<string, string> };
let units: { city: string; A: string; B: string };
let clerkA: Person;
let specialistA: Person;
let clerkB: Person;
let cityAdmin: Person;
let cityLeader: Person;

beforeAll(async () => {
  t = await createTestApp();
  const province = await buildUnit(t.db.kysely, { kind: 'province' });
  const city = await buildUnit(t.db.kysely, { kind: 'district', parentCode: province.code });
  const a = await buildUnit(t.db.kysely, { kind: 'commune', parentCode: city.code });
  const b = await buildUnit(t.db.kysely, { kind: 'commune', parentCode: city.code });
  units = { city: city.code, A: a.code, B: b.code };
  const suffix = randomUUID().slice(0, 6);
  const person = async (key: string, role: string, unitCode: string): Promise<Person> => {
    const username = `${key}.${suffix}`;
    const password = 'mat-khau-chu-ky-1';
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: { username, password, fullName: `Cán bộ ${key}`, roles: [{ role, unitCode }] },
    });
    if (r.statusCode !== 201) throw new Error(r.body);
    return { id: r.json().id, headers: (await t.login(username, password)).headers };
  };
  clerkA = await person('vt.a', 'secretariat', a.code);
  specialistA = await person('cv.a', 'specialist', a.code);
  clerkB = await person('vt.b', 'secretariat', b.code);
  cityAdmin = await person('qt.tp', 'admin', city.code);
  cityLeader = await person('ld.tp', 'leader', city.code);
}, 120_000);
afterAll(async () => t?.close());

async function call(
  who: Person,
  method: 'GET' | 'PUT' | 'DELETE',
  url: string,
  body?: { bytes: Buffer; type: string },
) {
  const r = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...who.headers, ...(body ? { 'content-type': body.type } : {}) },
    ...(body ? { payload: body.bytes } : {}),
  });
  let json: any = null;
  try {
    json = r.json();
  } catch {}
  return { status: r.statusCode, json, raw: r.rawPayload, type: r.headers['content-type'] };
}

/** A signature in blue ink on white paper, as a phone photo would give it (JPEG, no alpha). */
async function signatureOnPaper(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
    <rect width="1200" height="800" fill="#f4f4f0"/>
    <path d="M300 500 C 380 300, 450 300, 520 470 S 700 600, 900 380" fill="none" stroke="#1a2f9c" stroke-width="14"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

async function auditCount(action: string, entityId: string) {
  const rows = await t.db.kysely
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .execute();
  return rows.length;
}

describe('signature images (mẫu chữ ký)', () => {
  it('stores a photo on paper as a transparent PNG cropped to the ink, for its owner only', async () => {
    const before = await call(specialistA, 'GET', '/signature-images');
    expect(before.status).toBe(200);
    expect(before.json.me.present).toBe(false);
    expect((await call(specialistA, 'GET', '/signature-images/me/image.png')).status).toBe(404);

    const put = await call(specialistA, 'PUT', '/signature-images/me', {
      bytes: await signatureOnPaper(),
      type: 'image/jpeg',
    });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    expect(put.json.me).toMatchObject({ present: true });
    // Cropped to the stroke: far narrower and lower than the 1200 × 800 photo.
    expect(put.json.me.width).toBeLessThan(800);
    expect(put.json.me.height).toBeLessThan(400);

    const img = await call(specialistA, 'GET', '/signature-images/me/image.png');
    expect(img.status).toBe(200);
    expect(img.type).toBe('image/png');
    const { data, info } = await sharp(img.raw)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(put.json.me.width);
    // The paper became transparent (a corner), the ink stayed opaque (somewhere).
    expect(data.readUInt8(3)).toBe(0);
    let opaque = 0;
    for (let i = 3; i < data.length; i += 4) if (data.readUInt8(i) === 255) opaque++;
    expect(opaque).toBeGreaterThan(100);
    // Someone else's "me" is their own, still empty.
    expect((await call(clerkA, 'GET', '/signature-images/me/image.png')).status).toBe(404);
    expect(await auditCount('signature_image.person.set', `person:${specialistA.id}`)).toBe(1);

    const del = await call(specialistA, 'DELETE', '/signature-images/me');
    expect(del.status).toBe(200);
    expect(del.json.me.present).toBe(false);
    expect((await call(specialistA, 'DELETE', '/signature-images/me')).status).toBe(404);
    expect(await auditCount('signature_image.person.remove', `person:${specialistA.id}`)).toBe(1);
  });

  it('refuses what is not a usable image and changes nothing', async () => {
    const white = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#ffffff' },
    })
      .png()
      .toBuffer();
    const tiny = await sharp({
      create: { width: 12, height: 12, channels: 3, background: '#000000' },
    })
      .png()
      .toBuffer();
    const cases: [Buffer, string, number, string][] = [
      [Buffer.from('không phải ảnh'), 'image/png', 400, 'signature_image_invalid'],
      [white, 'image/png', 400, 'signature_image_blank'],
      [tiny, 'image/png', 400, 'signature_image_too_small'],
      [Buffer.from('{"a":1}'), 'application/json', 415, 'unsupported_media_type'],
      [Buffer.from('x'), 'text/plain', 415, 'unsupported_media_type'],
    ];
    for (const [bytes, type, status, code] of cases) {
      const r = await call(clerkB, 'PUT', '/signature-images/me', { bytes, type });
      expect(r.status, `${type}: ${JSON.stringify(r.json)}`).toBe(status);
      expect(r.json.code).toBe(code);
      expect(r.type).toContain('application/problem+json');
    }
    expect((await call(clerkB, 'GET', '/signature-images')).json.me.present).toBe(false);
    expect(await auditCount('signature_image.person.set', `person:${clerkB.id}`)).toBe(0);
  });
});

describe('seal images (hình ảnh con dấu)', () => {
  it('the office manages its unit’s seal; staff read it; other units get 404', async () => {
    const seal = await sharp(
      Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="500" height="500">
        <circle cx="250" cy="250" r="200" fill="none" stroke="#d21f1f" stroke-width="16"/></svg>`),
    )
      .png()
      .toBuffer();
    const overview = await call(clerkA, 'GET', '/signature-images');
    expect(overview.json.units).toEqual([
      expect.objectContaining({ unitCode: units.A, present: false, editable: true }),
    ]);
    // A specialist of the unit may not replace it; another ward's office does not see it.
    const upload = { bytes: seal, type: 'image/png' };
    const forbidden = await call(specialistA, 'PUT', `/signature-images/units/${units.A}`, upload);
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.code).toBe('seal_image_forbidden');
    expect((await call(clerkB, 'PUT', `/signature-images/units/${units.A}`, upload)).status).toBe(
      404,
    );
    expect((await call(clerkA, 'PUT', '/signature-images/units/KHONG-CO', upload)).status).toBe(
      404,
    );

    const put = await call(clerkA, 'PUT', `/signature-images/units/${units.A}`, upload);
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    expect(put.json.units[0]).toMatchObject({ unitCode: units.A, present: true });
    // Round seal, already transparent: kept as drawn, cropped to the ring (≈ 416 px).
    expect(put.json.units[0].width).toBeGreaterThan(400);
    expect(put.json.units[0].width).toBeLessThan(430);

    const url = `/signature-images/units/${units.A}/image.png`;
    expect((await call(specialistA, 'GET', url)).status).toBe(200);
    expect((await call(cityLeader, 'GET', url)).status).toBe(200);
    expect((await call(clerkB, 'GET', url)).status).toBe(404);
    // An administrator above the unit manages it too; a leader above it only reads.
    expect((await call(cityLeader, 'DELETE', `/signature-images/units/${units.A}`)).status).toBe(
      403,
    );
    expect((await call(cityAdmin, 'DELETE', `/signature-images/units/${units.A}`)).status).toBe(
      200,
    );
    expect((await call(specialistA, 'GET', url)).status).toBe(404);
    expect(await auditCount('signature_image.unit.set', `unit:${units.A}`)).toBe(1);
    expect(await auditCount('signature_image.unit.remove', `unit:${units.A}`)).toBe(1);
  });
});
