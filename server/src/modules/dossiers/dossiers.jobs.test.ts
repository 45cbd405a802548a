import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossierInput, buildOneStopShop } from '../../../test/factories/dossiers.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';

const clock = new FixedClock(new Date('2026-11-23T02:00:00Z')); // Mon 09:00 +07
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await buildOneStopShop(t);
});
afterAll(() => t.close());

const sweep = async () => {
  await t.ctx.jobs.enqueue(t.ctx.kysely, 'dossier.sweep-deadlines', {});
  await t.ctx.jobs.tick();
  await t.ctx.jobs.tick();
};

describe('deadline sweep', () => {
  it('queues the receipt SMS in the outbox with the dossier, once', async () => {
    const { id, code } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: buildDossierInput(shop),
        headers: shop.desk.headers,
      })
    ).json();
    const rows = await sql<{ channel: string; recipient: string; body: string }>`
      select channel, recipient, body from notification_outbox where related_id = ${id}`.execute(
      t.db.kysely,
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ channel: 'sms', recipient: '0912345678' });
    expect(rows.rows[0]!.body).toContain(code);
  });

  it('marks due soon, then overdue, once each, however often it runs', async () => {
    const { id } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: buildDossierInput(shop),
        headers: shop.desk.headers,
      })
    ).json();
    // Due Thu 26/11 17:00. Wednesday 17:00: one working day left → due soon.
    clock.set(new Date('2026-11-25T10:00:00Z'));
    await sweep();
    await sweep();
    let d = await t.db.kysely
      .selectFrom('dossier')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(d.due_soon_at).not.toBeNull();
    expect(d.overdue_at).toBeNull();
    const firstMark = d.due_soon_at;
    // Friday: overdue.
    clock.set(new Date('2026-11-27T02:00:00Z'));
    await sweep();
    await sweep();
    d = await t.db.kysely
      .selectFrom('dossier')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(d.overdue_at).not.toBeNull();
    expect(d.due_soon_at).toEqual(firstMark);
    const jobs = await sql<{
      n: number;
    }>`select count(*)::int as n from job where name = 'dossier.mark-overdue' and status = 'done'`.execute(
      t.db.kysely,
    );
    expect(jobs.rows[0]!.n).toBeGreaterThanOrEqual(1);
    const before = d.overdue_at;
    await sweep();
    d = await t.db.kysely
      .selectFrom('dossier')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(d.overdue_at).toEqual(before);
  });
});
