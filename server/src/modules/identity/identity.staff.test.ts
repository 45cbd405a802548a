import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../test/factories/org.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';

// GET /units/{code}/staff: the picker behind "assign to" (issue 12 deliver 6).
const clock = new FixedClock(new Date('2026-11-23T03:00:00Z'));
const PASSWORD = 'mat-khau-can-bo-1';
let t: TestApp;
let province: string;
let wardA: string;
let wardB: string;
const headers: Record<string, Record<string, string>> = {};

async function account(username: string, fullName: string, roles: object[], disabled = false) {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: t.admin.headers,
    payload: { username, password: PASSWORD, fullName, roles },
  });
  expect(r.statusCode).toBe(201);
  if (disabled) {
    const d = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${r.json().id}`,
      headers: t.admin.headers,
      payload: { disabled: true },
    });
    expect(d.statusCode).toBe(200);
  } else headers[username] = (await t.login(username, PASSWORD)).headers;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  province = (await buildUnit(t.db.kysely, { kind: 'province' })).code;
  wardA = (await buildUnit(t.db.kysely, { parentCode: province })).code;
  wardB = (await buildUnit(t.db.kysely, { parentCode: province })).code;
  await account('mc.a', 'Trần Thị Một Cửa', [{ role: 'desk_officer', unitCode: wardA }]);
  await account('cv.a', 'Nguyễn Văn Chuyên', [{ role: 'specialist', unitCode: wardA }]);
  await account('ld.a', 'Lê Lãnh Đạo', [{ role: 'leader', unitCode: wardA }]);
  await account('cv.tinh', 'Bùi Cấp Tỉnh', [{ role: 'specialist', unitCode: province }]);
  await account('cv.b', 'Phạm Phường Bê', [{ role: 'specialist', unitCode: wardB }]);
  await account('cv.nghi', 'Đã Nghỉ Việc', [{ role: 'specialist', unitCode: wardA }], true);
});
afterAll(() => t.close());

const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: headers[who] ?? t.admin.headers });

describe('GET /units/{code}/staff', () => {
  it('lists the people over the unit by name, with the grants that put them there', async () => {
    const res = await get('mc.a', `/units/${wardA}/staff?role=specialist&role=leader`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Ward A's specialist and leader and the province's specialist (above it, so the assign
    // action accepts them); not ward B's, not the disabled account, not the desk officer.
    expect(body.items.map((s: { username: string }) => s.username)).toEqual([
      'cv.tinh',
      'ld.a',
      'cv.a',
    ]);
    expect(body.items[2]).toEqual({
      id: expect.any(String),
      username: 'cv.a',
      fullName: 'Nguyễn Văn Chuyên',
      roles: [{ role: 'specialist', unitCode: wardA }],
    });
    expect(body.nextCursor).toBeNull();
  });

  it('takes a single role and pages by cursor', async () => {
    const one = await get('ld.a', `/units/${wardA}/staff?role=specialist&limit=1`);
    expect(one.json().items.map((s: { username: string }) => s.username)).toEqual(['cv.tinh']);
    const next = await get(
      'ld.a',
      `/units/${wardA}/staff?role=specialist&limit=1&cursor=${one.json().nextCursor}`,
    );
    expect(next.json().items.map((s: { username: string }) => s.username)).toEqual(['cv.a']);
    expect(next.json().nextCursor).toBeNull();
    const all = await get('ld.a', `/units/${wardA}/staff`);
    expect(all.json().items).toHaveLength(5);
  });

  it('shows a unit to staff above it and inside it; to others it does not exist', async () => {
    expect((await get('cv.tinh', `/units/${wardA}/staff`)).statusCode).toBe(200);
    expect((await get('mc.a', `/units/${province}/staff`)).statusCode).toBe(200);
    const other = await get('cv.b', `/units/${wardA}/staff`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('not_found');
    expect((await get('mc.a', '/units/KHONG-CO/staff')).statusCode).toBe(404);
    expect((await get('admin', `/units/${wardB}/staff`)).statusCode).toBe(200);
  });

  it('refuses a bad cursor and role with 400, and anonymous callers with 401', async () => {
    expect((await get('mc.a', `/units/${wardA}/staff?cursor=abc`)).statusCode).toBe(400);
    expect((await get('mc.a', `/units/${wardA}/staff?role=mayor`)).statusCode).toBe(400);
    const anon = await t.app.inject({ method: 'GET', url: `/api/v1/units/${wardA}/staff` });
    expect(anon.statusCode).toBe(401);
  });
});
