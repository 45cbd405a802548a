// Returning a result whose fee is unpaid (issue 11): never silently. The procedure decides —
// `refuse` until paid, or `with_reason` (the default) when the desk states why — and the
// reason is kept on the event and the audit row.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossierInput, buildOneStopShop } from '../../../test/factories/dossiers.js';
import { buildProcedureInput } from '../../../test/factories/procedures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';

const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
type Headers = Record<string, string>;
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await buildOneStopShop(t); // its procedure: 8.000 đồng, no unpaidReturn given
});
afterAll(() => t.close());

const act = (id: string, body: Record<string, unknown>, headers: Headers) =>
  t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/actions`, payload: body, headers });

/** A procedure of the shop's kind with these overrides; returns its id. */
async function procedure(overrides: Record<string, unknown>): Promise<{ id: string }> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/procedures',
    headers: t.admin.headers,
    payload: buildProcedureInput(overrides),
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

/** A dossier of `procedureId` taken to approved (version 4), ready to be returned. */
async function approved(procedureId = shop.procedure.id): Promise<{ id: string; code: string }> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: shop.desk.headers,
    payload: buildDossierInput({ unit: shop.unit, procedure: { id: procedureId } }),
  });
  expect(r.statusCode, r.body).toBe(201);
  const d = r.json();
  for (const [body, h] of [
    [{ action: 'assign', version: 1 }, shop.desk.headers],
    [{ action: 'finish', version: 2, resultSummary: 'Đã cấp' }, shop.specialist.headers],
    [{ action: 'approve', version: 3 }, shop.leader.headers],
  ] as const) {
    const a = await act(d.id, body, h);
    expect(a.statusCode, a.body).toBe(200);
  }
  return d;
}

/** Expects the return refused with `code`, and the dossier still processed at version 4. */
async function refusedReturn(id: string, body: Record<string, unknown>, code: string) {
  const r = await act(
    id,
    { action: 'return_result', version: 4, method: 'direct', ...body },
    shop.desk.headers,
  );
  expect(r.statusCode, r.body).toBe(409);
  expect(r.headers['content-type']).toContain('application/problem+json');
  expect(r.json()).toMatchObject({ code, status: 409, feesDue: 8000 });
  expect(r.json().detail).toContain('chưa nộp phí, lệ phí (8.000 đồng)');
  const d = (
    await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}`, headers: shop.desk.headers })
  ).json();
  expect(d).toMatchObject({ status: 'processed', version: 4, returnedAt: null });
  expect(d.events).toHaveLength(4);
  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log
    where entity_id = ${id} and action = 'dossier.return_result'`.execute(t.db.kysely);
  expect(audit.rows[0]!.n).toBe(0);
  return r.json();
}

const pay = async (id: string) => {
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${id}/payments`,
    headers: shop.desk.headers,
    payload: { method: 'cash', amount: 8000 },
  });
  expect(r.statusCode, r.body).toBe(201);
};

describe('a procedure that allows it with a reason (the default)', () => {
  it('shows the setting on the procedure', async () => {
    const p = await t.app.inject({ method: 'GET', url: `/api/v1/procedures/${shop.procedure.id}` });
    expect(p.json().unpaidReturn).toBe('with_reason');
  });

  it('asks for the reason (409), then returns and records it on the event and the audit row', async () => {
    const d = await approved();
    const problem = await refusedReturn(d.id, {}, 'fee_unpaid_reason_required');
    expect(problem.detail).toContain('Nhập lý do');
    expect(problem.errors).toEqual([
      { path: 'body.reason', message: 'Nhập lý do trả kết quả khi chưa nộp phí, lệ phí.' },
    ]);
    // A blank reason is no reason.
    const blank = await act(
      d.id,
      { action: 'return_result', version: 4, method: 'direct', reason: '  ' },
      shop.desk.headers,
    );
    expect(blank.statusCode).toBe(400);

    const reason = 'Người nộp thuộc hộ nghèo, được miễn lệ phí';
    const ok = await act(
      d.id,
      { action: 'return_result', version: 4, method: 'direct', reason },
      shop.desk.headers,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('returned');
    expect(ok.json().events.at(-1)).toMatchObject({
      action: 'return_result',
      reason,
      payload: { method: 'direct', unpaidFee: 8000, unpaidReason: reason },
    });
    const audit = await sql<{ after: Record<string, unknown> }>`select after from audit_log
      where entity_id = ${d.id} and action = 'dossier.return_result'`.execute(t.db.kysely);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.after).toMatchObject({
      status: 'returned',
      unpaidFee: 8000,
      unpaidReason: reason,
    });
  });

  it('needs no reason once the fee is paid, nor for a procedure without fees', async () => {
    const d = await approved();
    await pay(d.id);
    const ok = await act(
      d.id,
      { action: 'return_result', version: 4, method: 'direct' },
      shop.desk.headers,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().events.at(-1)).toMatchObject({ reason: null, payload: { method: 'direct' } });
    expect(ok.json().events.at(-1).payload).not.toHaveProperty('unpaidFee');

    const free = await procedure({ fees: [] });
    const f = await approved(free.id);
    const r = await act(
      f.id,
      { action: 'return_result', version: 4, method: 'postal' },
      shop.desk.headers,
    );
    expect(r.statusCode, r.body).toBe(200);
  });
});

describe('a procedure that refuses until paid', () => {
  it('refuses (409 fee_unpaid) with or without a reason; paid, it returns', async () => {
    const strict = await procedure({ unpaidReturn: 'refuse' });
    const d = await approved(strict.id);
    const problem = await refusedReturn(d.id, {}, 'fee_unpaid');
    expect(problem.detail).toContain(
      'chỉ trả kết quả sau khi người nộp hồ sơ đã nộp đủ phí, lệ phí',
    );
    await refusedReturn(d.id, { reason: 'Hẹn nộp sau' }, 'fee_unpaid');
    await pay(d.id);
    const ok = await act(
      d.id,
      { action: 'return_result', version: 4, method: 'direct' },
      shop.desk.headers,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('returned');
  });

  it('applies a change of the setting to dossiers already in progress', async () => {
    const d = await approved();
    const current = (
      await t.app.inject({ method: 'GET', url: `/api/v1/procedures/${shop.procedure.id}` })
    ).json();
    const { id: _i, status: _s, createdAt: _c, updatedAt: _u, ...content } = current;
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/procedures/${shop.procedure.id}`,
      headers: t.admin.headers,
      payload: { ...content, unpaidReturn: 'refuse' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().unpaidReturn).toBe('refuse');
    await refusedReturn(d.id, { reason: 'Miễn lệ phí' }, 'fee_unpaid');
  });
});
