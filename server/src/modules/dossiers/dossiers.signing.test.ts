// Forms and results signed like official documents (issue 13 deliver 3), with real PDFs and the
// installation's demo CA: form 01's electronic copy sealed by the receiving unit; a PDF result
// signed by the approving leader and sealed by the unit at approval, served signed to staff;
// a non-PDF result untouched; a PDF that cannot be signed stops the approval (409). Checked by
// our verifier and by an independent one (Debian's pdfsig, poppler-utils) when installed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { type PDFArray, type PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDossierInput, buildOneStopShop } from '../../../test/factories/dossiers.js';
import { tinyPdf } from '../../../test/factories/pdf.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { SigningSetup, verifyPdfSignatures } from '../../platform/signatures/index.js';
import { cachedUnit } from '../org/index.js';

vi.setConfig({ testTimeout: 120_000 });

// Monday 23/11/2026 09:00 in Vietnam.
const clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
let t: TestApp;
let shop: Awaited<ReturnType<typeof buildOneStopShop>>;
let unitName: string;
beforeAll(async () => {
  t = await createTestApp({ clock });
  shop = await buildOneStopShop(t);
  const unit = await cachedUnit(t.db.kysely, shop.unit.code, undefined);
  unitName = unit!.fullName ?? unit!.name;
}, 60_000);
afterAll(() => t?.close());

const hasPdfsig = (() => {
  try {
    execFileSync('which', ['pdfsig']);
    return true;
  } catch {
    return false;
  }
})();

/** pdfsig's report of a PDF (it exits non-zero on an invalid signature: the output is kept). */
function pdfsig(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-dossier-sig-')), 'x.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdfsig', [file]).toString();
  } catch (e) {
    return String((e as { stdout?: Buffer }).stdout ?? '');
  }
}

const verify = async (pdf: Buffer) =>
  verifyPdfSignatures(pdf, {
    trustAnchors: await new SigningSetup({
      dataDir: t.ctx.config.dataDir,
      ...t.ctx.config.signing,
    }).trustAnchors(),
  });

async function receive(): Promise<string> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: shop.desk.headers,
    payload: buildDossierInput(shop),
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

async function act(id: string, body: Record<string, unknown>, headers: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${id}/actions`,
    payload: body,
    headers,
  });
}

async function upload(id: string, filename: string, mime: string, bytes: Buffer): Promise<string> {
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${id}/files?kind=result&filename=${encodeURIComponent(filename)}`,
    headers: { ...shop.specialist.headers, 'content-type': mime },
    payload: bytes,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

const download = (id: string, fileId: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${id}/files/${fileId}`,
    headers: shop.desk.headers,
  });

/** Assigned to the specialist, results uploaded, finished: ready for the leader's approval. */
async function processedWith(results: { name: string; mime: string; bytes: Buffer }[]) {
  const id = await receive();
  let r = await act(
    id,
    { action: 'assign', version: 1, assigneeUsername: shop.specialist.username },
    shop.desk.headers,
  );
  expect(r.statusCode, r.body).toBe(200);
  const ids: string[] = [];
  for (const f of results) ids.push(await upload(id, f.name, f.mime, f.bytes));
  r = await act(
    id,
    { action: 'finish', version: 2, resultSummary: 'Đã cấp', resultFileId: ids[0] },
    shop.specialist.headers,
  );
  expect(r.statusCode, r.body).toBe(200);
  return { id, fileIds: ids, version: r.json().version as number };
}

describe('forms 01–06 with the unit’s digital signature', () => {
  it('seals form 01 with the receiving unit’s signature, visible in the signature block', async () => {
    const id = await receive();
    const url = `/api/v1/dossiers/${id}/forms/01.pdf`;
    const plain = await t.app.inject({ method: 'GET', url, headers: shop.desk.headers });
    expect(plain.statusCode).toBe(200);
    // Without `signed`, as before: no signature.
    expect(await verify(plain.rawPayload)).toHaveLength(0);
    const r = await t.app.inject({
      method: 'GET',
      url: `${url}?signed=true`,
      headers: shop.desk.headers,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/pdf/);
    const pdf = r.rawPayload;

    const reports = await verify(pdf);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      signer: unitName,
      integrity: 'valid',
      chain: 'valid',
      trusted: true,
      coversWholeDocument: true,
      field: 'ChuKyCoQuan',
    });
    // Visible: the seal's widget has a real box on page 1 (ND30 Phụ lục I), right of centre.
    const doc = await PDFDocument.load(pdf);
    const field = doc
      .getForm()
      .getFields()
      .find((f) => f.getName() === 'ChuKyCoQuan');
    const widget = field!.acroField.getWidgets()[0]!;
    const rect = widget.getRectangle();
    expect(rect.width).toBeGreaterThan(50);
    expect(rect.x + rect.width).toBeGreaterThan(doc.getPage(0).getWidth() / 2);
    const annots = doc.getPage(0).node.lookup(PDFName.of('Annots')) as PDFArray | undefined;
    expect(annots?.asArray().some((a) => (doc.context.lookup(a) as PDFDict) === widget.dict)).toBe(
      true,
    );

    if (hasPdfsig) {
      const out = pdfsig(pdf);
      expect(out).toContain('Signature Validation: Signature is Valid.');
      expect(out).toContain(`Signer Certificate Common Name: ${unitName}`);
      expect(out).toMatch(/Total document signed/);
    }
  });

  it('signs a form without a signature row invisibly (06), and refuses a bad `signed`', async () => {
    const id = await receive();
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${id}/forms/06.pdf?signed=true`,
      headers: shop.desk.headers,
    });
    expect(r.statusCode, r.body).toBe(200);
    const [report] = await verify(r.rawPayload);
    expect(report).toMatchObject({ signer: unitName, integrity: 'valid', trusted: true });

    const bad = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${id}/forms/01.pdf?signed=yes`,
      headers: shop.desk.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('results signed at the leader’s approval', () => {
  it('signs a PDF result (leader, then unit), keeps the upload, leaves other results as they are', async () => {
    const original = tinyPdf('giay khai sinh ban dien tu');
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('anh chup ket qua'),
    ]);
    const { id, fileIds, version } = await processedWith([
      { name: 'Giấy khai sinh.pdf', mime: 'application/pdf', bytes: original },
      { name: 'Ảnh.png', mime: 'image/png', bytes: png },
    ]);
    const [pdfId, pngId] = fileIds as [string, string];
    const approved = await act(id, { action: 'approve', version }, shop.leader.headers);
    expect(approved.statusCode, approved.body).toBe(200);
    const files = approved.json().files as { id: string; signature: unknown; sha256: string }[];
    expect(files.find((f) => f.id === pdfId)!.signature).toMatchObject({
      signers: ['Cán bộ leader', unitName],
    });
    expect(files.find((f) => f.id === pngId)!.signature).toBeNull();

    // Staff download: the signed version; the upload is its unchanged prefix (incremental updates).
    const pdf = (await download(id, pdfId)).rawPayload;
    expect(pdf.length).toBeGreaterThan(original.length);
    expect(pdf.subarray(0, original.length).equals(original)).toBe(true);
    const reports = await verify(pdf);
    expect(reports.map((r) => r.signer)).toEqual(['Cán bộ leader', unitName]);
    for (const r of reports)
      expect(r).toMatchObject({ integrity: 'valid', chain: 'valid', trusted: true });
    expect(reports[1]!.coversWholeDocument).toBe(true);
    if (hasPdfsig) {
      const out = pdfsig(pdf);
      expect(out.match(/Signature Validation: Signature is Valid\./g)?.length, out).toBe(2);
      expect(out).toContain('Signer Certificate Common Name: Cán bộ leader');
      expect(out).toContain(`Signer Certificate Common Name: ${unitName}`);
    }
    // The non-PDF result: byte for byte what was uploaded.
    expect((await download(id, pngId)).rawPayload.equals(png)).toBe(true);

    // The row keeps the uploaded bytes; the event and the audit row name the signed version.
    const row = await t.db.kysely
      .selectFrom('dossier_file')
      .selectAll()
      .where('id', '=', pdfId)
      .executeTakeFirstOrThrow();
    expect(row.unsigned_sha256).not.toBeNull();
    expect(row.unsigned_sha256).not.toBe(row.sha256);
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${id}`,
      headers: shop.leader.headers,
    });
    const event = again.json().events.at(-1);
    expect(event).toMatchObject({
      action: 'approve',
      payload: {
        signedResults: [{ fileId: pdfId, sha256: row.sha256, unsignedSha256: row.unsigned_sha256 }],
      },
    });
    const audit = await sql<{ after: { signedResults?: { fileId: string }[] } }>`
      select after from audit_log where action = 'dossier.approve' and entity_id = ${id}`.execute(
      t.db.kysely,
    );
    expect(audit.rows[0]!.after.signedResults?.[0]?.fileId).toBe(pdfId);
  });

  it('refuses the approval with 409 and changes nothing when a PDF result cannot be signed', async () => {
    const { id, fileIds, version } = await processedWith([
      {
        name: 'Hỏng.pdf',
        mime: 'application/pdf',
        bytes: Buffer.from('%PDF-1.4\n% hong\n%%EOF\n'),
      },
    ]);
    const r = await act(id, { action: 'approve', version }, shop.leader.headers);
    expect(r.statusCode, r.body).toBe(409);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.json()).toMatchObject({ code: 'result_signing_failed' });
    expect(r.json().detail).toMatch(/^Không ký số được tệp kết quả "Hỏng\.pdf"/);
    const d = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${id}`,
        headers: shop.leader.headers,
      })
    ).json();
    expect(d).toMatchObject({ version, approvedAt: null });
    expect(d.events.some((e: { action: string }) => e.action === 'approve')).toBe(false);
    expect(d.files[0]).toMatchObject({ id: fileIds[0], signature: null });
  });
});
