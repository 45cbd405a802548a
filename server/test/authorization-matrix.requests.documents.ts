// The requests of the documents module's operations in the authorization matrix (issue 13):
// ward A's incoming document, registered by its office and directed by its leader to ward A
// (so every staff member of ward A reads it); ward B's own document must never show on ward
// A's side. The system administrator runs the system, not an agency's correspondence: 404.

import { PDFDocument } from 'pdf-lib';
import type { World } from './authorization-matrix.fixtures.js';
import { type Builder, listed, onB, V } from './authorization-matrix.kit.js';
import { photoJpeg } from './authorization-matrix.world.js';

const made = new WeakMap<
  World,
  Promise<{
    a: string;
    fileId: string;
    b: string;
    draft: string;
    edxml: string;
    approved: string;
    session: string;
  }>
>();

/** A package from outside addressed to a ward (structure of interop.md). */
export const edxmlPackage = (subject: string) => `<?xml version="1.0" encoding="UTF-8"?>
<edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLEnvelope><edXML:edXMLHeader><edXML:MessageHeader>
<edXML:From><edXML:OrganId>000.00.12.H01</edXML:OrganId><edXML:OrganName>Sở Thông tin và Truyền thông</edXML:OrganName></edXML:From>
<edXML:To><edXML:OrganId>000.00.00.X01</edXML:OrganId><edXML:OrganName>UBND phường</edXML:OrganName></edXML:To>
<edXML:Code><edXML:CodeNumber>45</edXML:CodeNumber><edXML:CodeNotation>STTTT-CĐS</edXML:CodeNotation></edXML:Code>
<edXML:PromulgationInfo><edXML:Place>An Giang</edXML:Place><edXML:PromulgationDate>2026/03/02</edXML:PromulgationDate></edXML:PromulgationInfo>
<edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
<edXML:Subject>${subject}</edXML:Subject></edXML:MessageHeader></edXML:edXMLHeader>
<edXML:edXMLBody><edXML:edXMLManifest><edXML:Reference><edXML:ContentId>cid:1</edXML:ContentId><edXML:ContentType>application/pdf</edXML:ContentType><edXML:AttachmentName>cv.pdf</edXML:AttachmentName></edXML:Reference></edXML:edXMLManifest></edXML:edXMLBody></edXML:edXMLEnvelope>
<edXML:AttachmentEncoded><edXML:Attachment><edXML:ContentId>cid:1</edXML:ContentId><edXML:AttachmentName>cv.pdf</edXML:AttachmentName><edXML:ContentType>application/pdf</edXML:ContentType><edXML:ContentTransferEncoded>${Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')}</edXML:ContentTransferEncoded></edXML:Attachment></edXML:AttachmentEncoded></edXML:edXML>`;

const paper = (unitCode: string, summary: string) => ({
  unitCode,
  source: 'paper',
  issuer: { name: 'Sở Thông tin và Truyền thông' },
  codeNumber: '15',
  codeNotation: 'STTTT-CĐS',
  issuedOn: '2026-03-02',
  typeCode: 'CV',
  summary,
  files: [
    {
      name: 'cong-van.pdf',
      contentType: 'application/pdf',
      data: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
    },
  ],
});

/** Ward A's document assigned to ward A (with a file), and ward B's own (made once per world). */
function documents(w: World) {
  let p = made.get(w);
  if (!p) {
    p = (async () => {
      const a = await freshDocument(w);
      const detail = (await w.setup('secrA', 'GET', `${V}/documents/${a}`)).json();
      const b = (
        await w.setup(
          'secrB',
          'POST',
          `${V}/documents/incoming`,
          paper(w.units.B, 'Văn bản của phường B'),
        )
      ).json().id as string;
      // Ward A's specialist's draft (read by its drafter, the ward's office and leaders).
      const draft = (
        await w.setup('specA', 'POST', `${V}/documents/outgoing`, {
          typeCode: 'KH',
          summary: 'Kế hoạch của phường A',
          paragraphs: ['Nội dung kế hoạch.'],
          signer: { title: 'CHỦ TỊCH', name: 'Lãnh đạo' },
        })
      ).json().id as string;
      // A package received from outside, directed to ward A.
      const edxml = (
        await w.setup(
          'secrA',
          'POST',
          `${V}/documents/incoming`,
          edxmlPackage('Văn bản liên thông của phường A'),
          {
            'content-type': 'application/xml',
          },
        )
      ).json().id as string;
      await w.setup('leadA', 'POST', `${V}/documents/${edxml}/actions`, {
        action: 'direct',
        version: 1,
        direction: 'Giao bộ phận chuyên môn xử lý.',
        assignments: [{ role: 'lead', unitCode: w.units.A }],
      });
      // An approved draft waiting for ward A's leader to sign, with a token session of theirs.
      const approved = (
        await w.setup('specA', 'POST', `${V}/documents/outgoing`, {
          typeCode: 'TB',
          summary: 'Thông báo của phường A',
          paragraphs: ['Nội dung thông báo.'],
          signer: { title: 'CHỦ TỊCH', name: 'Lãnh đạo' },
        })
      ).json().id as string;
      const step = async (who: 'specA' | 'secrA' | 'leadA', action: string, version: number) =>
        w.setup(who, 'POST', `${V}/documents/${approved}/actions`, { action, version });
      await step('specA', 'submit', 1);
      await step('secrA', 'approve', 2);
      await step('leadA', 'approve', 3);
      const session = (
        await w.setup('leadA', 'POST', `${V}/documents/${approved}/signing-sessions`, {
          version: 4,
        })
      ).json().sessionId as string;
      return { a, fileId: detail.files[0].id as string, b, draft, edxml, approved, session };
    })();
    made.set(w, p);
  }
  return p;
}

/** A fresh document of ward A, directed to ward A; returns its id (at version 2). */
async function freshDocument(w: World): Promise<string> {
  const id = (
    await w.setup(
      'secrA',
      'POST',
      `${V}/documents/incoming`,
      paper(w.units.A, 'Văn bản của phường A'),
    )
  ).json().id as string;
  await w.setup('leadA', 'POST', `${V}/documents/${id}/actions`, {
    action: 'direct',
    version: 1,
    direction: 'Giao bộ phận chuyên môn xử lý.',
    assignments: [{ role: 'lead', unitCode: w.units.A }],
  });
  return id;
}

/** A fresh open work file of ward A's specialist (version 1). */
async function freshWorkFile(w: World): Promise<string> {
  return (await w.setup('specA', 'POST', `${V}/work-files`, { title: 'Hồ sơ của phường A' })).json()
    .id as string;
}

const workFiles = new WeakMap<World, Promise<{ a: string; b: string }>>();
/** Ward A's work file and ward B's own (made once per world). */
function workFilesOf(w: World) {
  let p = workFiles.get(w);
  if (!p) {
    p = (async () => ({
      a: await freshWorkFile(w),
      b: (await w.setup('specB', 'POST', `${V}/work-files`, { title: 'Hồ sơ của phường B' })).json()
        .id as string,
    }))();
    workFiles.set(w, p);
  }
  return p;
}

export const DOCUMENT_REQUESTS: Record<string, Builder> = {
  'GET /api/v1/document-review-flows': (w) => ({
    url: `${V}/document-review-flows?unit=${w.units.A}`,
  }),
  'PUT /api/v1/document-review-flows/{unitCode}/{typeCode}': (w) => ({
    url: `${V}/document-review-flows/${w.units.A}/KH`,
    payload: { steps: ['office', 'leader'] },
  }),
  'DELETE /api/v1/document-review-flows/{unitCode}/{typeCode}': (w) => ({
    url: `${V}/document-review-flows/${w.units.A}/KH`,
  }),
  'GET /api/v1/work-files': async (w, role) => {
    const { a, b } = await workFilesOf(w);
    return listed(w, role, `${V}/work-files`, [a], [b]);
  },
  // Ward B's side asks to open a file in ward A's list: refused.
  'POST /api/v1/work-files': (w, role) => ({
    url: `${V}/work-files`,
    payload: { title: 'Hồ sơ mới', ...(onB(role) ? { unitCode: w.units.A } : {}) },
  }),
  'GET /api/v1/work-files/{id}': async (w) => ({
    url: `${V}/work-files/${(await workFilesOf(w)).a}`,
  }),
  // The owner and the ward's leader put ward A's document in; other staff of ward A may only read.
  'POST /api/v1/work-files/{id}/actions': async (w) => ({
    url: `${V}/work-files/${await freshWorkFile(w)}/actions`,
    payload: { action: 'add', version: 1, documentId: (await documents(w)).a },
  }),
  // Ward B's side asks to register into ward A's register: refused whatever the role.
  'POST /api/v1/documents/incoming': (w) => ({
    url: `${V}/documents/incoming`,
    payload: paper(w.units.A, 'Văn bản đến mới'),
  }),
  'POST /api/v1/documents/outgoing': (w, role) => ({
    url: `${V}/documents/outgoing`,
    payload: {
      ...(onB(role) ? { unitCode: w.units.A } : {}),
      typeCode: 'KH',
      summary: 'Kế hoạch thử',
      paragraphs: ['Nội dung kế hoạch.'],
      signer: { title: 'CHỦ TỊCH', name: 'Lãnh đạo' },
    },
  }),
  'GET /api/v1/documents': async (w, role) => {
    const { a, b } = await documents(w);
    return listed(w, role, `${V}/documents?box=incoming`, [a], [b]);
  },
  'GET /api/v1/documents/register.xlsx': (w) => ({
    url: `${V}/documents/register.xlsx?direction=incoming&unit=${w.units.A}&from=2026-01-01&to=2026-12-31`,
  }),
  'GET /api/v1/documents/{id}': async (w) => ({ url: `${V}/documents/${(await documents(w)).a}` }),
  'POST /api/v1/documents/{id}/actions': async (w) => ({
    url: `${V}/documents/${await freshDocument(w)}/actions`,
    payload: { action: 'comment', version: 2, text: 'Ý kiến thử.' },
  }),
  'GET /api/v1/documents/{id}/draft.{format}': async (w) => ({
    url: `${V}/documents/${(await documents(w)).draft}/draft.pdf`,
  }),
  'GET /api/v1/documents/{id}/versions/{no}': async (w) => ({
    url: `${V}/documents/${(await documents(w)).draft}/versions/1`,
  }),
  'GET /api/v1/documents/{id}/edxml': async (w) => ({
    url: `${V}/documents/${(await documents(w)).edxml}/edxml`,
  }),
  'POST /api/v1/documents/ocr': async () => ({
    url: `${V}/documents/ocr`,
    payload: await photoJpeg(),
    headers: { 'content-type': 'image/jpeg' },
  }),
  // Each clerk receives into their own unit's inbox: nothing of ward A is touched.
  'POST /api/v1/edxml/inbox': () => ({
    url: `${V}/edxml/inbox`,
    payload: edxmlPackage('Gói tin mới'),
    headers: { 'content-type': 'application/xml' },
  }),
  // An unsigned one-page PDF: every caller gets 200 with no signatures.
  'POST /api/v1/documents/{id}/signing-sessions': async (w) => ({
    url: `${V}/documents/${(await documents(w)).approved}/signing-sessions`,
    payload: { version: 4 },
  }),
  'GET /api/v1/documents/{id}/signing-sessions/{sessionId}/pdf': async (w) => {
    const { approved, session } = await documents(w);
    return { url: `${V}/documents/${approved}/signing-sessions/${session}/pdf` };
  },
  // A made-up CMS: the signer gets a 4xx (it does not sign these bytes), anyone else 404.
  'POST /api/v1/documents/{id}/signing-sessions/{sessionId}': async (w) => {
    const { approved, session } = await documents(w);
    return {
      url: `${V}/documents/${approved}/signing-sessions/${session}`,
      payload: { cms: Buffer.alloc(200, 7).toString('base64') },
    };
  },
  'POST /api/v1/signatures/verify': async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    return {
      url: `${V}/signatures/verify`,
      payload: Buffer.from(await doc.save()),
      headers: { 'content-type': 'application/pdf' },
    };
  },
  'GET /api/v1/documents/{id}/files/{fileId}': async (w) => {
    const { a, fileId } = await documents(w);
    return { url: `${V}/documents/${a}/files/${fileId}` };
  },
};
