import { IsoDateSchema as IsoDate, isoInstant } from '@cqs/shared/calendar/index';
import { PG_INTEGER_MAX } from '@cqs/shared/limits';
import { canonicalPhone, isCitizenId, isTaxCode } from '@cqs/shared/vn/index';
import { z } from 'zod';
import { DOSSIER_ACTIONS, DOSSIER_STATUSES } from './dossiers.states.js';

const Phone = z.string().transform((v, ctx) => {
  const p = canonicalPhone(v);
  if (!p)
    ctx.addIssue({
      code: 'custom',
      message: 'Nhập số điện thoại di động gồm 10 chữ số, ví dụ 0912345678.',
    });
  return p ?? v;
});
const Address = z.object({
  line: z.string().trim().min(1, 'Nhập địa chỉ (số nhà, đường, khóm/ấp).').max(300),
  unitCode: z.string().max(64).optional(),
});

/** The applicant: a person (cá nhân) or an organisation (tổ chức). */
export const ApplicantSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('individual'),
    fullName: z
      .string()
      .trim()
      .min(1, 'Nhập họ và tên như trên CCCD.')
      .max(200)
      .transform((s) => s.normalize('NFC')),
    citizenId: z
      .string()
      .refine(
        isCitizenId,
        'Nhập số CCCD gồm 12 chữ số (3 số đầu là mã tỉnh nơi đăng ký khai sinh).',
      ),
    dateOfBirth: IsoDate,
    phone: Phone,
    email: z.string().email('Email không đúng định dạng.').max(200).optional(),
    address: Address,
  }),
  z.object({
    type: z.literal('organization'),
    name: z
      .string()
      .trim()
      .min(1, 'Nhập tên tổ chức.')
      .max(300)
      .transform((s) => s.normalize('NFC')),
    taxCode: z
      .string()
      .refine(isTaxCode, 'Mã số thuế gồm 10 chữ số (chi nhánh thêm "-" và 3 chữ số).'),
    representative: z.string().trim().min(1, 'Nhập người đại diện.').max(200),
    phone: Phone,
    email: z.string().email('Email không đúng định dạng.').max(200).optional(),
    address: Address,
  }),
]);
export type Applicant = z.infer<typeof ApplicantSchema>;

export const CreateDossierBody = z.object({
  procedureId: z.string().uuid('Chọn thủ tục hành chính.'),
  unitCode: z.string().min(1, 'Chọn đơn vị tiếp nhận.').max(64),
  channel: z.enum(['direct', 'online', 'postal']).default('direct'),
  applicant: ApplicantSchema,
  formData: z.record(z.string(), z.unknown()).default({}),
  /** How the result goes back (issue 4); omitted = at the desk. */
  resultDelivery: z
    .discriminatedUnion('method', [
      z.object({ method: z.literal('desk') }),
      z.object({
        method: z.literal('postal'),
        address: z.string().trim().min(1, 'Nhập địa chỉ nhận kết quả qua bưu chính.').max(300),
      }),
    ])
    .optional(),
  /** Defaults to now; a desk entering a postal dossier late may give the real receipt time. */
  receivedAt: isoInstant('Thời điểm tiếp nhận theo ISO 8601 có múi giờ (từ năm 1976).').optional(),
});
export type CreateDossierInput = z.infer<typeof CreateDossierBody>;

export const CreatedReply = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  dueAt: z.string(),
  version: z.number(),
});

const Reason = z.string().trim().min(1, 'Nhập lý do.').max(2000);
const base = {
  version: z
    .number()
    .int()
    .min(1, 'Thiếu phiên bản hồ sơ (version).')
    .max(PG_INTEGER_MAX, 'Phiên bản (version) không hợp lệ.'),
};

/** One body per action; the payload each needs. */
export const ActionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('assign'),
    ...base,
    assigneeUsername: z.string().max(64).optional(),
    note: z.string().max(2000).optional(),
  }),
  z.object({
    action: z.literal('forward'),
    ...base,
    unitCode: z.string().max(64).optional(),
    assigneeUsername: z.string().max(64).optional(),
    note: z.string().max(2000).optional(),
  }),
  z.object({
    action: z.literal('request_completion'),
    ...base,
    reason: Reason,
    items: z
      .array(z.string().trim().min(1).max(500))
      .min(1, 'Liệt kê ít nhất một nội dung cần bổ sung.')
      .max(50),
  }),
  z.object({ action: z.literal('complete'), ...base, note: z.string().max(2000).optional() }),
  z.object({
    action: z.literal('finish'),
    ...base,
    resultSummary: z.string().trim().min(1, 'Nhập tóm tắt kết quả.').max(2000),
    resultFileId: z.string().uuid().optional(),
  }),
  z.object({ action: z.literal('approve'), ...base, note: z.string().max(2000).optional() }),
  z.object({ action: z.literal('send_back'), ...base, reason: Reason }),
  z.object({
    action: z.literal('return_result'),
    ...base,
    method: z.enum(['direct', 'postal', 'electronic']),
    /**
     * Why the result is handed over while its fee is unpaid; required then, when the
     * procedure allows it at all (`unpaidReturn`), and recorded on the event and audit row.
     */
    reason: Reason.optional(),
  }),
  z.object({ action: z.literal('refuse'), ...base, reason: Reason }),
  z.object({ action: z.literal('stop'), ...base, reason: Reason }),
  z.object({ action: z.literal('withdraw'), ...base, reason: Reason }),
  z.object({
    action: z.literal('extend'),
    ...base,
    reason: Reason,
    newDueAt: isoInstant('Ngày hẹn mới theo ISO 8601 có múi giờ (đến năm 2199).'),
  }),
]);
export type ActionInput = z.infer<typeof ActionBody>;

export const EventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string(),
  unitCode: z.string(),
  reason: z.string().nullable(),
  payload: z.unknown(),
});

/** GET /dossiers/{id}/forms/{no}.pdf: `signed=true` asks for the copy the unit seals. */
export const FormQuery = z.object({
  signed: z
    .enum(['true', 'false'], { error: 'Tham số signed chỉ nhận true hoặc false.' })
    .optional(),
});

export const FileSchema = z.object({
  id: z.string(),
  kind: z.enum(['attachment', 'result']),
  componentKey: z.string().nullable(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
  /** Set on a result digitally signed at the leader's approval: when, and by whom in order. */
  signature: z.object({ signedAt: z.string(), signers: z.array(z.string()) }).nullable(),
});

export const DossierSchema = z.object({
  id: z.string(),
  code: z.string(),
  procedure: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  unitCode: z.string(),
  unitName: z.string().nullable(),
  channel: z.enum(['direct', 'online', 'postal']),
  applicant: z.unknown(),
  formData: z.unknown(),
  feesDue: z.number(),
  status: z.enum(DOSSIER_STATUSES),
  statusLabel: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  originalDueAt: z.string(),
  steps: z.array(
    z.object({ order: z.number(), name: z.string(), role: z.string(), dueAt: z.string() }),
  ),
  pausedAt: z.string().nullable(),
  pausedMinutes: z.number(),
  extended: z.boolean(),
  completionRequests: z.number(),
  dueSoon: z.boolean(),
  overdue: z.boolean(),
  outcome: z.enum(['early', 'on_time', 'late']).nullable(),
  finishedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  resultDelivery: z
    .object({ method: z.enum(['desk', 'postal']), address: z.string().optional() })
    .nullable(),
  resultSummary: z.string().nullable(),
  assignee: z.object({ id: z.string(), username: z.string(), fullName: z.string() }).nullable(),
  version: z.number(),
  events: z.array(EventSchema),
  files: z.array(FileSchema),
  allowedActions: z.array(z.enum(DOSSIER_ACTIONS)),
});
export type DossierView = z.infer<typeof DossierSchema>;

export const ListQuery = z.object({
  status: z.enum(DOSSIER_STATUSES).optional(),
  /**
   * Which dossiers: `open` (not returned, refused, stopped or withdrawn), `final`, or `all`.
   * Default: `open` — a work queue — unless a reception date range is given (then `all`).
   */
  state: z.enum(['open', 'final', 'all']).optional(),
  unit: z.string().max(64).optional(),
  procedure: z.string().max(64).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  assignedToMe: z.enum(['true', 'false']).optional(),
  /** Running and marked due soon, not yet overdue (the deadline sweep's mark). */
  dueSoon: z.enum(['true', 'false']).optional(),
  /** `approval`: processed and not yet approved — the leader's step (dossiers.states.ts). */
  awaiting: z.enum(['approval']).optional(),
  /** Being handled again because a leader sent it back (its last action is `send_back`). */
  sentBack: z.enum(['true', 'false']).optional(),
  /** How it was received: at the desk, online or by post. */
  channel: z.enum(['direct', 'online', 'postal']).optional(),
  /** How it finished against its deadline (only finished dossiers have one). */
  outcome: z.enum(['early', 'on_time', 'late']).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /**
   * Which day `from`/`to` bound: `received` (ngày tiếp nhận, the default) or `finished` (ngày
   * giải quyết xong — the day the on-time rate counts a dossier in, dossiers.on_time).
   */
  dates: z.enum(['received', 'finished']).optional(),
  q: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ListItem = DossierSchema.pick({
  id: true,
  code: true,
  procedure: true,
  unitCode: true,
  status: true,
  statusLabel: true,
  receivedAt: true,
  dueAt: true,
  dueSoon: true,
  overdue: true,
  outcome: true,
  version: true,
}).extend({ applicantName: z.string(), assigneeName: z.string().nullable() });

export const ListReply = z.object({
  items: z.array(ListItem),
  nextCursor: z.string().nullable(),
  counts: z.object({
    byStatus: z.record(z.string(), z.number()),
    overdue: z.number(),
    dueSoon: z.number(),
    paused: z.number(),
  }),
});

export const PublicReply = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  statusLabel: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  timeline: z.array(z.object({ at: z.string(), action: z.string(), label: z.string() })),
});

/**
 * The applicant's proof on public dossier pages: `phone` (the original contract) or
 * `citizenId` (số CCCD, 12 digits), one of them.
 */
export const ApplicantProofQuery = z
  .object({
    phone: z.string().trim().max(20).optional(),
    citizenId: z
      .string()
      .trim()
      .regex(/^\d{12}$/, 'Số CCCD gồm 12 chữ số.')
      .optional(),
  })
  .refine((q) => !!q.phone || !!q.citizenId, {
    message: 'Nhập số điện thoại hoặc số CCCD đã khai khi nộp hồ sơ.',
    path: ['phone'],
  });
