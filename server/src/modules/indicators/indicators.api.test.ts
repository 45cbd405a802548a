// The indicators API (issue 12 deliver 8): definitions, values with children, entered values,
// access (published to anyone, unpublished to staff of the unit, others 404), and the stream
// over real HTTP receiving a change after a publish.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { publishFact } from '../../platform/facts/index.js';
import { seedDemoOrg } from '../org/index.js';
import { CITY, publishFixture, WARD_A, WARD_B } from './indicators.fixtures.js';
import { drainFacts } from './indicators.follower.js';

const PASSWORD = 'mat-khau-chi-tieu-1';
let t: TestApp;
const as = {} as Record<'leadA' | 'secrA' | 'deskA' | 'leadB' | 'leadCity', Record<string, string>>;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoOrg(t.db.kysely, SYSTEM_ACTOR);
  for (const [name, role, unitCode] of [
    ['leadA', 'leader', WARD_A],
    ['secrA', 'secretariat', WARD_A],
    ['deskA', 'desk_officer', WARD_A],
    ['leadB', 'leader', WARD_B],
    ['leadCity', 'leader', CITY],
  ] as const) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: {
        username: `ct.${name}`,
        password: PASSWORD,
        fullName: `Cán bộ ${name}`,
        roles: [{ role, unitCode }],
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    as[name] = (await t.login(`ct.${name}`, PASSWORD)).headers;
  }
  await publishFixture(t.db.kysely);
  await drainFacts(t.db.kysely);
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
const post = (payload: Record<string, unknown>, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/indicator-values', headers, payload });

describe('GET /indicators', () => {
  it('lists published definitions to anyone and all of them to staff', async () => {
    const anon = (await get('/indicators')).json().items as { code: string; published: boolean }[];
    expect(anon.every((d) => d.published)).toBe(true);
    expect(anon.map((d) => d.code)).toContain('dossiers.on_time');
    expect(anon.map((d) => d.code)).not.toContain('tasks.on_time');
    const staff = (await get('/indicators', as.deskA)).json().items as { code: string }[];
    expect(staff.map((d) => d.code)).toContain('tasks.on_time');
    expect(staff.length).toBeGreaterThan(anon.length);
  });
});

describe('GET /indicators/{code}/values', () => {
  it('answers the contract, with a row per child unit', async () => {
    const r = await get(
      `/indicators/dossiers.on_time/values?unit=${CITY}&period=202603&children=true`,
    );
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      indicator: 'dossiers.on_time',
      unit: CITY,
      period: '202603',
      numerator: 2,
      denominator: 3,
      value: 66.67,
    });
    const a = body.children.find((c: { unit: string }) => c.unit === WARD_A);
    const b = body.children.find((c: { unit: string }) => c.unit === WARD_B);
    expect(a).toEqual({
      indicator: 'dossiers.on_time',
      unit: WARD_A,
      period: '202603',
      numerator: 1,
      denominator: 2,
      value: 50,
    });
    expect(b).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    // Every child of the city is listed, also those with no data (value null).
    expect(body.children.length).toBeGreaterThan(2);
  });

  it('counts: value = numerator, denominator null; an empty rate: value null', async () => {
    expect(
      (await get(`/indicators/dossiers.received/values?unit=${WARD_A}&period=202603`)).json(),
    ).toEqual({
      indicator: 'dossiers.received',
      unit: WARD_A,
      period: '202603',
      numerator: 4,
      denominator: null,
      value: 4,
    });
    expect(
      (await get(`/indicators/dossiers.on_time/values?unit=${WARD_A}&period=2025`)).json(),
    ).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });
  });

  it('refuses a bad period with 400 invalid_period, unknown codes with 404', async () => {
    const bad = await get(`/indicators/dossiers.on_time/values?unit=${WARD_A}&period=2026Q5`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_period');
    expect((await get(`/indicators/khong.co/values?unit=${WARD_A}&period=2026`)).json().code).toBe(
      'indicator_not_found',
    );
    expect(
      (await get(`/indicators/dossiers.on_time/values?unit=99999&period=2026`)).statusCode,
    ).toBe(404);
  });

  it('unpublished: staff of the unit or above only; everyone else 404', async () => {
    const url = `/indicators/tasks.on_time/values?unit=${WARD_A}&period=202603`;
    expect((await get(url)).statusCode).toBe(404);
    expect((await get(url, as.leadB)).statusCode).toBe(404);
    const own = await get(url, as.deskA);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect((await get(url, as.leadCity)).statusCode).toBe(200);
    // Ward A's staff do not see the city's unpublished values.
    expect(
      (await get(`/indicators/tasks.on_time/values?unit=${CITY}&period=202603`, as.leadA))
        .statusCode,
    ).toBe(404);
  });
});

describe('POST /indicator-values', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    indicator: 'data.open_datasets',
    unit: WARD_A,
    period: '2026',
    value: 3,
    comment: 'Ba bộ dữ liệu mở',
    ...over,
  });

  it('enters, replaces (keeping history), audits; a count adds up over children', async () => {
    const r = await post(body(), as.leadA);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      indicator: 'data.open_datasets',
      unit: WARD_A,
      period: '2026',
      numerator: 3,
      denominator: null,
      value: 3,
      comment: 'Ba bộ dữ liệu mở',
    });
    expect((await post(body({ value: 4, comment: null }), as.secrA)).statusCode).toBe(200);
    expect((await post(body({ unit: WARD_B, value: 2 }), as.leadB)).statusCode).toBe(200);
    const v = (unit: string, period = '2026') =>
      get(`/indicators/data.open_datasets/values?unit=${unit}&period=${period}`).then(
        (x) => x.json().value,
      );
    expect(await v(WARD_A)).toBe(4);
    expect(await v(CITY)).toBe(6);
    // Exact period match: a quarter has nothing entered.
    expect(await v(WARD_A, '2026Q1')).toBeNull();
    const events = await t.db.kysely
      .selectFrom('indicator_value_event')
      .select(['value', 'actor_name'])
      .where('unit_code', '=', WARD_A)
      .orderBy('id')
      .execute();
    expect(events.map((e) => Number(e.value))).toEqual([3, 4]);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'indicator_value.set')
      .execute();
    expect(audit.map((a) => a.entity_id)).toContain(`data.open_datasets:${WARD_A}:2026`);
  });

  it('a rate entered by the city is its own, not a sum', async () => {
    expect(
      (await post(body({ indicator: 'officials.digital_trained', value: 80 }), as.leadA))
        .statusCode,
    ).toBe(200);
    const city = await get(`/indicators/officials.digital_trained/values?unit=${CITY}&period=2026`);
    expect(city.json().value).toBeNull();
    const pct = await post(body({ indicator: 'officials.digital_trained', value: 120 }), as.leadA);
    expect(pct.statusCode).toBe(400);
    expect(pct.json().code).toBe('value_out_of_range');
  });

  it('refuses: 401 anonymous, 403 a desk officer, 404 another unit, 409 a computed indicator, 400 a bad period', async () => {
    expect((await post(body(), {})).statusCode).toBe(401);
    expect((await post(body(), as.deskA)).statusCode).toBe(403);
    expect((await post(body(), as.leadB)).statusCode).toBe(404);
    const computed = await post(body({ indicator: 'dossiers.on_time' }), as.leadA);
    expect(computed.statusCode).toBe(409);
    expect(computed.json().code).toBe('indicator_computed');
    expect((await post(body({ period: '2026-01' }), as.leadA)).json().code).toBe('invalid_period');
  });
});

describe('GET /indicators/stream', () => {
  it('needs a unit when the caller has none, and refuses a bad period', async () => {
    expect((await get('/indicators/stream')).json().code).toBe('unit_required');
    expect((await get(`/indicators/stream?unit=${WARD_A}&period=2026W1`)).json().code).toBe(
      'invalid_period',
    );
  });

  it('pushes a changed value to a subscriber over real HTTP after a publish', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const received: string[] = [];
    const done = new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = http.get(
        `http://127.0.0.1:${port}/api/v1/indicators/stream?unit=${CITY}&period=2026,202603&indicator=dossiers.received`,
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          res.setEncoding('utf8');
          let buf = '';
          res.on('data', (chunk: string) => {
            buf += chunk;
            for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
              const frame = buf.slice(0, i);
              buf = buf.slice(i + 2);
              received.push(frame);
              const data = frame.split('\n').find((l) => l.startsWith('data: '));
              if (data && frame.includes('event: value')) {
                const e = JSON.parse(data.slice(6));
                if (e.period === '2026') {
                  req.destroy();
                  resolve(e);
                }
              }
            }
          });
        },
      );
      req.on('error', (err) => {
        if (!(err as NodeJS.ErrnoException).code?.includes('ECONNRESET')) reject(err);
      });
    });
    // Wait for the opening comment so the subscription exists before the publish.
    while (!received.some((f) => f.includes(': connected')))
      await new Promise((r) => setTimeout(r, 20));
    await publishFact(t.db.kysely, {
      kind: 'dossier',
      subjectId: 'live-1',
      unitCode: WARD_B,
      data: { channel: 'direct', receivedOn: '2026-03-20', status: 'received', digitised: false },
    });
    // The follower started with app.listen folds it; the stream polls the change log.
    expect(await done).toEqual({
      indicator: 'dossiers.received',
      unit: CITY,
      period: '2026',
      value: 7,
    });
  });
});
