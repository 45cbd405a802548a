/** Request and response schemas of the reports module's admin endpoints. */
import { z } from 'zod';
import { ATTRIBUTE_DATATYPES } from './open311/open311.attributes.js';

const Days = (what: string, max: number) =>
  z
    .number({ error: `${what}: nhập số ngày làm việc.` })
    .int(`${what}: nhập số nguyên.`)
    .min(1, `${what}: ít nhất 1 ngày làm việc.`)
    .max(max, `${what}: tối đa ${max} ngày làm việc.`);
const Name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Nhập ${what}.`)
    .max(200, `${what} tối đa 200 ký tự.`)
    .transform((s) => s.normalize('NFC'));
const UnitCode = z.string().trim().min(1, 'Chọn đơn vị.').max(64);

export const RESPONSIBLE_KINDS = ['commune', 'district', 'province'] as const;

const QUESTION_DATATYPES = ATTRIBUTE_DATATYPES;

/** One extra question as an administrator writes it (stored in the Open311 shape). */
const QuestionBody = z
  .object({
    code: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{1,64}$/,
        'Mã câu hỏi gồm chữ không dấu, số, gạch dưới hoặc gạch ngang (tối đa 64).',
      ),
    description: z
      .string()
      .trim()
      .min(1, 'Nhập nội dung câu hỏi.')
      .max(300, 'Câu hỏi tối đa 300 ký tự.')
      .transform((s) => s.normalize('NFC')),
    datatype: z.enum(QUESTION_DATATYPES, 'Chọn kiểu trả lời.'),
    required: z.boolean().default(false),
    /** false: information shown to the citizen, no answer. */
    variable: z.boolean().default(true),
    datatypeDescription: z.string().trim().max(300).nullable().default(null),
    values: z
      .array(
        z.object({
          key: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Mã lựa chọn không hợp lệ.'),
          name: z.string().trim().min(1, 'Nhập tên lựa chọn.').max(200),
        }),
      )
      .max(50)
      .default([]),
  })
  .refine((q) => !q.datatype.endsWith('valuelist') || q.values.length > 0, {
    message: 'Câu hỏi chọn từ danh sách cần ít nhất một lựa chọn.',
    path: ['values'],
  })
  .refine((q) => new Set(q.values.map((v) => v.key)).size === q.values.length, {
    message: 'Mã các lựa chọn không được trùng nhau.',
    path: ['values'],
  });
export type QuestionInput = z.infer<typeof QuestionBody>;

/** The editable fields of a category; limits as in migration 0700's CHECKs. */
const CategoryFields = z.object({
  nameVi: Name('tên lĩnh vực'),
  nameEn: Name('tên tiếng Anh'),
  description: z
    .string()
    .trim()
    .max(1000, 'Mô tả tối đa 1.000 ký tự.')
    .transform((s) => s.normalize('NFC'))
    .default(''),
  responsibleKind: z.enum(RESPONSIBLE_KINDS, 'Chọn cấp xử lý: xã/phường, quận/huyện hoặc tỉnh.'),
  slaAcceptDays: Days('Thời hạn tiếp nhận hoặc từ chối', 60),
  slaInfoDays: Days('Thời hạn yêu cầu bổ sung thông tin', 60),
  slaResolveDays: Days('Thời hạn giải quyết', 120),
  slaPublishDays: Days('Thời hạn công khai kết quả', 60),
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  /**
   * The category's extra questions (Open311 attribute definitions). Omitted on update: the
   * questions are kept. `order` follows the list.
   */
  attributes: z.array(QuestionBody).max(20, 'Tối đa 20 câu hỏi.').optional(),
});

export const CreateCategoryBody = CategoryFields.extend({
  code: z
    .string()
    .regex(
      /^[a-z][a-z0-9_]{1,39}$/,
      'Mã lĩnh vực gồm 2–40 chữ thường không dấu, số hoặc dấu gạch dưới, bắt đầu bằng chữ.',
    ),
});
export type CreateCategoryInput = z.infer<typeof CreateCategoryBody>;
export const UpdateCategoryBody = CategoryFields;
export type UpdateCategoryInput = z.infer<typeof UpdateCategoryBody>;

export const CategoryAdminSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  description: z.string(),
  responsibleKind: z.enum(RESPONSIBLE_KINDS),
  slaAcceptDays: z.number(),
  slaInfoDays: z.number(),
  slaResolveDays: z.number(),
  slaPublishDays: z.number(),
  active: z.boolean(),
  sortOrder: z.number(),
  attributes: z.array(
    z.object({
      code: z.string(),
      description: z.string(),
      datatype: z.enum(QUESTION_DATATYPES),
      required: z.boolean(),
      variable: z.boolean(),
      datatypeDescription: z.string().nullable(),
      values: z.array(z.object({ key: z.string(), name: z.string() })),
    }),
  ),
});
export const CategoriesAdminReply = z.object({ items: z.array(CategoryAdminSchema) });
export const CategoryCodeParams = z.object({ code: z.string().min(1).max(40) });

/** PUT /report-routing-rules: in this area, reports of this category go to this unit. */
export const RoutingRuleBody = z.object({
  categoryCode: z.string().min(1, 'Chọn lĩnh vực.').max(40),
  areaUnitCode: UnitCode,
  handlingUnitCode: UnitCode,
});
export type RoutingRuleInput = z.infer<typeof RoutingRuleBody>;
export const RoutingRuleParams = z.object({
  categoryCode: z.string().min(1).max(40),
  areaUnitCode: UnitCode,
});
export const RoutingRuleSchema = RoutingRuleBody.extend({
  areaUnitName: z.string().nullable(),
  handlingUnitName: z.string().nullable(),
  updatedAt: z.string(),
});
export const RoutingRulesQuery = z.object({ category: z.string().max(40).optional() });
export const RoutingRulesReply = z.object({ items: z.array(RoutingRuleSchema) });

export const REPLY_KINDS = ['resolve', 'reject', 'info'] as const;

/** A reply template (mẫu trả lời): a title to pick it by and the text it fills in. */
export const ReplyTemplateBody = z.object({
  categoryCode: z.string().min(1).max(40).nullable().default(null),
  kind: z.enum(REPLY_KINDS, 'Chọn loại trả lời: hoàn thành, từ chối hoặc yêu cầu bổ sung.'),
  title: Name('tiêu đề mẫu'),
  body: z
    .string()
    .trim()
    .min(1, 'Nhập nội dung mẫu trả lời.')
    .max(4000, 'Nội dung tối đa 4.000 ký tự.')
    .transform((s) => s.normalize('NFC')),
  active: z.boolean().default(true),
});
export type ReplyTemplateInput = z.infer<typeof ReplyTemplateBody>;
export const ReplyTemplateSchema = z.object({
  id: z.uuid(),
  categoryCode: z.string().nullable(),
  kind: z.enum(REPLY_KINDS),
  title: z.string(),
  body: z.string(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export const ReplyTemplatesQuery = z.object({
  category: z.string().max(40).optional(),
  kind: z.enum(REPLY_KINDS).optional(),
  /** Admins see inactive templates too with `all=true`. */
  all: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const ReplyTemplatesReply = z.object({ items: z.array(ReplyTemplateSchema) });
export const TemplateIdParams = z.object({ id: z.uuid('Mã mẫu trả lời không hợp lệ.') });
