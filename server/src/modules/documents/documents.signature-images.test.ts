// The images a document's visible signatures draw are the ones uploaded on /van-ban/chu-ky-con-dau: the
// signer's handwritten signature in their box, the unit's seal over its left third (ND30 Phụ
// lục I). Checked on the issued PDF with Debian's pdfimages (poppler-utils), which lists each
// embedded image with its pixel size; pdfsig still accepts both signatures.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { buildDocumentWorld, call, type DocumentWorld } from './documents.test-support.js';

vi.setConfig({ testTimeout: 240_000 });

let t: TestApp;
let w: DocumentWorld;
beforeAll(async () => {
  t = await createTestApp({ clock: new FixedClock(new Date('2027-02-22T09:00:00+07:00')) });
  w = await buildDocumentWorld(t);
}, 120_000);
afterAll(async () => t?.close());

async function upload(headers: Record<string, string>, url: string, png: Buffer) {
  const r = await t.app.inject({
    method: 'PUT',
    url: `/api/v1${url}`,
    headers: { ...headers, 'content-type': 'image/png' },
    payload: png,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** Sizes (w×h) of the images pdfimages finds in a PDF. */
function imageSizes(pdf: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-img-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  const out = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  // page num type width height …
  return out
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c.length > 4 && c[2] === 'image')
    .map((c) => `${c[3]}x${c[4]}`);
}

async function act(who: { headers: Record<string, string> }, id: string, body: object) {
  const v = (await call(t, who.headers, 'GET', `/documents/${id}`)).body.version;
  const r = await call(t, who.headers, 'POST', `/documents/${id}/actions`, { version: v, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe('uploaded signature and seal images on an issued document', () => {
  it('draws the signer’s and the unit’s own images, and pdfsig accepts the signatures', async () => {
    // Distinctive sizes, so the images are recognisable in the PDF: 600×200 and 420×420.
    const signature = await sharp(
      Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200">
        <path d="M0 100 C 150 0, 300 200, 600 100" fill="none" stroke="#1d3fbf" stroke-width="10"/>
        <rect x="0" y="0" width="600" height="200" fill="none" stroke="#1d3fbf" stroke-width="4"/></svg>`),
    )
      .png()
      .toBuffer();
    const seal = await sharp(
      Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="420" height="420">
        <rect x="2" y="2" width="416" height="416" fill="none" stroke="#d21f1f" stroke-width="4"/>
        <circle cx="210" cy="210" r="180" fill="none" stroke="#d21f1f" stroke-width="16"/></svg>`),
    )
      .png()
      .toBuffer();
    const me = await upload(w.leaderA.headers, '/signature-images/me', signature);
    expect(me.me).toMatchObject({ width: 600, height: 200 });
    const unit = await upload(w.clerkA.headers, `/signature-images/units/${w.units.A}`, seal);
    expect(unit.units[0]).toMatchObject({ width: 420, height: 420 });

    const c = await call(t, w.specialistA.headers, 'POST', '/documents/outgoing', {
      typeCode: 'KH',
      summary: 'Kế hoạch thử hình ảnh chữ ký và con dấu',
      paragraphs: ['Nội dung kế hoạch.'],
      signer: { title: 'CHỦ TỊCH', name: 'Cán bộ ld.a', userId: w.leaderA.id },
      recipients: { units: [], external: [], places: ['Lưu: VT'] },
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const id = c.body.id as string;
    await act(w.specialistA, id, { action: 'submit' });
    await act(w.clerkA, id, { action: 'approve' });
    await act(w.leaderA, id, { action: 'approve' });
    await act(w.leaderA, id, { action: 'sign' });
    const issued = await act(w.clerkA, id, { action: 'issue' });
    const file = issued.files.find((f: { kind: string }) => f.kind === 'main');
    expect(file, JSON.stringify(issued.files)).toBeTruthy();
    const pdf = await call(t, w.clerkA.headers, 'GET', `/documents/${id}/files/${file.id}`);
    expect(pdf.status).toBe(200);
    const sizes = imageSizes(pdf.raw);
    expect(sizes).toContain('600x200');
    expect(sizes).toContain('420x420');
    // The demo's stand-ins (340×140 and 400×400) are not drawn when the real ones exist.
    expect(sizes).not.toContain('340x140');
    expect(sizes).not.toContain('400x400');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-sig-'));
    fs.writeFileSync(path.join(dir, 'd.pdf'), pdf.raw);
    let out = '';
    try {
      out = execFileSync('pdfsig', [path.join(dir, 'd.pdf')], { encoding: 'utf8' });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? e);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    expect(out.match(/Signature is Valid/g)?.length, out).toBe(2);
  });
});
