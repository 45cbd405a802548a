// Reading edXML packages and status notices received from other systems. Whatever the input,
// the result is a value or an EdxmlError (never another exception): the XML layer refuses
// DOCTYPEs, undefined entities, oversize input and deep nesting; this file checks the edXML
// structure and names the path of a missing or bad field. Prefixed (`edXML:x`) and
// default-namespace input are both read, by local name. Unknown elements are kept in `extra`.
//
// The XML-DSig Signature is kept as raw XML and not verified here: the receiving service checks
// it against its trust anchors (edxml.signature.ts verifyEdxmlSignature).
import type { z } from 'zod';
import { EdxmlError } from './edxml.errors.js';
import {
  edxmlDocumentId,
  normalizeCid,
  readBase64,
  readCount,
  readDate,
  readFlag,
  readTimestamp,
} from './edxml.format.js';
import {
  EDXML_NAMESPACE,
  type EdxmlAttachment,
  type EdxmlBusiness,
  type EdxmlExtra,
  type EdxmlOrgan,
  type EdxmlPackage,
  type EdxmlStaff,
  type EdxmlStatus,
  type EdxmlTrace,
  edxmlPackageSchema,
  edxmlStatusSchema,
  statusOfCode,
} from './edxml.types.js';
import {
  type EdxmlParseOptions,
  fragment,
  inputText,
  invalid,
  missing,
  parseXml,
  Reader,
  textOf,
  type XElement,
} from './edxml.xml.js';

export type { EdxmlParseOptions } from './edxml.xml.js';

/** What a transport's inbox may hold: a package or a status notice. */
export type EdxmlMessage =
  | { kind: 'package'; package: EdxmlPackage }
  | { kind: 'status'; status: EdxmlStatus };

const PACKAGE_ROOTS = ['edXML'];
const STATUS_ROOTS = ['Status', 'edXMLStatus'];

/** An edXML package from XML text or bytes (UTF-8), or an EdxmlError. */
export function parseEdxml(input: string | Uint8Array, opts: EdxmlParseOptions = {}): EdxmlPackage {
  return guard(() => readPackage(rootOf(input, opts, PACKAGE_ROOTS), opts));
}

/** A status notice from XML text or bytes (UTF-8), or an EdxmlError. */
export function parseEdxmlStatus(
  input: string | Uint8Array,
  opts: EdxmlParseOptions = {},
): EdxmlStatus {
  return guard(() => readStatus(rootOf(input, opts, STATUS_ROOTS)));
}

/** A package or a status notice, told apart by the root element; or an EdxmlError. */
export function parseEdxmlMessage(
  input: string | Uint8Array,
  opts: EdxmlParseOptions = {},
): EdxmlMessage {
  return guard(() => {
    const root = rootOf(input, opts, [...PACKAGE_ROOTS, ...STATUS_ROOTS]);
    return PACKAGE_ROOTS.includes(root.local)
      ? { kind: 'package', package: readPackage(root, opts) }
      : { kind: 'status', status: readStatus(root) };
  });
}

// The promise "an EdxmlError or a value": a bug or a library surprise on odd input must not
// escape as a TypeError to an inbox loop.
function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof EdxmlError) throw e;
    throw new EdxmlError('edxml_malformed', 'Không đọc được gói tin edXML.', { cause: e });
  }
}

function rootOf(input: string | Uint8Array, opts: EdxmlParseOptions, roots: string[]): XElement {
  const root = parseXml(inputText(input, opts.maxBytes));
  const ours = root.ns === EDXML_NAMESPACE || root.ns === '';
  if (!ours || !roots.includes(root.local)) {
    const detail = !ours
      ? `Phần tử gốc không thuộc không gian tên edXML (${EDXML_NAMESPACE}).`
      : STATUS_ROOTS.includes(root.local)
        ? 'Đây là thông báo trạng thái, không phải gói tin văn bản.'
        : PACKAGE_ROOTS.includes(root.local)
          ? 'Đây là gói tin văn bản, không phải thông báo trạng thái.'
          : `Phần tử gốc <${root.name}> không phải của gói tin edXML.`;
    throw new EdxmlError('edxml_unexpected_root', detail, { path: root.local });
  }
  return root;
}

function need(r: Reader, ...names: string[]): Reader {
  const c = r.child(...names);
  if (!c) throw missing(`${r.path}/${names[0]}`);
  return c;
}

function date(r: Reader, name: string, required: true): string;
function date(r: Reader, name: string, required: false): string | null;
function date(r: Reader, name: string, required: boolean): string | null {
  const s = required ? r.required(name) : r.text(name);
  if (s === '') return null;
  const d = readDate(s);
  if (d === undefined) throw invalid(`${r.path}/${name}`, `"${s}" không phải ngày (yyyy/MM/dd)`);
  return d;
}

function timestamp(r: Reader, name: string): string {
  const s = r.required(name);
  const t = readTimestamp(s);
  if (t === undefined) {
    throw invalid(`${r.path}/${name}`, `"${s}" không phải thời điểm (yyyy/MM/dd HH:mm:ss)`);
  }
  return t;
}

function organId(r: Reader, name: string): string {
  const s = r.required(name);
  if (!/^[^\s,]+$/.test(s)) throw invalid(`${r.path}/${name}`, `mã định danh "${s}"`);
  return s;
}

function organ(r: Reader): EdxmlOrgan {
  const o: EdxmlOrgan = {
    organId: organId(r, 'OrganId'),
    organizationInCharge: r.text('OrganizationInCharge'),
    organName: r.text('OrganName'),
    organAdd: r.text('OrganAdd'),
    email: r.text('Email'),
    telephone: r.text('Telephone'),
    fax: r.text('Fax'),
    website: r.text('Website'),
  };
  r.finish();
  return o;
}

function staff(r: Reader | null): EdxmlStaff | null {
  if (!r) return null;
  const s = {
    department: r.text('Department'),
    name: r.text('Staff'),
    email: r.text('Email'),
    mobile: r.text('Mobile'),
  };
  r.finish();
  return s;
}

function traces(list: Reader | null): EdxmlTrace[] {
  return (list?.children('TraceHeader') ?? []).map((th) => {
    const t = { organId: organId(th, 'OrganId'), timestamp: timestamp(th, 'Timestamp') };
    th.finish();
    return t;
  });
}

function count(r: Reader, name: string): number | null {
  const s = r.text(name);
  const n = readCount(s);
  if (n === undefined) throw invalid(`${r.path}/${name}`, `"${s}" không phải số nguyên`);
  return n;
}

function texts(r: Reader | null, name: string): string[] {
  if (!r) return [];
  const list = r.children(name).map((c) => textOf(c.el));
  r.finish();
  return list;
}

function signature(...holders: Reader[]): string | null {
  for (const h of holders) {
    const el = h.anyNs('Signature');
    if (el) return fragment(el);
  }
  return null;
}

// Extras in one canonical order (by path, stable within a path) so that parse → build → parse
// gives back the same list whatever order the readers finished in.
function sorted(extras: EdxmlExtra[]): EdxmlExtra[] {
  return extras.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function readPackage(root: XElement, opts: EdxmlParseOptions): EdxmlPackage {
  const extra: EdxmlExtra[] = [];
  const r = new Reader(root, 'edXML', extra);
  const env = need(r, 'edXMLEnvelope');
  const hdr = need(env, 'edXMLHeader');
  const mh = need(hdr, 'MessageHeader');

  const from = organ(need(mh, 'From'));
  const to = mh.children('To').map(organ);
  if (to.length === 0) throw missing(`${mh.path}/To`);
  const code = need(mh, 'Code');
  const number = code.required('CodeNumber');
  const notation = code.required('CodeNotation');
  code.finish();
  const pi = need(mh, 'PromulgationInfo');
  const promulgation = { place: pi.text('Place'), date: date(pi, 'PromulgationDate', true) };
  pi.finish();
  const dt = mh.child('DocumentType');
  const documentType = {
    type: dt?.text('Type') ?? '',
    typeDetail: dt?.text('TypeDetail') ?? '',
    typeName: dt?.text('TypeName') ?? '',
  };
  dt?.finish();
  const si = mh.child('SignerInfo');
  const signer = {
    competence: si?.text('Competence') ?? '',
    position: si?.text('Position') ?? '',
    fullName: si?.text('FullName') ?? '',
  };
  si?.finish();
  const oi = mh.child('OtherInfo');
  const other = {
    priority: oi?.text('Priority') ?? '',
    sphereOfPromulgation: oi?.text('SphereOfPromulgation') ?? '',
    typerNotation: oi?.text('TyperNotation') ?? '',
    promulgationAmount: oi ? count(oi, 'PromulgationAmount') : null,
    pageAmount: oi ? count(oi, 'PageAmount') : null,
    appendixes: texts(oi?.child('Appendixes') ?? null, 'Appendix'),
  };
  oi?.finish();
  const pkgCode = { number, notation };
  const head = {
    from,
    to,
    documentId: mh.text('DocumentId') || edxmlDocumentId({ from, promulgation, code: pkgCode }),
    code: pkgCode,
    promulgation,
    documentType,
    subject: mh.required('Subject'),
    content: mh.text('Content'),
    signer,
    dueDate: date(mh, 'DueDate', false),
    other,
    steeringType: mh.text('SteeringType'),
    toPlaces: texts(mh.child('ToPlaces'), 'Place'),
  };
  mh.finish();

  const tl = hdr.child('TraceHeaderList');
  const trace = traces(tl);
  const business = readBusiness(tl?.child('Bussiness', 'Business') ?? null);
  tl?.finish();
  const sig = signature(hdr, env, r);
  hdr.finish();
  const attachments = readAttachments(r, env, opts.maxAttachments ?? 200);
  env.finish();
  r.finish();

  const pkg: EdxmlPackage = {
    ...head,
    trace,
    business,
    attachments,
    signature: sig,
    extra: sorted(extra),
  };
  return checked(edxmlPackageSchema, pkg);
}

function readBusiness(b: Reader | null): EdxmlBusiness | null {
  if (!b) return null;
  const paperText = b.text('Paper');
  const paper = readFlag(paperText);
  if (paper === undefined) throw invalid(`${b.path}/Paper`, `"${paperText}" (0 hoặc 1)`);
  const out = {
    docType: b.text('BussinessDocType'),
    docReason: b.text('BussinessDocReason'),
    paper,
    staff: staff(b.child('StaffInfo')),
  };
  b.finish();
  return out;
}

function contentId(r: Reader): string {
  const cid = normalizeCid(r.required('ContentId'));
  if (!/^cid:\S+$/.test(cid)) throw invalid(`${r.path}/ContentId`, `"${cid}"`);
  return cid;
}

function readAttachments(r: Reader, env: Reader, max: number): EdxmlAttachment[] {
  const body = env.child('edXMLBody');
  const manifest = body?.child('edXMLManifest') ?? null;
  const refs = manifest?.children('Reference') ?? [];
  const enc = r.child('AttachmentEncoded');
  const atts = enc?.children('Attachment') ?? [];
  if (refs.length > max || atts.length > max) {
    throw new EdxmlError('edxml_too_large', `Gói tin có quá nhiều tệp đính kèm (tối đa ${max}).`);
  }
  // Every manifest field is read up front, so that none of them is mistaken for an extra.
  const listed = new Map<string, { name: string; type: string; description: string }>();
  for (const ref of refs) {
    const cid = contentId(ref);
    if (listed.has(cid)) throw mismatch(`ContentId ${cid} xuất hiện hai lần trong danh mục`);
    listed.set(cid, {
      name: ref.text('AttachmentName'),
      type: ref.text('ContentType'),
      description: ref.text('Description'),
    });
    ref.finish();
  }
  const seen = new Set<string>();
  const out = atts.map((a) => {
    const cid = contentId(a);
    const ref = listed.get(cid);
    if (!ref) throw mismatch(`tệp ${cid} không có trong danh mục edXMLManifest`);
    if (seen.has(cid)) throw mismatch(`tệp ${cid} xuất hiện hai lần`);
    seen.add(cid);
    const name = a.text('AttachmentName') || ref.name;
    if (name === '') throw missing(`${a.path}/AttachmentName`);
    const payload = a.child('ContentTransferEncoded');
    if (!payload) throw missing(`${a.path}/ContentTransferEncoded`);
    const data = readBase64(textOf(payload.el));
    if (!data) throw invalid(payload.path, 'nội dung tệp không phải base64');
    const att: EdxmlAttachment = {
      contentId: cid,
      name,
      description: a.text('Description') || ref.description,
      contentType: a.text('ContentType') || ref.type || 'application/octet-stream',
      data,
    };
    a.finish();
    return att;
  });
  const absent = [...listed.keys()].filter((cid) => !seen.has(cid));
  if (absent.length > 0) throw mismatch(`thiếu nội dung của ${absent.join(', ')}`);
  manifest?.finish();
  body?.finish();
  enc?.finish();
  return out;
}

function mismatch(what: string): EdxmlError {
  return new EdxmlError(
    'edxml_attachment_mismatch',
    `Danh mục tệp đính kèm và các tệp đính kèm không khớp: ${what}.`,
  );
}

function readStatus(root: XElement): EdxmlStatus {
  const extra: EdxmlExtra[] = [];
  const r = new Reader(root, 'Status', extra);
  const hdr = need(r, 'Header', 'edXMLHeader');
  const mh = need(hdr, 'MessageHeader');
  const rf = need(mh, 'ResponseFor');
  const responseFor = {
    organId: organId(rf, 'OrganId'),
    code: rf.text('Code'),
    promulgationDate: date(rf, 'PromulgationDate', true),
    documentId: rf.required('DocumentId'),
  };
  rf.finish();
  const codeText = mh.required('StatusCode');
  const status = statusOfCode(codeText);
  if (!status) throw invalid(`${mh.path}/StatusCode`, `mã trạng thái "${codeText}" không xác định`);
  const head = {
    responseFor,
    from: organ(need(mh, 'From')),
    status,
    description: mh.text('Description'),
    timestamp: timestamp(mh, 'Timestamp'),
    staff: staff(mh.child('StaffInfo')),
  };
  mh.finish();
  const tl = hdr.child('TraceHeaderList');
  const trace = traces(tl);
  tl?.finish();
  const sig = signature(hdr, r);
  hdr.finish();
  r.finish();
  return checked(edxmlStatusSchema, { ...head, trace, signature: sig, extra: sorted(extra) });
}

// A safety net: what we return must be buildable again. The readers above check each field
// with its XML path; this catches what they might miss, with the data path instead.
function checked<S extends z.ZodType>(schema: S, value: z.output<S>): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw invalid(r.error.issues[0]?.path.join('.') ?? '', 'giá trị không đúng định dạng');
  }
  return value;
}
