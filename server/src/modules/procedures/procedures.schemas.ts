// HTTP schemas of the procedures module. The procedure itself is defined once in
// shared/src/procedures (the web validates with it too); these are the envelopes.
import {
  LEVEL_LABELS,
  LEVELS,
  ONLINE_LEVEL_LABELS,
  ONLINE_LEVELS,
  PROCEDURE_STATUSES,
  ProcedureSchema,
  STATUS_LABELS,
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

export const ListProceduresQuery = z.object({
  q: z.string().max(200, 'Từ khoá tìm kiếm tối đa 200 ký tự.').optional(),
  field: z.string().max(200, 'Lĩnh vực tối đa 200 ký tự.').optional(),
  level: choice(LEVELS, LEVEL_LABELS, 'cấp thực hiện').optional(),
  onlineLevel: choice(
    ONLINE_LEVELS,
    ONLINE_LEVEL_LABELS,
    'mức độ dịch vụ công trực tuyến',
  ).optional(),
  status: choice(PROCEDURE_STATUSES, STATUS_LABELS, 'trạng thái').default('active'),
  cursor: z.string().max(500, 'Con trỏ phân trang không hợp lệ.').optional(),
  limit: z.coerce
    .number()
    .int('Số dòng mỗi trang là số nguyên.')
    .min(1, 'Mỗi trang ít nhất 1 dòng.')
    .max(200, 'Mỗi trang tối đa 200 dòng.')
    .default(50),
});

export const ProcedurePage = z.object({
  items: z.array(ProcedureSchema),
  nextCursor: z.string().nullable(),
});

export const ProcedureIdParams = z.object({
  id: z.uuid('Mã định danh thủ tục (id) không hợp lệ.'),
});

export const FieldsReply = z.object({
  items: z.array(z.object({ field: z.string(), count: z.number().int() })),
});

export const ExportQuery = z.object({
  format: z
    .enum(['json', 'xlsx'], { error: 'Chọn định dạng xuất: json hoặc xlsx.' })
    .default('json'),
  status: choice(PROCEDURE_STATUSES, STATUS_LABELS, 'trạng thái').default('active'),
});

export const ImportQuery = z.object({
  format: z.enum(['json', 'xlsx'], { error: 'Chọn định dạng nhập: json hoặc xlsx.' }).optional(),
});

export const ImportReply = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
