// Issue 11: no path from one unit's dossiers to another's — a result file must belong to the
// dossier it is the result of, and an Idempotency-Key of one unit tells another unit nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossierInput, buildOneStopShop } from '../../../test/factories/dossiers.js';
import { tinyPdf } from '../../../test/factories/pdf.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { registerByPhone } from '../citizens/citizens.test-support.js';

let t: TestApp;
let wardA: Awaited<ReturnType<typeof buildOneStopShop>>;
let wardB: Awaited<ReturnType<typeof buildOneStopShop>>;
let citizen: { headers: Record<string, string>; userId: string };

// A real PDF: the leader's approval signs it (dossiers.signing.ts).
const PDF_A = tinyPdf('ket qua cua phuong A');
const PDF_B = Buffer.from('%PDF-1.4\n% ket qua cua phuong B — khong duoc lo\n%%EOF\n');

const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
  extra: Record<string, string> = {},
) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...headers, ...extra },
    payload: payload as never,
  });

async function act(id: string, body: Record<string, unknown>, headers: Record<string, string>) {
  const r = await call('POST', `/dossiers/${id}/actions`, headers, body);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { version: number };
}

async function uploadResult(id: string, headers: Record<string, string>, bytes: Buffer) {
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${id}/files?kind=result&filename=ket-qua.pdf`,
    headers: { ...headers, 'content-type': 'application/pdf' },
    payload: bytes,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

/** A dossier the citizen submits online at ward A, assigned to ward A's specialist. */
async function onlineDossierAtA() {
  const started = await call('POST', '/portal/drafts', citizen.headers, {
    procedureCode: wardA.procedure.code,
  });
  expect(started.statusCode, started.body).toBe(201);
  const draft = started.json();
  const saved = await call('PUT', `/portal/drafts/${draft.id}`, citizen.headers, {
    version: draft.version,
    unitCode: wardA.unit.code,
    applicant: buildDossierInput(wardA).applicant,
    formData: { to_khai: { hoTen: 'Trần Văn Bé', ngaySinh: '2026-11-01' } },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const sent = await call('POST', `/portal/drafts/${draft.id}/submit`, citizen.headers);
  expect(sent.statusCode, sent.body).toBe(201);
  const { id, code } = sent.json().dossier as { id: string; code: string };
  const d = await act(
    id,
    { action: 'assign', version: 1, assigneeUsername: wardA.specialist.username },
    wardA.desk.headers,
  );
  return { id, code, version: d.version };
}

/** A dossier received at ward B's desk, with a result file uploaded by ward B's specialist. */
async function resultFileOfB() {
  const r = await call('POST', '/dossiers', wardB.desk.headers, buildDossierInput(wardB));
  expect(r.statusCode, r.body).toBe(201);
  return uploadResult(r.json().id, wardB.specialist.headers, PDF_B);
}

beforeAll(async () => {
  t = await createTestApp();
  wardA = await buildOneStopShop(t);
  wardB = await buildOneStopShop(t);
  citizen = await registerByPhone(t, '0977111222', 'Lê Văn Công');
}, 60_000);
afterAll(() => t?.close());

describe('the result file of a dossier (finish)', () => {
  it("refuses another dossier's file, or an attachment, as the result — the citizen never gets another unit's bytes", async () => {
    const foreign = await resultFileOfB();
    const d = await onlineDossierAtA();
    const finish = (resultFileId: string) =>
      call('POST', `/dossiers/${d.id}/actions`, wardA.specialist.headers, {
        action: 'finish',
        version: d.version,
        resultSummary: 'Đã cấp',
        resultFileId,
      });
    const stolen = await finish(foreign);
    expect(stolen.statusCode, stolen.body).toBe(400);
    expect(stolen.json().code).toBe('result_file_not_found');
    expect(stolen.headers['content-type']).toContain('application/problem+json');
    // An attachment of the dossier itself is not a result either.
    const attachment = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${d.id}/files?kind=attachment&component=to_khai&filename=to-khai.pdf`,
      headers: { ...wardA.desk.headers, 'content-type': 'application/pdf' },
      payload: PDF_A,
    });
    expect(attachment.statusCode, attachment.body).toBe(201);
    expect((await finish(attachment.json().id)).statusCode).toBe(400);
    // Nothing was written: the dossier is still in progress at the version read.
    const still = (await call('GET', `/dossiers/${d.id}`, wardA.specialist.headers)).json();
    expect(still).toMatchObject({ status: 'in_progress', version: d.version });

    // Its own result file is accepted, and that is what the citizen downloads.
    const own = await uploadResult(d.id, wardA.specialist.headers, PDF_A);
    const ok = await finish(own);
    expect(ok.statusCode, ok.body).toBe(200);
    const approved = await act(
      d.id,
      { action: 'approve', version: ok.json().version },
      wardA.leader.headers,
    );
    await act(
      d.id,
      {
        action: 'return_result',
        version: approved.version,
        method: 'electronic',
        reason: 'Miễn lệ phí theo quy định',
      },
      wardA.desk.headers,
    );
    const file = await call('GET', `/portal/my-dossiers/${d.code}/result`, citizen.headers);
    expect(file.statusCode).toBe(200);
    // Its signed version: the upload followed by the signatures (incremental updates).
    expect(file.rawPayload.length).toBeGreaterThan(PDF_A.length);
    expect(file.rawPayload.subarray(0, PDF_A.length).equals(PDF_A)).toBe(true);
  });

  it('serves no result whose file is not one of the dossier’s own result files (defence in depth)', async () => {
    const foreign = await resultFileOfB();
    const d = await onlineDossierAtA();
    const own = await uploadResult(d.id, wardA.specialist.headers, PDF_A);
    const f = await act(
      d.id,
      { action: 'finish', version: d.version, resultSummary: 'Đã cấp', resultFileId: own },
      wardA.specialist.headers,
    );
    const a = await act(d.id, { action: 'approve', version: f.version }, wardA.leader.headers);
    await act(
      d.id,
      {
        action: 'return_result',
        version: a.version,
        method: 'electronic',
        reason: 'Miễn lệ phí theo quy định',
      },
      wardA.desk.headers,
    );
    // A row written before the check (or by a bug) pointing at ward B's file.
    await sql`update dossier set result_file_id = ${foreign} where id = ${d.id}`.execute(
      t.db.kysely,
    );
    const file = await call('GET', `/portal/my-dossiers/${d.code}/result`, citizen.headers);
    expect(file.statusCode).toBe(404);
    expect(file.body).not.toContain('phuong B');
    // Even with the data-store consent, that file never joins the citizen's store.
    await call('PUT', '/citizens/me/consents/data_store', citizen.headers, { granted: true });
    const docs = (await call('GET', '/portal/documents', citizen.headers)).json().items as {
      sourceDossierId: string | null;
    }[];
    expect(docs.some((x) => x.sourceDossierId === d.id)).toBe(false);
  });
});

describe('Idempotency-Key of a receipt', () => {
  it("is scoped to the unit: another unit's staff reusing it get exactly what a fresh key gives", async () => {
    const key = `khoa-phuong-a-${Date.now()}`;
    const bodyA = buildDossierInput(wardA);
    const first = await call('POST', '/dossiers', wardA.desk.headers, bodyA, {
      'idempotency-key': key,
    });
    expect(first.statusCode, first.body).toBe(201);
    const a = first.json();

    // Ward B with the same body: the unit check comes first (403, as without a key)…
    const sameBody = await call('POST', '/dossiers', wardB.desk.headers, bodyA, {
      'idempotency-key': key,
    });
    const sameBodyFresh = await call('POST', '/dossiers', wardB.desk.headers, bodyA, {
      'idempotency-key': `khoa-moi-${Date.now()}`,
    });
    expect(sameBody.statusCode).toBe(403);
    expect(sameBody.json()).toEqual(sameBodyFresh.json());
    expect(sameBody.body).not.toContain(a.id);
    expect(sameBody.body).not.toContain(a.code);

    // …and with its own unit's body, the key is simply new there: a new dossier of ward B.
    const bodyB = buildDossierInput(wardB);
    const own = await call('POST', '/dossiers', wardB.desk.headers, bodyB, {
      'idempotency-key': key,
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().id).not.toBe(a.id);
    expect(own.json().code).not.toBe(a.code);
    // A retry in each unit still finds that unit's own dossier.
    const retryA = await call('POST', '/dossiers', wardA.desk.headers, bodyA, {
      'idempotency-key': key,
    });
    expect(retryA.json().id).toBe(a.id);
    const retryB = await call('POST', '/dossiers', wardB.desk.headers, bodyB, {
      'idempotency-key': key,
    });
    expect(retryB.json().id).toBe(own.json().id);
    // Another body under the key in ward A is still refused there.
    const reused = await call(
      'POST',
      '/dossiers',
      wardA.desk.headers,
      buildDossierInput(wardA, { channel: 'postal' }),
      { 'idempotency-key': key },
    );
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe('idempotency_key_reused');
  });
});
