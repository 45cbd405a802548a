// The XML-DSig of edXML packages through the API, on a real database with the demo PKI
// (interop.md "edXML (QCVN 102:2016)": an enveloped Signature over the header, by the sending
// system): an issued document's package is sealed by its unit and verifies with xmlsec1; an
// import keeps the check with the document (detail `signatures`, kind 'edxml', and the audit
// row) — valid, invalid when the header was altered after signing, untrusted when the signer
// is outside the trust anchors, and "not signed" for the many senders that do not sign.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import {
  createDemoCa,
  issueCertificate,
  loadPkcs12,
  SigningSetup,
} from '../../platform/signatures/index.js';
import { hasBinary, missing } from '../../platform/signatures/signatures.test-support.js';
import {
  buildDocumentWorld,
  call,
  type DocumentWorld,
  paperDocument,
} from './documents.test-support.js';
import { buildEdxml, buildSignedEdxml, parseEdxml } from './edxml/index.js';

vi.setConfig({ testTimeout: 240_000 });

const clock = new FixedClock(new Date('2027-01-25T09:00:00+07:00'));
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-edxml-sig-out-'));
let t: TestApp;
let w: DocumentWorld;

beforeAll(async () => {
  t = await createTestApp({ clock, config: { edxml: { outboxDir: outbox } } });
  w = await buildDocumentWorld(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(outbox, { recursive: true, force: true });
});

type Who = { headers: Record<string, string> };
async function act(who: Who, id: string, body: Record<string, unknown>) {
  const v = (await call(t, who.headers, 'GET', `/documents/${id}`)).body.version;
  const r = await call(t, who.headers, 'POST', `/documents/${id}/actions`, { version: v, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** Ward A issues a plan to a body outside the platform: its package goes out sealed. */
async function issueToOutside(): Promise<{ id: string; xml: string }> {
  const incoming = await call(t, w.clerkA.headers, 'POST', '/documents/incoming', paperDocument());
  await act(w.leaderA, incoming.body.id, {
    action: 'direct',
    direction: 'Giao chuyên viên dự thảo văn bản trả lời.',
    assignments: [{ role: 'lead', unitCode: w.units.A, userId: w.specialistA.id }],
  });
  const c = await call(t, w.specialistA.headers, 'POST', '/documents/outgoing', {
    typeCode: 'KH',
    summary: 'Kế hoạch chuyển đổi số năm 2027 gửi Sở',
    paragraphs: ['Ủy ban nhân dân phường ban hành Kế hoạch như sau.'],
    signer: {
      authority: 'TM. ỦY BAN NHÂN DÂN',
      title: 'CHỦ TỊCH',
      name: 'Cán bộ ld.a',
      userId: w.leaderA.id,
    },
    recipients: {
      units: [],
      external: [{ organId: '000.00.12.H01', name: 'Sở Thông tin và Truyền thông tỉnh An Giang' }],
      places: ['Sở Thông tin và Truyền thông'],
    },
    replyToId: incoming.body.id,
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const id = c.body.id as string;
  await act(w.specialistA, id, { action: 'submit' });
  await act(w.clerkA, id, { action: 'approve' });
  await act(w.leaderA, id, { action: 'approve' });
  await act(w.leaderA, id, { action: 'sign' });
  await act(w.clerkA, id, { action: 'issue' });
  const r = await call(t, w.clerkA.headers, 'GET', `/documents/${id}/edxml`);
  expect(r.status).toBe(200);
  return { id, xml: r.raw.toString('utf8') };
}

/** Imports a package into ward B's inbox; its id. */
async function importAtB(xml: string): Promise<string> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/edxml/inbox',
    headers: { ...w.clerkB.headers, 'content-type': 'application/xml' },
    payload: xml,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

async function edxmlSignatures(id: string) {
  const d = (await call(t, w.clerkB.headers, 'GET', `/documents/${id}`)).body;
  return (d.signatures as { kind: string }[]).filter((s) => s.kind === 'edxml');
}

async function auditVerdict(id: string): Promise<string | undefined> {
  const r = await sql<{ after: { verdict: string } }>`
    select after from audit_log where action = 'document.edxml_signature' and entity_id = ${id}`.execute(
    t.db.kysely,
  );
  return r.rows[0]?.after.verdict;
}

let issued: { id: string; xml: string };

describe('edXML XML-DSig through the API', () => {
  it('seals the package of an issued document: the one sent, the one exported, xmlsec1 agrees', async () => {
    issued = await issueToOutside();
    expect(issued.xml).toMatch(
      /<Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">[\s\S]*<\/Signature>\n\s*<\/edXML:edXMLHeader>/,
    );
    // The package queued for the gateway is the same bytes.
    const sent = await sql<{ payload: { xml: string; to: string[] } }>`
      select payload from job where name = 'documents.edxml-send'
        and payload->>'documentId' = ${issued.id}`.execute(t.db.kysely);
    expect(sent.rows.map((r) => r.payload.to)).toEqual([['000.00.12.H01']]);
    expect(sent.rows[0]!.payload.xml).toBe(issued.xml);
    if (!hasBinary('xmlsec1')) {
      console.warn(missing('xmlsec1'));
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-xmlsec-'));
    try {
      const anchors = await new SigningSetup({ dataDir: t.ctx.config.dataDir }).trustAnchors();
      fs.writeFileSync(path.join(dir, 'ca.pem'), anchors.join('\n'));
      fs.writeFileSync(path.join(dir, 'pkg.xml'), issued.xml);
      const r = spawnSync(
        'xmlsec1',
        ['--verify', '--trusted-pem', path.join(dir, 'ca.pem'), path.join(dir, 'pkg.xml')],
        { encoding: 'utf8' },
      );
      expect(r.stderr).toMatch(/^OK$/m);
      expect(r.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an import keeps the check: valid, and the package exports back byte-identical', async () => {
    const id = await importAtB(issued.xml);
    expect(await edxmlSignatures(id)).toEqual([
      expect.objectContaining({
        kind: 'edxml',
        fileId: null,
        verdict: 'valid',
        integrity: 'valid',
        chain: 'valid',
        trusted: true,
        coversWholeDocument: true,
        problem: null,
        message: expect.stringContaining('Chữ ký số hợp lệ'),
      }),
    ]);
    expect(await auditVerdict(id)).toBe('valid');
    const back = await call(t, w.clerkB.headers, 'GET', `/documents/${id}/edxml`);
    expect(back.raw.toString('utf8')).toBe(issued.xml);
  });

  it('a header altered after signing still imports, with the result "invalid" said plainly', async () => {
    const summary = 'Kế hoạch chuyển đổi số năm 2027 gửi Sở';
    expect(issued.xml).toContain(summary);
    const id = await importAtB(
      issued.xml.replace(summary, 'Kế hoạch chuyển đổi số năm 2028 gửi Sở'),
    );
    const [s] = await edxmlSignatures(id);
    expect(s).toMatchObject({
      verdict: 'invalid',
      integrity: 'invalid',
      trusted: false,
      message: expect.stringContaining('KHÔNG hợp lệ'),
      problem: expect.stringContaining('bị thay đổi sau khi ký'),
    });
    expect(await auditVerdict(id)).toBe('invalid');
  });

  it('an unsigned package imports; the result says "not signed"', async () => {
    const pkg = parseEdxml(issued.xml);
    const id = await importAtB(buildEdxml({ ...pkg, signature: null }));
    expect(await edxmlSignatures(id)).toEqual([]);
    expect(await auditVerdict(id)).toBe('not_signed');
    const kept = await sql<{ v: string }>`
      select exchange->'signature'->>'status' as v from document where id = ${id}`.execute(
      t.db.kysely,
    );
    expect(kept.rows[0]!.v).toBe('not_signed');
  });

  it('a package signed by a certificate outside the trust anchors → untrusted', async () => {
    const ca = await createDemoCa();
    const fake = await issueCertificate(ca, {
      profile: 'organization',
      commonName: 'UBND phường Thử A',
      organization: 'UBND phường Thử A',
    });
    const key = await loadPkcs12(fake.p12, fake.password);
    const pkg = parseEdxml(issued.xml);
    const id = await importAtB(buildSignedEdxml({ ...pkg, signature: null }, key));
    const [s] = await edxmlSignatures(id);
    expect(s).toMatchObject({
      verdict: 'untrusted',
      integrity: 'valid',
      trusted: false,
      message: expect.stringContaining('không được tin cậy'),
    });
    expect(await auditVerdict(id)).toBe('untrusted');
  });
});
