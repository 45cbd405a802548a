// Work files (hồ sơ công việc) through the API on a real database: numbering per unit and year,
// filing a document as its handling completes, who reads and who changes, closing, reopening,
// the `work_files.closed` indicator.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { drainFacts } from '../indicators/index.js';
import {
  buildDocumentWorld,
  call,
  type DocumentWorld,
  paperDocument,
} from './documents.test-support.js';

vi.setConfig({ testTimeout: 240_000 });

const clock = new FixedClock(new Date('2027-03-02T09:00:00+07:00'));
let t: TestApp;
let w: DocumentWorld;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await buildDocumentWorld(t);
}, 120_000);
afterAll(async () => t?.close());

type Who = { headers: Record<string, string> };
const act = (who: Who, id: string, body: Record<string, unknown>) =>
  call(t, who.headers, 'POST', `/work-files/${id}/actions`, body);

/** A ward A document registered and directed to ward A's specialist (version 2). */
async function directedToSpecialistA(summary: string): Promise<string> {
  const r = await call(
    t,
    w.clerkA.headers,
    'POST',
    '/documents/incoming',
    paperDocument({ summary }),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const d = await call(t, w.leaderA.headers, 'POST', `/documents/${r.body.id}/actions`, {
    action: 'direct',
    version: 1,
    direction: 'Giao chuyên viên tham mưu.',
    assignments: [{ role: 'lead', unitCode: w.units.A, userId: w.specialistA.id }],
  });
  expect(d.status, JSON.stringify(d.body)).toBe(200);
  return r.body.id;
}

describe('work files (hồ sơ công việc)', () => {
  it('numbers files per unit and year with the unit’s abbreviation, and refuses bad input', async () => {
    const a = await call(t, w.deptSpecialist.headers, 'POST', '/work-files', {
      title: 'Hồ sơ tổ chức Ngày Chuyển đổi số 2027',
      retention: '10',
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({
      code: '01.VHTT',
      year: 2027,
      status: 'open',
      statusLabel: 'Đang lập',
      retentionLabel: '10 năm',
      ownerName: 'Cán bộ cv.vhtt',
      documentCount: 0,
      allowedActions: ['add', 'remove', 'close'],
    });
    const b = await call(t, w.deptSpecialist.headers, 'POST', '/work-files', {
      title: 'Hồ sơ thẩm định hệ thống thông tin',
      retention: 'permanent',
      notation: 'TĐ',
    });
    expect(b.body).toMatchObject({ code: '02.TĐ', retentionLabel: 'Vĩnh viễn' });
    // A ward counts from 01 in its own list.
    const c = await call(t, w.specialistA.headers, 'POST', '/work-files', { title: 'Hồ sơ A' });
    expect(c.body.code).toBe('01.UBND');
    // Bad input: 400 with a stable code, nothing written.
    const bad = await call(t, w.specialistA.headers, 'POST', '/work-files', {
      title: '',
      retention: 'mãi mãi',
    });
    expect(bad.status).toBe(400);
    const other = await call(t, w.specialistA.headers, 'POST', '/work-files', {
      title: 'Hồ sơ của phường B',
      unitCode: w.units.B,
    });
    expect(other.status).toBe(403);
    const next = await call(t, w.specialistA.headers, 'POST', '/work-files', { title: 'Hồ sơ A2' });
    expect(next.body.code).toBe('02.UBND');
  });

  it('files a document as its handling completes; reads are scoped, changes are the owner’s', async () => {
    const doc = await directedToSpecialistA('Về việc rà soát dữ liệu dân cư');
    const f = await call(t, w.specialistA.headers, 'POST', '/work-files', {
      title: 'Hồ sơ rà soát dữ liệu dân cư năm 2027',
    });
    // Completing with the work file puts the document in it, in the same transaction.
    const done = await call(t, w.specialistA.headers, 'POST', `/documents/${doc}/actions`, {
      action: 'complete',
      version: 2,
      note: 'Đã rà soát, báo cáo lãnh đạo.',
      workFileId: f.body.id,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.workFiles).toEqual([
      { id: f.body.id, code: f.body.code, title: f.body.title, status: 'open' },
    ]);
    const detail = await call(t, w.specialistA.headers, 'GET', `/work-files/${f.body.id}`);
    expect(detail.body.documents).toHaveLength(1);
    expect(detail.body.documents[0]).toMatchObject({
      id: doc,
      numberSymbol: '125/STTTT-CĐS',
      summary: 'Về việc rà soát dữ liệu dân cư',
      addedByName: 'Cán bộ cv.a',
    });
    expect(detail.body.events.map((e: { action: string }) => e.action)).toEqual(['open', 'add']);

    // The ward's leader and office read it; the leader may change it, the office may not.
    expect(
      (await call(t, w.leaderA.headers, 'GET', `/work-files/${f.body.id}`)).body.allowedActions,
    ).toEqual(['add', 'remove', 'close']);
    const byClerk = await call(t, w.clerkA.headers, 'GET', `/work-files/${f.body.id}`);
    expect(byClerk.status).toBe(200);
    expect(byClerk.body.allowedActions).toEqual([]);
    expect(
      (await act(w.clerkA, f.body.id, { action: 'close', version: detail.body.version })).status,
    ).toBe(403);
    // The city's leader (above) reads it; another ward's staff and the department do not: 404.
    expect((await call(t, w.cityLeader.headers, 'GET', `/work-files/${f.body.id}`)).status).toBe(
      200,
    );
    for (const other of [w.specialistB, w.clerkB, w.deptSpecialist])
      expect((await call(t, other.headers, 'GET', `/work-files/${f.body.id}`)).status).toBe(404);
    expect((await act(w.specialistB, f.body.id, { action: 'close', version: 2 })).status).toBe(404);
    // Lists follow the same rule.
    const listB = await call(t, w.specialistB.headers, 'GET', '/work-files');
    expect(listB.body.items.map((x: { id: string }) => x.id)).not.toContain(f.body.id);
    const listA = await call(t, w.leaderA.headers, 'GET', '/work-files?q=ra soat dan cu');
    expect(listA.body.items.map((x: { id: string }) => x.id)).toEqual([f.body.id]);
    const byDoc = await call(t, w.specialistA.headers, 'GET', `/work-files?documentId=${doc}`);
    expect(byDoc.body.items).toHaveLength(1);

    // A document the caller cannot read does not go in; nor twice the same.
    const bDoc = await call(t, w.clerkB.headers, 'POST', '/documents/incoming', paperDocument());
    const refused = await act(w.specialistA, f.body.id, {
      action: 'add',
      version: detail.body.version,
      documentId: bDoc.body.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('document_unknown');
    const twice = await act(w.specialistA, f.body.id, {
      action: 'add',
      version: detail.body.version,
      documentId: doc,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('document_already_in_file');
  });

  it('closes (kết thúc hồ sơ) only with documents, locks it, reopens with a reason; counts it', async () => {
    const f = await call(t, w.specialistA.headers, 'POST', '/work-files', {
      title: 'Hồ sơ hội nghị chuyển đổi số',
    });
    const empty = await act(w.specialistA, f.body.id, { action: 'close', version: 1 });
    expect(empty.status).toBe(409);
    expect(empty.body.code).toBe('work_file_empty');
    const doc = await directedToSpecialistA('Về việc tổ chức hội nghị chuyển đổi số');
    const added = await act(w.specialistA, f.body.id, {
      action: 'add',
      version: 1,
      documentId: doc,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const stale = await act(w.specialistA, f.body.id, { action: 'close', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    const closed = await act(w.specialistA, f.body.id, {
      action: 'close',
      version: added.body.version,
      note: 'Đã tổ chức hội nghị ngày 01/3/2027.',
    });
    expect(closed.body).toMatchObject({
      status: 'closed',
      closedOn: '2027-03-02',
      note: 'Đã tổ chức hội nghị ngày 01/3/2027.',
      allowedActions: ['reopen'],
    });
    // Closed: nothing goes in or out until reopened.
    const locked = await act(w.specialistA, f.body.id, {
      action: 'remove',
      version: closed.body.version,
      documentId: doc,
    });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('action_not_allowed');
    // Completing a document into a closed file is refused and changes nothing.
    const doc2 = await directedToSpecialistA('Về việc báo cáo kết quả hội nghị');
    const into = await call(t, w.specialistA.headers, 'POST', `/documents/${doc2}/actions`, {
      action: 'complete',
      version: 2,
      workFileId: f.body.id,
    });
    expect(into.status).toBe(400);
    expect(into.body.code).toBe('work_file_closed');
    expect((await call(t, w.specialistA.headers, 'GET', `/documents/${doc2}`)).body.status).toBe(
      'directed',
    );

    await drainFacts(t.db.kysely);
    const count = await call(
      t,
      w.leaderA.headers,
      'GET',
      `/indicators/work_files.closed/values?unit=${w.units.A}&period=202703`,
    );
    expect(count.status, JSON.stringify(count.body)).toBe(200);
    expect(count.body).toMatchObject({ numerator: 1, value: 1 });

    const reopened = await act(w.leaderA, f.body.id, {
      action: 'reopen',
      version: closed.body.version,
      reason: 'Bổ sung báo cáo kết quả.',
    });
    expect(reopened.body).toMatchObject({ status: 'open', closedOn: null });
    expect(reopened.body.events.at(-1)).toMatchObject({
      action: 'reopen',
      note: 'Bổ sung báo cáo kết quả.',
    });
    await drainFacts(t.db.kysely);
    const after = await call(
      t,
      w.leaderA.headers,
      'GET',
      `/indicators/work_files.closed/values?unit=${w.units.A}&period=202703`,
    );
    expect(after.body.numerator).toBe(0);
  });
});
