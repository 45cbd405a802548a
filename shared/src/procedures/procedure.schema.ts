// The administrative procedure (thủ tục hành chính, TTHC) as the catalogue stores it, with
// its validation rules. Shared so the web's admin form validates with exactly the server's
// rules and messages (style.md rule 14). Every message is Vietnamese and says how to fix.

import { z } from 'zod';
import { PG_INTEGER_MAX } from '../limits.ts';
import { FORM_FIELD_KEY, FormSchemaSchema } from './form-schema.ts';

/**
 * National catalogue code: `1.001193`, or as published by one agency with that agency's
 * old-style identifier appended, `2.000815.000.00.00.H55` (regulations.md §2). The first
 * digit is 1 or 2 in every code we have seen, but newer entries start with 3, so any
 * digit is accepted; past the format check the code is opaque.
 */
export const PROCEDURE_CODE = /^[1-9]\.\d{6}(\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?$/;

export const LEVELS = ['province', 'district', 'commune'] as const;
export const ONLINE_LEVELS = ['full', 'partial', 'info'] as const;
export const TIME_UNITS = ['working_days', 'working_hours'] as const;
export const PROCEDURE_STATUSES = ['active', 'archived'] as const;
/**
 * What the desk may do with a result whose fee is still unpaid: `refuse` (hand it over only
 * once paid) or `with_reason` (hand it over with a stated reason, recorded on the dossier —
 * exemptions and fees collected outside the system exist).
 */
export const UNPAID_RETURN_POLICIES = ['refuse', 'with_reason'] as const;
/** A procedure that says nothing keeps the desk able to hand over, but never silently. */
export const DEFAULT_UNPAID_RETURN: UnpaidReturn = 'with_reason';
/** Staff roles that can own a processing step (the identity module's staff roles). */
export const STEP_ROLES = ['desk_officer', 'specialist', 'leader', 'secretariat'] as const;
/** Kinds of unit a step runs in (the org module's unit kinds, less hamlets). */
export const STEP_UNIT_KINDS = ['province', 'district', 'commune', 'agency'] as const;

export type Level = (typeof LEVELS)[number];
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
export type TimeUnit = (typeof TIME_UNITS)[number];
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];
export type UnpaidReturn = (typeof UNPAID_RETURN_POLICIES)[number];
export type StepRole = (typeof STEP_ROLES)[number];
export type StepUnitKind = (typeof STEP_UNIT_KINDS)[number];

/** Vietnamese labels for display, spreadsheets and filters. */
export const LEVEL_LABELS: Record<Level, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};
export const ONLINE_LEVEL_LABELS: Record<OnlineLevel, string> = {
  full: 'Toàn trình',
  partial: 'Một phần',
  info: 'Cung cấp thông tin',
};
export const TIME_UNIT_LABELS: Record<TimeUnit, string> = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
};
export const STATUS_LABELS: Record<ProcedureStatus, string> = {
  active: 'Đang áp dụng',
  archived: 'Đã bãi bỏ',
};
export const UNPAID_RETURN_LABELS: Record<UnpaidReturn, string> = {
  refuse: 'Chỉ trả kết quả khi đã nộp đủ phí, lệ phí',
  with_reason: 'Được trả kết quả khi chưa nộp phí, lệ phí nếu ghi rõ lý do',
};
export const STEP_ROLE_LABELS: Record<StepRole, string> = {
  desk_officer: 'Bộ phận Một cửa',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
  secretariat: 'Văn phòng, văn thư',
};

const vnNumber = (n: number) => n.toLocaleString('vi-VN');
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A required one-line text: trimmed, NFC, with "Nhập …" and length messages. */
function text(what: string, max: number, example?: string) {
  const needed = `Nhập ${what}${example ? `, ví dụ ${example}` : ''}.`;
  return z
    .string({ error: needed })
    .trim()
    .normalize('NFC')
    .min(1, needed)
    .max(max, `${upperFirst(what)} tối đa ${vnNumber(max)} ký tự.`);
}

/** A value from a closed list, with the list spelled out in the message. */
function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  what: string,
  labels?: Record<T[number], string>,
) {
  const list = values.map((v) => (labels ? `${v} (${labels[v as T[number]]})` : v)).join(', ');
  return z.enum(values, { error: `Chọn ${what}: ${list}.` });
}

export const ProcedureCodeSchema = z
  .string({ error: 'Nhập mã thủ tục theo định dạng 1.001193 hoặc 2.000815.000.00.00.H55.' })
  .trim()
  .toUpperCase()
  .regex(PROCEDURE_CODE, 'Nhập mã thủ tục theo định dạng 1.001193 hoặc 2.000815.000.00.00.H55.');

/**
 * A period in working days or hours. Halves are allowed (catalogues publish "0,5 ngày"),
 * finer fractions are not: multiples of 0.5 add up exactly in binary floating point.
 */
export const DurationSchema = z.object(
  {
    value: z
      .number({ error: 'Nhập thời gian là một số, ví dụ 3.' })
      .positive('Thời gian phải lớn hơn 0.')
      .max(1000, 'Thời gian tối đa 1.000.')
      .refine(
        (v) => Number.isInteger(v * 2),
        'Thời gian tính theo bội số của 0,5 (ví dụ 0,5; 1; 1,5).',
      ),
    unit: oneOf(TIME_UNITS, 'đơn vị thời gian', TIME_UNIT_LABELS),
  },
  { error: 'Nhập thời gian dạng {"value": 3, "unit": "working_days"}.' },
);
export type Duration = z.infer<typeof DurationSchema>;

export const FeeSchema = z.object(
  {
    name: text('tên khoản phí, lệ phí', 200, '"Lệ phí đăng ký kết hôn"'),
    amount: z
      .int({ error: 'Nhập số tiền bằng đồng, là số nguyên không âm (ví dụ 8000).' })
      .min(0, 'Số tiền không được âm.')
      .max(10_000_000_000, 'Số tiền tối đa 10.000.000.000 đồng.'),
    note: z
      .string({ error: 'Ghi chú phải là chuỗi ký tự.' })
      .trim()
      .normalize('NFC')
      .max(500, 'Ghi chú tối đa 500 ký tự.')
      .optional(),
  },
  { error: 'Mỗi khoản phí cần tên (name) và số tiền (amount).' },
);
export type Fee = z.infer<typeof FeeSchema>;

const MIME = /^[a-z]+\/([a-z0-9][a-z0-9.+-]*|\*)$/;

export const AttachmentRuleSchema = z
  .object(
    {
      required: z.boolean({ error: 'Chọn có bắt buộc đính kèm tệp hay không (true/false).' }),
      maxFiles: z
        .int({ error: 'Nhập số tệp tối đa là số nguyên.' })
        .min(0, 'Số tệp tối đa không được âm.')
        .max(50, 'Số tệp tối đa là 50.'),
      maxSizeMb: z
        .number({ error: 'Nhập dung lượng tối đa mỗi tệp (MB) là một số.' })
        .positive('Dung lượng tối đa phải lớn hơn 0 MB.')
        .max(100, 'Dung lượng tối đa mỗi tệp là 100 MB.'),
      accept: z
        .array(
          z
            .string({ error: 'Loại tệp phải là kiểu MIME, ví dụ application/pdf.' })
            .trim()
            .toLowerCase()
            .regex(MIME, 'Loại tệp phải là kiểu MIME, ví dụ application/pdf hoặc image/*.'),
          { error: 'Nhập danh sách loại tệp (accept), ví dụ ["application/pdf"].' },
        )
        .max(20, 'Tối đa 20 loại tệp.'),
    },
    { error: 'Nhập quy định đính kèm {required, maxFiles, maxSizeMb, accept}.' },
  )
  .superRefine((a, ctx) => {
    if (a.required && a.maxFiles < 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxFiles'],
        message: 'Tệp đính kèm bắt buộc thì số tệp tối đa phải từ 1 trở lên.',
      });
    }
    if (a.maxFiles > 0 && a.accept.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['accept'],
        message: 'Cho phép đính kèm thì cần ít nhất một loại tệp, ví dụ application/pdf.',
      });
    }
  });
export type AttachmentRule = z.infer<typeof AttachmentRuleSchema>;

export const ComponentSchema = z
  .object(
    {
      key: z
        .string({ error: 'Nhập mã thành phần hồ sơ (key), ví dụ "to_khai".' })
        .regex(
          FORM_FIELD_KEY,
          'Mã thành phần (key) chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái.',
        ),
      name: text('tên thành phần hồ sơ', 500, '"Tờ khai đăng ký khai sinh"'),
      required: z.boolean({ error: 'Chọn thành phần này có bắt buộc hay không (true/false).' }),
      // null: a paper to show or attach, with nothing to fill in (e.g. the original to compare).
      formSchema: FormSchemaSchema.nullable(),
      attachment: AttachmentRuleSchema,
    },
    { error: 'Mỗi thành phần hồ sơ cần key, name, required, formSchema và attachment.' },
  )
  .superRefine((c, ctx) => {
    if (c.formSchema === null && c.attachment.maxFiles === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['attachment', 'maxFiles'],
        message: 'Thành phần không có biểu mẫu thì phải cho phép đính kèm tệp.',
      });
    }
  });
export type Component = z.infer<typeof ComponentSchema>;

export const StepSchema = z.object(
  {
    order: z
      .int({ error: 'Nhập thứ tự bước là số nguyên, bắt đầu từ 1.' })
      .min(1, 'Thứ tự bước bắt đầu từ 1.')
      .max(100, 'Tối đa 100 bước.'),
    name: text('tên bước xử lý', 300, '"Tiếp nhận hồ sơ"'),
    role: oneOf(STEP_ROLES, 'vai trò thực hiện bước', STEP_ROLE_LABELS),
    unitKind: oneOf(STEP_UNIT_KINDS, 'cấp đơn vị thực hiện bước'),
    duration: DurationSchema,
  },
  { error: 'Mỗi bước xử lý cần order, name, role, unitKind và duration.' },
);
export type Step = z.infer<typeof StepSchema>;

/** The fields of a procedure an administrator writes, each checked on its own. */
const procedureFields = {
  code: ProcedureCodeSchema,
  name: text('tên thủ tục', 500, '"Đăng ký khai sinh"'),
  field: text('lĩnh vực', 200, '"Hộ tịch"'),
  implementingAgency: text('cơ quan thực hiện', 300, '"Ủy ban nhân dân cấp xã"'),
  level: oneOf(LEVELS, 'cấp thực hiện', LEVEL_LABELS),
  processingTime: DurationSchema,
  fees: z
    .array(FeeSchema, { error: 'Nhập danh sách phí, lệ phí (có thể rỗng).' })
    .max(30, 'Tối đa 30 khoản phí, lệ phí.'),
  result: text('kết quả thực hiện', 1000, '"Giấy khai sinh"'),
  legalBasis: text('căn cứ pháp lý', 5000, '"Luật Hộ tịch năm 2014"'),
  onlineLevel: oneOf(ONLINE_LEVELS, 'mức độ dịch vụ công trực tuyến', ONLINE_LEVEL_LABELS),
  components: z
    .array(ComponentSchema, { error: 'Nhập danh sách thành phần hồ sơ.' })
    .min(1, 'Thủ tục cần ít nhất một thành phần hồ sơ.')
    .max(50, 'Tối đa 50 thành phần hồ sơ.'),
  steps: z
    .array(StepSchema, { error: 'Nhập danh sách các bước xử lý.' })
    .min(1, 'Thủ tục cần ít nhất một bước xử lý.')
    .max(100, 'Tối đa 100 bước xử lý.'),
  unpaidReturn: oneOf(
    UNPAID_RETURN_POLICIES,
    'cách trả kết quả khi chưa nộp phí, lệ phí',
    UNPAID_RETURN_LABELS,
  ).default(DEFAULT_UNPAID_RETURN),
};

/** Rules across fields: unique component keys, contiguous step order, steps within the time. */
export function checkProcedureRules(
  p: {
    processingTime: Duration;
    components: Pick<Component, 'key'>[];
    steps: Pick<Step, 'order' | 'duration'>[];
  },
  ctx: z.RefinementCtx,
): void {
  const keys = new Set<string>();
  p.components.forEach((c, i) => {
    if (keys.has(c.key))
      ctx.addIssue({
        code: 'custom',
        path: ['components', i, 'key'],
        message: `Mã thành phần "${c.key}" bị trùng.`,
      });
    keys.add(c.key);
  });
  const orders = new Set<number>();
  p.steps.forEach((s, i) => {
    if (orders.has(s.order)) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', i, 'order'],
        message: `Thứ tự bước ${s.order} bị trùng.`,
      });
    } else if (s.order > p.steps.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', i, 'order'],
        message: `Thứ tự các bước phải liên tục từ 1 đến ${p.steps.length}; bước này có thứ tự ${s.order}.`,
      });
    }
    orders.add(s.order);
  });
  // Only steps counted in the same unit as the total are compared: converting hours to days
  // would need the unit's working hours, which are a per-province setting (regulations.md §4).
  const total = p.steps
    .filter((s) => s.duration.unit === p.processingTime.unit)
    .reduce((sum, s) => sum + s.duration.value, 0);
  if (total > p.processingTime.value) {
    const unit = TIME_UNIT_LABELS[p.processingTime.unit];
    ctx.addIssue({
      code: 'custom',
      path: ['steps'],
      message: `Tổng thời gian các bước (${vnNumber(total)} ${unit}) vượt thời hạn giải quyết (${vnNumber(p.processingTime.value)} ${unit}).`,
    });
  }
}

/** Body of create (POST) and of each import row: a whole procedure as an administrator writes it. */
export const ProcedureInputSchema = z
  .object(procedureFields, { error: 'Dữ liệu thủ tục phải là một đối tượng JSON.' })
  .superRefine(checkProcedureRules);
export type ProcedureInput = z.infer<typeof ProcedureInputSchema>;
/** A procedure as written before parsing (fields with a default may be left out). */
export type ProcedureInputData = z.input<typeof ProcedureInputSchema>;

/** Body of a full replace (PUT): the same, with optional optimistic concurrency and status. */
export const ProcedureReplaceSchema = z
  .object(
    {
      ...procedureFields,
      version: z
        .int({ error: 'Phiên bản (version) phải là số nguyên.' })
        .min(1, 'Phiên bản (version) bắt đầu từ 1.')
        .max(PG_INTEGER_MAX, 'Phiên bản (version) không hợp lệ.')
        .optional(),
      status: oneOf(PROCEDURE_STATUSES, 'trạng thái', STATUS_LABELS).optional(),
    },
    { error: 'Dữ liệu thủ tục phải là một đối tượng JSON.' },
  )
  .superRefine(checkProcedureRules);
export type ProcedureReplace = z.infer<typeof ProcedureReplaceSchema>;

/** A procedure as the API shows it. */
export const ProcedureSchema = z.object({
  id: z.uuid(),
  ...procedureFields,
  status: z.enum(PROCEDURE_STATUSES),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

/** The JSON export file and the JSON import body. */
export const PROCEDURE_EXPORT_FORMAT = 'cqs-procedures';
export const PROCEDURE_EXPORT_VERSION = 1;
