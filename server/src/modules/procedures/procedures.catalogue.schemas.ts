// HTTP schemas of the public catalogue and of the synonym list (issue 4).
import {
  AttachmentRuleSchema,
  DurationSchema,
  FeeSchema,
  LEVEL_LABELS,
  LEVELS,
  ONLINE_LEVEL_LABELS,
  ONLINE_LEVELS,
} from '@cqs/shared/procedures/index';
import { z } from 'zod';

const choice = <const T extends readonly [string, ...string[]]>(
  values: T,
  labels: Record<T[number], string>,
  what: string,
) =>
  z.enum(values, {
    error: `Chọn ${what}: ${values.map((v) => `${v} (${labels[v as T[number]]})`).join(', ')}.`,
  });

const Level = z.enum(LEVELS);
const OnlineLevel = z.enum(ONLINE_LEVELS);

export const PublicSearchQuery = z.object({
  q: z.string().max(200, 'Từ khoá tìm kiếm tối đa 200 ký tự.').optional(),
  field: z.string().max(200, 'Lĩnh vực tối đa 200 ký tự.').optional(),
  agency: z.string().max(300, 'Cơ quan thực hiện tối đa 300 ký tự.').optional(),
  level: choice(LEVELS, LEVEL_LABELS, 'cấp thực hiện').optional(),
  onlineLevel: choice(
    ONLINE_LEVELS,
    ONLINE_LEVEL_LABELS,
    'mức độ dịch vụ công trực tuyến',
  ).optional(),
  limit: z.coerce
    .number()
    .int('Số kết quả mỗi trang là số nguyên.')
    .min(1, 'Mỗi trang ít nhất 1 kết quả.')
    .max(100, 'Mỗi trang tối đa 100 kết quả.')
    .default(20),
  offset: z.coerce
    .number()
    .int('Vị trí bắt đầu (offset) là số nguyên.')
    .min(0, 'Vị trí bắt đầu (offset) không được âm.')
    .max(10_000, 'Vị trí bắt đầu (offset) tối đa 10.000.')
    .default(0),
});

/** A procedure as the result list shows it. */
export const ProcedureSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  field: z.string(),
  implementingAgency: z.string(),
  level: Level,
  processingTime: DurationSchema,
  fees: z.array(FeeSchema),
  onlineLevel: OnlineLevel,
  score: z.number().optional().describe('Rank of the match (higher first); only with q'),
});

export const PublicSearchReply = z.object({
  items: z.array(ProcedureSummarySchema),
  total: z.int(),
});

export const PublicCodeParams = z.object({
  code: z.string().min(1).max(40, 'Mã thủ tục tối đa 40 ký tự.'),
});

export const PublicFormParams = PublicCodeParams.extend({
  file: z
    .string()
    .regex(
      /^[a-zA-Z][a-zA-Z0-9_]{0,63}\.pdf$/,
      'Tên tệp biểu mẫu là mã thành phần hồ sơ kèm .pdf, ví dụ to_khai.pdf.',
    ),
});

/** The procedure page (Nghị định 63/2010/NĐ-CP Điều 8; 92/2017/NĐ-CP). */
export const PublicProcedureSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  field: z.string(),
  implementingAgency: z.string(),
  level: Level,
  processingTime: DurationSchema,
  fees: z.array(FeeSchema),
  result: z.string(),
  legalBasis: z.string(),
  onlineLevel: OnlineLevel,
  methods: z
    .array(z.enum(['direct', 'online', 'postal']))
    .describe('Ways of submitting (cách thức thực hiện)'),
  steps: z.array(z.object({ order: z.int(), name: z.string(), duration: DurationSchema })),
  components: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      required: z.boolean(),
      formUrl: z.string().nullable().describe('The blank form as PDF, when there is one'),
      attachment: AttachmentRuleSchema,
    }),
  ),
  updatedAt: z.string(),
});

export const AgenciesReply = z.object({
  items: z.array(z.object({ agency: z.string(), count: z.int() })),
});

const Term = z
  .string({ error: 'Mỗi từ đồng nghĩa là một chuỗi ký tự.' })
  .trim()
  .normalize('NFC')
  .min(1, 'Từ đồng nghĩa không được rỗng.')
  .max(100, 'Mỗi từ đồng nghĩa tối đa 100 ký tự.');

export const SynonymListSchema = z.object({
  items: z
    .array(
      z.object({
        terms: z
          .array(Term, { error: 'Nhập danh sách các từ cùng nghĩa (terms).' })
          .min(2, 'Mỗi nhóm cần ít nhất 2 từ cùng nghĩa.')
          .max(20, 'Mỗi nhóm tối đa 20 từ.'),
      }),
      { error: 'Nhập danh sách nhóm từ đồng nghĩa (items).' },
    )
    // An empty table means "the starting list" (migration 0402), so an empty list is not
    // stored; one group is enough to replace the starting list.
    .min(1, 'Danh sách cần ít nhất một nhóm từ đồng nghĩa.')
    .max(500, 'Tối đa 500 nhóm từ đồng nghĩa.'),
});
