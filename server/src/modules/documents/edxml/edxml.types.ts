// edXML packages (QCVN 102:2016, gói tin văn bản điện tử) and status notices as data.
//
// The zod schemas are the single source: the builders validate their input with them (a bad
// package is refused before a single byte is written) and the types are inferred from them.
// Input types (`…Input`) let callers leave out optional fields, which default to '' / null /
// []; the parser always returns the full output type, so `parse(build(x))` deep-equals the
// normalized `x`.
//
// Leading and trailing whitespace of a text element is not significant (senders pretty-print):
// the parser trims it. Characters XML 1.0 cannot carry are dropped by the builder.
//
// Our choices where the public regulation text was not available to check (kept in one place,
// here, so that a correction is one edit):
// - Bussiness children: BussinessDocType, BussinessDocReason, Paper (0/1),
//   StaffInfo/{Department, Staff, Mobile, Email}.
// - Status notice: root `Status` (also read: `edXMLStatus`), then `Header` (also read:
//   `edXMLHeader`) holding `MessageHeader` with `ResponseFor/{OrganId, Code, PromulgationDate,
//   DocumentId}`, `From`, `StatusCode`, `Description`, `Timestamp`, `StaffInfo`; then
//   `TraceHeaderList` and an optional XML-DSig `Signature`, as in a package's header.
//   `ResponseFor/Code` is the document's "number/notation" as one text (e.g. `05/KH-UBND`).
// - Status codes: the STATUS_CODES table below.
// - Attachment content ids are kept in their `cid:` form; the parser adds `cid:` when a
//   producer left it out, and matches manifest and attachments on that form.
// - Unknown elements are kept as XML fragments with the path of the element that held them;
//   the builder writes them back at the end of that element (position among known siblings
//   is not kept, their own order is).
import { z } from 'zod';

/** XML namespace of QCVN 102:2016 edXML documents. */
export const EDXML_NAMESPACE = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

/** XML namespace of the XML-DSig Signature element. */
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

const text = z.string().default('');

// An OrganId (mã định danh điện tử, e.g. `000.00.00.G22`) is not checked against one pattern:
// provinces, ministries and their units use several shapes. It must not hold a comma (it is the
// first part of a comma-separated DocumentId) nor whitespace.
const organId = z.string().regex(/^[^\s,]+$/, 'Mã định danh không hợp lệ.');

/** A calendar date `YYYY-MM-DD` (written `yyyy/MM/dd` in the XML). */
export const edxmlDateSchema = z.iso.date();

/** An instant as ISO 8601 (written `yyyy/MM/dd HH:mm:ss` in Vietnam time in the XML). */
export const edxmlTimestampSchema = z.iso.datetime({ offset: true });

/** An agency: the `From` and `To` elements (and a status notice's `From`). */
export const edxmlOrganSchema = z.object({
  organId,
  organizationInCharge: text,
  organName: text,
  organAdd: text,
  email: text,
  telephone: text,
  fax: text,
  website: text,
});

/** The clerk who sent the package or the notice (`StaffInfo`). */
export const edxmlStaffSchema = z.object({
  department: text,
  /** The `Staff` element: the clerk's full name. */
  name: text,
  email: text,
  mobile: text,
});

/** One hop of the package (`TraceHeader`). */
export const edxmlTraceSchema = z.object({ organId, timestamp: edxmlTimestampSchema });

/** The `Bussiness` block (sic, as spelled by the regulation). */
export const edxmlBusinessSchema = z.object({
  /** `BussinessDocType`: a code (new, revoke, update, replace…), kept as written. */
  docType: text,
  /** `BussinessDocReason`: why the document is revoked, updated or replaced. */
  docReason: text,
  /** `Paper`: a paper original also travels (1) or not (0). */
  paper: z.boolean().default(false),
  staff: edxmlStaffSchema.nullable().default(null),
});

/** One attached file (manifest `Reference` + `AttachmentEncoded/Attachment`). */
export const edxmlAttachmentSchema = z.object({
  contentId: z.string().regex(/^cid:\S+$/, 'ContentId phải có dạng cid:….'),
  name: z.string().min(1),
  description: text,
  contentType: z.string().default('application/octet-stream'),
  // Any Uint8Array (a Buffer too); z.instanceof would narrow it to Uint8Array<ArrayBuffer>.
  data: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'Nội dung tệp phải là Uint8Array.'),
});

/** An unknown element kept for re-export: its XML and the path of the element holding it. */
export const edxmlExtraSchema = z.object({
  /** Slash-joined local names from the root, repeated elements 1-based: `edXML/…/To[2]`. */
  path: z.string().min(1),
  /** The element as XML, with the namespace declarations it uses. */
  xml: z.string().min(1),
});

/** An edXML package (gói tin edXML): one official document and its files. */
export const edxmlPackageSchema = z
  .object({
    from: edxmlOrganSchema,
    to: z.array(edxmlOrganSchema).min(1),
    /** `<sender OrganId>,<yyyy/MM/dd>,<number/notation>`; '' → computed by the builder. */
    documentId: text,
    code: z.object({ number: z.string().min(1), notation: z.string().min(1) }),
    promulgation: z.object({ place: text, date: edxmlDateSchema }),
    /** Codes `Type` and `TypeDetail` are kept as written; `TypeName` e.g. "Công văn". */
    documentType: z
      .object({ type: text, typeDetail: text, typeName: text })
      .default({ type: '', typeDetail: '', typeName: '' }),
    /** Trích yếu. */
    subject: z.string().min(1),
    content: text,
    signer: z
      .object({ competence: text, position: text, fullName: text })
      .default({ competence: '', position: '', fullName: '' }),
    dueDate: edxmlDateSchema.nullable().default(null),
    other: z
      .object({
        priority: text,
        sphereOfPromulgation: text,
        typerNotation: text,
        promulgationAmount: z.number().int().nonnegative().nullable().default(null),
        pageAmount: z.number().int().nonnegative().nullable().default(null),
        appendixes: z.array(z.string()).default([]),
      })
      .default({
        priority: '',
        sphereOfPromulgation: '',
        typerNotation: '',
        promulgationAmount: null,
        pageAmount: null,
        appendixes: [],
      }),
    steeringType: text,
    /** "Nơi nhận" lines. */
    toPlaces: z.array(z.string()).default([]),
    trace: z.array(edxmlTraceSchema).default([]),
    business: edxmlBusinessSchema.nullable().default(null),
    attachments: z.array(edxmlAttachmentSchema).default([]),
    /** The XML-DSig Signature element as received (raw XML); checked by edxml.signature.ts. */
    signature: z.string().nullable().default(null),
    extra: z.array(edxmlExtraSchema).default([]),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.attachments.forEach((a, i) => {
      if (seen.has(a.contentId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['attachments', i, 'contentId'],
          message: 'ContentId bị trùng.',
        });
      }
      seen.add(a.contentId);
    });
  });

/** A parsed edXML package (every field present). */
export type EdxmlPackage = z.output<typeof edxmlPackageSchema>;
/** What `buildEdxml` accepts: a package whose optional fields may be left out. */
export type EdxmlPackageInput = z.input<typeof edxmlPackageSchema>;
/** An agency (From/To). */
export type EdxmlOrgan = z.output<typeof edxmlOrganSchema>;
/** A sending clerk (StaffInfo). */
export type EdxmlStaff = z.output<typeof edxmlStaffSchema>;
/** One TraceHeader. */
export type EdxmlTrace = z.output<typeof edxmlTraceSchema>;
/** The Bussiness block. */
export type EdxmlBusiness = z.output<typeof edxmlBusinessSchema>;
/** One attached file. */
export type EdxmlAttachment = z.output<typeof edxmlAttachmentSchema>;
/** One kept unknown element. */
export type EdxmlExtra = z.output<typeof edxmlExtraSchema>;

/**
 * Status codes of notices, by our English name. Our choice of codes and labels (the public
 * regulation text was not available to check): change them here only.
 */
export const STATUS_CODES = {
  received: { code: '01', label: 'Đã tiếp nhận' },
  returned: { code: '02', label: 'Từ chối tiếp nhận (trả lại)' },
  accepted: { code: '03', label: 'Đã đăng ký vào sổ' },
  assigned: { code: '04', label: 'Đã phân công' },
  in_progress: { code: '05', label: 'Đang xử lý' },
  done: { code: '06', label: 'Hoàn thành' },
} as const;

/** Our name of a status: `received|accepted|assigned|in_progress|done|returned`. */
export type EdxmlStatusName = keyof typeof STATUS_CODES;

/** Every status name, in the order of their codes. */
export const STATUS_NAMES = Object.keys(STATUS_CODES) as EdxmlStatusName[];

/** The status name of a written code (`'03'` → `accepted`), or undefined when unknown. */
export function statusOfCode(code: string): EdxmlStatusName | undefined {
  return STATUS_NAMES.find((n) => STATUS_CODES[n].code === code);
}

/** A status notice (thông báo trạng thái) about a package received earlier. */
export const edxmlStatusSchema = z.object({
  /** The document the notice is about. */
  responseFor: z.object({
    /** The OrganId of the document's sender. */
    organId,
    /** The document's "number/notation", e.g. `05/KH-UBND`. */
    code: text,
    promulgationDate: edxmlDateSchema,
    documentId: z.string().min(1),
  }),
  /** The agency reporting the status. */
  from: edxmlOrganSchema,
  status: z.enum(STATUS_NAMES as [EdxmlStatusName, ...EdxmlStatusName[]]),
  /** Free text: why it was returned, who handles it… */
  description: text,
  timestamp: edxmlTimestampSchema,
  staff: edxmlStaffSchema.nullable().default(null),
  trace: z.array(edxmlTraceSchema).default([]),
  signature: z.string().nullable().default(null),
  extra: z.array(edxmlExtraSchema).default([]),
});

/** A parsed status notice (every field present). */
export type EdxmlStatus = z.output<typeof edxmlStatusSchema>;
/** What `buildEdxmlStatus` accepts. */
export type EdxmlStatusInput = z.input<typeof edxmlStatusSchema>;
