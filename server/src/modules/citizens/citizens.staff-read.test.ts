// Issue 11: staff read a citizen's profile (citizen ID, date of birth, phone, address) only
// through a dossier of that citizen's account in their own units; others get 404, exactly as
// for an account that does not exist.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDossierInput,
  buildOneStopShop,
  STAFF_PASSWORD,
} from '../../../test/factories/dossiers.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { api, registerByPhone, type Who } from './citizens.test-support.js';

let t: TestApp;
let a: ReturnType<typeof api>;
let wardA: Awaited<ReturnType<typeof buildOneStopShop>>;
let wardB: Awaited<ReturnType<typeof buildOneStopShop>>;
let citizen: Who & { userId: string };
let code: string;

const PURPOSE = `purpose=${encodeURIComponent('Kiểm tra thông tin người nộp hồ sơ')}`;
const read = (userId: string, who?: Who) => a.get(`/citizens/${userId}/profile?${PURPOSE}`, who);
const accessRows = async () =>
  Number(
    (
      await sql<{ n: number }>`select count(*)::int as n from personal_data_access`.execute(
        t.db.kysely,
      )
    ).rows[0]!.n,
  );

/** A signed-in account with one role at one unit. */
async function staff(role: string, unitCode: string): Promise<Who> {
  const username = `${role}.${randomUUID().slice(0, 6)}`;
  const r = await a.post(
    '/users',
    { username, password: STAFF_PASSWORD, fullName: `Cán bộ ${role}`, roles: [{ role, unitCode }] },
    t.admin,
  );
  expect(r.statusCode, r.body).toBe(201);
  return t.login(username, STAFF_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  a = api(t);
  wardA = await buildOneStopShop(t);
  wardB = await buildOneStopShop(t);
  citizen = await registerByPhone(t, '0966123456', 'Trương Thị Duyên');
  const profile = await a.put(
    '/citizens/me/profile',
    {
      fullName: 'Trương Thị Duyên',
      citizenId: '089301002468',
      dateOfBirth: '1988-08-08',
      phone: '0966123456',
      address: { line: '7 Nguyễn Trãi' },
    },
    citizen,
  );
  expect(profile.statusCode, profile.body).toBe(200);
  // The citizen files a dossier online at ward A.
  const draft = (
    await a.post('/portal/drafts', { procedureCode: wardA.procedure.code }, citizen)
  ).json();
  const saved = await a.put(
    `/portal/drafts/${draft.id}`,
    {
      version: draft.version,
      unitCode: wardA.unit.code,
      applicant: buildDossierInput(wardA).applicant,
      formData: { to_khai: { hoTen: 'Trương Văn Em', ngaySinh: '2026-10-10' } },
    },
    citizen,
  );
  expect(saved.statusCode, saved.body).toBe(200);
  const sent = await a.post(`/portal/drafts/${draft.id}/submit`, {}, citizen);
  expect(sent.statusCode, sent.body).toBe(201);
  code = sent.json().dossier.code;
}, 60_000);
afterAll(() => t?.close());

describe("a staff read of a citizen's profile", () => {
  it("is allowed to the staff of the unit holding the citizen's dossier, and logged with that dossier", async () => {
    const res = await read(citizen.userId, wardA.desk);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ citizenId: '089301002468', dateOfBirth: '1988-08-08' });
    const log = (await a.get('/citizens/me/access-log', citizen)).json().items;
    expect(log[0]).toMatchObject({
      accessorUsername: wardA.desk.username,
      purpose: `Kiểm tra thông tin người nộp hồ sơ (hồ sơ ${code})`,
    });
    expect((await read(citizen.userId, wardA.leader)).statusCode).toBe(200);
    expect((await read(citizen.userId, await staff('admin', wardA.unit.code))).statusCode).toBe(
      200,
    );
  });

  it("is 404 to another unit's desk officer, leader and admin — the same answer as for no such account", async () => {
    const before = await accessRows();
    const unknown = await read(randomUUID(), wardB.desk);
    expect(unknown.statusCode).toBe(404);
    for (const who of [wardB.desk, wardB.leader, await staff('admin', wardB.unit.code)]) {
      const res = await read(citizen.userId, who);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toEqual(unknown.json());
      expect(res.body).not.toContain('089301002468');
    }
    // A role that never reads profiles is refused whatever the account (403, no lookup).
    expect((await read(citizen.userId, wardA.specialist)).statusCode).toBe(403);
    expect(await accessRows()).toBe(before);
  });
});
