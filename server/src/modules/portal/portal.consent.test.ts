// Issue 11: the personal data store (kho dữ liệu cá nhân) honours the "save for reuse"
// consent (data_store, regulations.md §7: silence is not consent). Without it, a paper
// uploaded for a draft serves that draft and its dossier only, and nothing lands in the store.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossierInput, buildOneStopShop } from '../../../test/factories/dossiers.js';
import { tinyPdf } from '../../../test/factories/pdf.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { registerByPhone } from '../citizens/citizens.test-support.js';

let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
let citizen: { headers: Record<string, string>; userId: string };
let other: { headers: Record<string, string>; userId: string };

const PDF = Buffer.from('%PDF-1.4\n% giay to chi dung cho ho so nay\n%%EOF\n');
// A real PDF: the leader's approval signs it (dossiers.signing.ts).
const RESULT = tinyPdf('ket qua dien tu');

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) => t.app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as never });

const upload = (headers: Record<string, string>, filename: string, draftId?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/portal/documents?filename=${encodeURIComponent(filename)}${draftId ? `&draftId=${draftId}` : ''}`,
    headers: { ...headers, 'content-type': 'application/pdf' },
    payload: PDF,
  });

const consent = async (headers: Record<string, string>, granted: boolean) =>
  expect(
    (await call('PUT', '/citizens/me/consents/data_store', headers, { granted })).statusCode,
  ).toBe(200);

const store = async (headers: Record<string, string>, draftId?: string) => {
  const r = await call('GET', `/portal/documents${draftId ? `?draftId=${draftId}` : ''}`, headers);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as {
    items: { id: string; title: string; kind: string; draftId: string | null }[];
    dataStoreConsent: boolean;
  };
};

const newDraft = async (headers: Record<string, string>) => {
  const r = await call('POST', '/portal/drafts', headers, { procedureCode: shop.procedure.code });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; version: number };
};

const documentRows = async (userId: string) =>
  (
    await sql<{ id: string; draft_id: string | null }>`select id, draft_id from citizen_document
      where user_id = ${userId}`.execute(t.db.kysely)
  ).rows;

beforeAll(async () => {
  t = await createTestApp();
  shop = await buildOneStopShop(t);
  citizen = await registerByPhone(t, '0988777666', 'Huỳnh Văn Giàu');
  other = await registerByPhone(t, '0988777555', 'Huỳnh Thị Sang');
}, 60_000);
afterAll(() => t?.close());

describe('without the data_store consent', () => {
  let draft: { id: string; version: number };
  let paper: string;
  let kept: string;

  it('refuses to put a paper into the store, and stores nothing', async () => {
    const r = await upload(citizen.headers, 'so-ho-khau.pdf');
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().code).toBe('data_store_consent_required');
    expect(r.json().detail).toContain('/tai-khoan-cua-toi');
    expect(await documentRows(citizen.userId)).toEqual([]);
    expect(await store(citizen.headers)).toEqual({
      items: [],
      nextCursor: null,
      dataStoreConsent: false,
    });
  });

  it('keeps a paper uploaded for a draft with that draft only: never in the store, never offered to another draft', async () => {
    // A document stored earlier, while the consent was on, then withdrawn.
    await consent(citizen.headers, true);
    kept = (await upload(citizen.headers, 'giay-cu.pdf')).json().id;
    await consent(citizen.headers, false);

    draft = await newDraft(citizen.headers);
    const r = await upload(citizen.headers, 'to-khai-da-ky.pdf', draft.id);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().draftId).toBe(draft.id);
    paper = r.json().id;
    // The store lists only what was kept with consent; the draft sees its own paper too.
    expect((await store(citizen.headers)).items.map((d) => d.id)).toEqual([kept]);
    expect((await store(citizen.headers, draft.id)).items.map((d) => d.id)).toEqual([paper, kept]);
    // Another draft cannot take it, nor (without consent) the stored one.
    const second = await newDraft(citizen.headers);
    for (const documentId of [paper, kept]) {
      const bad = await call('PUT', `/portal/drafts/${second.id}`, citizen.headers, {
        version: second.version,
        attachments: [{ componentKey: 'to_khai', documentId }],
      });
      expect(bad.statusCode, documentId).toBe(400);
    }
    // Another citizen cannot upload into this draft.
    expect((await upload(other.headers, 'la.pdf', draft.id)).statusCode).toBe(404);
    expect((await call('DELETE', `/portal/drafts/${second.id}`, citizen.headers)).statusCode).toBe(
      204,
    );
  });

  it('submits the draft with its paper; the paper goes with the draft, the store stays as it was', async () => {
    const saved = await call('PUT', `/portal/drafts/${draft.id}`, citizen.headers, {
      version: draft.version,
      unitCode: shop.unit.code,
      applicant: buildDossierInput(shop).applicant,
      formData: { to_khai: { hoTen: 'Huỳnh Văn Phú', ngaySinh: '2026-11-11' } },
      attachments: [{ componentKey: 'to_khai', documentId: paper }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await call('POST', `/portal/drafts/${draft.id}/submit`, citizen.headers);
    expect(sent.statusCode, sent.body).toBe(201);
    const { id, code } = sent.json().dossier as { id: string; code: string };
    const staff = (await call('GET', `/dossiers/${id}`, shop.desk.headers)).json();
    expect(staff.files.map((f: { filename: string }) => f.filename)).toEqual(['to-khai-da-ky.pdf']);
    expect((await documentRows(citizen.userId)).map((d) => d.id)).toEqual([kept]);

    // The electronic result: downloadable from "my dossiers", but not copied into the store.
    const act = async (body: Record<string, unknown>, headers: Record<string, string>) => {
      const r = await call('POST', `/dossiers/${id}/actions`, headers, body);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().version as number;
    };
    let v = await act(
      { action: 'assign', version: 1, assigneeUsername: shop.specialist.username },
      shop.desk.headers,
    );
    const file = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/files?kind=result&filename=ket-qua.pdf`,
      headers: { ...shop.specialist.headers, 'content-type': 'application/pdf' },
      payload: RESULT,
    });
    v = await act(
      { action: 'finish', version: v, resultSummary: 'Đã cấp', resultFileId: file.json().id },
      shop.specialist.headers,
    );
    v = await act({ action: 'approve', version: v }, shop.leader.headers);
    await act(
      {
        action: 'return_result',
        version: v,
        method: 'electronic',
        reason: 'Miễn lệ phí theo quy định',
      },
      shop.desk.headers,
    );
    const result = await call('GET', `/portal/my-dossiers/${code}/result`, citizen.headers);
    expect(result.statusCode).toBe(200);
    // Its signed version: the upload followed by the signatures (incremental updates).
    expect(result.rawPayload.subarray(0, RESULT.length).equals(RESULT)).toBe(true);
    expect((await store(citizen.headers)).items.map((d) => d.kind)).toEqual(['upload']);
    expect((await documentRows(citizen.userId)).map((d) => d.id)).toEqual([kept]);

    // With the consent given, the store works as before: the result joins it on the next
    // read, and a paper uploaded for a draft is kept for reuse.
    await consent(citizen.headers, true);
    const now = await store(citizen.headers);
    expect(now.dataStoreConsent).toBe(true);
    expect(now.items.map((d) => d.kind).sort()).toEqual(['result', 'upload']);
    expect(now.items.some((d) => d.id === paper)).toBe(false);
    const next = await newDraft(citizen.headers);
    const kept2 = await upload(citizen.headers, 'giay-moi.pdf', next.id);
    expect(kept2.statusCode).toBe(201);
    expect(kept2.json().draftId).toBeNull();
    expect((await store(citizen.headers)).items.map((d) => d.id)).toContain(kept2.json().id);
  });
});
