// Writing edXML packages and status notices. The input is validated with the zod schemas
// first, so nothing half-valid leaves the platform; then a small tree of nodes is rendered with
// the `edXML:` prefix on every element, the form real packages use (some receiving systems
// match the prefixed names textually). Every standard element is written, empty ones as
// `<edXML:X/>`, because receivers expect the full structure. Kept unknown elements go back at
// the end of the element they came from; the Signature goes back verbatim (it verifies again
// only if the rest is byte-identical; our own packages are signed by edxml.signature.ts).
import type { z } from 'zod';
import { EdxmlError } from './edxml.errors.js';
import {
  edxmlDocumentId,
  escapeText,
  normalizeCid,
  writeBase64,
  writeDate,
  writeTimestamp,
} from './edxml.format.js';
import {
  EDXML_NAMESPACE,
  type EdxmlExtra,
  type EdxmlOrgan,
  type EdxmlPackage,
  type EdxmlPackageInput,
  type EdxmlStaff,
  type EdxmlStatusInput,
  type EdxmlTrace,
  edxmlPackageSchema,
  edxmlStatusSchema,
  STATUS_CODES,
} from './edxml.types.js';
import { checkFragment } from './edxml.xml.js';

const PREFIX = 'edXML';

/** A node to render: an element with children, a text element, or verbatim XML. */
type BNode =
  | { tag: string; kids: BNode[]; index?: number }
  | { tag: string; text: string }
  | { raw: string };

const leaf = (tag: string, text: string): BNode => ({ tag, text });
const box = (tag: string, kids: BNode[], index?: number): BNode =>
  index === undefined ? { tag, kids } : { tag, kids, index };

/** The edXML package as UTF-8 XML text (with declaration), or an edxml_invalid_package error. */
export function buildEdxml(input: EdxmlPackageInput): string {
  const p: EdxmlPackage = validate(edxmlPackageSchema, input, 'Gói tin');
  const documentId = p.documentId || edxmlDocumentId(p);
  const o = p.other;
  const messageHeader = box('MessageHeader', [
    organ('From', p.from),
    ...p.to.map((t, i) => organ('To', t, i + 1)),
    leaf('DocumentId', documentId),
    box('Code', [leaf('CodeNumber', p.code.number), leaf('CodeNotation', p.code.notation)]),
    box('PromulgationInfo', [
      leaf('Place', p.promulgation.place),
      leaf('PromulgationDate', writeDate(p.promulgation.date)),
    ]),
    box('DocumentType', [
      leaf('Type', p.documentType.type),
      leaf('TypeDetail', p.documentType.typeDetail),
      leaf('TypeName', p.documentType.typeName),
    ]),
    leaf('Subject', p.subject),
    leaf('Content', p.content),
    box('SignerInfo', [
      leaf('Competence', p.signer.competence),
      leaf('Position', p.signer.position),
      leaf('FullName', p.signer.fullName),
    ]),
    leaf('DueDate', p.dueDate === null ? '' : writeDate(p.dueDate)),
    box(
      'ToPlaces',
      p.toPlaces.map((t) => leaf('Place', t)),
    ),
    box('OtherInfo', [
      leaf('Priority', o.priority),
      leaf('SphereOfPromulgation', o.sphereOfPromulgation),
      leaf('TyperNotation', o.typerNotation),
      leaf('PromulgationAmount', o.promulgationAmount === null ? '' : String(o.promulgationAmount)),
      leaf('PageAmount', o.pageAmount === null ? '' : String(o.pageAmount)),
      box(
        'Appendixes',
        o.appendixes.map((a) => leaf('Appendix', a)),
      ),
    ]),
    leaf('SteeringType', p.steeringType),
  ]);
  const b = p.business;
  const traceList = box('TraceHeaderList', [
    ...traces(p.trace),
    ...(b
      ? [
          box('Bussiness', [
            leaf('BussinessDocType', b.docType),
            leaf('BussinessDocReason', b.docReason),
            leaf('Paper', b.paper ? '1' : '0'),
            ...(b.staff ? [staff(b.staff)] : []),
          ]),
        ]
      : []),
  ]);
  const header = box('edXMLHeader', [
    messageHeader,
    traceList,
    ...(p.signature !== null ? [{ raw: p.signature }] : []),
  ]);
  const manifest = p.attachments.map((a, i) =>
    box(
      'Reference',
      [
        leaf('ContentId', normalizeCid(a.contentId)),
        leaf('ContentType', a.contentType),
        leaf('Description', a.description),
        leaf('AttachmentName', a.name),
      ],
      i + 1,
    ),
  );
  const encoded = p.attachments.map((a, i) =>
    box(
      'Attachment',
      [
        leaf('ContentId', normalizeCid(a.contentId)),
        leaf('AttachmentName', a.name),
        leaf('Description', a.description),
        leaf('ContentType', a.contentType),
        leaf('ContentTransferEncoded', writeBase64(a.data)),
      ],
      i + 1,
    ),
  );
  const root = box('edXML', [
    box('edXMLEnvelope', [header, box('edXMLBody', [box('edXMLManifest', manifest)])]),
    box('AttachmentEncoded', encoded),
  ]);
  return document(root, p.signature, p.extra);
}

/** The status notice as UTF-8 XML text (with declaration), or an edxml_invalid_package error. */
export function buildEdxmlStatus(input: EdxmlStatusInput): string {
  const s = validate(edxmlStatusSchema, input, 'Thông báo trạng thái');
  const r = s.responseFor;
  const root = box('Status', [
    box('Header', [
      box('MessageHeader', [
        box('ResponseFor', [
          leaf('OrganId', r.organId),
          leaf('Code', r.code),
          leaf('PromulgationDate', writeDate(r.promulgationDate)),
          leaf('DocumentId', r.documentId),
        ]),
        organ('From', s.from),
        leaf('StatusCode', STATUS_CODES[s.status].code),
        leaf('Description', s.description),
        leaf('Timestamp', writeTimestamp(s.timestamp)),
        ...(s.staff ? [staff(s.staff)] : []),
      ]),
      box('TraceHeaderList', traces(s.trace)),
      ...(s.signature !== null ? [{ raw: s.signature }] : []),
    ]),
  ]);
  return document(root, s.signature, s.extra);
}

function validate<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new EdxmlError(
    'edxml_invalid_package',
    `${what} không hợp lệ: trường "${path || '(gốc)'}" thiếu hoặc sai định dạng.`,
    { path },
  );
}

function organ(tag: string, o: EdxmlOrgan, index?: number): BNode {
  return box(
    tag,
    [
      leaf('OrganId', o.organId),
      leaf('OrganizationInCharge', o.organizationInCharge),
      leaf('OrganName', o.organName),
      leaf('OrganAdd', o.organAdd),
      leaf('Email', o.email),
      leaf('Telephone', o.telephone),
      leaf('Fax', o.fax),
      leaf('Website', o.website),
    ],
    index,
  );
}

function staff(s: EdxmlStaff): BNode {
  return box('StaffInfo', [
    leaf('Department', s.department),
    leaf('Staff', s.name),
    leaf('Mobile', s.mobile),
    leaf('Email', s.email),
  ]);
}

function traces(list: EdxmlTrace[]): BNode[] {
  return list.map((t, i) =>
    box(
      'TraceHeader',
      [leaf('OrganId', t.organId), leaf('Timestamp', writeTimestamp(t.timestamp))],
      i + 1,
    ),
  );
}

/** Renders the tree; every extra must land in an element that was written. */
function document(root: BNode, signature: string | null, extra: EdxmlExtra[]): string {
  if (signature !== null) checkFragment(signature, 'signature');
  const byPath = new Map<string, string[]>();
  extra.forEach((x, i) => {
    checkFragment(x.xml, `extra.${i}.xml`);
    byPath.set(x.path, [...(byPath.get(x.path) ?? []), x.xml]);
  });
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  const written = new Set<string>();
  render(root, '', 0, byPath, written, out);
  for (const [path] of byPath) {
    if (!written.has(path)) {
      throw new EdxmlError(
        'edxml_invalid_package',
        `Phần tử giữ đoạn XML bổ sung không có trong gói tin: ${path}.`,
        { path },
      );
    }
  }
  return out.join('');
}

function render(
  n: BNode,
  parent: string,
  depth: number,
  extras: Map<string, string[]>,
  written: Set<string>,
  out: string[],
): void {
  const pad = '  '.repeat(depth);
  if ('raw' in n) {
    out.push(`${pad}${n.raw}\n`);
    return;
  }
  const name = `${PREFIX}:${n.tag}`;
  if ('text' in n) {
    out.push(
      n.text === '' ? `${pad}<${name}/>\n` : `${pad}<${name}>${escapeText(n.text)}</${name}>\n`,
    );
    return;
  }
  const own = n.index === undefined ? n.tag : `${n.tag}[${n.index}]`;
  const path = parent ? `${parent}/${own}` : own;
  written.add(path);
  const ns = depth === 0 ? ` xmlns:${PREFIX}="${EDXML_NAMESPACE}"` : '';
  const kids: BNode[] = [...n.kids, ...(extras.get(path) ?? []).map((raw) => ({ raw }))];
  if (kids.length === 0) {
    out.push(`${pad}<${name}${ns}/>\n`);
    return;
  }
  out.push(`${pad}<${name}${ns}>\n`);
  for (const k of kids) render(k, path, depth + 1, extras, written, out);
  out.push(`${pad}</${name}>\n`);
}
