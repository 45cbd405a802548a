import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDossierInput,
  buildOneStopShop,
  STAFF_PASSWORD,
} from '../../../test/factories/dossiers.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';

// Thursday 4 February 2027, 10:00 in Vietnam, the last working day before Tết (5–11 Feb):
// a petition received now must be accepted or rejected by 17:00 on Monday 15 February.
const clock = new FixedClock(new Date('2027-02-04T03:00:00Z'));
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await buildOneStopShop(t);
});
afterAll(() => t.close());

let headers: Record<string, string> | undefined;
// The clock jumps days ahead, past a session's life: sign in again when it ran out.
async function staff(method: 'GET' | 'POST', url: string, payload?: object) {
  headers ??= shop.desk.headers;
  const go = () => t.app.inject({ method, url: `/api/v1/${url}`, headers, payload });
  const r = await go();
  if (r.statusCode !== 401) return r;
  headers = (await t.login(shop.desk.username, STAFF_PASSWORD)).headers;
  return go();
}
const sweep = async () => {
  await t.ctx.jobs.enqueue(t.ctx.kysely, 'feedback.petition-sweep-deadlines', {});
  await t.ctx.jobs.tick();
  await t.ctx.jobs.tick();
};
const row = (id: string) =>
  t.db.kysely
    .selectFrom('dossier_petition')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const queue = async (q = '') => {
  const r = await staff('GET', `dossier-petitions${q}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: { id: string }[]; counts: { overdue: number; dueSoon: number } };
};

describe('petition deadline sweep', () => {
  it('marks due soon, then overdue, once per deadline, however often it runs', async () => {
    const d = await staff('POST', 'dossiers', buildDossierInput(shop));
    expect(d.statusCode, d.body).toBe(201);
    const p = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/dossiers/${d.json().code}/petitions`,
      payload: { phone: '0912345678', content: 'Hồ sơ chậm.' },
      remoteAddress: '10.7.0.1',
    });
    expect(p.statusCode, p.body).toBe(201);
    const { id, ackDueAt } = p.json();
    expect(ackDueAt).toBe('2027-02-15T10:00:00.000Z');

    await sweep();
    expect(await row(id)).toMatchObject({ due_soon_for: null, overdue_for: null });
    expect((await queue()).counts).toEqual({ overdue: 0, dueSoon: 0 });

    // Friday 12 Feb, 09:00: Monday is the last day but today still counts → not yet.
    clock.set(new Date('2027-02-12T02:00:00Z'));
    await sweep();
    expect((await row(id)).due_soon_for).toBeNull();

    // Friday 12 Feb, 17:00: one working day (Monday) left → due soon.
    clock.set(new Date('2027-02-12T10:00:00Z'));
    await sweep();
    const soon = await row(id);
    expect(soon.due_soon_for?.toISOString()).toBe(ackDueAt);
    expect(soon.overdue_for).toBeNull();
    await sweep();
    expect(await row(id)).toEqual(soon);
    expect((await queue()).counts).toEqual({ overdue: 0, dueSoon: 1 });
    expect((await queue('?dueSoon=true')).items.map((i) => i.id)).toEqual([id]);

    // Tuesday 16 Feb, 09:00: past the deadline → overdue (no longer counted as due soon).
    clock.set(new Date('2027-02-16T02:00:00Z'));
    await sweep();
    const late = await row(id);
    expect(late.overdue_for?.toISOString()).toBe(ackDueAt);
    expect(late.version).toBe(soon.version); // a mark is not a change of the petition
    await sweep();
    expect(await row(id)).toEqual(late);
    expect((await queue()).counts).toEqual({ overdue: 1, dueSoon: 0 });
    expect((await queue('?dueSoon=true')).items).toEqual([]);

    // Accepting sets the 15-day deadline: the old marks no longer count.
    const acc = await staff('POST', `dossier-petitions/${id}/actions`, {
      action: 'accept',
      version: late.version,
    });
    expect(acc.statusCode, acc.body).toBe(200);
    await sweep();
    expect((await queue()).counts).toEqual({ overdue: 0, dueSoon: 0 });
    expect((await row(id)).next_due_at?.toISOString()).toBe('2027-03-04T10:00:00.000Z');
  });
});
