import { randomBytes } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOneStopShop } from '../../../test/factories/dossiers.js';
import { tinyPdf } from '../../../test/factories/pdf.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { scanFacts } from '../../platform/facts/index.js';
import { SigningSetup, verifyPdfSignatures } from '../../platform/signatures/index.js';
import { lastMessageTo, registerByPhone } from '../citizens/citizens.test-support.js';
import { openPersonalIds, personalIdKeys, rotateDossierPersonalIds } from '../dossiers/index.js';
import { rotateDraftPersonalIds } from './index.js';

let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
let citizen: { headers: Record<string, string>; userId: string };
let other: { headers: Record<string, string>; userId: string };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** The electronic result: a real PDF, which the leader's approval signs. */
const RESULT = tinyPdf('giay khai sinh ban dien tu');

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  headers: Record<string, string> | undefined,
  payload?: unknown,
) => t.app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as never });

async function upload(
  headers: Record<string, string>,
  filename: string,
  body = PDF,
  type = 'application/pdf',
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/portal/documents?filename=${encodeURIComponent(filename)}`,
    headers: { ...headers, 'content-type': type },
    payload: body,
  });
}

/** A registered citizen with a profile (in the shop's ward) and consent to prefill. */
async function citizenWithProfile(
  phone: string,
  fullName: string,
  citizenId: string,
  dateOfBirth: string,
  line: string,
) {
  const c = await registerByPhone(t, phone, fullName);
  await call('PUT', '/citizens/me/profile', c.headers, {
    fullName,
    citizenId,
    dateOfBirth,
    phone,
    address: { line, unitCode: shop.unit.code },
  });
  await call('PUT', '/citizens/me/consents/profile_prefill', c.headers, { granted: true });
  return c;
}

async function pdfText(bytes: Buffer): Promise<string> {
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

beforeAll(async () => {
  t = await createTestApp();
  shop = await buildOneStopShop(t);
  citizen = await registerByPhone(t, '0987654321', 'Nguyễn Văn An');
  other = await registerByPhone(t, '0911222333', 'Lê Thị Bình');
  const profile = await call('PUT', '/citizens/me/profile', citizen.headers, {
    fullName: 'Nguyễn Văn An',
    citizenId: '089201000123',
    dateOfBirth: '1990-05-01',
    phone: '0987654321',
    email: 'an@example.vn',
    address: { line: '12 Trần Hưng Đạo, khóm 3', unitCode: shop.unit.code },
  });
  expect(profile.statusCode, profile.body).toBe(200);
  // Both keep papers for reuse (data_store); portal.consent.test.ts covers the store without it.
  for (const who of [citizen, other])
    expect(
      (await call('PUT', '/citizens/me/consents/data_store', who.headers, { granted: true }))
        .statusCode,
    ).toBe(200);
}, 60_000);
afterAll(() => t?.close());

describe('who may use the portal', () => {
  it('needs a signed-in citizen: 401 anonymous, 403 staff', async () => {
    expect((await call('GET', '/portal/drafts', undefined)).statusCode).toBe(401);
    const staff = await call('GET', '/portal/drafts', shop.desk.headers);
    expect(staff.statusCode).toBe(403);
    expect(staff.json().code).toBe('not_citizen');
  });
});

describe('prefill needs consent (regulations.md §7)', () => {
  it('offers nothing from the profile until the citizen consents to profile_prefill', async () => {
    await call('PUT', '/citizens/me/consents/profile_prefill', citizen.headers, { granted: false });
    const d = await call('POST', '/portal/drafts', citizen.headers, {
      procedureCode: shop.procedure.code,
    });
    expect(d.statusCode, d.body).toBe(201);
    expect(d.json().prefilled).toEqual([]);
    expect(d.json().applicant.fullName).toBeUndefined();
    expect(
      (await call('DELETE', `/portal/drafts/${d.json().id}`, citizen.headers)).statusCode,
    ).toBe(204);
  });
});

describe('online submission from a draft', () => {
  let draftId: string;
  let version: number;
  let storedBefore: string;
  let code: string;
  let dossierId: string;

  it('stores a document in the data store before the draft begins', async () => {
    const r = await upload(citizen.headers, 'Giấy xác nhận cư trú.pdf');
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      kind: 'upload',
      title: 'Giấy xác nhận cư trú',
      mime: 'application/pdf',
    });
    storedBefore = r.json().id;
    const bad = await upload(citizen.headers, 'virus.pdf', Buffer.from('MZ not a pdf'));
    expect(bad.statusCode).toBe(400);
  });

  it('starts a draft prefilled from the profile, at the ward of the profile address', async () => {
    const consent = await call('PUT', '/citizens/me/consents/profile_prefill', citizen.headers, {
      granted: true,
    });
    expect(consent.statusCode, consent.body).toBe(200);
    // A new draft must be created strictly after the document above.
    await new Promise((r) => setTimeout(r, 5));
    const d = await call('POST', '/portal/drafts', citizen.headers, {
      procedureCode: shop.procedure.code,
    });
    expect(d.statusCode, d.body).toBe(201);
    const draft = d.json();
    expect(draft.unitCode).toBe(shop.unit.code);
    expect(draft.applicant).toMatchObject({
      type: 'individual',
      fullName: 'Nguyễn Văn An',
      citizenId: '089201000123',
      dateOfBirth: '1990-05-01',
      phone: '0987654321',
      email: 'an@example.vn',
      address: { line: '12 Trần Hưng Đạo, khóm 3', unitCode: shop.unit.code },
    });
    expect(draft.prefilled).toHaveLength(6);
    draftId = draft.id;
    version = draft.version;
    // Another citizen cannot see it.
    expect((await call('GET', `/portal/drafts/${draftId}`, other.headers)).statusCode).toBe(404);
  });

  it('saves partial work with optimistic concurrency', async () => {
    const s = await call('PUT', `/portal/drafts/${draftId}`, citizen.headers, {
      version,
      formData: { to_khai: { hoTen: 'Nguyễn Văn Bé', ngaySinh: '2026-11-01' } },
      delivery: { method: 'postal', address: '' },
    });
    expect(s.statusCode, s.body).toBe(200);
    const stale = await call('PUT', `/portal/drafts/${draftId}`, citizen.headers, {
      version,
      formData: {},
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    version = s.json().version;
    const foreignDoc = await upload(other.headers, 'cua-nguoi-khac.pdf');
    const bad = await call('PUT', `/portal/drafts/${draftId}`, citizen.headers, {
      version,
      attachments: [{ componentKey: 'to_khai', documentId: foreignDoc.json().id }],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('attachments.0.documentId');
  });

  it('refuses an incomplete draft with every problem listed, and changes nothing', async () => {
    const r = await call('POST', `/portal/drafts/${draftId}/submit`, citizen.headers);
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('draft_incomplete');
    expect(r.json().errors.map((e: { path: string }) => e.path)).toContain('delivery.address');
    expect((await call('GET', `/portal/drafts/${draftId}`, citizen.headers)).statusCode).toBe(200);
  });

  it('submits: a dossier received online, with the reused document, counted', async () => {
    const s = await call('PUT', `/portal/drafts/${draftId}`, citizen.headers, {
      version,
      attachments: [{ componentKey: 'to_khai', documentId: storedBefore }],
      delivery: { method: 'postal', address: '12 Trần Hưng Đạo, khóm 3, phường Mỹ Bình' },
    });
    expect(s.statusCode, s.body).toBe(200);
    const r = await call('POST', `/portal/drafts/${draftId}/submit`, citizen.headers);
    expect(r.statusCode, r.body).toBe(201);
    const out = r.json();
    expect(out.created).toBe(true);
    expect(out.dossier).toMatchObject({ status: 'received', feesDue: 8000 });
    code = out.dossier.code;
    dossierId = out.dossier.id;
    // The receipt goes by e-mail too, with form 01 to download (regulations: the receipt).
    const mail = await lastMessageTo(t, 'an@example.vn');
    expect(mail?.body).toContain(code);
    expect(mail?.body).toContain(`/api/v1/portal/my-dossiers/${code}/receipt.pdf`);
    // Submitting again (a double click) answers with the same dossier, not a second one.
    const again = await call('POST', `/portal/drafts/${draftId}/submit`, citizen.headers);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().dossier.code).toBe(code);
    // The draft is gone; the desk sees the dossier in the same lifecycle, channel online.
    expect((await call('GET', `/portal/drafts/${draftId}`, citizen.headers)).statusCode).toBe(404);
    const staff = await call('GET', `/dossiers/${dossierId}`, shop.desk.headers);
    expect(staff.statusCode, staff.body).toBe(200);
    expect(staff.json()).toMatchObject({
      channel: 'online',
      status: 'received',
      // The desk sees where to post the result.
      resultDelivery: { method: 'postal', address: '12 Trần Hưng Đạo, khóm 3, phường Mỹ Bình' },
    });
    expect(staff.json().files).toHaveLength(1);
    expect(staff.json().events[0]).toMatchObject({ action: 'receive', actorName: 'Nguyễn Văn An' });
  });

  it('lists it under my dossiers with the prefill and reuse counts, and prints form 01', async () => {
    const list = await call('GET', '/portal/my-dossiers', citizen.headers);
    expect(list.json().items.map((i: { code: string }) => i.code)).toContain(code);
    const mine = await call('GET', `/portal/my-dossiers/${code}`, citizen.headers);
    expect(mine.statusCode, mine.body).toBe(200);
    // 6 applicant fields (all from the profile) + 3 form fields typed by hand.
    expect(mine.json()).toMatchObject({
      prefilledFields: 6,
      totalFields: 9,
      reusedAttachments: 1,
      totalAttachments: 1,
      delivery: { method: 'postal' },
      proof: { phone: '0987654321', citizenId: '089201000123' },
      resultAvailable: false,
      resultSigned: false,
    });
    expect((await call('GET', `/portal/my-dossiers/${code}`, other.headers)).statusCode).toBe(404);
    const pdf = await call('GET', `/portal/my-dossiers/${code}/receipt.pdf`, citizen.headers);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(code);
    expect(text).toContain('Nguyễn Văn An');
  });

  it('tracks publicly by code and citizen ID as well as by phone', async () => {
    const byId = await call('GET', `/public/dossiers/${code}?citizenId=089201000123`, undefined);
    expect(byId.statusCode, byId.body).toBe(200);
    expect(byId.json().status).toBe('received');
    expect(byId.body).not.toContain('089201000123');
    const wrong = await call('GET', `/public/dossiers/${code}?citizenId=089201000999`, undefined);
    expect(wrong.statusCode).toBe(404);
    const none = await call('GET', `/public/dossiers/${code}`, undefined);
    expect(none.statusCode).toBe(400);
    expect(
      (await call('GET', `/public/dossiers/${code}?phone=0987654321`, undefined)).statusCode,
    ).toBe(200);
  });

  it('delivers the electronic result into the data store, where it can be reused', async () => {
    const act = async (body: Record<string, unknown>, headers: Record<string, string>) => {
      const r = await call('POST', `/dossiers/${dossierId}/actions`, headers, body);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    expect(
      (await call('GET', `/portal/my-dossiers/${code}/result`, citizen.headers)).statusCode,
    ).toBe(404);
    let d = await act(
      { action: 'assign', version: 1, assigneeUsername: shop.specialist.username },
      shop.desk.headers,
    );
    const result = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossierId}/files?kind=result&filename=${encodeURIComponent('Giấy khai sinh.pdf')}`,
      headers: { ...shop.specialist.headers, 'content-type': 'application/pdf' },
      payload: RESULT,
    });
    expect(result.statusCode, result.body).toBe(201);
    d = await act(
      {
        action: 'finish',
        version: d.version,
        resultSummary: 'Đã cấp',
        resultFileId: result.json().id,
      },
      shop.specialist.headers,
    );
    d = await act({ action: 'approve', version: d.version }, shop.leader.headers);
    await act(
      {
        action: 'return_result',
        version: d.version,
        method: 'electronic',
        reason: 'Miễn lệ phí theo quy định', // the fee is left unpaid here
      },
      shop.desk.headers,
    );

    const file = await call('GET', `/portal/my-dossiers/${code}/result`, citizen.headers);
    expect(file.statusCode).toBe(200);
    // The citizen's page says the result is digitally signed (and where to check it).
    const mine = (await call('GET', `/portal/my-dossiers/${code}`, citizen.headers)).json();
    expect(mine).toMatchObject({ resultAvailable: true, resultSigned: true });
    const listed = (await call('GET', '/portal/my-dossiers', citizen.headers)).json().items;
    expect(listed.find((i: { code: string }) => i.code === code)).toMatchObject({
      resultSigned: true,
    });
    // Signed at the approval (the leader, then the unit), the upload kept as its prefix.
    expect(file.rawPayload.subarray(0, RESULT.length).equals(RESULT)).toBe(true);
    const signing = new SigningSetup({ dataDir: t.ctx.config.dataDir, ...t.ctx.config.signing });
    const reports = await verifyPdfSignatures(file.rawPayload, {
      trustAnchors: await signing.trustAnchors(),
    });
    expect(reports).toHaveLength(2);
    for (const r of reports) expect(r).toMatchObject({ integrity: 'valid', trusted: true });
    const docs = (await call('GET', '/portal/documents', citizen.headers)).json().items;
    const resultDoc = docs.find((x: { kind: string }) => x.kind === 'result');
    expect(resultDoc).toMatchObject({ sourceDossierId: dossierId, filename: 'Giấy khai sinh.pdf' });
    // Read twice, still one copy.
    const again = (await call('GET', '/portal/documents', citizen.headers)).json().items;
    expect(again.filter((x: { kind: string }) => x.kind === 'result')).toHaveLength(1);

    // The next submission of the same procedure: the form is prefilled from the last one and
    // the result is attached from the store, counted as reused.
    const next = (
      await call('POST', '/portal/drafts', citizen.headers, { procedureCode: shop.procedure.code })
    ).json();
    expect(next.formData.to_khai).toMatchObject({ hoTen: 'Nguyễn Văn Bé', ngaySinh: '2026-11-01' });
    await call('PUT', `/portal/drafts/${next.id}`, citizen.headers, {
      version: next.version,
      attachments: [{ componentKey: 'to_khai', documentId: resultDoc.id }],
    });
    const sent = await call('POST', `/portal/drafts/${next.id}/submit`, citizen.headers);
    expect(sent.statusCode, sent.body).toBe(201);
    const counts = (
      await call('GET', `/portal/my-dossiers/${sent.json().dossier.code}`, citizen.headers)
    ).json();
    expect(counts).toMatchObject({ prefilledFields: 8, totalFields: 9, reusedAttachments: 1 });
  });

  it('lets the citizen download and remove their own documents only', async () => {
    const doc = (
      await upload(
        citizen.headers,
        'anh-the.jpg',
        Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]),
        'image/jpeg',
      )
    ).json();
    expect((await call('GET', `/portal/documents/${doc.id}/file`, other.headers)).statusCode).toBe(
      404,
    );
    const own = await call('GET', `/portal/documents/${doc.id}/file`, citizen.headers);
    expect(own.statusCode).toBe(200);
    expect((await call('DELETE', `/portal/documents/${doc.id}`, other.headers)).statusCode).toBe(
      404,
    );
    expect((await call('DELETE', `/portal/documents/${doc.id}`, citizen.headers)).statusCode).toBe(
      204,
    );
  });
});

describe("the portal's part of the citizen's data rights", () => {
  it('exports the data store and submissions, and deletion removes the store but keeps dossiers', async () => {
    const exp = await call('GET', '/citizens/me/export', citizen.headers);
    expect(exp.statusCode, exp.body).toBe(200);
    const data = JSON.parse(exp.body);
    const text = JSON.stringify(data);
    expect(text).toContain('Giấy xác nhận cư trú');
    expect(text).toContain('onlineSubmissions');
    const before = (await call('GET', '/portal/my-dossiers', citizen.headers)).json().items;
    expect(before.length).toBeGreaterThan(0);
    const del = await call('POST', '/citizens/me/deletion', citizen.headers, {
      password: 'matkhau2026',
    });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.body).toContain('giấy tờ trong kho dữ liệu cá nhân');
    expect(del.body).toContain('Luật Lưu trữ 2024');
    const left = await t.db.kysely
      .selectFrom('citizen_document')
      .select('id')
      .where('user_id', '=', citizen.userId)
      .execute();
    expect(left).toHaveLength(0);
    // The dossiers themselves stay with the unit (administrative records).
    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers?q=${encodeURIComponent(before[0].code)}&state=all`,
      headers: shop.desk.headers,
    });
    expect(staff.json().items.map((i: { code: string }) => i.code)).toContain(before[0].code);
  });
});

describe('citizen ID numbers in dossiers (regulations.md §7)', () => {
  it('are stored encrypted, shown in clear to staff, found by the public lookup, and staff reads are logged for the owner', async () => {
    const c = await citizenWithProfile(
      '0933444555',
      'Phan Văn Chín',
      '089201000777',
      '1985-02-03',
      '5 Lý Thái Tổ',
    );
    const draft = (
      await call('POST', '/portal/drafts', c.headers, { procedureCode: shop.procedure.code })
    ).json();
    await call('PUT', `/portal/drafts/${draft.id}`, c.headers, {
      version: draft.version,
      formData: {
        to_khai: { hoTen: 'Phan Văn Mười', ngaySinh: '2026-10-01', cccd: '089201000888' },
      },
    });
    const sent = (await call('POST', `/portal/drafts/${draft.id}/submit`, c.headers)).json();
    const id = sent.dossier.id as string;

    // At rest: no ID number in clear anywhere in the row.
    const raw = await t.db.kysely
      .selectFrom('dossier')
      .select(['applicant', 'form_data', 'applicant_id_hmac', 'owner_user_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const text = JSON.stringify(raw);
    expect(text).not.toContain('089201000777');
    expect(text).not.toContain('089201000888');
    expect((raw.applicant as { citizenId: string }).citizenId).toMatch(/^enc:v1:/);
    expect(raw.owner_user_id).toBe(c.userId);

    // Staff who handle it see them in clear; that read is logged for the citizen.
    const staff = (await call('GET', `/dossiers/${id}`, shop.desk.headers)).json();
    expect(staff.applicant.citizenId).toBe('089201000777');
    expect(staff.formData.to_khai.cccd).toBe('089201000888');
    const log = (await call('GET', '/citizens/me/access-log', c.headers)).json();
    expect(JSON.stringify(log)).toContain(`Xử lý hồ sơ ${sent.dossier.code}`);

    // The public lookup by code + citizen ID uses the keyed hash.
    const found = await call(
      'GET',
      `/public/dossiers/${sent.dossier.code}?citizenId=089201000777`,
      undefined,
    );
    expect(found.statusCode, found.body).toBe(200);
    // The owner sees their own ID on their dossier page.
    const mine = (await call('GET', `/portal/my-dossiers/${sent.dossier.code}`, c.headers)).json();
    expect(mine.proof.citizenId).toBe('089201000777');
  });

  it('still reads rows written before encryption (plain values, no hash)', async () => {
    const r = await call('POST', '/dossiers', shop.desk.headers, {
      procedureId: shop.procedure.id,
      unitCode: shop.unit.code,
      channel: 'direct',
      applicant: {
        type: 'individual',
        fullName: 'Võ Thị Mai',
        citizenId: '089301001111',
        dateOfBirth: '1970-01-01',
        phone: '0909000111',
        address: { line: '1 Nguyễn Huệ' },
      },
      formData: { to_khai: { hoTen: 'Võ Thị Mai', ngaySinh: '1970-01-01' } },
    });
    expect(r.statusCode, r.body).toBe(201);
    const { id, code } = r.json();
    // As an older database holds it.
    await t.db.kysely
      .updateTable('dossier')
      .set({
        applicant: JSON.stringify({
          type: 'individual',
          fullName: 'Võ Thị Mai',
          citizenId: '089301001111',
          dateOfBirth: '1970-01-01',
          phone: '0909000111',
          address: { line: '1 Nguyễn Huệ' },
        }),
        applicant_id_hmac: null,
      })
      .where('id', '=', id)
      .execute();
    expect(
      (await call('GET', `/public/dossiers/${code}?citizenId=089301001111`, undefined)).statusCode,
    ).toBe(200);
    const staff = (await call('GET', `/dossiers/${id}`, shop.desk.headers)).json();
    expect(staff.applicant.citizenId).toBe('089301001111');
  });
});

describe('drafts at rest', () => {
  it('hold ID numbers sealed and the prefill offer only as keyed hashes', async () => {
    const c = await citizenWithProfile(
      '0944555666',
      'Đỗ Thị Lan',
      '089201000999',
      '1992-07-08',
      '9 Hùng Vương',
    );
    const draft = (
      await call('POST', '/portal/drafts', c.headers, { procedureCode: shop.procedure.code })
    ).json();
    expect(draft.applicant.citizenId).toBe('089201000999');
    await call('PUT', `/portal/drafts/${draft.id}`, c.headers, {
      version: draft.version,
      formData: { to_khai: { hoTen: 'Đỗ Văn Tí', ngaySinh: '2026-09-09', cccd: '089201000555' } },
    });
    const raw = await t.db.kysely
      .selectFrom('portal_draft')
      .select(['applicant', 'form_data', 'prefill_offered'])
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    const text = JSON.stringify(raw);
    expect(text).not.toContain('089201000999');
    expect(text).not.toContain('089201000555');
    // The offer keeps no plain copy of anything, not even the name.
    expect(JSON.stringify(raw.prefill_offered)).not.toContain('Đỗ Thị Lan');
    const back = (await call('GET', `/portal/drafts/${draft.id}`, c.headers)).json();
    expect(back.formData.to_khai.cccd).toBe('089201000555');
    expect(back.applicant.citizenId).toBe('089201000999');
  });
});

describe('key rotation (npm run rotate-citizen-key)', () => {
  it('re-seals the ID numbers of dossiers and drafts under the new key, readable without the old one', async () => {
    const old = personalIdKeys(t.db.kysely)!;
    const fresh = { id: 'k-new', key: randomBytes(32) };
    const ring = { keys: [fresh, ...old.keys] };
    const d1 = await rotateDossierPersonalIds(t.db.kysely, ring);
    const d2 = await rotateDraftPersonalIds(t.db.kysely, ring);
    expect(d1.rotated).toBeGreaterThan(0);
    expect(d2.rotated).toBeGreaterThan(0);
    // Twice changes nothing.
    expect((await rotateDossierPersonalIds(t.db.kysely, ring)).rotated).toBe(0);
    const onlyNew = { keys: [fresh] };
    const rows = await t.db.kysely
      .selectFrom('dossier')
      .select(['id', 'applicant', 'form_data'])
      .execute();
    let sealed = 0;
    for (const r of rows) {
      const text = JSON.stringify([r.applicant, r.form_data]);
      for (const m of text.matchAll(/"enc:v1:([^:]+):/g)) {
        expect(m[1]).toBe('k-new');
        sealed++;
      }
      openPersonalIds(onlyNew, r.id, r.applicant, r.form_data);
    }
    expect(sealed).toBeGreaterThan(0);
    const drafts = await t.db.kysely
      .selectFrom('portal_draft')
      .select(['id', 'applicant', 'form_data'])
      .execute();
    for (const r of drafts) openPersonalIds(onlyNew, r.id, r.applicant, r.form_data, 'draft');
  });
});

describe('form validation from the schema at submission', () => {
  it('lists every form problem with the others, by path, and files nothing', async () => {
    const c = await registerByPhone(t, '0955666777', 'Mai Văn Đức');
    const draft = (
      await call('POST', '/portal/drafts', c.headers, { procedureCode: shop.procedure.code })
    ).json();
    await call('PUT', `/portal/drafts/${draft.id}`, c.headers, {
      version: draft.version,
      unitCode: shop.unit.code,
      applicant: {
        type: 'individual',
        fullName: 'Mai Văn Đức',
        citizenId: '089201000321',
        dateOfBirth: '1980-01-01',
        phone: '0955666777',
        address: { line: '3 Lê Lợi' },
      },
      formData: { to_khai: { ngaySinh: '31/02/2026', cccd: '123' } },
    });
    const r = await call('POST', `/portal/drafts/${draft.id}/submit`, c.headers);
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('draft_incomplete');
    const paths = r.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['formData.to_khai.ngaySinh', 'formData.to_khai.cccd']),
    );
    expect(paths.some((p: string) => p.startsWith('formData.to_khai'))).toBe(true);
    expect(JSON.stringify(r.json().errors)).toMatch(/hoTen|Họ, chữ đệm, tên/);
    expect((await call('GET', '/portal/my-dossiers', c.headers)).json().items).toHaveLength(0);
  });
});

describe('the dossier fact of an online submission (issue 12)', () => {
  it('carries the form fields, how many were prefilled, and the papers reused', async () => {
    const rows = await t.db.kysely
      .selectFrom('portal_submission')
      .select([
        'dossier_id',
        'prefilled_fields',
        'total_fields',
        'reused_attachments',
        'total_attachments',
      ])
      .execute();
    expect(rows.length).toBeGreaterThan(1);
    const facts = new Map(
      (await scanFacts(t.db.kysely, { kind: 'dossier', limit: 1000 })).map((f) => [f.subjectId, f]),
    );
    for (const r of rows) {
      expect(facts.get(r.dossier_id)).toMatchObject({
        unitCode: shop.unit.code,
        data: {
          channel: 'online',
          status: expect.any(String),
          formFields: r.total_fields,
          prefilledFields: r.prefilled_fields,
          attachments: r.total_attachments,
          reusedAttachments: r.reused_attachments,
          digitised: expect.any(Boolean),
        },
      });
    }
    // Every dossier fact of the online channel comes from a submission (refused ones left none).
    const online = [...facts.values()].filter((f) => f.data.channel === 'online');
    expect(online.map((f) => f.subjectId).sort()).toEqual(rows.map((r) => r.dossier_id).sort());
  });
});
