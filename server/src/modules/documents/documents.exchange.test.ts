// edXML through the API: a package written by hand from the structure in interop.md registers
// as an incoming document; the inbox keeps packages until the clerk registers them; every step
// queues a status notice back to the sender; a received package exports back field for field,
// attachments byte-identical; garbage is refused with a clear code and writes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { FixedClock } from '../../platform/clock.js';
import { documentsJobs } from './documents.jobs.js';
import { buildDocumentWorld, type DocumentWorld } from './documents.test-support.js';
import { parseEdxml, parseEdxmlStatus } from './edxml/index.js';

vi.setConfig({ testTimeout: 240_000 });

const clock = new FixedClock(new Date('2027-01-25T09:00:00+07:00'));
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-edxml-out-'));
let t: TestApp;
let w: DocumentWorld;

beforeAll(async () => {
  t = await createTestApp({ clock, config: { edxml: { outboxDir: outbox } } });
  w = await buildDocumentWorld(t);
}, 120_000);
afterAll(async () => t?.close());

const PDF = Buffer.from(
  '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
  'latin1',
);
const ANNEX = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

/** A package as a sender's system writes it (prefix edXML:, manifest, base64 attachments). */
function handBuilt(subject: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope>
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From>
          <edXML:OrganId>000.00.12.H01</edXML:OrganId>
          <edXML:OrganName>Sở Thông tin và Truyền thông tỉnh An Giang</edXML:OrganName>
          <edXML:Email>vanthu@angiang.gov.vn</edXML:Email>
        </edXML:From>
        <edXML:To>
          <edXML:OrganId>000.00.00.X01</edXML:OrganId>
          <edXML:OrganName>UBND phường Thử A</edXML:OrganName>
        </edXML:To>
        <edXML:DocumentId>000.00.12.H01,2027/01/20,45/STTTT-CĐS</edXML:DocumentId>
        <edXML:Code>
          <edXML:CodeNumber>45</edXML:CodeNumber>
          <edXML:CodeNotation>STTTT-CĐS</edXML:CodeNotation>
        </edXML:Code>
        <edXML:PromulgationInfo>
          <edXML:Place>An Giang</edXML:Place>
          <edXML:PromulgationDate>2027/01/20</edXML:PromulgationDate>
        </edXML:PromulgationInfo>
        <edXML:DocumentType>
          <edXML:Type>1</edXML:Type>
          <edXML:TypeName>Công văn</edXML:TypeName>
        </edXML:DocumentType>
        <edXML:Subject>${subject}</edXML:Subject>
        <edXML:SignerInfo>
          <edXML:Competence>KT. GIÁM ĐỐC</edXML:Competence>
          <edXML:Position>Phó Giám đốc</edXML:Position>
          <edXML:FullName>Trần Văn Ký</edXML:FullName>
        </edXML:SignerInfo>
        <edXML:DueDate>2027/02/06</edXML:DueDate>
        <edXML:OtherInfo><edXML:Priority>1</edXML:Priority></edXML:OtherInfo>
        <edXML:ToPlaces><edXML:Place>Như trên</edXML:Place></edXML:ToPlaces>
        <edXML:Foo>giữ lại phần tử lạ</edXML:Foo>
      </edXML:MessageHeader>
      <edXML:TraceHeaderList>
        <edXML:TraceHeader><edXML:OrganId>000.00.12.H01</edXML:OrganId><edXML:Timestamp>2027/01/20 15:30:00</edXML:Timestamp></edXML:TraceHeader>
      </edXML:TraceHeaderList>
    </edXML:edXMLHeader>
    <edXML:edXMLBody>
      <edXML:edXMLManifest>
        <edXML:Reference><edXML:ContentId>cid:1</edXML:ContentId><edXML:ContentType>application/pdf</edXML:ContentType><edXML:AttachmentName>45-STTTT.pdf</edXML:AttachmentName></edXML:Reference>
        <edXML:Reference><edXML:ContentId>cid:2</edXML:ContentId><edXML:ContentType>application/octet-stream</edXML:ContentType><edXML:AttachmentName>phu-luc.bin</edXML:AttachmentName></edXML:Reference>
      </edXML:edXMLManifest>
    </edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <edXML:AttachmentEncoded>
    <edXML:Attachment><edXML:ContentId>cid:1</edXML:ContentId><edXML:AttachmentName>45-STTTT.pdf</edXML:AttachmentName><edXML:ContentType>application/pdf</edXML:ContentType><edXML:ContentTransferEncoded>${PDF.toString('base64')}</edXML:ContentTransferEncoded></edXML:Attachment>
    <edXML:Attachment><edXML:ContentId>cid:2</edXML:ContentId><edXML:AttachmentName>phu-luc.bin</edXML:AttachmentName><edXML:ContentType>application/octet-stream</edXML:ContentType><edXML:ContentTransferEncoded>${ANNEX.toString('base64')}</edXML:ContentTransferEncoded></edXML:Attachment>
  </edXML:AttachmentEncoded>
</edXML:edXML>`;
}

const post = (headers: Record<string, string>, url: string, xml: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { ...headers, 'content-type': 'application/xml' },
    payload: xml,
  });

async function notices(documentId: string) {
  const rows = await sql<{
    payload: { xml: string };
  }>`select payload from job where name = 'documents.edxml-send' and payload->>'documentId' = ${documentId} order by id`.execute(
    t.db.kysely,
  );
  return rows.rows.map((r) => parseEdxmlStatus(r.payload.xml).status);
}

describe('edXML exchange', () => {
  it('registers a hand-built package at once, keeps its files byte for byte, and exports it back', async () => {
    const r = await post(
      w.clerkA.headers,
      '/documents/incoming',
      handBuilt('Về việc triển khai chữ ký số cho văn thư'),
    );
    expect(r.statusCode, r.body).toBe(201);
    const { id, arrivalNumber, status } = r.json();
    expect(status).toBe('registered');
    expect(arrivalNumber).toBeGreaterThan(0);
    const d = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/documents/${id}`,
        headers: w.clerkA.headers,
      })
    ).json();
    expect(d).toMatchObject({
      source: 'edxml',
      numberSymbol: '45/STTTT-CĐS',
      issuerName: 'Sở Thông tin và Truyền thông tỉnh An Giang',
      issuerOrganId: '000.00.12.H01',
      issuedOn: '2027-01-20',
      typeCode: 'CV',
      urgency: 'urgent',
      deadline: '2027-02-06',
      signerName: 'Trần Văn Ký',
    });
    const bytes = async (fileId: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/documents/${id}/files/${fileId}`,
          headers: w.clerkA.headers,
        })
      ).rawPayload;
    expect(Buffer.compare(await bytes(d.files[0].id), PDF)).toBe(0);
    expect(Buffer.compare(await bytes(d.files[1].id), ANNEX)).toBe(0);
    // Exported back: every field as received, the unknown element kept, attachments identical.
    const out = await t.app.inject({
      method: 'GET',
      url: `/api/v1/documents/${id}/edxml`,
      headers: w.clerkA.headers,
    });
    expect(out.statusCode).toBe(200);
    expect(parseEdxml(out.body)).toEqual(
      parseEdxml(handBuilt('Về việc triển khai chữ ký số cho văn thư')),
    );
    expect(out.body).toContain('giữ lại phần tử lạ');
    // The sender hears: received, then accepted (registered).
    expect(await notices(id)).toEqual(['received', 'accepted']);
  });

  it('keeps an inbox package waiting until the clerk registers it; each step answers the sender', async () => {
    const r = await post(
      w.clerkA.headers,
      '/edxml/inbox',
      handBuilt('Về việc báo cáo số liệu chuyển đổi số'),
    );
    expect(r.statusCode, r.body).toBe(201);
    const { id, status, arrivalNumber } = r.json();
    expect({ status, arrivalNumber }).toEqual({ status: 'received', arrivalNumber: null });
    const todo = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/documents?box=todo&status=received',
        headers: w.clerkA.headers,
      })
    ).json();
    expect(todo.items.map((x: { id: string }) => x.id)).toContain(id);
    const act = async (who: { headers: Record<string, string> }, body: Record<string, unknown>) => {
      const v = (
        await t.app.inject({ method: 'GET', url: `/api/v1/documents/${id}`, headers: who.headers })
      ).json().version;
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/documents/${id}/actions`,
        headers: who.headers,
        payload: { version: v, ...body },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const reg = await act(w.clerkA, { action: 'register' });
    expect(reg.arrivalNumber).toBeGreaterThan(0);
    await act(w.leaderA, {
      action: 'direct',
      direction: 'Giao chuyên viên xử lý.',
      assignments: [{ role: 'lead', unitCode: w.units.A, userId: w.specialistA.id }],
    });
    await act(w.specialistA, { action: 'start' });
    await act(w.specialistA, { action: 'complete', note: 'Đã báo cáo.' });
    expect(await notices(id)).toEqual(['received', 'accepted', 'assigned', 'in_progress', 'done']);
    // The queued notices reach the gateway's folder.
    const [job] = documentsJobs({ edxml: { outboxDir: outbox } });
    const rows = await sql<{
      payload: never;
    }>`select payload from job where name = 'documents.edxml-send' and payload->>'documentId' = ${id} order by id`.execute(
      t.db.kysely,
    );
    for (const row of rows.rows) await job!.handler(row.payload, {} as never);
    const files = fs.readdirSync(outbox).filter((f) => f.endsWith('.edxml'));
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses garbage and a package from someone who keeps no register, changing nothing', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from document`.execute(
      t.db.kysely,
    );
    const bad = await post(
      w.clerkA.headers,
      '/edxml/inbox',
      '<edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><oops',
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('edxml_malformed');
    const xxe = await post(
      w.clerkA.headers,
      '/documents/incoming',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    );
    expect(xxe.statusCode).toBe(422);
    expect(xxe.json().code).toBe('edxml_malformed');
    const notClerk = await post(
      w.specialistA.headers,
      '/edxml/inbox',
      handBuilt('Không được nhận'),
    );
    expect(notClerk.statusCode).toBe(403);
    const after = await sql<{ n: number }>`select count(*)::int as n from document`.execute(
      t.db.kysely,
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
