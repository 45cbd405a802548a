// The form of a dossier component (biểu mẫu / tờ khai) as JSON Schema — a deliberately
// restricted subset, because the web app renders every form from it and the dossier module
// validates submissions against it:
//   { type: 'object', title?, description?, properties: { key: field, … }, required?: key[],
//     additionalProperties?: false }
//   field = { type: 'string', title, description?, enum?, format?: 'date'|'email',
//             minLength?, maxLength?, pattern? }
//         | { type: 'number'|'integer', title, description?, enum?, minimum?, maximum? }
//         | { type: 'boolean', title, description? }
// No nesting, arrays, $ref or combinators: a form with a repeated block is split into
// components. Property order is the display order (stored as `json`, which keeps it).

import { z } from 'zod';

/** Property keys become form-field names and JSON paths: ASCII identifiers only. */
export const FORM_FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
/** The most fields one form may have (a long paper form has about 40). */
export const MAX_FORM_FIELDS = 100;

const unsupportedKeys =
  (what: string) => (iss: { code?: string; keys?: string[]; input?: unknown }) =>
    iss.code === 'unrecognized_keys'
      ? `${what} có từ khoá không được hỗ trợ: ${(iss.keys ?? []).join(', ')}.`
      : iss.input === undefined
        ? `Thiếu ${what.toLowerCase()}.`
        : `${what} phải là một đối tượng JSON.`;

const Title = z
  .string({ error: 'Nhập nhãn (title) của trường, ví dụ "Họ, chữ đệm và tên".' })
  .trim()
  .normalize('NFC')
  .min(1, 'Nhập nhãn (title) của trường, ví dụ "Họ, chữ đệm và tên".')
  .max(200, 'Nhãn của trường tối đa 200 ký tự.');
const Description = z
  .string({ error: 'Mô tả (description) phải là chuỗi ký tự.' })
  .trim()
  .normalize('NFC')
  .max(1000, 'Mô tả tối đa 1.000 ký tự.')
  .optional();
const Length = z
  .int({ error: 'Độ dài phải là số nguyên không âm.' })
  .min(0, 'Độ dài phải là số nguyên không âm.')
  .max(100_000, 'Độ dài tối đa 100.000 ký tự.')
  .optional();
const Bound = z.number({ error: 'Giới hạn (minimum/maximum) phải là một số.' }).optional();

const StringField = z
  .strictObject(
    {
      type: z.literal('string'),
      title: Title,
      description: Description,
      enum: z
        .array(
          z
            .string({ error: 'Giá trị lựa chọn phải là chuỗi ký tự.' })
            .min(1, 'Giá trị lựa chọn không được rỗng.')
            .max(200, 'Giá trị lựa chọn tối đa 200 ký tự.'),
          {
            error: 'Danh sách lựa chọn (enum) phải là một mảng.',
          },
        )
        .min(1, 'Danh sách lựa chọn (enum) cần ít nhất một giá trị.')
        .max(300, 'Danh sách lựa chọn (enum) tối đa 300 giá trị.')
        .optional(),
      format: z
        .enum(['date', 'email'], { error: 'Định dạng (format) chỉ nhận "date" hoặc "email".' })
        .optional(),
      minLength: Length,
      maxLength: Length,
      pattern: z
        .string({ error: 'Mẫu (pattern) phải là chuỗi ký tự.' })
        .min(1, 'Mẫu (pattern) không được rỗng.')
        .max(500, 'Mẫu (pattern) tối đa 500 ký tự.')
        .optional(),
    },
    { error: unsupportedKeys('Trường văn bản') },
  )
  .superRefine((f, ctx) => {
    if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength) {
      ctx.addIssue({
        code: 'custom',
        path: ['minLength'],
        message: 'Độ dài tối thiểu không được lớn hơn độ dài tối đa.',
      });
    }
    if (f.pattern !== undefined && !compiles(f.pattern)) {
      ctx.addIssue({
        code: 'custom',
        path: ['pattern'],
        message: 'Mẫu (pattern) không phải biểu thức chính quy hợp lệ.',
      });
    }
    if (f.enum && new Set(f.enum).size !== f.enum.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['enum'],
        message: 'Danh sách lựa chọn (enum) có giá trị trùng nhau.',
      });
    }
  });

const NumberField = z
  .strictObject(
    {
      type: z.enum(['number', 'integer']),
      title: Title,
      description: Description,
      enum: z
        .array(z.number({ error: 'Giá trị lựa chọn phải là số.' }), {
          error: 'Danh sách lựa chọn (enum) phải là một mảng.',
        })
        .min(1, 'Danh sách lựa chọn (enum) cần ít nhất một giá trị.')
        .max(300, 'Danh sách lựa chọn (enum) tối đa 300 giá trị.')
        .optional(),
      minimum: Bound,
      maximum: Bound,
    },
    { error: unsupportedKeys('Trường số') },
  )
  .superRefine((f, ctx) => {
    if (f.minimum !== undefined && f.maximum !== undefined && f.minimum > f.maximum) {
      ctx.addIssue({
        code: 'custom',
        path: ['minimum'],
        message: 'Giá trị nhỏ nhất không được lớn hơn giá trị lớn nhất.',
      });
    }
    if (f.type === 'integer' && f.enum?.some((v) => !Number.isInteger(v))) {
      ctx.addIssue({
        code: 'custom',
        path: ['enum'],
        message: 'Trường số nguyên chỉ nhận lựa chọn là số nguyên.',
      });
    }
  });

const BooleanField = z.strictObject(
  { type: z.literal('boolean'), title: Title, description: Description },
  { error: unsupportedKeys('Trường có/không') },
);

/** One field of a form. */
export const FormFieldSchema = z.discriminatedUnion(
  'type',
  [StringField, NumberField, BooleanField],
  {
    error: (iss) =>
      iss.input === undefined || typeof iss.input !== 'object' || iss.input === null
        ? 'Mỗi trường của biểu mẫu phải là một đối tượng JSON có "type" và "title".'
        : 'Kiểu trường (type) chỉ nhận "string", "number", "integer" hoặc "boolean".',
  },
);
export type FormField = z.infer<typeof FormFieldSchema>;

/** The form of one dossier component: a flat JSON Schema object (see the file comment). */
export const FormSchemaSchema = z
  .strictObject(
    {
      type: z.literal('object', { error: 'Biểu mẫu phải có "type": "object".' }),
      title: Title.optional(),
      description: Description,
      properties: z.record(
        z
          .string()
          .regex(
            FORM_FIELD_KEY,
            'Tên trường chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái (tối đa 64 ký tự).',
          ),
        FormFieldSchema,
        {
          error: (iss) =>
            iss.code === 'invalid_key'
              ? 'Tên trường chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái (tối đa 64 ký tự).'
              : 'Biểu mẫu cần "properties": một đối tượng liệt kê các trường.',
        },
      ),
      required: z
        .array(z.string({ error: 'Tên trường bắt buộc phải là chuỗi ký tự.' }), {
          error: '"required" phải là mảng tên trường.',
        })
        .optional(),
      additionalProperties: z
        .literal(false, { error: '"additionalProperties" chỉ nhận giá trị false.' })
        .optional(),
    },
    { error: unsupportedKeys('Biểu mẫu') },
  )
  .superRefine((s, ctx) => {
    const keys = Object.keys(s.properties);
    if (keys.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['properties'],
        message: 'Biểu mẫu cần ít nhất một trường.',
      });
    }
    if (keys.length > MAX_FORM_FIELDS) {
      ctx.addIssue({
        code: 'custom',
        path: ['properties'],
        message: `Biểu mẫu tối đa ${MAX_FORM_FIELDS} trường.`,
      });
    }
    const seen = new Set<string>();
    (s.required ?? []).forEach((k, i) => {
      if (!(k in s.properties)) {
        ctx.addIssue({
          code: 'custom',
          path: ['required', i],
          message: `Trường bắt buộc "${k}" không có trong "properties".`,
        });
      } else if (seen.has(k)) {
        ctx.addIssue({
          code: 'custom',
          path: ['required', i],
          message: `Trường "${k}" bị lặp trong "required".`,
        });
      }
      seen.add(k);
    });
  });
export type FormSchema = z.infer<typeof FormSchemaSchema>;

/** True when `pattern` is a regular expression JavaScript (and so ajv, flag `u`) accepts. */
function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
