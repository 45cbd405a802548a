// The documents API's request and response schemas (văn bản, issue 13), shared by the server
// (validation, OpenAPI) and the web (types by z.infer).
import { z } from 'zod';
import { IsoDateSchema as IsoDate } from '../calendar/date.schema.ts';
import { PG_INTEGER_MAX } from '../limits.ts';
import {
  CONFIDENTIALITIES,
  DOCUMENT_ACTIONS,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPE_CODES,
  HANDLING_ROLES,
  INCOMING_SOURCES,
  REVIEW_STEP_ROLES,
  URGENCIES,
} from './document.vocabulary.ts';

const Text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max);
const UnitCode = z.string().trim().min(1, 'Chọn đơn vị.').max(64);
const Version = z
  .number()
  .int()
  .min(1, 'Thiếu phiên bản văn bản (version).')
  .max(PG_INTEGER_MAX, 'Phiên bản (version) không hợp lệ.');

/** A file sent inline (base64), at most about 15 MB once decoded. */
export const InlineFileSchema = z.object({
  name: Text(255, 'Nhập tên tệp.'),
  contentType: z.string().trim().min(1).max(100).default('application/pdf'),
  data: z
    .string()
    .max(20_000_000, 'Tệp quá lớn (tối đa 15 MB).')
    .regex(/^[A-Za-z0-9+/\r\n]*={0,2}$/, 'Nội dung tệp phải mã hóa base64.'),
});

/** The issuing body of an incoming document, as written on it. */
export const IssuerSchema = z.object({
  name: Text(500, 'Nhập cơ quan ban hành.'),
  /** Its electronic identifier (mã định danh, e.g. 000.00.00.G22) when known. */
  organId: z.string().trim().max(64).nullable().optional(),
});

export const RegisterIncomingBody = z.object({
  /** The registering unit; default: the caller's one unit where they keep the register. */
  unitCode: UnitCode.optional(),
  source: z.enum(INCOMING_SOURCES).exclude(['platform']).default('paper'),
  issuer: IssuerSchema,
  /** The number as written ("05", "12/2026"). */
  codeNumber: Text(32, 'Nhập số văn bản.'),
  /** The symbol (ký hiệu) as written ("KH-UBND"). */
  codeNotation: Text(64, 'Nhập ký hiệu văn bản.'),
  issuedOn: IsoDate,
  typeCode: z.enum(DOCUMENT_TYPE_CODES),
  summary: Text(2000, 'Nhập trích yếu.'),
  signerName: z.string().trim().max(200).nullable().optional(),
  signerPosition: z.string().trim().max(200).nullable().optional(),
  urgency: z.enum(URGENCIES).default('normal'),
  confidentiality: z.enum(CONFIDENTIALITIES).default('normal'),
  /** Hạn xử lý, when the document sets one. */
  deadline: IsoDate.nullable().optional(),
  /** The document this one answers (replies link to what they answer). */
  replyToId: z.string().uuid('Văn bản được trả lời không hợp lệ.').nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  files: z.array(InlineFileSchema).max(20, 'Tối đa 20 tệp.').default([]),
});

export const RegisterIncomingReply = z.object({
  id: z.string(),
  arrivalNumber: z.number().nullable(),
  status: z.enum(DOCUMENT_STATUSES),
});

export const SignerBlockSchema = z.object({
  /** TM./KT./Q./TL./TUQ. line, e.g. "TM. ỦY BAN NHÂN DÂN". */
  authority: z.string().trim().max(200).nullable().optional(),
  title: Text(200, 'Nhập chức vụ người ký.'),
  name: Text(200, 'Nhập họ tên người ký.'),
  /** The account that signs (digitally); default: the name is only printed. */
  userId: z.string().uuid('Người ký không hợp lệ.').nullable().optional(),
});

export const OutgoingRecipientsSchema = z.object({
  /** Units on this platform: they receive it as an incoming document at once. */
  units: z.array(UnitCode).max(200).default([]),
  /** Bodies outside the platform: they receive an edXML package. */
  external: z
    .array(
      z.object({
        organId: Text(64, 'Nhập mã định danh cơ quan nhận.'),
        name: Text(500, 'Nhập tên cơ quan nhận.'),
      }),
    )
    .max(200)
    .default([]),
  /** The "Nơi nhận" lines as printed (without "- "; "Lưu: VT" is added). */
  places: z.array(z.string().trim().min(1).max(500)).max(100).default([]),
});

export const DraftContentSchema = z.object({
  summary: Text(2000, 'Nhập trích yếu.'),
  paragraphs: z.array(z.string().trim().max(20_000)).min(1, 'Nhập nội dung văn bản.').max(500),
  signer: SignerBlockSchema,
  recipients: OutgoingRecipientsSchema.default({ units: [], external: [], places: [] }),
});

export const CreateOutgoingBody = DraftContentSchema.extend({
  unitCode: UnitCode.optional(),
  typeCode: z.enum(DOCUMENT_TYPE_CODES),
  urgency: z.enum(URGENCIES).default('normal'),
  deadline: IsoDate.nullable().optional(),
  replyToId: z.string().uuid('Văn bản được trả lời không hợp lệ.').nullable().optional(),
  files: z.array(InlineFileSchema).max(20, 'Tối đa 20 tệp.').default([]),
});

export const AssignmentInput = z.object({
  role: z.enum(HANDLING_ROLES),
  unitCode: UnitCode,
  userId: z.string().uuid('Người xử lý không hợp lệ.').nullable().optional(),
});

const Comment = z.string().trim().max(4000).optional();

export const DocumentActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('register'), version: Version }),
  z.object({
    action: z.literal('propose'),
    version: Version,
    note: Text(4000, 'Nhập ý kiến đề xuất.'),
  }),
  z.object({
    action: z.literal('direct'),
    version: Version,
    direction: Text(4000, 'Nhập ý kiến chỉ đạo.'),
    assignments: z.array(AssignmentInput).min(1, 'Phân công ít nhất một đơn vị chủ trì.').max(50),
    deadline: IsoDate.nullable().optional(),
  }),
  z.object({ action: z.literal('start'), version: Version }),
  z.object({
    action: z.literal('complete'),
    version: Version,
    note: Comment,
    /** The handler's open work file (hồ sơ công việc) the document goes into. */
    workFileId: z.string().uuid('Mã hồ sơ không hợp lệ.').optional(),
  }),
  z.object({
    action: z.literal('return'),
    version: Version,
    reason: Text(2000, 'Nhập lý do trả lại.'),
  }),
  z.object({
    action: z.literal('revise'),
    version: Version,
    content: DraftContentSchema,
    comment: Comment,
  }),
  z.object({ action: z.literal('submit'), version: Version, comment: Comment }),
  z.object({ action: z.literal('approve'), version: Version, comment: Comment }),
  z.object({
    action: z.literal('reject'),
    version: Version,
    comment: Text(4000, 'Nhập lý do trả lại dự thảo.'),
  }),
  z.object({ action: z.literal('sign'), version: Version }),
  z.object({ action: z.literal('issue'), version: Version }),
  z.object({ action: z.literal('comment'), version: Version, text: Text(4000, 'Nhập ý kiến.') }),
  z.object({
    action: z.literal('share'),
    version: Version,
    unitCodes: z.array(UnitCode).max(50).default([]),
    userIds: z.array(z.string().uuid()).max(50).default([]),
  }),
]);
export type DocumentActionInput = z.infer<typeof DocumentActionBody>;

export const DocumentIdParams = z.object({ id: z.string().uuid('Mã văn bản không hợp lệ.') });

export const DocumentListQuery = z.object({
  box: z.enum(['incoming', 'outgoing', 'todo']).default('todo'),
  q: z.string().trim().max(200).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  /** Only those past their deadline and still open (the dashboard's overdue list). */
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Only those held by this unit or the units below it (within what the caller may see). */
  unit: z.string().trim().min(1).max(64).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const DocumentSummarySchema = z.object({
  id: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  unitCode: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  statusLabel: z.string(),
  typeCode: z.string(),
  /** "05/KH-UBND" as written (incoming) or as numbered (outgoing; null before issue). */
  numberSymbol: z.string().nullable(),
  arrivalNumber: z.number().nullable(),
  issuerName: z.string().nullable(),
  issuedOn: z.string().nullable(),
  summary: z.string(),
  urgency: z.enum(URGENCIES),
  confidentiality: z.enum(CONFIDENTIALITIES),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});

export const DocumentListReply = z.object({
  items: z.array(DocumentSummarySchema),
  nextCursor: z.string().nullable(),
});

export const SignatureCheckSchema = z.object({
  signer: z.string().nullable(),
  signedAt: z.string().nullable(),
  integrity: z.enum(['valid', 'invalid']),
  chain: z.enum(['valid', 'incomplete', 'invalid']),
  trusted: z.boolean(),
  coversWholeDocument: z.boolean(),
  validAtSigningTime: z.boolean().optional(),
  revocation: z.string().optional(),
  modifiedAfter: z.string().nullable().optional(),
  /**
   * The XML-DSig of an edXML package (kind 'edxml', QCVN 102:2016): valid; untrusted (intact,
   * certificate not chained to the trust anchors or not in force); invalid (altered after
   * signing). An unsigned package has no entry.
   */
  verdict: z.enum(['valid', 'untrusted', 'invalid']).optional(),
  /** Why it is not valid, in Vietnamese (edXML). */
  problem: z.string().nullable().optional(),
  /** The verdict as one Vietnamese sentence for the clerk (edXML). */
  message: z.string().optional(),
});

export const VerifyReply = z.object({ signatures: z.array(SignatureCheckSchema) });

/** What OCR of a scanned document proposes to the clerk (each field may be missing). */
export const OcrReply = z.object({
  available: z.boolean(),
  message: z.string().nullable(),
  text: z.string(),
  proposals: z.object({
    codeNumber: z.string().nullable(),
    codeNotation: z.string().nullable(),
    issuedOn: z.string().nullable(),
    place: z.string().nullable(),
    issuerName: z.string().nullable(),
    typeCode: z.enum(DOCUMENT_TYPE_CODES).nullable(),
    summary: z.string().nullable(),
    signerName: z.string().nullable(),
  }),
});
export type OcrReplyView = z.infer<typeof OcrReply>;

/** A token signing session: what the local signing app signs (SHA-256 of the byte ranges). */
export const SigningSessionSchema = z.object({
  sessionId: z.string(),
  hash: z.string(),
  hashAlgorithm: z.literal('SHA-256'),
  byteRange: z.array(z.number()),
  expiresAt: z.string(),
});

export const DraftVersionSchema = z.object({
  no: z.number(),
  content: DraftContentSchema,
  authorName: z.string(),
  createdAt: z.string(),
  comment: z.string().nullable(),
});

export const DocumentDetailSchema = DocumentSummarySchema.extend({
  source: z.string().nullable(),
  issuerOrganId: z.string().nullable(),
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  replyToId: z.string().nullable(),
  replies: z.array(
    z.object({ id: z.string(), summary: z.string(), numberSymbol: z.string().nullable() }),
  ),
  /** The leader's direction (ý kiến chỉ đạo, bút phê). */
  leaderDirection: z.string().nullable(),
  content: DraftContentSchema.nullable(),
  reviewStep: z.number().nullable(),
  reviewSteps: z.array(z.object({ role: z.string(), label: z.string() })),
  assignments: z.array(
    z.object({
      role: z.enum(HANDLING_ROLES),
      unitCode: z.string(),
      unitName: z.string().nullable(),
      userId: z.string().nullable(),
      userName: z.string().nullable(),
      taskId: z.string().nullable(),
      doneAt: z.string().nullable(),
    }),
  ),
  files: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      name: z.string(),
      contentType: z.string(),
      size: z.number(),
      sha256: z.string(),
      createdAt: z.string(),
    }),
  ),
  signatures: z.array(
    SignatureCheckSchema.extend({
      kind: z.string(),
      fileId: z.string().nullable(),
      checkedAt: z.string(),
    }),
  ),
  versions: z.array(
    z.object({
      no: z.number(),
      authorName: z.string(),
      createdAt: z.string(),
      comment: z.string().nullable(),
    }),
  ),
  events: z.array(
    z.object({
      seq: z.number(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actorName: z.string(),
      occurredAt: z.string(),
      note: z.string().nullable(),
    }),
  ),
  /** The work files (hồ sơ công việc) holding it that the caller may see. */
  workFiles: z.array(
    z.object({ id: z.string(), code: z.string(), title: z.string(), status: z.string() }),
  ),
  /** The actions the caller may take now (the web shows only these). */
  allowedActions: z.array(z.enum(DOCUMENT_ACTIONS)),
});

export type DocumentSummaryView = z.infer<typeof DocumentSummarySchema>;
export type DocumentDetailView = z.infer<typeof DocumentDetailSchema>;
export type RegisterIncomingInput = z.infer<typeof RegisterIncomingBody>;
export type CreateOutgoingInput = z.infer<typeof CreateOutgoingBody>;
export type DraftContent = z.infer<typeof DraftContentSchema>;

// ── Approval flows (trình duyệt) as data, per unit and document type ───────────────────────
const ReviewStep = z.object({ role: z.string(), label: z.string() });

/** The type a flow applies to: a type code, or `*` for every type without its own flow. */
export const ReviewFlowParams = z.object({
  unitCode: z.string().trim().min(1).max(64),
  typeCode: z.enum(['*', ...DOCUMENT_TYPE_CODES], {
    message: 'Loại văn bản không hợp lệ (mã loại theo Nghị định 30, hoặc * cho mọi loại).',
  }),
});

export const ReviewFlowBody = z.object({
  /** The steps in order: each role once (department_head, office, leader). */
  steps: z
    .array(z.enum(REVIEW_STEP_ROLES))
    .min(1, 'Quy trình trình duyệt cần ít nhất một bước.')
    .max(REVIEW_STEP_ROLES.length)
    .refine((s) => new Set(s).size === s.length, 'Mỗi bước chỉ xuất hiện một lần.'),
});

export const ReviewFlowQuery = z.object({ unit: z.string().trim().min(1).max(64) });

export const ReviewFlowsReply = z.object({
  unitCode: z.string(),
  /** The steps a draft takes when the unit has no flow of its own for the type. */
  defaultSteps: z.array(ReviewStep),
  flows: z.array(z.object({ typeCode: z.string(), steps: z.array(ReviewStep) })),
  /** Whether the caller may change the unit's flows (its leader, an administrator). */
  editable: z.boolean(),
});
export type ReviewFlowsView = z.infer<typeof ReviewFlowsReply>;
