import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDossierInput,
  buildOneStopShop,
  STAFF_PASSWORD,
} from '../../../test/factories/dossiers.js';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';

// Monday 23/11/2026 09:00 in Vietnam.
const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await buildOneStopShop(t);
});
afterAll(() => t.close());

const receive = (payload: object, key?: string, headers = shop.desk.headers) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload,
    headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) },
  });
const act = (id: string, body: Record<string, unknown>, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/actions`, payload: body, headers });
const get = (id: string, headers: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}`, headers });

/** Signs the shop's staff in again (after the test clock jumped past the session lifetime). */
async function relogin() {
  for (const p of [shop.desk, shop.specialist, shop.leader])
    p.headers = (await t.login(p.username, STAFF_PASSWORD)).headers;
  t.admin.headers = (await t.login('admin', ADMIN_PASSWORD)).headers;
}

describe('receipt', () => {
  it('gives the code {agencyId}-{yymmdd}-{seq:4}, the appointment and the first event', async () => {
    const res = await receive(buildDossierInput(shop));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.code).toMatch(/^000\.00\.\d{2}\.H01-261123-0001$/);
    expect(body).toMatchObject({
      status: 'received',
      version: 1,
      dueAt: '2026-11-26T10:00:00.000Z',
    }); // 3 working days → Thu 17:00 +07
    const d = (await get(body.id, shop.desk.headers)).json();
    expect(d.events).toHaveLength(1);
    expect(d.events[0]).toMatchObject({
      seq: 1,
      action: 'receive',
      fromStatus: null,
      toStatus: 'received',
    });
    expect(d.applicant.phone).toBe('0912345678'); // canonical form
    expect(d.feesDue).toBe(8000);
    expect(d.steps.length).toBeGreaterThanOrEqual(2);
    expect(d.steps.every((s: { dueAt: string }) => s.dueAt <= d.dueAt)).toBe(true);
    expect(d.allowedActions).toEqual(
      expect.arrayContaining(['assign', 'request_completion', 'refuse', 'withdraw']),
    );
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'dossier.receive' and entity_id = ${body.id}`.execute(
      t.db.kysely,
    );
    expect(audit.rows[0]!.n).toBe(1);
    // The code is numbered inside the receipt's statement; the SMS and the audit row that
    // were composed before it must carry the real code, not the placeholder.
    const written = await sql<{ body: string; payload: string; after: string }>`
      select o.body, o.payload::text as payload, a.after::text as after
      from notification_outbox o, audit_log a
      where o.related_id = ${body.id} and o.template = 'dossier.received' and o.channel = 'sms'
        and a.action = 'dossier.receive' and a.entity_id = ${body.id}`.execute(t.db.kysely);
    expect(written.rows).toHaveLength(1);
    const w = written.rows[0]!;
    for (const text of [w.body, w.payload, w.after]) {
      expect(text).toContain(body.code);
      expect(text).not.toContain('__DC');
    }
    expect(w.payload).toContain(`ma=${body.code}`);
  });

  it('is idempotent on Idempotency-Key, and refuses the key for another body', async () => {
    const input = buildDossierInput(shop);
    const a = await receive(input, 'khoa-thu-nghiem-0001');
    const b = await receive(input, 'khoa-thu-nghiem-0001');
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    const other = await receive(
      buildDossierInput(shop, { channel: 'postal' }),
      'khoa-thu-nghiem-0001',
    );
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('idempotency_key_reused');
  });

  it('explains bad input in Vietnamese and stores nothing', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from dossier`.execute(
      t.db.kysely,
    );
    const bad = buildDossierInput(shop);
    (bad.applicant as { citizenId: string }).citizenId = '12345';
    (bad.formData as { to_khai: { ngaySinh?: string } }).to_khai.ngaySinh = undefined;
    const res = await receive(bad);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('Nhập số CCCD gồm 12 chữ số');
    const formErr = await receive(
      buildDossierInput(shop, { formData: { to_khai: { hoTen: 'A' } } }),
    );
    expect(formErr.statusCode).toBe(400);
    expect(formErr.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.formData.to_khai.ngaySinh']),
    );
    const after = await sql<{ n: number }>`select count(*)::int as n from dossier`.execute(
      t.db.kysely,
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('sees a procedure changed a moment ago by another process (no stale cached copy)', async () => {
    const input = buildDossierInput(shop) as { procedureId: string };
    const first = await receive(input);
    expect(first.json().dueAt).toBe('2026-11-26T10:00:00.000Z'); // 3 working days
    // Written straight to the database, as another server process would.
    await sql`update procedure set processing_time_value = 5 where id = ${input.procedureId}`.execute(
      t.db.kysely,
    );
    try {
      const second = await receive(input);
      expect(second.statusCode, second.body).toBe(201);
      expect(second.json().dueAt).toBe('2026-11-30T10:00:00.000Z'); // 5 working days → Monday
    } finally {
      await sql`update procedure set processing_time_value = 3 where id = ${input.procedureId}`.execute(
        t.db.kysely,
      );
    }
  });

  it('refuses receipt by someone who is not a desk officer of the unit', async () => {
    const res = await receive(buildDossierInput(shop), undefined, shop.specialist.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('not_desk_officer');
  });
});

describe('lifecycle', () => {
  it('assign → finish → approve → return, with every event in order and the outcome', async () => {
    const { id } = (await receive(buildDossierInput(shop))).json();
    let d = (
      await act(
        id,
        { action: 'assign', version: 1, assigneeUsername: shop.specialist.username },
        shop.desk.headers,
      )
    ).json();
    expect(d).toMatchObject({
      status: 'in_progress',
      version: 2,
      assignee: { username: shop.specialist.username },
    });
    clock.advance(3600_000);
    const finished = await act(
      id,
      { action: 'finish', version: 2, resultSummary: 'Đã cấp Giấy khai sinh' },
      shop.specialist.headers,
    );
    expect(finished.statusCode, finished.body).toBe(200);
    d = finished.json();
    expect(d).toMatchObject({ status: 'processed', outcome: 'early' });
    // Not approved yet: the desk cannot return it.
    const early = await act(
      id,
      { action: 'return_result', version: 3, method: 'direct' },
      shop.desk.headers,
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('not_approved');
    d = (await act(id, { action: 'approve', version: 3 }, shop.leader.headers)).json();
    expect(d.approvedAt).not.toBeNull();
    // The fee is paid before the result is handed over (dossiers.unpaid-return.test.ts).
    const paid = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/payments`,
      headers: shop.desk.headers,
      payload: { method: 'cash', amount: 8000 },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    d = (
      await act(
        id,
        { action: 'return_result', version: 4, method: 'electronic' },
        shop.desk.headers,
      )
    ).json();
    expect(d.status).toBe('returned');
    expect(d.allowedActions).toEqual([]);
    expect(d.events.map((e: { action: string }) => e.action)).toEqual([
      'receive',
      'assign',
      'finish',
      'approve',
      'return_result',
    ]);
    expect(d.events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a stale version (409) and an action the state does not allow (409), changing nothing', async () => {
    const { id } = (await receive(buildDossierInput(shop))).json();
    await act(id, { action: 'assign', version: 1 }, shop.desk.headers);
    const stale = await act(
      id,
      { action: 'refuse', version: 1, reason: 'Thiếu giấy tờ' },
      shop.desk.headers,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const wrong = await act(id, { action: 'complete', version: 2 }, shop.desk.headers);
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().code).toBe('action_not_allowed');
    const role = await act(
      id,
      { action: 'finish', version: 2, resultSummary: 'x' },
      shop.desk.headers,
    );
    expect(role.statusCode).toBe(403);
    expect(role.json().code).toBe('action_forbidden_for_role');
    const d = (await get(id, shop.desk.headers)).json();
    expect(d).toMatchObject({ status: 'in_progress', version: 2 });
    expect(d.events).toHaveLength(2);
  });

  it('two officers acting on the same version: exactly one succeeds', async () => {
    const { id } = (await receive(buildDossierInput(shop))).json();
    const results = await Promise.all([
      act(id, { action: 'assign', version: 1 }, shop.desk.headers),
      act(
        id,
        { action: 'refuse', version: 1, reason: 'Không thuộc thẩm quyền' },
        shop.leader.headers,
      ),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('pauses the clock while awaiting completion and moves the appointment by exactly the paused working time', async () => {
    const { id, dueAt } = (await receive(buildDossierInput(shop))).json();
    await act(id, { action: 'assign', version: 1 }, shop.desk.headers);
    await act(
      id,
      {
        action: 'request_completion',
        version: 2,
        reason: 'Thiếu bản sao',
        items: ['Bản sao CCCD của cha'],
      },
      shop.specialist.headers,
    );
    clock.advance(2 * 86_400_000); // two calendar days = 15 working hours (Mon→Wed same time)
    await relogin(); // sessions expire after 8 idle hours of the frozen clock
    const done = await act(id, { action: 'complete', version: 3 }, shop.desk.headers);
    expect(done.statusCode, done.body).toBe(200);
    const d = done.json();
    expect(d.pausedMinutes).toBe(15 * 60);
    expect(new Date(d.dueAt).getTime()).toBeGreaterThan(new Date(dueAt).getTime());
    expect(d.events.at(-1).payload.pausedMinutes).toBe(15 * 60);
    // A second request makes it late whatever the finish time (regulations.md §5).
    await act(
      id,
      {
        action: 'request_completion',
        version: 4,
        reason: 'Thiếu chữ ký',
        items: ['Chữ ký người khai'],
      },
      shop.specialist.headers,
    );
    await act(id, { action: 'complete', version: 5 }, shop.desk.headers);
    const f = (
      await act(
        id,
        { action: 'finish', version: 6, resultSummary: 'Xong' },
        shop.specialist.headers,
      )
    ).json();
    expect(f.outcome).toBe('late');
    expect(f.completionRequests).toBe(2);
  });

  it('extends once with an apology letter, and refuses a second extension', async () => {
    const { id, dueAt } = (await receive(buildDossierInput(shop))).json();
    await act(id, { action: 'assign', version: 1 }, shop.desk.headers);
    const newDueAt = new Date(new Date(dueAt).getTime() + 3 * 86_400_000).toISOString();
    const ok = await act(
      id,
      { action: 'extend', version: 2, reason: 'Cần xác minh', newDueAt },
      shop.leader.headers,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ extended: true, dueAt: newDueAt, originalDueAt: dueAt });
    const again = await act(
      id,
      {
        action: 'extend',
        version: 3,
        reason: 'Lần nữa',
        newDueAt: new Date(new Date(newDueAt).getTime() + 86_400_000).toISOString(),
      },
      shop.leader.headers,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_extended');
  });
});

describe('scoping and public tracking', () => {
  it('hides dossiers of other units (404) and lists only the caller’s', async () => {
    const other = await buildOneStopShop(t);
    const { id } = (await receive(buildDossierInput(shop))).json();
    const res = await get(id, other.desk.headers);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('dossier_not_found');
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/dossiers', headers: other.desk.headers })
    ).json();
    expect(list.items).toEqual([]);
    const mine = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/dossiers?limit=2',
        headers: shop.desk.headers,
      })
    ).json();
    expect(mine.items).toHaveLength(2);
    expect(mine.nextCursor).not.toBeNull();
    expect(mine.counts.byStatus.received).toBeGreaterThan(0);
    const next = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers?limit=2&cursor=${encodeURIComponent(mine.nextCursor)}`,
        headers: shop.desk.headers,
      })
    ).json();
    expect(next.items[0].id).not.toBe(mine.items[1].id);
  });

  it('lists open dossiers by default, finished ones on request, and finds by code prefix', async () => {
    const all = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/dossiers?state=all&limit=200',
        headers: shop.desk.headers,
      })
    ).json();
    const returned = all.items.find((d: { status: string }) => d.status === 'returned');
    expect(returned).toBeDefined();
    const open = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/dossiers?limit=200',
        headers: shop.desk.headers,
      })
    ).json();
    expect(open.items.some((d: { id: string }) => d.id === returned.id)).toBe(false);
    expect(open.counts.byStatus.returned).toBeUndefined();
    const prefix = returned.code.slice(0, -2);
    const found = (
      await t.app.inject({
        method: 'GET',
        // A code (or its beginning) is looked for in every state by default.
        url: `/api/v1/dossiers?q=${encodeURIComponent(prefix)}`,
        headers: shop.desk.headers,
      })
    ).json();
    expect(found.items.map((d: { id: string }) => d.id)).toContain(returned.id);
    const byName = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers?state=all&q=${encodeURIComponent('thị ánh')}`,
      headers: shop.desk.headers,
    });
    expect(byName.json().items.length).toBeGreaterThan(0);
  });

  it('tracks publicly by code and phone, without personal data', async () => {
    const { code } = (await receive(buildDossierInput(shop))).json();
    const ok = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/dossiers/${code}?phone=0912345678`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ code, status: 'received', statusLabel: 'Mới tiếp nhận' });
    expect(ok.body).not.toContain('Nguyễn Thị Ánh');
    expect(ok.body).not.toContain('089301001234');
    const wrong = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/dossiers/${code}?phone=0987654321`,
    });
    expect(wrong.statusCode).toBe(404);
  });
});

describe('forms and files', () => {
  it('prints form 01 as a PDF with the code, and refuses form 03 before any refusal', async () => {
    const { id, code } = (await receive(buildDossierInput(shop))).json();
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${id}/forms/01.pdf`,
      headers: shop.desk.headers,
    });
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { PDFParse } = await import('pdf-parse');
    const text = (await new PDFParse({ data: new Uint8Array(pdf.rawPayload) }).getText()).text;
    expect(text.replace(/\s+/g, ' ')).toContain(code);
    expect(text).toContain('Nguyễn Thị Ánh');
    const none = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${id}/forms/03.pdf`,
      headers: shop.desk.headers,
    });
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('form_not_applicable');
  });

  it('exports the register (form 07) as XLSX', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/register.xlsx?unit=${shop.unit.code}&from=2026-11-01&to=2026-12-31`,
      headers: shop.leader.headers,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('Nguyễn Thị Ánh');
  });

  it('stores an attachment checked by type and content, and gives it back', async () => {
    const { id } = (await receive(buildDossierInput(shop))).json();
    const pdf = Buffer.from('%PDF-1.4\n% bản scan\n');
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/files?kind=attachment&component=to_khai&filename=${encodeURIComponent('../../etc/tờ khai.pdf')}`,
      headers: { ...shop.desk.headers, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().filename).not.toContain('/');
    const fake = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/files?kind=attachment&component=to_khai&filename=x.pdf`,
      headers: { ...shop.desk.headers, 'content-type': 'application/pdf' },
      payload: Buffer.from('MZ\x90\x00 not a pdf'),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().code).toBe('file_content_mismatch');
    const down = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${id}/files/${up.json().id}`,
      headers: shop.desk.headers,
    });
    expect(down.statusCode).toBe(200);
    expect(Buffer.compare(down.rawPayload, pdf)).toBe(0);
  });
});
