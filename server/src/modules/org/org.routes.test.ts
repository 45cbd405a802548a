import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { FixedClock } from '../../platform/clock.js';
import { importUnits } from './index.js';
import { UNITS_DATA_DIR } from './org.demo.js';

// "Today" is 15 June 2025 in Vietnam, before the two-level reform.
const clock = new FixedClock(new Date('2025-06-15T03:00:00Z'));
let t: TestApp;
let staff: { headers: Record<string, string> };
let wardAdmin: { headers: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp({ clock });
  await importUnits(t.db.kysely, SYSTEM_ACTOR, {
    file: path.join(UNITS_DATA_DIR, 'units-2025-03.json'),
    gisDir: path.join(UNITS_DATA_DIR, 'gis'),
    province: ['89'],
    district: ['883'],
  });
  const user = async (username: string, role: string, unitCode: string | null) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: {
        username,
        password: 'mat-khau-thu-123',
        fullName: 'Người dùng thử',
        kind: role === 'citizen' ? 'citizen' : 'staff',
        roles: [{ role, unitCode }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return t.login(username, 'mat-khau-thu-123');
  };
  staff = await user('motcua.mybinh', 'desk_officer', '30280');
  wardAdmin = await user('quantri.mybinh', 'admin', '30280');
});
afterAll(() => t.close());

const api = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
  headers = t.admin.headers,
) => t.app.inject({ method, url: `/api/v1${url}`, payload: payload as object, headers });

const auditOf = async (code: string) =>
  (
    await sql<{
      action: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
      actor_name: string;
    }>`
      select action, before, after, actor_name from audit_log where entity_type = 'unit' and entity_id = ${code} order by seq`.execute(
      t.db.kysely,
    )
  ).rows;

describe('reading units', () => {
  it('lists the units in force today, flat, with the contract fields', async () => {
    const res = await api('GET', '/units', undefined, staff.headers);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.nextCursor).toBeNull();
    expect(body.items).toHaveLength(14);
    expect(body.items.find((u: { code: string }) => u.code === '30280')).toEqual({
      id: expect.any(String),
      code: '30280',
      name: 'Mỹ Bình',
      fullName: 'Phường Mỹ Bình',
      kind: 'commune',
      category: 'phuong',
      parentCode: '883',
      agencyId: null,
      validFrom: '2025-03-01',
      validTo: null,
      successorCode: null,
    });
  });

  it('lists nothing before the units took effect', async () => {
    const res = await api('GET', '/units?asOf=2024-12-31', undefined, staff.headers);
    expect(res.json().items).toEqual([]);
  });

  it('needs a signed-in staff member', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units' })).statusCode).toBe(401);
  });

  it('gives anyone the names and places of units, and boundaries, without staff fields', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/units?kind=commune&within=883',
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Record<string, unknown>[];
    expect(items.length).toBe(12); // Long Xuyên's wards and communes
    expect(items.every((u) => u.kind === 'commune' && u.parentCode === '883')).toBe(true);
    expect(items.find((u) => u.code === '30280')).toMatchObject({ fullName: 'Phường Mỹ Bình' });
    expect(Object.keys(items[0]!).sort()).toEqual([
      'code',
      'fullName',
      'kind',
      'name',
      'parentCode',
    ]);
    const boundary = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/units/883/boundary',
    });
    expect(boundary.statusCode, boundary.body).toBe(200);
    expect(boundary.json().type).toBe('Feature');
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/public/units/30280/boundary' });
    expect(none.statusCode).toBe(404);
  });

  it('answers a bad date with problem+json in Vietnamese', async () => {
    const res = await api('GET', '/units?asOf=2025-02-30');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'querystring.asOf', message: expect.stringMatching(/YYYY-MM-DD/) }],
    });
  });

  it('gives a unit with its history, and 404 for an unknown code', async () => {
    const res = await api('GET', '/units/883', undefined, staff.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: '883',
      kind: 'district',
      category: 'thanh_pho',
      parentCode: '89',
      versions: [{ name: 'Long Xuyên', nameEn: 'Long Xuyen', validTo: null }],
    });
    const missing = await api('GET', '/units/99999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('unit_not_found');
  });

  it('serves the boundary of Long Xuyên as a GeoJSON Feature', async () => {
    const res = await api('GET', '/units/883/boundary', undefined, staff.headers);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const f = res.json();
    expect(f).toMatchObject({
      type: 'Feature',
      id: '883',
      geometry: { type: 'MultiPolygon' },
      properties: { code: '883', name: 'Thành phố Long Xuyên' },
    });
    expect(f.bbox).toHaveLength(4);
    expect(f.geometry.coordinates[0][0][0]).toHaveLength(2);
    const none = await api('GET', '/units/30280/boundary');
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('boundary_not_found');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/units',
        '/api/v1/units/{code}',
        '/api/v1/units/{code}/close',
      ]),
    );
  });
});

describe('changing units (admin)', () => {
  it('creates an agency, audited, and refuses its code a second time', async () => {
    const body = {
      code: '883.TUPHAP',
      name: 'Phòng Tư pháp',
      kind: 'agency',
      category: 'phong',
      parentCode: '883',
      agencyId: '000.02.15.H01',
      validFrom: '2025-03-01',
    };
    const res = await api('POST', '/units', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      code: '883.TUPHAP',
      fullName: 'Phòng Tư pháp',
      parentCode: '883',
      agencyId: '000.02.15.H01',
      validFrom: '2025-03-01',
    });
    const audit = await auditOf('883.TUPHAP');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'unit.create',
      actor_name: 'admin',
      before: null,
      after: { code: '883.TUPHAP', name: 'Phòng Tư pháp' },
    });
    const again = await api('POST', '/units', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('unit_code_taken');
  });

  it('refuses a malformed agency id and invalid placements with stable codes', async () => {
    const base = {
      code: '883.TEST',
      name: 'Phòng thử',
      kind: 'agency',
      category: 'phong',
      parentCode: '883',
    };
    const bad = await api('POST', '/units', { ...base, agencyId: '000.02.15.h01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'invalid_agency_id',
      errors: [{ path: 'body.agencyId' }],
    });
    const wrongCategory = await api('POST', '/units', { ...base, category: 'phuong' });
    expect(wrongCategory.json().code).toBe('invalid_category');
    const noParent = await api('POST', '/units', { ...base, parentCode: '99999' });
    expect(noParent.json().code).toBe('parent_not_found');
    const communeUnderCommune = await api('POST', '/units', {
      code: '30999',
      name: 'Xã thử',
      kind: 'commune',
      category: 'xa',
      parentCode: '30280',
    });
    expect(communeUnderCommune.json().code).toBe('invalid_parent');
    const missing = await api('POST', '/units', { code: '883.X' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('validation_failed');
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.kind', 'body.category']),
    );
  });

  it('a rename with validFrom starts a new version; history keeps the old name', async () => {
    const res = await api('PATCH', '/units/30283', {
      name: 'Mỹ Long Mới',
      fullName: 'Phường Mỹ Long Mới',
      validFrom: '2025-06-01',
      reason: 'Nghị quyết đổi tên (thử)',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      code: '30283',
      name: 'Mỹ Long Mới',
      validFrom: '2025-06-01',
      validTo: null,
      parentCode: '883',
    });
    const detail = (await api('GET', '/units/30283')).json();
    expect(
      detail.versions.map((v: { name: string; validFrom: string; validTo: string | null }) => [
        v.name,
        v.validFrom,
        v.validTo,
      ]),
    ).toEqual([
      ['Mỹ Long', '2025-03-01', '2025-06-01'],
      ['Mỹ Long Mới', '2025-06-01', null],
    ]);
    expect(detail.versions[1].changeReason).toBe('Nghị quyết đổi tên (thử)');
    const old = (await api('GET', '/units/30283?asOf=2025-05-31')).json();
    expect(old.name).toBe('Mỹ Long');
    const audit = await auditOf('30283');
    expect(audit.at(-1)).toMatchObject({
      action: 'unit.update',
      before: { name: 'Mỹ Long' },
      after: { name: 'Mỹ Long Mới', change: 'versioned' },
    });
  });

  it('validFrom defaults to today; an unchanged PATCH writes nothing', async () => {
    const res = await api('PATCH', '/units/30286', { agencyId: '000.23.15.H01' });
    expect(res.json()).toMatchObject({ agencyId: '000.23.15.H01', validFrom: '2025-06-15' });
    const n = (await auditOf('30286')).length;
    const same = await api('PATCH', '/units/30286', { agencyId: '000.23.15.H01' });
    expect(same.statusCode).toBe(200);
    expect(await auditOf('30286')).toHaveLength(n);
  });

  it('refuses unknown fields, unknown units and a unit placed below itself', async () => {
    expect((await api('PATCH', '/units/30280', { colour: 'đỏ' })).json().code).toBe(
      'validation_failed',
    );
    expect((await api('PATCH', '/units/99999', { name: 'X' })).json().code).toBe('unit_not_found');
    await api('POST', '/units', {
      code: '883.A',
      name: 'Cơ quan A',
      kind: 'agency',
      category: 'other',
      parentCode: '883',
      validFrom: '2025-03-01',
    });
    await api('POST', '/units', {
      code: '883.A.B',
      name: 'Bộ phận B',
      kind: 'agency',
      category: 'other',
      parentCode: '883.A',
      validFrom: '2025-03-01',
    });
    const cycle = await api('PATCH', '/units/883.A', { parentCode: '883.A.B' });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().code).toBe('invalid_parent');
  });

  it('closes a unit without children, audited; a second close is refused', async () => {
    await api('POST', '/units', {
      code: '883.TAM',
      name: 'Tổ công tác tạm thời',
      kind: 'agency',
      category: 'other',
      parentCode: '883',
      validFrom: '2025-03-01',
    });
    const res = await api('POST', '/units/883.TAM/close', {
      date: '2025-06-20',
      reason: 'Hết nhiệm vụ',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      code: '883.TAM',
      validTo: '2025-06-20',
      successorCode: null,
    });
    expect((await auditOf('883.TAM')).map((a) => a.action)).toEqual(['unit.create', 'unit.close']);
    const again = await api('POST', '/units/883.TAM/close', {
      date: '2025-06-21',
      reason: 'Lần nữa',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('unit_closed');
    // Still reportable: listed with includeClosed, absent without.
    const codes = async (q: string) =>
      (await api('GET', `/units?${q}`)).json().items.map((u: { code: string }) => u.code);
    expect(await codes('asOf=2025-06-25')).not.toContain('883.TAM');
    expect(await codes('asOf=2025-06-25&includeClosed=true')).toContain('883.TAM');
  });

  it('refuses to close a unit with open children unless a successor takes them', async () => {
    const res = await api('POST', '/units/883.A/close', { date: '2025-06-20', reason: 'Sáp nhập' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'unit_has_open_children',
      detail: expect.stringContaining('883.A.B'),
    });
    const noReason = await api('POST', '/units/883.A/close', { date: '2025-06-20' });
    expect(noReason.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'body.reason' }],
    });
    const intoChild = await api('POST', '/units/883.A/close', {
      date: '2025-06-20',
      reason: 'x',
      successorCode: '883.A.B',
    });
    expect(intoChild.json().code).toBe('invalid_successor');
  });
});

describe('authorisation', () => {
  it('staff may read but not write', async () => {
    expect((await api('GET', '/units/30280', undefined, staff.headers)).statusCode).toBe(200);
    const res = await api(
      'POST',
      '/units',
      { code: '30280.K09', name: 'Khóm 9', kind: 'hamlet', category: 'khom', parentCode: '30280' },
      staff.headers,
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect((await api('PATCH', '/units/30280', { name: 'X' }, staff.headers)).statusCode).toBe(403);
    expect(
      (await api('POST', '/units/30280/close', { date: '2025-07-01', reason: 'x' }, staff.headers))
        .statusCode,
    ).toBe(403);
  });

  it('an administrator of a ward manages that ward only', async () => {
    const mine = await api(
      'POST',
      '/units',
      { code: '30280.K01', name: 'Khóm 1', kind: 'hamlet', category: 'khom', parentCode: '30280' },
      wardAdmin.headers,
    );
    expect(mine.statusCode, mine.body).toBe(201);
    const other = await api(
      'POST',
      '/units',
      { code: '30283.K01', name: 'Khóm 1', kind: 'hamlet', category: 'khom', parentCode: '30283' },
      wardAdmin.headers,
    );
    expect(other.statusCode).toBe(403);
    const root = await api(
      'POST',
      '/units',
      { code: '90', name: 'Tỉnh thử', kind: 'province', category: 'tinh' },
      wardAdmin.headers,
    );
    expect(root.statusCode).toBe(403);
  });
});
