// The outgoing flow on a real database with real signatures: draft → approval → the signer's
// digital signature → the office numbers, seals and issues → a ward of the platform receives it.
// The issued PDF is checked by an independent verifier (Debian's pdfsig) and by ours; the
// number and date appear on it; a reply links to what it answers; numbers are gap-free.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import {
  buildDocumentWorld,
  call,
  type DocumentWorld,
  paperDocument,
} from './documents.test-support.js';

vi.setConfig({ testTimeout: 240_000 });

const clock = new FixedClock(new Date('2027-01-25T09:00:00+07:00'));
let t: TestApp;
let w: DocumentWorld;
const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd]);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await buildDocumentWorld(t);
}, 120_000);
afterAll(async () => t?.close());

type Who = { headers: Record<string, string> };
async function act(who: Who, id: string, body: Record<string, unknown>) {
  const v = (await call(t, who.headers, 'GET', `/documents/${id}`)).body.version;
  const r = await call(t, who.headers, 'POST', `/documents/${id}/actions`, { version: v, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** A one-page PDF annex (pdf-lib). */
async function annexPdf(): Promise<Buffer> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage();
  return Buffer.from(await doc.save());
}

async function issuedReply() {
  // Ward A receives a paper document, and answers it with a plan sent to ward B.
  const incoming = await call(t, w.clerkA.headers, 'POST', '/documents/incoming', paperDocument());
  await act(w.leaderA, incoming.body.id, {
    action: 'direct',
    direction: 'Giao chuyên viên dự thảo văn bản trả lời.',
    assignments: [{ role: 'lead', unitCode: w.units.A, userId: w.specialistA.id }],
  });
  const c = await call(t, w.specialistA.headers, 'POST', '/documents/outgoing', {
    typeCode: 'KH',
    summary: 'Kế hoạch triển khai chữ ký số năm 2027',
    paragraphs: [
      'Thực hiện Công văn số 125/STTTT-CĐS của Sở Thông tin và Truyền thông.',
      'Ủy ban nhân dân phường ban hành Kế hoạch như sau.',
    ],
    signer: {
      authority: 'TM. ỦY BAN NHÂN DÂN',
      title: 'CHỦ TỊCH',
      name: 'Cán bộ ld.a',
      userId: w.leaderA.id,
    },
    recipients: {
      units: [w.units.B],
      external: [],
      places: ['UBND phường Thử B', 'Sở Thông tin và Truyền thông'],
    },
    replyToId: incoming.body.id,
    files: [
      {
        name: 'phu-luc.pdf',
        contentType: 'application/pdf',
        data: (await annexPdf()).toString('base64'),
      },
    ],
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const id = c.body.id as string;
  await act(w.specialistA, id, { action: 'submit' });
  await act(w.clerkA, id, { action: 'approve' });
  await act(w.leaderA, id, { action: 'approve' });
  const signed = await act(w.leaderA, id, { action: 'sign' });
  expect(signed.status).toBe('signed');
  const issued = await act(w.clerkA, id, { action: 'issue' });
  return { id, issued, incomingId: incoming.body.id as string };
}

describe('outgoing: sign, number, seal, issue', () => {
  it('issues a signed, numbered, sealed PDF that pdfsig accepts, and ward B receives it', async () => {
    const { id, issued, incomingId } = await issuedReply();
    expect(issued).toMatchObject({
      status: 'issued',
      numberSymbol: '01/KH-UBND',
      issuedOn: '2027-01-25',
    });
    const main = issued.files.find((f: { kind: string }) => f.kind === 'main');
    const pdf = (await call(t, w.clerkA.headers, 'GET', `/documents/${id}/files/${main.id}`)).raw;
    // Our verifier, kept with the document: both signatures intact and trusted (the demo CA).
    const kept = issued.signatures.filter((s: { fileId: string }) => s.fileId === main.id);
    expect(kept.map((s: { kind: string }) => s.kind)).toEqual(['personal', 'organisation']);
    for (const s of kept)
      expect(s).toMatchObject({ integrity: 'valid', chain: 'valid', trusted: true });
    expect(kept[1].coversWholeDocument).toBe(true);
    expect(kept[0].modifiedAfter).toMatch(/có thêm chú thích hiển thị trên trang/);
    // The independent verifier.
    if (has('pdfsig')) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-sig-')), 'issued.pdf');
      fs.writeFileSync(file, pdf);
      const out = execFileSync('pdfsig', [file]).toString();
      expect(out.match(/Signature Validation: Signature is Valid\./g)?.length, out).toBe(2);
      // The signer's certificate names the person as on their account.
      expect(out).toContain('Signer Certificate Common Name: Cán bộ ld.a');
      expect(out).toContain('Signer Certificate Common Name: Phường Thử A');
      expect(out).toMatch(/Total document signed/);
    }
    // The number and date written onto the page (the stamp's text is drawn, so pdftoppm sees it).
    if (has('pdftotext')) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-txt-')), 'issued.pdf');
      fs.writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      expect(text).toContain('KẾ HOẠCH');
      // The stamp's text is extracted beside the blank line it covers.
      expect(text).toContain('Số: 01/KH-UBND');
      if (process.env.KEEP_ISSUED_PDF) fs.copyFileSync(file, process.env.KEEP_ISSUED_PDF);
      const raw = execFileSync('pdftotext', ['-raw', file, '-']).toString();
      expect(raw).toContain('Thử A, ngày 25 tháng 01 năm 2027');
    }
    // The annex went out sealed too (ND30: attachments carry the organisation's signature).
    const annex = issued.files.find((f: { kind: string; name: string }) => f.kind === 'attachment');
    expect(annex.name).toBe('phu-luc.pdf');
    const annexSig = issued.signatures.filter((s: { fileId: string }) => s.fileId === annex.id);
    expect(annexSig).toHaveLength(1);
    expect(annexSig[0]).toMatchObject({
      kind: 'organisation',
      integrity: 'valid',
      trusted: true,
      coversWholeDocument: true,
    });
    expect(issued.files.some((f: { kind: string }) => f.kind === 'draft_attachment')).toBe(true);
    // Ward B's clerk sees it arrive, waiting to be registered, with the sealed PDF.
    const todo = await call(t, w.clerkB.headers, 'GET', '/documents?box=todo&status=received');
    const receipt = todo.body.items.find(
      (x: { numberSymbol: string }) => x.numberSymbol === '01/KH-UBND',
    );
    expect(receipt).toBeTruthy();
    const r = (await call(t, w.clerkB.headers, 'GET', `/documents/${receipt.id}`)).body;
    expect(r).toMatchObject({
      source: 'platform',
      status: 'received',
      issuerName: expect.stringMatching(/Thử A/),
    });
    const rpdf = (
      await call(t, w.clerkB.headers, 'GET', `/documents/${receipt.id}/files/${r.files[0].id}`)
    ).raw;
    expect(Buffer.compare(rpdf, pdf)).toBe(0);
    const annexAtB = r.files.find((f: { kind: string }) => f.kind === 'attachment');
    const sealedAnnex = (
      await call(t, w.clerkA.headers, 'GET', `/documents/${id}/files/${annex.id}`)
    ).raw;
    expect(
      Buffer.compare(
        (await call(t, w.clerkB.headers, 'GET', `/documents/${receipt.id}/files/${annexAtB.id}`))
          .raw,
        sealedAnnex,
      ),
    ).toBe(0);
    // The reply links to the incoming document it answers.
    const answered = (await call(t, w.clerkA.headers, 'GET', `/documents/${incomingId}`)).body;
    expect(answered.replies.map((x: { id: string }) => x.id)).toContain(id);
    // The edXML package of the issued document carries the sealed PDF, byte for byte.
    const pkg = await t.app.inject({
      method: 'GET',
      url: `/api/v1/documents/${id}/edxml`,
      headers: w.clerkA.headers,
    });
    expect(pkg.statusCode).toBe(200);
    const { parseEdxml } = await import('./edxml/index.js');
    const parsed = parseEdxml(pkg.body);
    expect(parsed.code).toEqual({ number: '01', notation: 'KH-UBND' });
    expect(Buffer.compare(Buffer.from(parsed.attachments[0]!.data), pdf)).toBe(0);
    // Round trip: the package imported into another unit exports back identical, field for
    // field and byte for byte.
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents/incoming',
      headers: { ...w.clerkB.headers, 'content-type': 'application/xml' },
      payload: pkg.body,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/v1/documents/${imported.json().id}/edxml`,
      headers: w.clerkB.headers,
    });
    expect(parseEdxml(again.body)).toEqual(parsed);
    expect(again.body).toBe(pkg.body);
  });

  it('numbers the next one 02, and a PDF altered after signing is reported so', async () => {
    const { issued, id } = await issuedReply();
    expect(issued.numberSymbol).toBe('02/KH-UBND');
    const main = issued.files.find((f: { kind: string }) => f.kind === 'main');
    const pdf = Buffer.from(
      (await call(t, w.clerkA.headers, 'GET', `/documents/${id}/files/${main.id}`)).raw,
    );
    // Change one byte inside the first signed range (a digit of the page's content).
    const at = pdf.indexOf('/Length') + 9;
    pdf[at] = pdf[at] === 0x31 ? 0x32 : 0x31;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/signatures/verify',
      headers: { 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(r.statusCode, r.body).toBe(200);
    const sigs = r.json().signatures;
    expect(sigs).toHaveLength(2);
    expect(sigs.every((s: { integrity: string }) => s.integrity === 'invalid')).toBe(true);
    if (has('pdfsig')) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-sig-')), 'altered.pdf');
      fs.writeFileSync(file, pdf);
      let out = '';
      try {
        out = execFileSync('pdfsig', [file]).toString();
      } catch (e) {
        out = String((e as { stdout?: Buffer }).stdout ?? '');
      }
      expect(out).not.toContain('Signature is Valid');
    }
  });

  it('refuses to issue what is not signed, and lets only the signer sign', async () => {
    const c = await call(t, w.specialistA.headers, 'POST', '/documents/outgoing', {
      typeCode: 'TB',
      summary: 'Thông báo lịch tiếp công dân',
      paragraphs: ['Ủy ban nhân dân phường thông báo lịch tiếp công dân.'],
      signer: { title: 'CHỦ TỊCH', name: 'Cán bộ ld.a', userId: w.leaderA.id },
    });
    const id = c.body.id as string;
    await act(w.specialistA, id, { action: 'submit' });
    await act(w.clerkA, id, { action: 'approve' });
    const approved = await act(w.leaderA, id, { action: 'approve' });
    expect(
      (
        await call(t, w.clerkA.headers, 'POST', `/documents/${id}/actions`, {
          action: 'issue',
          version: approved.version,
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call(t, w.clerkA.headers, 'POST', `/documents/${id}/actions`, {
          action: 'sign',
          version: approved.version,
        })
      ).status,
    ).toBe(403);
  });
});

describe('signing with a USB token (deferred)', () => {
  it('prepares the PDF, accepts a CMS made outside the server by openssl, and issues it', async () => {
    if (!has('openssl'))
      throw new Error('openssl is required for this test (apt-get install openssl)');
    const c = await call(t, w.specialistA.headers, 'POST', '/documents/outgoing', {
      typeCode: 'TB',
      summary: 'Thông báo lịch tiếp công dân tháng 02/2027',
      paragraphs: ['Ủy ban nhân dân phường thông báo lịch tiếp công dân.'],
      signer: { title: 'CHỦ TỊCH', name: 'Cán bộ ld.a', userId: w.leaderA.id },
    });
    const id = c.body.id as string;
    await act(w.specialistA, id, { action: 'submit' });
    await act(w.clerkA, id, { action: 'approve' });
    const approved = await act(w.leaderA, id, { action: 'approve' });
    // Only the signer may start it.
    expect(
      (
        await call(t, w.clerkA.headers, 'POST', `/documents/${id}/signing-sessions`, {
          version: approved.version,
        })
      ).status,
    ).toBe(403);
    const s = await call(t, w.leaderA.headers, 'POST', `/documents/${id}/signing-sessions`, {
      version: approved.version,
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    expect(s.body.hashAlgorithm).toBe('SHA-256');
    const prepared = (
      await call(
        t,
        w.leaderA.headers,
        'GET',
        `/documents/${id}/signing-sessions/${s.body.sessionId}/pdf`,
      )
    ).raw;
    const [a, b, c2, d2] = s.body.byteRange as number[];
    const covered = Buffer.concat([
      prepared.subarray(a!, a! + b!),
      prepared.subarray(c2!, c2! + d2!),
    ]);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(covered).digest('base64')).toBe(s.body.hash);
    // The "token": a certificate from the installation's demo CA (made at the first signing above), used by openssl, outside the server.
    const { loadCa, issueCertificate } = await import('../../platform/signatures/index.js');
    const dir = path.join(t.ctx.config.dataDir, 'signing');
    const ca = await loadCa(
      fs.readFileSync(path.join(dir, 'demo-ca.p12')),
      fs.readFileSync(path.join(dir, 'demo-ca.password'), 'utf8'),
    );
    const token = await issueCertificate(ca, {
      profile: 'person',
      commonName: 'Lãnh đạo ký bằng token',
    });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-token-'));
    fs.writeFileSync(path.join(tmp, 'covered.bin'), covered);
    fs.writeFileSync(path.join(tmp, 'cert.pem'), token.certificatePem);
    fs.writeFileSync(path.join(tmp, 'key.pem'), token.keyPem);
    fs.writeFileSync(path.join(tmp, 'ca.pem'), ca.certificatePem);
    /** openssl signs the covered bytes as the local signing app would (CAdES, detached). */
    const sign = (extra: string[], key: string, cert: string, out: string) =>
      execFileSync('openssl', [
        'cms',
        '-sign',
        '-binary',
        '-cades',
        '-md',
        'sha256',
        '-in',
        path.join(tmp, 'covered.bin'),
        '-signer',
        path.join(tmp, cert),
        '-inkey',
        path.join(tmp, key),
        ...extra,
        '-outform',
        'DER',
        '-out',
        path.join(tmp, out),
      ]);
    sign(['-certfile', path.join(tmp, 'ca.pem')], 'key.pem', 'cert.pem', 'sig.der');
    const cms = fs.readFileSync(path.join(tmp, 'sig.der')).toString('base64');
    // A CMS over other bytes is refused before anything is embedded.
    fs.writeFileSync(path.join(tmp, 'other.bin'), Buffer.concat([covered, Buffer.from('x')]));
    execFileSync('openssl', [
      'cms',
      '-sign',
      '-binary',
      '-md',
      'sha256',
      '-in',
      path.join(tmp, 'other.bin'),
      '-signer',
      path.join(tmp, 'cert.pem'),
      '-inkey',
      path.join(tmp, 'key.pem'),
      '-outform',
      'DER',
      '-out',
      path.join(tmp, 'other.der'),
    ]);
    const wrong = await call(
      t,
      w.leaderA.headers,
      'POST',
      `/documents/${id}/signing-sessions/${s.body.sessionId}`,
      { cms: fs.readFileSync(path.join(tmp, 'other.der')).toString('base64') },
    );
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.status).toBeLessThan(500);
    expect((await call(t, w.leaderA.headers, 'GET', `/documents/${id}`)).body.status).toBe(
      'approved',
    );
    // A certificate no trusted CA issued (self-signed), or one expired at signing: a signature
    // without legal force is refused, the document stays unsigned.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '30',
        '-subj',
        '/CN=Tu cap',
        '-keyout',
        path.join(tmp, 'self-key.pem'),
        '-out',
        path.join(tmp, 'self-cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    sign([], 'self-key.pem', 'self-cert.pem', 'self.der');
    const old = await issueCertificate(ca, {
      profile: 'person',
      commonName: 'Chứng thư hết hạn',
      now: new Date('2024-01-10T00:00:00Z'),
      validDays: 30,
    });
    fs.writeFileSync(path.join(tmp, 'old-cert.pem'), old.certificatePem);
    fs.writeFileSync(path.join(tmp, 'old-key.pem'), old.keyPem);
    sign(['-certfile', path.join(tmp, 'ca.pem')], 'old-key.pem', 'old-cert.pem', 'old.der');
    for (const [file, codes] of [
      ['self.der', ['token_certificate_untrusted']],
      ['old.der', ['token_certificate_expired', 'token_certificate_untrusted']],
    ] as const) {
      const refused = await call(
        t,
        w.leaderA.headers,
        'POST',
        `/documents/${id}/signing-sessions/${s.body.sessionId}`,
        { cms: fs.readFileSync(path.join(tmp, file)).toString('base64') },
      );
      expect(refused.status, JSON.stringify(refused.body)).toBe(409);
      expect(codes).toContain(refused.body.code);
      expect(refused.body.detail).toContain('văn bản chưa được ký');
    }
    expect((await call(t, w.leaderA.headers, 'GET', `/documents/${id}`)).body.status).toBe(
      'approved',
    );

    const done = await call(
      t,
      w.leaderA.headers,
      'POST',
      `/documents/${id}/signing-sessions/${s.body.sessionId}`,
      { cms },
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe('signed');
    expect(done.body.signatures[0]).toMatchObject({
      kind: 'personal',
      signer: 'Lãnh đạo ký bằng token',
      integrity: 'valid',
      trusted: true,
    });
    // The session is spent.
    expect(
      (
        await call(
          t,
          w.leaderA.headers,
          'POST',
          `/documents/${id}/signing-sessions/${s.body.sessionId}`,
          { cms },
        )
      ).status,
    ).toBe(404);
    const issued = await act(w.clerkA, id, { action: 'issue' });
    const main = issued.files.find((f: { kind: string }) => f.kind === 'main');
    const pdf = (await call(t, w.clerkA.headers, 'GET', `/documents/${id}/files/${main.id}`)).raw;
    if (has('pdfsig')) {
      fs.writeFileSync(path.join(tmp, 'issued.pdf'), pdf);
      const out = execFileSync('pdfsig', [path.join(tmp, 'issued.pdf')]).toString();
      expect(out.match(/Signature is Valid\./g)?.length, out).toBe(2);
      expect(out).toContain('Lãnh đạo ký bằng token');
    }
  });
});
