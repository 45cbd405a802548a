import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossierInput, buildOneStopShop } from '../../../test/factories/dossiers.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { paymentStatusOf } from './payments.fee-status.js';
import { transferReference } from './payments.vietqr.js';
import { signGeneric } from './payments.webhook.js';

const SECRET = 'bi-mat-cong-thanh-toan-thu-nghiem';
const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;

beforeAll(async () => {
  t = await createTestApp({ clock, config: { paymentWebhookSecret: SECRET } });
  shop = await buildOneStopShop(t);
});
afterAll(() => t.close());

async function receive(): Promise<{ id: string; code: string }> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: shop.desk.headers,
    payload: buildDossierInput(shop),
  });
  return r.json();
}

let txn = 0;
function delivery(
  body: Record<string, unknown>,
  opts: { secret?: string; timestamp?: number; tamper?: boolean } = {},
) {
  const raw = JSON.stringify({
    transactionId: `GD-${++txn}`,
    paidAt: '2026-11-23T08:59:00+07:00',
    ...body,
  });
  const ts = String(opts.timestamp ?? Math.floor(clock.now().getTime() / 1000));
  const sig = signGeneric(opts.secret ?? SECRET, ts, raw);
  return {
    method: 'POST' as const,
    url: '/api/v1/payments/webhooks/generic',
    headers: {
      'content-type': 'application/json',
      'x-timestamp': ts,
      'x-signature': `sha256=${sig}`,
    },
    payload: opts.tamper ? raw.replace('8000', '9000') : raw,
  };
}
const count = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from payment`.execute(t.db.kysely)).rows[0]!
    .n;

describe('webhook signature', () => {
  it('confirms a correctly signed payment naming the dossier, and issues the receipt', async () => {
    const d = await receive();
    const r = await t.app.inject(
      delivery({ amount: 8000, reference: `CK ${transferReference(d.code)} NGUYEN THI ANH` }),
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'confirmed', dossierCode: d.code, duplicate: false });
    expect(r.json().receiptNumber).toMatch(/^BL-2026-\d{6}$/);
    expect(await paymentStatusOf(t.db.kysely, d.id)).toMatchObject({
      status: 'paid',
      paidOnline: true,
    });
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action = 'payment.confirm' and entity_id = ${r.json().paymentId}`.execute(t.db.kysely);
    expect(audit.rows[0]!.n).toBe(1);
    // The applicant is told, once, even if the gateway delivers again.
    await t.app.inject(
      delivery({ amount: 8000, reference: `CK ${transferReference(d.code)} NGUYEN THI ANH` }),
    );
    const notices = await sql<{ n: number }>`select count(*)::int as n from notification_outbox
      where template = 'dossier.fee_paid' and channel = 'sms' and body like ${`%${d.code}%`}`.execute(
      t.db.kysely,
    );
    expect(notices.rows[0]!.n).toBe(1);
  });

  it('matches a code whose punctuation the bank app removed', async () => {
    const d = await receive();
    const r = await t.app.inject(
      delivery({ amount: 8000, reference: `LE PHI HS ${d.code.replace(/[.-]/g, '')}` }),
    );
    expect(r.json()).toMatchObject({ status: 'confirmed', dossierCode: d.code });
  });

  it('refuses a bad signature, a wrong secret, a tampered body and a stale timestamp with 401, storing nothing', async () => {
    const d = await receive();
    const before = await count();
    const body = { amount: 8000, reference: d.code };
    const bad = [
      delivery(body, { secret: 'mot-bi-mat-khac-hoan-toan-123' }),
      delivery(body, { tamper: true }),
      {
        ...delivery(body),
        headers: {
          'content-type': 'application/json',
          'x-timestamp': '1',
          'x-signature': 'sha256=00',
        },
      },
      { ...delivery(body), headers: { 'content-type': 'application/json' } },
    ];
    for (const req of bad) {
      const r = await t.app.inject(req);
      expect(r.statusCode).toBe(401);
      expect(r.json().code).toBe('invalid_signature');
    }
    const stale = await t.app.inject(
      delivery(body, { timestamp: Math.floor(clock.now().getTime() / 1000) - 301 }),
    );
    expect(stale.statusCode).toBe(401);
    expect(stale.json().code).toBe('stale_timestamp');
    const future = await t.app.inject(
      delivery(body, { timestamp: Math.floor(clock.now().getTime() / 1000) + 301 }),
    );
    expect(future.statusCode).toBe(401);
    expect(await count()).toBe(before);
    expect((await paymentStatusOf(t.db.kysely, d.id))?.status).toBe('unpaid');
    // A signed but malformed body is 400; an unconfigured provider 404.
    const malformed = await t.app.inject(delivery({ amount: -5, reference: d.code }));
    expect(malformed.statusCode).toBe(400);
    const unknown = await t.app.inject({
      ...delivery(body),
      url: '/api/v1/payments/webhooks/momo',
    });
    expect(unknown.statusCode).toBe(404);
    expect(await count()).toBe(before);
  });
});

describe('webhook idempotency', () => {
  it('answers a redelivery with the first result and stores nothing new', async () => {
    const d = await receive();
    const req = delivery({ amount: 8000, reference: d.code });
    const first = await t.app.inject(req);
    const before = await count();
    const second = await t.app.inject(req);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ ...first.json(), duplicate: true });
    expect(await count()).toBe(before);
  });

  it('stores one payment for two concurrent deliveries of one transaction', async () => {
    const d = await receive();
    const req = delivery({ amount: 8000, reference: d.code });
    const before = await count();
    const [a, b] = await Promise.all([t.app.inject(req), t.app.inject(req)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().paymentId).toBe(b.json().paymentId);
    expect([a.json().duplicate, b.json().duplicate].sort()).toEqual([false, true]);
    expect(await count()).toBe(before + 1);
    const receipts = await sql<{ n: number }>`select count(*)::int as n from payment
      where dossier_id = ${d.id} and receipt_number is not null`.execute(t.db.kysely);
    expect(receipts.rows[0]!.n).toBe(1);
  });
});

describe('a transfer for a refused, withdrawn or stopped dossier', () => {
  for (const status of ['refused', 'withdrawn', 'stopped'] as const) {
    it(`${status}: is kept as unmatched (not_payable), with no receipt and no notice`, async () => {
      const d = await receive();
      const act = async (body: Record<string, unknown>, headers: Record<string, string>) => {
        const r = await t.app.inject({
          method: 'POST',
          url: `/api/v1/dossiers/${d.id}/actions`,
          headers,
          payload: body,
        });
        expect(r.statusCode, r.body).toBe(200);
        return r.json().version as number;
      };
      const reason = 'Lý do thử nghiệm';
      if (status === 'refused')
        await act({ action: 'refuse', version: 1, reason }, shop.desk.headers);
      if (status === 'withdrawn')
        await act({ action: 'withdraw', version: 1, reason }, shop.desk.headers);
      if (status === 'stopped') {
        const v = await act({ action: 'assign', version: 1 }, shop.desk.headers);
        await act({ action: 'stop', version: v, reason }, shop.leader.headers);
      }
      const r = await t.app.inject(
        delivery({ amount: 8000, reference: `CK ${transferReference(d.code)}` }),
      );
      // The gateway is told we took it (the money is on record), but it settles nothing.
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({
        status: 'unmatched',
        dossierCode: d.code,
        receiptNumber: null,
        duplicate: false,
      });
      expect(await paymentStatusOf(t.db.kysely, d.id)).toMatchObject({ status: 'unpaid' });
      const row = await sql<{
        status: string;
        unmatched_reason: string;
        receipt_number: string | null;
      }>`
        select status, unmatched_reason, receipt_number from payment where id = ${r.json().paymentId}`.execute(
        t.db.kysely,
      );
      expect(row.rows).toEqual([
        { status: 'unmatched', unmatched_reason: 'not_payable', receipt_number: null },
      ]);
      const audit = await sql<{ action: string }>`select action from audit_log
        where entity_id = ${r.json().paymentId}`.execute(t.db.kysely);
      expect(audit.rows.map((a) => a.action)).toEqual(['payment.unmatched']);
      const notices = await sql<{ n: number }>`select count(*)::int as n from notification_outbox
        where template = 'dossier.fee_paid' and related_id = ${d.id}`.execute(t.db.kysely);
      expect(notices.rows[0]!.n).toBe(0);
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/v1/payments/unmatched',
        headers: shop.desk.headers,
      });
      expect(
        list.json().items.find((p: { id: string }) => p.id === r.json().paymentId),
      ).toMatchObject({ unmatchedReason: 'not_payable', dossierCode: d.code });
    });
  }
});

describe('unmatched payments', () => {
  it('are recorded for reconciliation and shown to the staff of the unit', async () => {
    const d = await receive();
    const noCode = await t.app.inject(delivery({ amount: 8000, reference: 'CHUYEN TIEN LE PHI' }));
    expect(noCode.json()).toMatchObject({
      status: 'unmatched',
      dossierCode: null,
      receiptNumber: null,
    });
    const wrong = await t.app.inject(delivery({ amount: 5000, reference: d.code }));
    expect(wrong.json()).toMatchObject({ status: 'unmatched', dossierCode: d.code });
    expect((await paymentStatusOf(t.db.kysely, d.id))?.status).toBe('unpaid');
    // Paid at the desk, then the transfer arrives too: kept, as already paid.
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/payments`,
      headers: shop.desk.headers,
      payload: { method: 'cash', amount: 8000 },
    });
    const late = await t.app.inject(delivery({ amount: 8000, reference: d.code }));
    expect(late.json()).toMatchObject({ status: 'unmatched', dossierCode: d.code });

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/payments/unmatched',
      headers: shop.desk.headers,
    });
    expect(list.statusCode).toBe(200);
    const byId = new Map(list.json().items.map((p: { id: string }) => [p.id, p]));
    expect(byId.get(noCode.json().paymentId)).toMatchObject({
      unmatchedReason: 'no_dossier',
      amount: 8000,
    });
    expect(byId.get(wrong.json().paymentId)).toMatchObject({
      unmatchedReason: 'wrong_amount',
      dossierCode: d.code,
    });
    expect(byId.get(late.json().paymentId)).toMatchObject({ unmatchedReason: 'already_paid' });
    // Another unit's specialist sees neither this unit's payments nor the unassigned ones.
    const other = await buildOneStopShop(t);
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/v1/payments/unmatched',
      headers: other.specialist.headers,
    });
    expect(theirs.json().items).toEqual([]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/payments/unmatched' })).statusCode,
    ).toBe(401);
  });
});
