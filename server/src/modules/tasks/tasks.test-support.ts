// Test world of the tasks module: a city with two wards, and staff at each (used only by the
// *.test.ts files beside it). The city assigns; ward A leads; ward B supports or stays out.
import { randomUUID } from 'node:crypto';
import { buildUnit } from '../../../test/factories/org.js';
import type { TestApp } from '../../../test/helpers.js';

export const PASSWORD = 'mat-khau-nhiem-vu-1';

export type Headers = Record<string, string>;

/** Monday 25/01/2027 09:00 in Vietnam: Tết 2027 (days off 05–11/02) lies ahead. */
export const START = new Date('2027-01-25T09:00:00+07:00');

export async function buildTaskWorld(t: TestApp) {
  const province = await buildUnit(t.db.kysely, { kind: 'province' });
  const city = await buildUnit(t.db.kysely, { kind: 'district', parentCode: province.code });
  const wardA = await buildUnit(t.db.kysely, { kind: 'commune', parentCode: city.code });
  const wardB = await buildUnit(t.db.kysely, { kind: 'commune', parentCode: city.code });
  const suffix = randomUUID().slice(0, 6);
  const person = async (key: string, role: string, unitCode: string, email?: string) => {
    const username = `${key}.${suffix}`;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: {
        username,
        password: PASSWORD,
        fullName: `Cán bộ ${key}`,
        ...(email ? { email } : {}),
        roles: [{ role, unitCode }],
      },
    });
    if (r.statusCode !== 201) throw new Error(`user ${key}: ${r.body}`);
    return {
      id: r.json().id as string,
      username,
      email,
      headers: (await t.login(username, PASSWORD)).headers,
    };
  };
  const world = {
    units: { province: province.code, city: city.code, A: wardA.code, B: wardB.code },
    cityLeader: await person('ld.tp', 'leader', city.code, `ld.tp.${suffix}@example.vn`),
    citySecretariat: await person('vp.tp', 'secretariat', city.code),
    leaderA: await person('ld.a', 'leader', wardA.code, `ld.a.${suffix}@example.vn`),
    specialistA: await person('cv.a', 'specialist', wardA.code, `cv.a.${suffix}@example.vn`),
    adminA: await person('qt.a', 'admin', wardA.code),
    specialistB: await person('cv.b', 'specialist', wardB.code, `cv.b.${suffix}@example.vn`),
    leaderB: await person('ld.b', 'leader', wardB.code),
  };
  return world;
}

/**
 * Signs everyone in again: sessions end after 8 idle hours, and the tests move the clock by
 * days (a deadline across Tết).
 */
export async function signInAgain(t: TestApp, people: { username: string; headers: Headers }[]) {
  // Only those the test needs: sign-in is rate-limited per client (30 a minute).
  for (const p of people) p.headers = (await t.login(p.username, PASSWORD)).headers;
}

export type TaskWorld = Awaited<ReturnType<typeof buildTaskWorld>>;

/** Sends a JSON request as someone; returns status and parsed body. */
export async function call(
  t: TestApp,
  headers: Headers,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
  extra: Headers = {},
) {
  const r = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...headers, ...extra },
    ...(payload === undefined ? {} : { payload: payload as never }),
  });
  const body = r.body
    ? r.headers['content-type']?.toString().includes('json')
      ? r.json()
      : r.body
    : null;
  return { status: r.statusCode, body };
}
