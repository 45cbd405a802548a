// Documents through the API on a real database: registration numbers, direction into tasks,
// handling, the approval flow's allowed and refused steps, scope (404), search.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { isOverdue as isTaskOverdue } from '../tasks/index.js';
import { isOverdue as isDocumentOverdue } from './documents.query.js';
import {
  buildDocumentWorld,
  call,
  type DocumentWorld,
  paperDocument,
} from './documents.test-support.js';

vi.setConfig({ testTimeout: 240_000 });

/** Monday 25/01/2027 09:00 in Vietnam: Tết 2027 (days off 05–11/02) lies ahead. */
const clock = new FixedClock(new Date('2027-01-25T09:00:00+07:00'));
let t: TestApp;
let w: DocumentWorld;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await buildDocumentWorld(t);
}, 120_000);
afterAll(async () => t?.close());

const act = (who: { headers: Record<string, string> }, id: string, body: Record<string, unknown>) =>
  call(t, who.headers, 'POST', `/documents/${id}/actions`, body);

describe('incoming documents', () => {
  it('registers with the next arrival number, and only the unit’s office may', async () => {
    const a = await call(t, w.clerkA.headers, 'POST', '/documents/incoming', paperDocument());
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ arrivalNumber: 1, status: 'registered' });
    const b = await call(
      t,
      w.clerkA.headers,
      'POST',
      '/documents/incoming',
      paperDocument({ codeNumber: '126' }),
    );
    expect(b.body.arrivalNumber).toBe(2);
    // Another unit's register runs on its own.
    const c = await call(t, w.clerkB.headers, 'POST', '/documents/incoming', paperDocument());
    expect(c.body.arrivalNumber).toBe(1);
    const refused = await call(
      t,
      w.specialistA.headers,
      'POST',
      '/documents/incoming',
      paperDocument(),
    );
    expect(refused.status).toBe(403);
    // Other units' staff see nothing of it: 404.
    expect((await call(t, w.specialistB.headers, 'GET', `/documents/${a.body.id}`)).status).toBe(
      404,
    );
    expect((await call(t, w.clerkB.headers, 'GET', `/documents/${a.body.id}`)).status).toBe(404);
  });

  it('keeps a confidential document’s content out', async () => {
    const r = await call(
      t,
      w.clerkA.headers,
      'POST',
      '/documents/incoming',
      paperDocument({ confidentiality: 'secret' }),
    );
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('confidential_content');
    const ok = await call(
      t,
      w.clerkA.headers,
      'POST',
      '/documents/incoming',
      paperDocument({ confidentiality: 'secret', files: [] }),
    );
    expect(ok.status).toBe(201);
  });

  it('goes from the office to the leader’s direction, a task for the lead, and done', async () => {
    const reg = await call(
      t,
      w.clerkA.headers,
      'POST',
      '/documents/incoming',
      paperDocument({ deadline: '2027-02-06' }),
    );
    const id = reg.body.id as string;
    let d = (await call(t, w.clerkA.headers, 'GET', `/documents/${id}`)).body;
    expect(d.allowedActions).toEqual(expect.arrayContaining(['propose', 'return']));
    expect(
      (
        await act(w.clerkA, id, {
          action: 'propose',
          version: d.version,
          note: 'Kính trình lãnh đạo cho ý kiến.',
        })
      ).status,
    ).toBe(200);
    // The specialist cannot see it before it is assigned.
    expect((await call(t, w.specialistA.headers, 'GET', `/documents/${id}`)).status).toBe(404);
    // A stale version is refused with 409 and changes nothing.
    const stale = await act(w.leaderA, id, {
      action: 'direct',
      version: d.version,
      direction: 'x',
      assignments: [{ role: 'lead', unitCode: w.units.A, userId: w.specialistA.id }],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    d = (await call(t, w.leaderA.headers, 'GET', `/documents/${id}`)).body;
    expect(d.allowedActions).toContain('direct');
    // The clerk may not direct.
    expect(
      (
        await act(w.clerkA, id, {
          action: 'direct',
          version: d.version,
          direction: 'x',
          assignments: [{ role: 'lead', unitCode: w.units.A }],
        })
      ).status,
    ).toBe(403);
    const directed = await act(w.leaderA, id, {
      action: 'direct',
      version: d.version,
      direction: 'Giao đồng chí chuyên viên tham mưu, báo cáo trước hạn.',
      assignments: [{ role: 'lead', unitCode: w.units.A, userId: w.specialistA.id }],
    });
    expect(directed.status, JSON.stringify(directed.body)).toBe(200);
    // 06/02/2027 falls in Tết (05–11/02): the task's deadline moves to the next working day.
    expect(directed.body.deadline).toBe('2027-02-12');
    const taskId = directed.body.assignments[0].taskId as string;
    const task = await call(t, w.specialistA.headers, 'GET', `/tasks/${taskId}`);
    expect(task.status).toBe(200);
    expect(task.body).toMatchObject({
      source: { type: 'document', id },
      deadlineOn: '2027-02-12',
      status: 'not_started',
    });
    // On the deadline neither the task nor the document is overdue; the next working day both are.
    const row = { status: 'not_started', deadline_on: task.body.deadlineOn as string };
    expect(isTaskOverdue(row, '2027-02-12')).toBe(false);
    expect(isTaskOverdue(row, '2027-02-15')).toBe(true);
    const doc = {
      direction: 'incoming' as const,
      status: 'directed' as const,
      deadline: '2027-02-12',
    };
    expect(isDocumentOverdue(doc, '2027-02-12')).toBe(false);
    expect(isDocumentOverdue(doc, '2027-02-15')).toBe(true);
    expect(isDocumentOverdue({ ...doc, status: 'done' }, '2027-02-15')).toBe(false);
    // Now the specialist sees it, in the todo box.
    const todo = await call(t, w.specialistA.headers, 'GET', '/documents?box=todo');
    expect(todo.body.items.map((x: { id: string }) => x.id)).toContain(id);
    d = (await call(t, w.specialistA.headers, 'GET', `/documents/${id}`)).body;
    expect(d.allowedActions).toEqual(expect.arrayContaining(['start', 'complete']));
    const done = await act(w.specialistA, id, {
      action: 'complete',
      version: d.version,
      note: 'Đã tham mưu văn bản trả lời.',
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    expect((await call(t, w.specialistA.headers, 'GET', `/tasks/${taskId}`)).body).toMatchObject({
      status: 'done',
      onTime: true,
    });
    expect(done.body.events.map((e: { action: string }) => e.action)).toEqual([
      'register',
      'propose',
      'direct',
      'complete',
    ]);
    // An action the status no longer allows: 409.
    const again = await act(w.specialistA, id, { action: 'complete', version: done.body.version });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('action_not_allowed');
  });

  it('finds documents without diacritics and with a typo, only among those the caller may see', async () => {
    await call(
      t,
      w.clerkA.headers,
      'POST',
      '/documents/incoming',
      paperDocument({ summary: 'Về việc kiểm tra an toàn thông tin mạng' }),
    );
    const plain = await call(
      t,
      w.clerkA.headers,
      'GET',
      `/documents?box=incoming&q=${encodeURIComponent('an toan thong tin')}`,
    );
    expect(plain.body.items.map((x: { summary: string }) => x.summary)).toContain(
      'Về việc kiểm tra an toàn thông tin mạng',
    );
    const typo = await call(
      t,
      w.clerkA.headers,
      'GET',
      `/documents?box=incoming&q=${encodeURIComponent('kiemr tra')}`,
    );
    expect(typo.body.items.map((x: { summary: string }) => x.summary)).toContain(
      'Về việc kiểm tra an toàn thông tin mạng',
    );
    const other = await call(
      t,
      w.clerkB.headers,
      'GET',
      `/documents?box=incoming&q=${encodeURIComponent('an toan thong tin')}`,
    );
    expect(other.body.items).toEqual([]);
  });
});

describe('registers', () => {
  it('exports the incoming register of the unit as XLSX, in arrival order', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/v1/documents/register.xlsx?direction=incoming&from=2027-01-01&to=2027-01-31',
      headers: w.clerkA.headers,
    });
    expect(r.statusCode, r.body).toBe(200);
    const { loadWorkbook, cellText } = await import('../../platform/xlsx/xlsx.js');
    const ws = (await loadWorkbook(r.rawPayload)).getWorksheet('Sổ văn bản đến')!;
    expect(cellText(ws.getRow(1).getCell(2).value)).toBe('Số đến');
    const numbers = [];
    for (let i = 2; i <= ws.rowCount; i++)
      numbers.push(Number(cellText(ws.getRow(i).getCell(2).value)));
    expect(numbers.length).toBeGreaterThan(2);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(cellText(ws.getRow(2).getCell(4).value)).toBe('125/STTTT-CĐS');
    expect(cellText(ws.getRow(2).getCell(1).value)).toBe('25/01/2027');
    // A specialist keeps no register: 403; another unit's register: 403.
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/documents/register.xlsx?direction=incoming&from=2027-01-01&to=2027-01-31',
          headers: w.specialistA.headers,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/documents/register.xlsx?direction=incoming&unit=${w.units.A}&from=2027-01-01&to=2027-01-31`,
          headers: w.clerkB.headers,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('outgoing documents', () => {
  const draft = (over: Record<string, unknown> = {}) => ({
    typeCode: 'KH',
    summary: 'Kế hoạch chuyển đổi số năm 2027',
    paragraphs: [
      'Căn cứ Kế hoạch của Ủy ban nhân dân thành phố.',
      'Ủy ban nhân dân phường ban hành Kế hoạch như sau.',
    ],
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Cán bộ ld.a' },
    recipients: { units: [], external: [], places: ['UBND thành phố'] },
    ...over,
  });

  it('walks the approval flow; refused steps say why', async () => {
    const c = await call(
      t,
      w.specialistA.headers,
      'POST',
      '/documents/outgoing',
      draft({ signer: { title: 'CHỦ TỊCH', name: 'Lãnh đạo A', userId: w.leaderA.id } }),
    );
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(c.body).toMatchObject({
      status: 'draft',
      allowedActions: expect.arrayContaining(['revise', 'submit']),
    });
    const id = c.body.id as string;
    const revised = await act(w.specialistA, id, {
      action: 'revise',
      version: c.body.version,
      content: draft({
        summary: 'Kế hoạch chuyển đổi số năm 2027 (sửa)',
        signer: { title: 'CHỦ TỊCH', name: 'Lãnh đạo A', userId: w.leaderA.id },
      }),
      comment: 'Sửa trích yếu',
    });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    expect(revised.body.versions.map((v: { no: number }) => v.no)).toEqual([1, 2]);
    // The leader cannot approve a draft not submitted.
    expect(
      (await act(w.leaderA, id, { action: 'approve', version: revised.body.version })).status,
    ).toBe(409);
    const sub = await act(w.specialistA, id, { action: 'submit', version: revised.body.version });
    expect(sub.body).toMatchObject({ status: 'in_review', reviewStep: 0 });
    // Step 1 is the office's: the leader may not take it.
    expect(
      (await act(w.leaderA, id, { action: 'approve', version: sub.body.version })).status,
    ).toBe(403);
    const office = await act(w.clerkA, id, {
      action: 'approve',
      version: sub.body.version,
      comment: 'Đúng thể thức.',
    });
    expect(office.body).toMatchObject({ status: 'in_review', reviewStep: 1 });
    const back = await act(w.leaderA, id, {
      action: 'reject',
      version: office.body.version,
      comment: 'Bổ sung nội dung mục 2.',
    });
    expect(back.body.status).toBe('draft');
    const sub2 = await act(w.specialistA, id, { action: 'submit', version: back.body.version });
    const o2 = await act(w.clerkA, id, { action: 'approve', version: sub2.body.version });
    const l2 = await act(w.leaderA, id, { action: 'approve', version: o2.body.version });
    expect(l2.body.status).toBe('approved');
    expect(l2.body.allowedActions).toContain('sign');
    // Others of the city cannot see a ward's draft; the city leader (above) can read it.
    expect((await call(t, w.specialistB.headers, 'GET', `/documents/${id}`)).status).toBe(404);
    expect((await call(t, w.cityLeader.headers, 'GET', `/documents/${id}`)).status).toBe(200);
  });
});

describe('overdue documents (the dashboard’s list)', () => {
  it('lists open documents past their deadline, in the chosen unit, until handled', async () => {
    const late = await call(
      t,
      w.clerkA.headers,
      'POST',
      '/documents/incoming',
      paperDocument({ summary: 'Văn bản quá hạn xử lý', deadline: '2027-01-20' }),
    );
    const onTime = await call(
      t,
      w.clerkA.headers,
      'POST',
      '/documents/incoming',
      paperDocument({ summary: 'Văn bản còn hạn', deadline: '2027-02-20' }),
    );
    const ids = async (who: { headers: Record<string, string> }, query: string) =>
      (
        await call(t, who.headers, 'GET', `/documents?box=incoming&overdue=true${query}`)
      ).body.items.map((x: { id: string }) => x.id);
    const a = await ids(w.leaderA, '');
    expect(a).toContain(late.body.id);
    expect(a).not.toContain(onTime.body.id);
    // The city's leader sees it under ward A, not under ward B.
    expect(await ids(w.cityLeader, `&unit=${w.units.A}`)).toContain(late.body.id);
    expect(await ids(w.cityLeader, `&unit=${w.units.B}`)).not.toContain(late.body.id);
    // Another ward's staff never see it, whatever unit they ask for.
    expect(await ids(w.clerkB, `&unit=${w.units.A}`)).not.toContain(late.body.id);
    // Handled (returned here): no longer overdue.
    await act(w.leaderA, late.body.id, {
      action: 'return',
      version: 1,
      reason: 'Không thuộc thẩm quyền.',
    });
    expect(await ids(w.leaderA, '')).not.toContain(late.body.id);
  });
});
