import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testConfig } from '../../../test/helpers.js';
import { DEMO_PASSWORD } from '../../demo.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { FixedClock } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { createServer } from '../../platform/http/create-server.js';
import { JobRunner } from '../../platform/jobs/job-runner.js';
import { createLogger } from '../../platform/logger.js';
import { authenticationPlugin, IdentityService, identityRoutes } from '../identity/index.js';
import { seedDemoOrg } from '../org/index.js';
import { indicatorsScoringRoutes } from './indicators.scoring.routes.js';
import type { IndicatorValueRow, PlanTargets, SeriesRow } from './indicators.scoring.sources.js';

// The routes over the real identity, org and audit parts, with the indicator values and the
// plan given as fixed tables through the two injected interfaces (the engine and the plans
// module are wired in app.ts; their own tests cover them).

const PLAN_ID = '6f1c1f8e-3b7a-4d2e-9c61-2a8f0b4e5d10';
const VALUES: Record<string, IndicatorValueRow> = {
  'dossiers.online|30280|2026': { numerator: 60, denominator: 100, value: 60, decimals: 1 },
  'dossiers.online|30283|2026': { numerator: 45, denominator: 100, value: 45, decimals: 1 },
  'dossiers.on_time|30280|2026': { numerator: 95, denominator: 100, value: 95, decimals: 1 },
  'dossiers.on_time|30283|2026': { numerator: 99, denominator: 100, value: 99, decimals: 1 },
};
const SERIES: SeriesRow[] = Array.from({ length: 6 }, (_, i) => ({
  period: `2026${String(i + 1).padStart(2, '0')}`,
  numerator: 30,
  denominator: 100,
  value: 30,
}));
const PLAN: PlanTargets = {
  plan: { id: PLAN_ID, unitCode: '30280', year: 2026, title: 'Kế hoạch chuyển đổi số 2026' },
  targets: [
    {
      id: 't1',
      indicatorCode: 'dossiers.online',
      comparator: '>=',
      targetValue: 50,
      stretchValue: null,
      baseline: null,
      unitOfMeasure: '%',
      text: 'Tỷ lệ hồ sơ trực tuyến đạt trên 50%',
      sectionCode: 'chinh_quyen_so',
      unitCode: '30280',
    },
  ],
};

let db: Db;
let app: Awaited<ReturnType<typeof createServer>>;
const headers: Record<string, Record<string, string>> = {};

async function login(username: string, password: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'cqs_session');
  return {
    cookie: `cqs_session=${cookie?.value}`,
    'x-csrf-token': res.json().csrfToken as string,
    origin: 'http://localhost',
  };
}

beforeAll(async () => {
  db = await createTestDb();
  const config = testConfig();
  const clock = new FixedClock(new Date('2026-07-15T03:00:00Z'));
  const ctx: AppContext = {
    config,
    db,
    kysely: db.kysely,
    clock,
    jobs: new JobRunner(db.kysely, []),
    log: createLogger('silent'),
  };
  const identity = new IdentityService(db.kysely, clock);
  app = await createServer(ctx);
  await app.register(authenticationPlugin, { identity, publicUrl: config.publicUrl });
  await app.register(identityRoutes(ctx, identity), { prefix: '/api/v1' });
  await app.register(
    indicatorsScoringRoutes(ctx, {
      values: {
        async value({ indicator, unitCode, period }) {
          return (
            VALUES[`${indicator}|${unitCode}|${period}`] ?? {
              numerator: 0,
              denominator: 0,
              value: null,
              decimals: 1,
            }
          );
        },
        async series({ indicator, unitCode }) {
          return indicator === 'dossiers.online' && unitCode === '30280' ? SERIES : [];
        },
      },
      plans: { planTargets: async (id) => (id === PLAN_ID ? PLAN : null) },
    }),
    { prefix: '/api/v1' },
  );
  await app.ready();
  await seedDemoOrg(db.kysely, SYSTEM_ACTOR);
  await identity.ensureAdmin(SYSTEM_ACTOR, 'mat-khau-quan-tri-thu');
  const users = [
    ['lanhdao.a', 'leader', '30280'],
    ['lanhdao.b', 'leader', '30283'],
    ['quantri.tp', 'admin', '883'],
    ['congdan.a', 'citizen', null],
  ] as const;
  for (const [username, role, unitCode] of users) {
    await identity.createUser(SYSTEM_ACTOR, {
      username,
      password: DEMO_PASSWORD,
      fullName: username,
      kind: role === 'citizen' ? 'citizen' : 'staff',
      roles: [{ role, unitCode }],
    });
    headers[username] = await login(username, DEMO_PASSWORD);
  }
  headers.admin = await login('admin', 'mat-khau-quan-tri-thu');
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

const get = (url: string, who?: string) =>
  app.inject({ method: 'GET', url, headers: who ? headers[who] : {} });

describe('GET /units/{code}/index-766', () => {
  it('answers the contract for staff of the unit', async () => {
    const res = await get('/api/v1/units/30280/index-766?period=2026', 'lanhdao.a');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // on time 95 → 19 of 20; online 60 ≥ 50 → 6 of 6; everything else no data → 0.
    expect(body.total).toBe(25);
    expect(body.groups).toHaveLength(6);
    expect(Object.keys(body.groups[1])).toEqual(
      expect.arrayContaining(['code', 'points', 'score', 'indicators']),
    );
    expect(body.groups[1].indicators[0]).toMatchObject({
      code: 'dossiers.on_time',
      rate: 95,
      target: 100,
      score: 19,
    });
  });

  it('is 404 to another ward, 403 to a citizen, 401 to anyone signed out', async () => {
    expect((await get('/api/v1/units/30280/index-766', 'lanhdao.b')).statusCode).toBe(404);
    expect((await get('/api/v1/units/30280/index-766', 'congdan.a')).statusCode).toBe(403);
    expect((await get('/api/v1/units/30280/index-766')).statusCode).toBe(401);
    expect((await get('/api/v1/units/99999/index-766', 'admin')).statusCode).toBe(404);
    expect((await get('/api/v1/units/30280/index-766?period=2026X', 'lanhdao.a')).statusCode).toBe(
      400,
    );
  });
});

describe('the 766 setting', () => {
  it('is the shipped default until the system administrator replaces it, audited', async () => {
    const first = await get('/api/v1/index-766/settings', 'lanhdao.a');
    expect(first.json()).toMatchObject({ isDefault: true, updatedAt: null });
    const setting = first.json();
    setting.groups[1].indicators[0].target = 95; // on time: full points from 95 %
    const { isDefault: _d, updatedAt: _u, ...body } = setting;
    const refused = await app.inject({
      method: 'PUT',
      url: '/api/v1/index-766/settings',
      headers: headers['quantri.tp'],
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/index-766/settings',
      headers: headers.admin,
      payload: body,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().isDefault).toBe(false);
    const after = await get('/api/v1/units/30280/index-766?period=2026', 'lanhdao.a');
    expect(after.json().total).toBe(26);
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'index766_setting')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['indicators.index766_setting.replace']);
  });

  it('refuses points that do not add up to the group', async () => {
    const setting = (await get('/api/v1/index-766/settings', 'lanhdao.a')).json();
    setting.groups[0].indicators[0].points = 1;
    const { isDefault: _d, updatedAt: _u, ...body } = setting;
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/index-766/settings',
      headers: headers.admin,
      payload: body,
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('rankings', () => {
  it("ranks the city's wards on one indicator, no-data units last", async () => {
    const res = await get(
      '/api/v1/indicators/dossiers.online/ranking?unit=883&period=2026',
      'quantri.tp',
    );
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items[0]).toMatchObject({ rank: 1, unitCode: '30280', value: 60 });
    expect(items[1]).toMatchObject({ rank: 2, unitCode: '30283', value: 45 });
    expect(items.slice(2).every((i: { rank: null }) => i.rank === null)).toBe(true);
    expect(
      (await get('/api/v1/indicators/dossiers.online/ranking?unit=883', 'lanhdao.a')).statusCode,
    ).toBe(404);
  });

  it('loads a weight set (system administrator) and ranks by it', async () => {
    const set = {
      code: 'an-giang-2026',
      name: 'Bộ chỉ số An Giang 2026',
      items: [
        { indicator: 'dossiers.on_time', weight: 1, target: 100, direction: 'higher' },
        { indicator: 'dossiers.online', weight: 1, target: 50, direction: 'higher' },
      ],
    };
    const post = (who: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/ranking-sets',
        headers: headers[who],
        payload: set,
      });
    expect((await post('quantri.tp')).statusCode).toBe(403);
    expect((await post('admin')).statusCode).toBe(201);
    expect((await post('admin')).statusCode).toBe(200);
    const list = (await get('/api/v1/ranking-sets', 'lanhdao.a')).json().items;
    expect(list.map((s: { code: string }) => s.code)).toEqual(['mac-dinh', 'an-giang-2026']);
    const res = await get('/api/v1/rankings/an-giang-2026?unit=883&period=2026', 'quantri.tp');
    expect(res.statusCode).toBe(200);
    // 30280: (0.95 + 1) ÷ 2 = 97.5; 30283: (0.99 + 0.9) ÷ 2 = 94.5.
    expect(res.json().items.slice(0, 2)).toMatchObject([
      { rank: 1, unitCode: '30280', score: 97.5 },
      { rank: 2, unitCode: '30283', score: 94.5 },
    ]);
    expect((await get('/api/v1/rankings/khong-co?unit=883', 'quantri.tp')).statusCode).toBe(404);
  });
});

describe('GET /plans/{id}/grades and the trend', () => {
  it('grades the plan with forecast and at-risk flag for its unit staff only', async () => {
    const res = await get(`/api/v1/plans/${PLAN_ID}/grades`, 'lanhdao.a');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        targetId: 't1',
        indicator: 'dossiers.online',
        comparator: '>=',
        target: 50,
        value: 60,
        grade: 'Vượt',
        forecast: 30,
        atRisk: true,
      }),
    ]);
    expect((await get(`/api/v1/plans/${PLAN_ID}/grades`, 'lanhdao.b')).statusCode).toBe(404);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await get(`/api/v1/plans/${unknown}/grades`, 'lanhdao.a')).statusCode).toBe(404);
  });

  it('gives the monthly trend and forecast against the plan target', async () => {
    const res = await get(
      `/api/v1/indicators/dossiers.online/trend?unit=30280&year=2026&plan=${PLAN_ID}`,
      'lanhdao.a',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.months).toHaveLength(12);
    expect(body.months[0]).toMatchObject({ period: '202601', value: 30 });
    expect(body).toMatchObject({ forecast: 30, atRisk: true, basisMonths: 6 });
  });
});
