// The dossier fact (issue 12; platform/facts/fact-kinds.ts DossierFact) is published in the
// same statement or transaction as the receipt, every action and every attachment — and a
// change that does not happen (a stale version) publishes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossierInput, buildOneStopShop } from '../../../test/factories/dossiers.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { allMigrations } from '../../platform/db/migrations.js';
import { scanFacts } from '../../platform/facts/index.js';

// Monday 23/11/2026 09:00 in Vietnam.
const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await buildOneStopShop(t);
});
afterAll(() => t.close());

const receive = async (overrides: Record<string, unknown> = {}) => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: shop.desk.headers,
    payload: buildDossierInput(shop, overrides),
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string };
};
const act = (id: string, body: Record<string, unknown>, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/actions`, headers, payload: body });
const factOf = async (id: string) =>
  (await scanFacts(t.db.kysely, { kind: 'dossier', limit: 10_000 })).find(
    (f) => f.subjectId === id,
  );
const queued = async (id: string) =>
  Number(
    (
      await t.db.kysely
        .selectFrom('fact_pending')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('subject_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the dossier fact', () => {
  it('is published on receipt with every key known then', async () => {
    const { id } = await receive();
    expect(await factOf(id)).toMatchObject({
      unitCode: shop.unit.code,
      data: {
        procedureCode: shop.procedure.code,
        onlineLevel: expect.stringMatching(/^(full|partial|none)$/),
        channel: 'direct',
        receivedOn: '2026-11-23',
        status: 'received',
        handlingUnitCode: shop.unit.code,
        finishedOn: null,
        outcome: null,
        onTime: null,
        endState: null,
        digitised: false,
        returnedOn: null,
        resultElectronic: null,
        feesDue: 8000,
        feeBearing: true,
      },
    });
    expect(await queued(id)).toBe(1);
  });

  it('follows the actions to the end: finished on time, returned electronically', async () => {
    const { id } = await receive();
    let r = await act(
      id,
      { action: 'assign', version: 1, assigneeUsername: shop.specialist.username },
      shop.desk.headers,
    );
    expect(r.statusCode, r.body).toBe(200);
    expect((await factOf(id))?.data.status).toBe('in_progress');
    r = await act(
      id,
      { action: 'finish', version: 2, resultSummary: 'Xong' },
      shop.specialist.headers,
    );
    expect(r.statusCode, r.body).toBe(200);
    expect((await factOf(id))?.data).toMatchObject({
      status: 'processed',
      finishedOn: '2026-11-23',
      outcome: 'early',
      onTime: true,
      endState: 'processed',
    });
    await act(id, { action: 'approve', version: 3 }, shop.leader.headers);
    const paid = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/payments`,
      headers: shop.desk.headers,
      payload: { method: 'cash', amount: 8000 },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    r = await act(
      id,
      { action: 'return_result', version: 4, method: 'electronic' },
      shop.desk.headers,
    );
    expect(r.statusCode, r.body).toBe(200);
    expect((await factOf(id))?.data).toMatchObject({
      status: 'returned',
      endState: 'returned',
      returnedOn: '2026-11-23',
      resultElectronic: true,
      paid: true,
      paidOnline: false,
      onTime: true,
    });
  });

  it('counts a refused dossier as stopped', async () => {
    const { id } = await receive();
    const r = await act(
      id,
      { action: 'refuse', version: 1, reason: 'Sai thẩm quyền' },
      shop.desk.headers,
    );
    expect(r.statusCode, r.body).toBe(200);
    expect((await factOf(id))?.data).toMatchObject({ status: 'refused', endState: 'stopped' });
  });

  it('publishes nothing for an action that loses to a stale version', async () => {
    const { id } = await receive();
    const before = await factOf(id);
    const pending = await queued(id);
    const stale = await act(id, { action: 'assign', version: 7 }, shop.desk.headers);
    expect(stale.statusCode).toBe(409);
    expect(await queued(id)).toBe(pending);
    expect((await factOf(id))?.data).toEqual(before?.data);
  });

  it('turns digitised on when the papers are attached', async () => {
    const { id } = await receive();
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/files?kind=attachment&component=to_khai&filename=to-khai.pdf`,
      headers: { ...shop.desk.headers, 'content-type': 'application/pdf' },
      payload: Buffer.from('%PDF-1.4\n% bản scan\n'),
    });
    expect(up.statusCode, up.body).toBe(201);
    expect((await factOf(id))?.data.digitised).toBe(true);
  });

  it("publishes the unit's procedure offer at receipt, republished when the level changes", async () => {
    await receive();
    const offerId = `${shop.unit.code}:${shop.procedure.code}`;
    const offer = async () =>
      (await scanFacts(t.db.kysely, { kind: 'procedure_offer', limit: 10_000 })).find(
        (f) => f.subjectId === offerId,
      );
    expect(await offer()).toMatchObject({
      unitCode: shop.unit.code,
      data: { procedureCode: shop.procedure.code, onlineLevel: 'full', sinceOn: '2026-11-23' },
    });
    // A later receipt of the same procedure leaves the offer (and the queue) alone.
    await t.db.kysely.deleteFrom('fact_pending').execute();
    await receive();
    expect(await queued(offerId)).toBe(0);
    // The catalogue lowers the procedure to partly online: the offer follows from that day.
    const got = await t.app.inject({
      method: 'GET',
      url: `/api/v1/procedures/${shop.procedure.id}`,
      headers: t.admin.headers,
    });
    const { id: _id, status: _s, createdAt: _c, updatedAt: _u, ...content } = got.json();
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/procedures/${shop.procedure.id}`,
      headers: t.admin.headers,
      payload: { ...content, onlineLevel: 'partial' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await offer())?.data).toEqual({
      procedureCode: shop.procedure.code,
      onlineLevel: 'partial',
      sinceOn: '2026-11-23',
    });
    expect(await queued(offerId)).toBe(1);
    // Back to fully online, so the backfill test below reads the level the dossiers had.
    const back = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/procedures/${shop.procedure.id}`,
      headers: t.admin.headers,
      payload: { ...content, onlineLevel: 'full', version: put.json().version },
    });
    expect(back.statusCode, back.body).toBe(200);
    expect((await offer())?.data.onlineLevel).toBe('full');
  });

  // Last: it empties the fact table and rebuilds it from the rows, as an upgrade does.
  it('is rebuilt identically by the backfill migrations of an upgraded database', async () => {
    const snapshot = async () =>
      new Map(
        (await scanFacts(t.db.kysely, { kind: 'dossier', limit: 10_000 })).map((f) => [
          f.subjectId,
          { unitCode: f.unitCode, data: f.data },
        ]),
      );
    const live = await snapshot();
    expect(live.size).toBeGreaterThanOrEqual(5);
    const offers = async () =>
      (await scanFacts(t.db.kysely, { kind: 'procedure_offer', limit: 10_000 })).map((f) => [
        f.subjectId,
        f.unitCode,
        f.data,
      ]);
    const liveOffers = await offers();
    expect(liveOffers.length).toBeGreaterThanOrEqual(1);
    await t.db.kysely.deleteFrom('fact_pending').execute();
    await t.db.kysely.deleteFrom('fact').execute();
    const all = allMigrations();
    const backfills = Object.keys(all)
      .filter((n) => /^\d{4}_(?!platform)\w+_facts$/.test(n))
      .sort();
    expect(backfills).toEqual(
      expect.arrayContaining(['0506_dossiers_facts', '0901_payments_facts']),
    );
    for (const name of backfills) await all[name]!.up(t.db.kysely as never);
    expect(await snapshot()).toEqual(live);
    expect(await offers()).toEqual(liveOffers);
    const pending = await t.db.kysely
      .selectFrom('fact_pending')
      .select('subject_id')
      .distinct()
      .where('kind', '=', 'dossier')
      .execute();
    expect(pending.length).toBe(live.size);
  });
});
