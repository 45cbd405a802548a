import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../test/factories/org.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const due = async (qs: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/calendar/due?${qs}` });

describe('calendar HTTP', () => {
  it('computes a due date in working days with the +07:00 offset', async () => {
    const res = await due(`from=${encodeURIComponent('2026-11-23T10:00:00+07:00')}&days=4`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ due: '2026-11-27T17:00:00+07:00' });
  });

  it('counts a receipt after the 15:00 cut-off from the next working day', async () => {
    const before = (
      await due(`from=${encodeURIComponent('2026-11-23T14:59:00+07:00')}&days=1`)
    ).json().due;
    const after = (
      await due(`from=${encodeURIComponent('2026-11-23T15:00:00+07:00')}&days=1`)
    ).json().due;
    expect(before).toBe('2026-11-24T17:00:00+07:00');
    expect(after).toBe('2026-11-25T17:00:00+07:00');
  });

  it('computes working hours across lunch', async () => {
    const res = await due(`from=${encodeURIComponent('2026-11-23T03:30:00Z')}&hours=2`);
    expect(res.json()).toEqual({ due: '2026-11-23T14:30:00+07:00' });
  });

  it('rejects bad input with problem+json', async () => {
    const both = await due('from=2026-11-23T10:00:00%2B07:00&days=1&hours=2');
    expect(both.statusCode).toBe(400);
    expect(both.json().code).toBe('validation_failed');
    const noZone = await due('from=2026-11-23T10:00:00&days=1');
    expect(noZone.statusCode).toBe(400);
    expect(noZone.json().detail).toContain('ISO 8601');
    const unknownUnit = await due('from=2026-11-23T10:00:00Z&days=1&unit=KHONGCO');
    expect(unknownUnit.statusCode).toBe(404);
  });

  it('replaces a year of overrides (admin, audited) and uses them in later computations', async () => {
    // Swap: Friday 2027-11-26 off, Saturday 2027-11-27 worked.
    const body = { daysOff: ['2027-11-26'], workingDays: ['2027-11-27'] };
    const anon = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/overrides/2027',
      payload: body,
    });
    expect(anon.statusCode).toBe(401);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/overrides/2027',
      payload: body,
      headers: t.admin.headers,
    });
    expect(put.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/calendar/overrides/2027' })).json(),
    ).toEqual(body);
    // Received Thursday 25/11/2027 10:00, 1 day → Friday is off, Saturday is worked.
    expect(
      (await due(`from=${encodeURIComponent('2027-11-25T10:00:00+07:00')}&days=1`)).json().due,
    ).toBe('2027-11-27T17:00:00+07:00');
    const days = (
      await t.app.inject({ method: 'GET', url: '/api/v1/calendar/days?year=2027' })
    ).json().days;
    expect(days).toContainEqual({
      date: '2027-11-26',
      kind: 'override_off',
      nameVi: expect.any(String),
      nameEn: expect.any(String),
    });
    expect(days).toContainEqual(
      expect.objectContaining({ date: '2027-11-27', kind: 'override_working' }),
    );
    expect(days).toContainEqual(expect.objectContaining({ date: '2027-02-06', kind: 'holiday' }));
    const audit = await sql<{
      actor_name: string;
    }>`select actor_name from audit_log where action = 'calendar.overrides.replace'`.execute(
      t.db.kysely,
    );
    expect(audit.rows).toEqual([{ actor_name: 'admin' }]);
  });

  it('refuses override dates of another year, and changes nothing', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/overrides/2027',
      payload: { daysOff: ['2028-01-03'], workingDays: [] },
      headers: t.admin.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/calendar/overrides/2027' })).json()
        .daysOff,
    ).toEqual(['2027-11-26']);
  });

  it('uses per-unit working hours, inherited by the subtree', async () => {
    const parent = await buildUnit(t.db.kysely);
    const child = await buildUnit(t.db.kysely, { parentCode: parent.code });
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/calendar/settings/${parent.code}`,
      headers: t.admin.headers,
      payload: {
        morning: { start: '07:00', end: '11:30' },
        afternoon: { start: '13:30', end: '17:00' },
        cutoff: '16:00',
      },
    });
    expect(put.statusCode).toBe(200);
    const got = (
      await t.app.inject({ method: 'GET', url: `/api/v1/calendar/settings/${child.code}` })
    ).json();
    expect(got).toMatchObject({ inheritedFrom: parent.code, cutoff: '16:00' });
    // 15:30 is before this unit's 16:00 cut-off: counted from the same day.
    const r = await due(
      `from=${encodeURIComponent('2026-11-23T15:30:00+07:00')}&days=1&unit=${child.code}`,
    );
    expect(r.json().due).toBe('2026-11-24T17:00:00+07:00');
  });
});
