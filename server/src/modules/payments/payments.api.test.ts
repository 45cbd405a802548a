import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDossierInput,
  buildOneStopShop,
  STAFF_PASSWORD,
} from '../../../test/factories/dossiers.js';
import { buildProcedureInput } from '../../../test/factories/procedures.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { scanFacts } from '../../platform/facts/index.js';
import { readPdf } from '../dossiers/forms/pdf-test-utils.js';
import { seedDemoPaymentAccount } from './payments.demo.js';
import { paymentStatusOf } from './payments.fee-status.js';
import { decodeVietQr } from './payments.vietqr.js';

// Monday 23/11/2026 09:00 in Vietnam.
const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
const PHONE = '0912345678';

beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await buildOneStopShop(t);
  // The province above the shop's commune pays into one account; the commune inherits it.
  const put = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/payment-accounts/${shop.unit.parentCode}`,
    headers: t.admin.headers,
    payload: { bankBin: '970415', accountNumber: '1234567890', accountName: 'Ubnd tinh thu' },
  });
  expect(put.statusCode, put.body).toBe(200);
});
afterAll(() => t.close());

async function receive(s = shop): Promise<{ id: string; code: string }> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: s.desk.headers,
    payload: buildDossierInput(s),
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}
const confirm = (id: string, payload: object, headers = shop.desk.headers) =>
  t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/payments`, headers, payload });
const publicPayment = (code: string, q = `phone=${PHONE}`) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/public/dossiers/${encodeURIComponent(code)}/payment?${q}`,
  });

describe('payee accounts', () => {
  it('are inherited from the nearest ancestor, set by its administrator and audited', async () => {
    const admin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.admin.headers,
      payload: {
        username: `qt.${shop.unit.code.toLowerCase()}`,
        password: STAFF_PASSWORD,
        fullName: 'Quản trị xã',
        roles: [{ role: 'admin', unitCode: shop.unit.code }],
      },
    });
    expect(admin.statusCode, admin.body).toBe(201);
    const qt = await t.login(`qt.${shop.unit.code.toLowerCase()}`, STAFF_PASSWORD);
    const get = await t.app.inject({
      method: 'GET',
      url: `/api/v1/payment-accounts/${shop.unit.code}`,
      headers: qt.headers,
    });
    expect(get.statusCode).toBe(200);
    expect(get.json().own).toBeNull();
    expect(get.json().effective).toMatchObject({
      unitCode: shop.unit.parentCode,
      bankBin: '970415',
      accountName: 'UBND TINH THU',
    });
    // The commune's administrator may not touch the province's account, nor may a desk.
    for (const [url, headers] of [
      [`/api/v1/payment-accounts/${shop.unit.parentCode}`, qt.headers],
      [`/api/v1/payment-accounts/${shop.unit.code}`, shop.desk.headers],
    ] as const) {
      const r = await t.app.inject({
        method: 'PUT',
        url,
        headers,
        payload: { bankBin: '970436', accountNumber: '999999', accountName: 'UBND X' },
      });
      expect(r.statusCode).toBe(403);
    }
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/payment-accounts/${shop.unit.code}`,
      headers: qt.headers,
      payload: { bankBin: '123456', accountNumber: '12 34', accountName: '' },
    });
    expect(bad.statusCode).toBe(400);
    const unknownBank = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/payment-accounts/${shop.unit.code}`,
      headers: qt.headers,
      payload: { bankBin: '123456', accountNumber: '1234', accountName: 'UBND XA' },
    });
    expect(unknownBank.json().code).toBe('unknown_bank');
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action = 'payment_account.update' and entity_id = ${shop.unit.parentCode}`.execute(
      t.db.kysely,
    );
    expect(audits.rows[0]!.n).toBe(1);
  });
});

describe("the citizen's payment page", () => {
  it('shows the amount, the VietQR code with the dossier code and the bank details', async () => {
    const d = await receive();
    const r = await publicPayment(d.code);
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json();
    expect(p).toMatchObject({
      amount: 8000,
      currency: 'VND',
      status: 'unpaid',
      paidOnline: null,
      payable: true,
      feeItems: [{ name: 'Lệ phí', amount: 8000 }],
      payee: { accountNumber: '1234567890', accountName: 'UBND TINH THU' },
      receipts: [],
    });
    expect(p.payee.bankName).toContain('VietinBank');
    expect(p.transferReference).toContain(d.code);
    expect(decodeVietQr(p.qr.payload)).toEqual({
      bankBin: '970415',
      accountNumber: '1234567890',
      amount: 8000,
      reference: p.transferReference,
    });
    expect(p.qr.svg).toMatch(/^data:image\/svg\+xml;base64,/);
    // By citizen ID too; a wrong proof or code is 404 either way.
    expect((await publicPayment(d.code, 'citizenId=089301001234')).statusCode).toBe(200);
    expect((await publicPayment(d.code, 'phone=0987654321')).statusCode).toBe(404);
    expect((await publicPayment(`${d.code}9`)).statusCode).toBe(404);
    expect((await publicPayment(d.code, '')).statusCode).toBe(400);
  });
});

describe('desk confirmation', () => {
  it('checks who and how much, then records, numbers the receipt and audits', async () => {
    const d = await receive();
    // A desk officer of another unit does not see the dossier at all.
    const other = await buildOneStopShop(t);
    expect(
      (await confirm(d.id, { method: 'cash', amount: 8000 }, other.desk.headers)).statusCode,
    ).toBe(404);
    // A specialist of the unit sees it but is not the desk.
    const sp = await confirm(d.id, { method: 'cash', amount: 8000 }, shop.specialist.headers);
    expect(sp.statusCode).toBe(403);
    expect(sp.json().code).toBe('not_desk_officer');
    const wrong = await confirm(d.id, { method: 'cash', amount: 5000 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'amount_mismatch', due: 8000 });
    expect(wrong.json().detail).toContain('8.000 đồng');
    expect((await confirm(d.id, { method: 'cheque', amount: 8000 })).statusCode).toBe(400);

    const ok = await confirm(d.id, { method: 'cash', amount: 8000, reference: 'Quầy 2' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      status: 'confirmed',
      method: 'cash',
      online: false,
      amount: 8000,
      confirmedByName: 'Cán bộ desk',
    });
    expect(ok.json().receiptNumber).toMatch(/^BL-2026-\d{6}$/);
    const again = await confirm(d.id, { method: 'cash', amount: 8000 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_paid');
    const audit = await sql<{ after: { receiptNumber: string } }>`select after from audit_log
      where action = 'payment.confirm' and entity_id = ${ok.json().id}`.execute(t.db.kysely);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.after.receiptNumber).toBe(ok.json().receiptNumber);
    // The applicant is told, with the receipt number (SMS to the phone given at receipt).
    const notice = await t.db.kysely
      .selectFrom('notification_outbox')
      .select(['channel', 'recipient', 'body'])
      .where('template', '=', 'dossier.fee_paid')
      .where('body', 'like', `%${d.code}%`)
      .execute();
    expect(notice.map((n) => n.channel)).toContain('sms');
    expect(notice[0]!.body).toContain(ok.json().receiptNumber);

    expect(await paymentStatusOf(t.db.kysely, d.id)).toMatchObject({
      status: 'paid',
      feesDue: 8000,
      paidOnline: false,
    });
    const p = (await publicPayment(d.code)).json();
    expect(p).toMatchObject({ status: 'paid', paidOnline: false, qr: null, payable: false });
    expect(p.receipts).toHaveLength(1);

    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${d.id}/payments`,
      headers: shop.leader.headers,
    });
    expect(staff.json()).toMatchObject({ status: 'paid', canConfirm: false });
    expect(staff.json().payments[0].receiptUrl).toContain('/receipt.pdf');
  });

  it('counts a bank transfer as paid online, and refuses a dossier without fees', async () => {
    const d = await receive();
    const ok = await confirm(d.id, { method: 'bank_transfer', amount: 8000, reference: 'FT2611' });
    expect(ok.json().online).toBe(true);
    expect((await paymentStatusOf(t.db.kysely, d.id))?.paidOnline).toBe(true);

    const free = await t.app.inject({
      method: 'POST',
      url: '/api/v1/procedures',
      headers: t.admin.headers,
      payload: buildProcedureInput({ fees: [] }),
    });
    expect(free.statusCode, free.body).toBe(201);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: shop.desk.headers,
      payload: buildDossierInput({ unit: shop.unit, procedure: free.json() }),
    });
    const nofee = r.json();
    const c = await confirm(nofee.id, { method: 'cash', amount: 8000 });
    expect(c.statusCode).toBe(409);
    expect(c.json().code).toBe('payment_not_required');
    expect((await publicPayment(nofee.code)).json()).toMatchObject({
      status: 'not_required',
      amount: 0,
      qr: null,
    });
    expect((await paymentStatusOf(t.db.kysely, nofee.id))?.status).toBe('not_required');
  });
});

/** Takes one dossier action as `headers`, expecting success; returns the new version. */
async function act(id: string, body: Record<string, unknown>, headers: Record<string, string>) {
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${id}/actions`,
    headers,
    payload: body,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().version as number;
}

/** A fresh dossier of the shop brought to a final status where no fee is collected. */
async function closedDossier(status: 'refused' | 'withdrawn' | 'stopped') {
  const d = await receive();
  const reason = 'Lý do thử nghiệm';
  if (status === 'refused')
    await act(d.id, { action: 'refuse', version: 1, reason }, shop.desk.headers);
  if (status === 'withdrawn')
    await act(d.id, { action: 'withdraw', version: 1, reason }, shop.desk.headers);
  if (status === 'stopped') {
    const v = await act(d.id, { action: 'assign', version: 1 }, shop.desk.headers);
    await act(d.id, { action: 'stop', version: v, reason }, shop.leader.headers);
  }
  return d;
}

describe('no fee on a refused, withdrawn or stopped dossier', () => {
  for (const status of ['refused', 'withdrawn', 'stopped'] as const) {
    it(`${status}: the desk is refused (409 dossier_not_payable), nothing is stored, the citizen sees nothing to pay`, async () => {
      const d = await closedDossier(status);
      const before = await sql<{ n: number }>`select count(*)::int as n from audit_log
        where action = 'payment.confirm'`.execute(t.db.kysely);
      const r = await confirm(d.id, { method: 'cash', amount: 8000 });
      expect(r.statusCode, r.body).toBe(409);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json()).toMatchObject({ code: 'dossier_not_payable', status: 409 });
      expect(r.json().detail).toContain('không thu phí, lệ phí');
      const stored = await sql<{ n: number }>`select count(*)::int as n from payment
        where dossier_id = ${d.id}`.execute(t.db.kysely);
      expect(stored.rows[0]!.n).toBe(0);
      const after = await sql<{ n: number }>`select count(*)::int as n from audit_log
        where action = 'payment.confirm'`.execute(t.db.kysely);
      expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
      expect((await paymentStatusOf(t.db.kysely, d.id))?.status).toBe('unpaid');
      // The desk is not offered the button; the citizen gets no QR code or reference.
      const staff = await t.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${d.id}/payments`,
        headers: shop.desk.headers,
      });
      expect(staff.json()).toMatchObject({ status: 'unpaid', payable: false, canConfirm: false });
      expect((await publicPayment(d.code)).json()).toMatchObject({
        status: 'unpaid',
        payable: false,
        qr: null,
        payee: null,
        transferReference: null,
      });
    });
  }
});

describe('receipts', () => {
  it('are numbered without gaps per unit and year, also when confirmed concurrently', async () => {
    const s = await buildOneStopShop(t);
    const ds = [];
    for (let i = 0; i < 6; i++) ds.push(await receive(s));
    const results = await Promise.all(
      ds.map((d) => confirm(d.id, { method: 'cash', amount: 8000 }, s.desk.headers)),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const numbers = results.map((r) => r.json().receiptNumber as string).sort();
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6].map((n) => `BL-2026-00000${n}`));
    // Two desks confirming the same dossier at once: one payment, one receipt.
    const d = await receive(s);
    const race = await Promise.all([
      confirm(d.id, { method: 'cash', amount: 8000 }, s.desk.headers),
      confirm(d.id, { method: 'card', amount: 8000 }, s.desk.headers),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const won = race.find((r) => r.statusCode === 201)!.json();
    expect(won.receiptNumber).toBe('BL-2026-000007');
  });

  it('print the unit, number, payer, dossier, fees, total in words and method (PDF)', async () => {
    const d = await receive();
    const ok = (await confirm(d.id, { method: 'bank_transfer', amount: 8000 })).json();
    const pub = (await publicPayment(d.code)).json();
    const res = await t.app.inject({ method: 'GET', url: pub.receipts[0].url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = await readPdf(res.rawPayload);
    for (const s of [
      'BIÊN LAI THU PHÍ, LỆ PHÍ',
      `Số: ${ok.receiptNumber}`,
      'Người nộp: Nguyễn Thị Ánh',
      `Mã hồ sơ: ${d.code}`,
      'Lệ phí',
      '8.000 đồng',
      'Số tiền bằng chữ: Tám nghìn đồng',
      'Hình thức thanh toán: Chuyển khoản ngân hàng',
      'Thanh toán trực tuyến: Có',
      'ngày 23 tháng 11 năm 2026',
    ])
      expect(text).toContain(s);
    // The staff twin is the same document; strangers and other units get 404.
    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${d.id}/payments/${ok.id}/receipt.pdf`,
      headers: shop.desk.headers,
    });
    expect(staff.statusCode).toBe(200);
    const other = await buildOneStopShop(t);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/dossiers/${d.id}/payments/${ok.id}/receipt.pdf`,
          headers: other.desk.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: pub.receipts[0].url.replace(PHONE, '0987654321') }))
        .statusCode,
    ).toBe(404);
  });
});

describe('the dossier fact (issue 12)', () => {
  it('marks a dossier paid, and paid online, in the transaction that confirms the payment', async () => {
    const s = await buildOneStopShop(t);
    const [a, b, c] = [await receive(s), await receive(s), await receive(s)];
    await confirm(a.id, { method: 'bank_transfer', amount: 8000 }, s.desk.headers);
    await confirm(b.id, { method: 'cash', amount: 8000 }, s.desk.headers);
    const facts = new Map(
      (await scanFacts(t.db.kysely, { kind: 'dossier', limit: 1000 })).map((f) => [f.subjectId, f]),
    );
    const today = '2026-11-23'; // the fixed clock's day in Vietnam
    expect(facts.get(a.id)?.data).toMatchObject({
      feesDue: 8000,
      feeBearing: true,
      paid: true,
      paidOnline: true,
      paidOn: today,
    });
    expect(facts.get(b.id)?.data).toMatchObject({ paid: true, paidOnline: false, paidOn: today });
    expect(facts.get(c.id)?.data).toMatchObject({ feeBearing: true });
    expect(facts.get(c.id)?.data).not.toHaveProperty('paid');
    // A second payment of a paid dossier is refused: its transaction rolls back, no fact moves.
    const pending = await queued(a.id);
    const again = await confirm(a.id, { method: 'cash', amount: 8000 }, s.desk.headers);
    expect(again.statusCode).toBe(409);
    expect(await queued(a.id)).toBe(pending);
    expect(
      (await scanFacts(t.db.kysely, { kind: 'dossier', limit: 1000 })).find(
        (f) => f.subjectId === a.id,
      )?.data,
    ).toMatchObject({ paidOnline: true });
  });
});

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

describe('contract', () => {
  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/payment-accounts/{unitCode}',
      '/api/v1/public/dossiers/{code}/payment',
      '/api/v1/public/dossiers/{code}/payments/{paymentId}/receipt.pdf',
      '/api/v1/dossiers/{id}/payments',
      '/api/v1/dossiers/{id}/payments/{paymentId}/receipt.pdf',
      '/api/v1/payments/unmatched',
      '/api/v1/payments/webhooks/{provider}',
      '/api/v1/payment-banks',
    ])
      expect(doc.paths[path], path).toBeDefined();
    const banks = await t.app.inject({
      method: 'GET',
      url: '/api/v1/payment-banks',
      headers: shop.desk.headers,
    });
    expect(banks.json().items).toContainEqual(
      expect.objectContaining({ bin: '970415', shortName: 'VietinBank' }),
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/payment-banks' })).statusCode).toBe(
      401,
    );
  });

  it('seeds the fictional demo account of Long Xuyên once', async () => {
    await seedDemoPaymentAccount(t.db.kysely);
    await seedDemoPaymentAccount(t.db.kysely);
    const rows = await t.db.kysely
      .selectFrom('payment_account')
      .selectAll()
      .where('unit_code', '=', '883')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.account_name).toContain('DEMO');
  });
});
