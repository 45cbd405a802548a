// The capability table of shared/src/identity/capabilities.ts tells the web app which admin
// links, tabs and buttons each role sees. Here every capability's endpoints are called as the
// system administrator, as an administrator of a district and as a ward's desk officer: a
// holder must get through (2xx), anyone else must get 403. A route whose check changes without
// the table (or the reverse) fails here, so the web never shows an action the API refuses.
import {
  CAPABILITIES,
  type Capability,
  holdsCapability,
  type RoleGrant,
} from '@cqs/shared/identity/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, uniqueUnitCode } from '../../../test/factories/org.js';
import { buildProcedureInput } from '../../../test/factories/procedures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { seedReportCategories } from '../reports/index.js';

const PASSWORD = 'mat-khau-quyen-1';

interface Caller {
  name: string;
  roles: RoleGrant[];
  headers: Record<string, string>;
}

/** One call (or a read, then a write of the same) on behalf of a caller; returns the statuses. */
type Probe = (headers: Record<string, string>) => Promise<number[]>;

let t: TestApp;
let district: { code: string };
let ward: { code: string };
let callers: Caller[];

const call = async (
  headers: Record<string, string>,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
) => t.app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as object });

/** Each capability's endpoints, called within the district (unit capabilities) or anywhere. */
const PROBES: Record<Capability, Probe> = {
  'units.manage': async (h) => [
    (
      await call(h, 'POST', '/units', {
        code: uniqueUnitCode('Q'),
        name: 'Phường Thử Quyền',
        kind: 'commune',
        category: 'phuong',
        parentCode: district.code,
      })
    ).statusCode,
  ],
  'accounts.manage': async (h) => [(await call(h, 'GET', '/users')).statusCode],
  'procedures.manage': async (h) => [
    (await call(h, 'POST', '/procedures', buildProcedureInput())).statusCode,
  ],
  'procedures.synonyms': async (h) => {
    const read = await call(h, 'GET', '/procedure-synonyms');
    const body = read.statusCode === 200 ? read.json() : { items: [] };
    return [read.statusCode, (await call(h, 'PUT', '/procedure-synonyms', body)).statusCode];
  },
  'calendar.overrides': async (h) => [
    (await call(h, 'PUT', '/calendar/overrides/2031', { daysOff: [], workingDays: [] })).statusCode,
  ],
  'calendar.workingHours': async (h) => [
    (
      await call(h, 'PUT', `/calendar/settings/${ward.code}`, {
        morning: { start: '07:30', end: '11:30' },
        afternoon: { start: '13:30', end: '17:00' },
        cutoff: '16:30',
      })
    ).statusCode,
  ],
  'reports.categories': async (h) => [(await call(h, 'GET', '/report-categories/all')).statusCode],
  'reports.routing': async (h) => [
    (
      await call(h, 'PUT', '/report-routing-rules', {
        categoryCode: 'lighting',
        areaUnitCode: ward.code,
        handlingUnitCode: ward.code,
      })
    ).statusCode,
  ],
  'reports.templates': async (h) => [
    (await call(h, 'GET', '/report-reply-templates?all=true')).statusCode,
  ],
  'open311.clients': async (h) => [(await call(h, 'GET', '/open311/clients')).statusCode],
};

beforeAll(async () => {
  t = await createTestApp();
  await seedReportCategories(t.db.kysely);
  const province = await buildUnit(t.db.kysely, { kind: 'province' });
  district = await buildUnit(t.db.kysely, { kind: 'district', parentCode: province.code });
  ward = await buildUnit(t.db.kysely, { parentCode: district.code });
  const account = async (username: string, roles: RoleGrant[]): Promise<Caller> => {
    const r = await call(t.admin.headers, 'POST', '/users', {
      username,
      password: PASSWORD,
      fullName: 'Người thử quyền',
      roles,
    });
    expect(r.statusCode, r.body).toBe(201);
    return { name: username, roles, headers: (await t.login(username, PASSWORD)).headers };
  };
  callers = [
    { name: 'admin', roles: [{ role: 'admin', unitCode: null }], headers: t.admin.headers },
    await account('quantri.quan', [{ role: 'admin', unitCode: district.code }]),
    await account('motcua.phuong', [{ role: 'desk_officer', unitCode: ward.code }]),
  ];
});
afterAll(() => t.close());

describe('the capability table agrees with the routes', () => {
  it.each(CAPABILITIES)('%s: holders get through, everyone else gets 403', async (capability) => {
    // What each caller got: 'ok' for a 2xx, else the status; a holder must see only 'ok'.
    const seen: Record<string, (number | 'ok')[]> = {};
    const expected: Record<string, (number | 'ok')[]> = {};
    // Refused callers first: a refusal changes nothing, so the holders' calls still succeed.
    const ordered = [...callers].sort(
      (a, b) =>
        Number(holdsCapability(a.roles, capability)) - Number(holdsCapability(b.roles, capability)),
    );
    for (const caller of ordered) {
      const statuses = await PROBES[capability](caller.headers);
      seen[caller.name] = statuses.map((s) => (s >= 200 && s < 300 ? 'ok' : s));
      expected[caller.name] = statuses.map(() =>
        holdsCapability(caller.roles, capability) ? 'ok' : 403,
      );
    }
    expect(seen).toEqual(expected);
  });
});
