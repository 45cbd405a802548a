import { IsoDateSchema as IsoDate } from '@cqs/shared/calendar/index';
import { PG_INTEGER_MAX } from '@cqs/shared/limits';
import { canonicalPhone } from '@cqs/shared/vn/index';
import { z } from 'zod';
import { REPORT_ACTIONS, REPORT_STATUSES } from './reports.states.js';

// In a JSON body a coordinate is a JSON number: coercion would take null or false as 0 and
// file a report off the coast of Africa (issue 11's fuzz test found it). Query values are
// text, so the query's coordinates are coerced.
const Lat = z
  .number({ error: 'Vĩ độ phải là một số.' })
  .min(-90, 'Vĩ độ từ -90 đến 90.')
  .max(90, 'Vĩ độ từ -90 đến 90.');
const Long = z
  .number({ error: 'Kinh độ phải là một số.' })
  .min(-180, 'Kinh độ từ -180 đến 180.')
  .max(180, 'Kinh độ từ -180 đến 180.');
const QueryLat = z.coerce
  .number({ error: 'Vĩ độ phải là một số.' })
  .min(-90, 'Vĩ độ từ -90 đến 90.')
  .max(90, 'Vĩ độ từ -90 đến 90.');
const QueryLong = z.coerce
  .number({ error: 'Kinh độ phải là một số.' })
  .min(-180, 'Kinh độ từ -180 đến 180.')
  .max(180, 'Kinh độ từ -180 đến 180.');
const Phone = z.string().transform((v, ctx) => {
  const p = canonicalPhone(v);
  if (!p)
    ctx.addIssue({
      code: 'custom',
      message: 'Nhập số điện thoại di động gồm 10 chữ số, ví dụ 0912345678.',
    });
  return p ?? v;
});
const Email = z.email('Email không đúng định dạng, ví dụ ten@example.vn.').max(200);
const CategoryCode = z.string().min(1, 'Chọn lĩnh vực phản ánh.').max(40);
const UnitCode = z.string().min(1).max(64);
/** Ids of photos uploaded with POST /report-photos (at most 5, each once). */
const PhotoIds = z
  .array(z.uuid('Mã ảnh không hợp lệ.'))
  .max(5, 'Gửi tối đa 5 ảnh.')
  .refine((ids) => new Set(ids).size === ids.length, 'Mỗi ảnh chỉ gửi một lần.');
/** A photo of a report: the citizen's ('report') or the officer's after-photo ('resolution'). */
const PhotoSchema = z.object({
  id: z.uuid(),
  stage: z.enum(['report', 'resolution']),
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number(),
  height: z.number(),
});

/** A point, or the unit the citizen picked with an address (or both). */
const Location = z
  .object({
    lat: Lat.optional(),
    long: Long.optional(),
    unitCode: UnitCode.optional(),
    address: z.string().trim().max(300).optional(),
  })
  .refine((l) => (l.lat === undefined) === (l.long === undefined), {
    message: 'Nhập cả vĩ độ và kinh độ của vị trí.',
    path: ['long'],
  })
  .refine((l) => l.lat !== undefined || l.unitCode !== undefined, {
    message: 'Chọn vị trí trên bản đồ hoặc chọn xã/phường và nhập địa chỉ.',
    path: ['unitCode'],
  });

/** POST /reports: a citizen's field report (no sign-in needed). */
export const CreateReportBody = z.object({
  categoryCode: CategoryCode,
  description: z
    .string()
    .trim()
    .min(1, 'Mô tả vấn đề cần phản ánh.')
    .max(4000, 'Mô tả tối đa 4.000 ký tự.')
    .transform((s) => s.normalize('NFC')),
  location: Location,
  contact: z
    .object({
      name: z
        .string()
        .trim()
        .max(200)
        .transform((s) => s.normalize('NFC'))
        .optional(),
      phone: Phone.optional(),
      email: Email.optional(),
    })
    .default({}),
  anonymous: z.boolean().default(false),
  photoIds: PhotoIds.optional(),
  /** Answers to the category's extra questions, by question code (lists as arrays). */
  attributes: z
    .record(
      z.string().max(64),
      z.union([z.string().max(4000), z.array(z.string().max(500)).max(50)]),
    )
    .optional(),
});
export type CreateReportInput = z.infer<typeof CreateReportBody>;

export const CreatedReply = z.object({
  id: z.uuid(),
  code: z.string(),
  status: z.enum(REPORT_STATUSES),
  handlingUnitCode: z.string(),
  dueAt: z.string(),
  /** A secret to keep: it lets the reporter reopen, rate and see their report. Shown once. */
  followToken: z.string(),
});

const EventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string(),
  unitCode: z.string(),
  reason: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});

/** What every view of a report shows: code, status, category, description and place. */
const reportCore = {
  code: z.string(),
  status: z.enum(REPORT_STATUSES),
  statusLabel: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  description: z.string(),
  location: z.object({
    lat: z.number().nullable(),
    long: z.number().nullable(),
    address: z.string().nullable(),
  }),
};

/** A report as staff see it (personal data included; anonymity hides the name only publicly). */
export const ReportSchema = z.object({
  id: z.uuid(),
  ...reportCore,
  unitCode: z.string(),
  handlingUnitCode: z.string(),
  handlingUnitName: z.string().nullable(),
  channel: z.string(),
  reporter: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    anonymous: z.boolean(),
  }),
  assignee: z.object({ id: z.string(), username: z.string(), fullName: z.string() }).nullable(),
  acceptDueAt: z.string(),
  resolveDueAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  dueSoonAt: z.string().nullable(),
  overdueAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  reopenCount: z.number(),
  mergedInto: z.string().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  /** The answers to the category's extra questions, as the question and the answer in words. */
  answers: z
    .array(z.object({ code: z.string(), question: z.string(), answer: z.string() }))
    .optional(),
  /** The "ask for more information" step: until when staff may ask, and the last question. */
  infoDueAt: z.string().nullable().optional(),
  infoRequestedAt: z.string().nullable().optional(),
  infoQuestion: z.string().nullable().optional(),
  infoAnsweredAt: z.string().nullable().optional(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: z.array(EventSchema),
  allowedActions: z.array(z.enum(REPORT_ACTIONS)),
  photos: z.array(PhotoSchema),
});
export type ReportView = z.infer<typeof ReportSchema>;

/** POST /reports/{id}/actions (staff). `escalate`, `reopen` and `rate` are not taken here. */
export const ActionBody = z.object({
  action: z.enum(REPORT_ACTIONS),
  version: z.number().int().positive().max(PG_INTEGER_MAX, 'Phiên bản (version) không hợp lệ.'),
  reason: z.string().trim().min(1).max(2000).optional(),
  reply: z.string().trim().min(1).max(4000).optional(),
  unitCode: UnitCode.optional(),
  assigneeUsername: z.string().min(1).max(100).optional(),
  targetId: z.uuid('Mã phản ánh không hợp lệ.').optional(),
  /** After-photos (ids from POST /report-photos), with `resolve` only. */
  photoIds: PhotoIds.optional(),
});
export type ActionInput = z.infer<typeof ActionBody>;

const PageQuery = {
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export const ListQuery = z.object({
  status: z.enum(REPORT_STATUSES).optional(),
  category: CategoryCode.optional(),
  unit: UnitCode.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Only the reports assigned to the caller ("my work"). */
  assignedToMe: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...PageQuery,
});
export type ListQueryT = z.infer<typeof ListQuery>;

const ListItem = z.object({
  id: z.uuid(),
  code: z.string(),
  status: z.enum(REPORT_STATUSES),
  statusLabel: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  description: z.string(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  unitCode: z.string(),
  handlingUnitCode: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
});
export const ListReply = z.object({ items: z.array(ListItem), nextCursor: z.string().nullable() });

/** A report as anyone may see it: no reporter name, phone or e-mail, ever. */
export const PublicReportSchema = z.object({
  ...reportCore,
  handlingUnitCode: z.string(),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  mergedIntoCode: z.string().nullable().optional(),
  rating: z.number().nullable(),
});
export type PublicReport = z.infer<typeof PublicReportSchema>;

export const PublicDetail = PublicReportSchema.extend({
  timeline: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      actionLabel: z.string(),
      toStatus: z.string(),
      reason: z.string().nullable(),
    }),
  ),
  /** Photos (none for a rejected report: it is not published). */
  photos: z.array(PhotoSchema),
  /** Present when a valid follow token was sent: what its holder may do now. */
  mine: z
    .object({
      canReopen: z.boolean(),
      canRate: z.boolean(),
      reopenUntil: z.string().nullable(),
      /** The staff's pending question, when they asked the reporter for more information. */
      infoQuestion: z.string().nullable().optional(),
      canProvideInfo: z.boolean().optional(),
    })
    .optional(),
});

export const PublicListQuery = z.object({
  category: CategoryCode.optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  unit: UnitCode.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  bbox: z
    .string()
    .regex(
      /^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/,
      'Khung bản đồ theo dạng kinh độ tây,vĩ độ nam,kinh độ đông,vĩ độ bắc.',
    )
    .optional(),
  ...PageQuery,
});
export type PublicListQueryT = z.infer<typeof PublicListQuery>;
export const PublicListReply = z.object({
  items: z.array(PublicReportSchema),
  nextCursor: z.string().nullable(),
});

export const NearbyQuery = z.object({ categoryCode: CategoryCode, lat: QueryLat, long: QueryLong });
export const NearbyReply = z.object({
  items: z.array(PublicReportSchema.extend({ distanceM: z.number() })),
});

export const CodeParams = z.object({ code: z.string().min(1).max(40) });
export const FollowBody = z.object({
  contact: z.string().trim().min(1, 'Nhập số điện thoại hoặc email để nhận thông báo.').max(200),
});
export const TokenQuery = z.object({ token: z.string().min(16).max(100).optional() });
export const ReopenBody = z.object({
  token: z.string().min(16).max(100),
  reason: z.string().trim().min(1, 'Cho biết vấn đề chưa được khắc phục thế nào.').max(2000),
});
export const RatingBody = z.object({
  token: z.string().min(16).max(100),
  rating: z.number().int().min(1, 'Chọn từ 1 đến 5 sao.').max(5, 'Chọn từ 1 đến 5 sao.'),
  comment: z.string().trim().max(1000).optional(),
});

export const InfoBody = z.object({
  token: z.string().min(16).max(100),
  answer: z
    .string()
    .trim()
    .min(1, 'Nhập thông tin bổ sung.')
    .max(2000, 'Tối đa 2.000 ký tự.')
    .transform((s) => s.normalize('NFC')),
});

export const CategoriesReply = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      description: z.string(),
      slaAcceptDays: z.number(),
      slaResolveDays: z.number(),
      /** The category's extra questions (Open311 attribute definitions), in order. */
      attributes: z
        .array(
          z.object({
            code: z.string(),
            variable: z.boolean(),
            datatype: z.string(),
            required: z.boolean(),
            description: z.string(),
            datatypeDescription: z.string().nullable(),
            values: z.array(z.object({ key: z.string(), name: z.string() })),
          }),
        )
        .optional(),
    }),
  ),
});
