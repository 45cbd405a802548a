// End to end over HTTP (issue 12): a desk officer of Mỹ Bình (ward 30280) receives and a
// specialist finishes a dossier; once the follower folds the facts, the on-time value of the
// ward and of the city 883 counts it, the SSE stream (a real listening server) sends the
// changed value, the demo Long Xuyên plan is graded per target and the 766 index has its six
// groups.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossierInput, STAFF_PASSWORD } from '../../../test/factories/dossiers.js';
import { buildProcedureInput } from '../../../test/factories/procedures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { seedDemoOrg } from '../org/index.js';
import { seedDemoPlans } from '../plans/index.js';
import { syncIndicatorLibrary } from './indicators.definitions.js';
import { drainFacts } from './indicators.follower.js';

let t: TestApp;
let base: string;
const who: Record<string, Record<string, string>> = {};
let procedureId = '';
const YEAR = String(new Date().getFullYear());

beforeAll(async () => {
  t = await createTestApp();
  await syncIndicatorLibrary(t.db.kysely);
  await seedDemoOrg(t.db.kysely, SYSTEM_ACTOR);
  await seedDemoPlans(t.db.kysely, SYSTEM_ACTOR);
  const p = await t.app.inject({
    method: 'POST',
    url: '/api/v1/procedures',
    headers: t.admin.headers,
    payload: buildProcedureInput(),
  });
  expect(p.statusCode, p.body).toBe(201);
  procedureId = (p.json() as { id: string }).id;
  for (const [key, role, unitCode] of [
    ['desk', 'desk_officer', '30280'],
    ['specialist', 'specialist', '30280'],
    ['cityLeader', 'leader', '883'],
  ] as const) {
    const username = `${key}.${randomUUID().slice(0, 6)}`;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: {
        username,
        password: STAFF_PASSWORD,
        fullName: `Cán bộ ${key}`,
        roles: [{ role, unitCode }],
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    who[key] = { ...(await t.login(username, STAFF_PASSWORD)).headers, username };
  }
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}, 180_000);
afterAll(() => t?.close());

const headersOf = (w: Record<string, string>) => {
  const { username: _u, ...h } = w;
  return h;
};
const get = async (url: string, w: Record<string, string>) => {
  const r = await fetch(`${base}/api/v1/${url}`, { headers: headersOf(w) });
  const json = (await r.json()) as Record<string, unknown>;
  expect(r.status, `${url} ${JSON.stringify(json)}`).toBe(200);
  return json;
};
// Writes go through inject: the origin check (a browser's same-site POST) is not this test's.
const post = async (url: string, w: Record<string, string>, body: unknown) => {
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/${url}`,
    headers: headersOf(w),
    payload: body as never,
  });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json() as Record<string, unknown>;
};

describe('from a dossier action to the leaders’ numbers', () => {
  it('counts a finished dossier in the ward and the city, and streams the change', async () => {
    const onTime = (unit: string) =>
      get(`indicators/dossiers.on_time/values?unit=${unit}&period=${YEAR}`, who.cityLeader!);
    const before = { ward: await onTime('30280'), city: await onTime('883') };

    // A subscriber watching the ward's on-time value this year, over a real connection.
    const ac = new AbortController();
    const stream = await fetch(
      `${base}/api/v1/indicators/stream?indicator=dossiers.on_time&unit=30280&period=${YEAR}`,
      {
        headers: { ...headersOf(who.cityLeader!), accept: 'text/event-stream' },
        signal: ac.signal,
      },
    );
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const events: { indicator: string; unit: string; period: string; value: number | null }[] = [];
    const reading = (async () => {
      const dec = new TextDecoder();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += dec.decode(value, { stream: true });
        for (const line of buf.split('\n'))
          if (line.startsWith('data:')) events.push(JSON.parse(line.slice(5)));
        buf = buf.slice(buf.lastIndexOf('\n') + 1);
      }
    })().catch(() => undefined);

    const d = await post(
      'dossiers',
      who.desk!,
      buildDossierInput({ unit: { code: '30280' }, procedure: { id: procedureId } }),
    );
    await post(`dossiers/${d.id}/actions`, who.desk!, {
      action: 'assign',
      version: 1,
      assigneeUsername: who.specialist!.username,
    });
    await post(`dossiers/${d.id}/actions`, who.specialist!, {
      action: 'finish',
      version: 2,
      resultSummary: 'Xong',
    });
    await drainFacts(t.db.kysely);

    const after = { ward: await onTime('30280'), city: await onTime('883') };
    for (const k of ['ward', 'city'] as const) {
      expect(after[k]).toMatchObject({ indicator: 'dossiers.on_time', period: YEAR });
      expect(after[k].numerator).toBe((before[k].numerator as number) + 1);
      expect(after[k].denominator).toBe((before[k].denominator as number) + 1);
    }
    expect(after.ward.unit).toBe('30280');
    expect(after.city.unit).toBe('883');

    // The stream polls the change log every 250 ms; wait for the event, not for a time.
    while (
      !events.some(
        (e) => e.indicator === 'dossiers.on_time' && e.unit === '30280' && e.period === YEAR,
      )
    )
      await new Promise((r) => setTimeout(r, 50));
    expect(events.find((e) => e.unit === '30280')).toEqual({
      indicator: 'dossiers.on_time',
      unit: '30280',
      period: YEAR,
      value: after.ward.value,
    });
    ac.abort();
    await reading;
  }, 60_000);

  it('grades the demo Long Xuyên plan per target', async () => {
    const list = (await get('plans?year=2023', who.cityLeader!)) as {
      items: { id: string; unitCode: string }[];
    };
    const plan = list.items.find((p) => p.unitCode === '883')!;
    const g = (await get(`plans/${plan.id}/grades?period=2023`, who.cityLeader!)) as {
      items?: unknown[];
    } & Record<string, unknown>;
    const rows = g.items as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining(['targetId', 'indicator', 'comparator', 'target', 'value', 'grade']),
      );
      expect(['Vượt', 'Đạt', 'Chưa đạt', 'Chưa có số liệu']).toContain(r.grade);
    }
  });

  it('answers the 766 index of the city with its six groups', async () => {
    const idx = await get(`units/883/index-766?period=${YEAR}`, who.cityLeader!);
    expect(Object.keys(idx)).toEqual(expect.arrayContaining(['total', 'groups']));
    const groups = idx.groups as {
      code: string;
      points: number;
      score: number;
      indicators: unknown[];
    }[];
    expect(groups).toHaveLength(6);
    for (const gr of groups)
      expect(Object.keys(gr)).toEqual(
        expect.arrayContaining(['code', 'points', 'score', 'indicators']),
      );
  });
});
