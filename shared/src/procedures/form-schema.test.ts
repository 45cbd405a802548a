import { describe, expect, it } from 'vitest';
import { FormSchemaSchema } from './form-schema.ts';

function issues(input: unknown): [string, string][] {
  const r = FormSchemaSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
}

const ok = {
  type: 'object',
  title: 'Tờ khai',
  properties: {
    hoTen: { type: 'string', title: 'Họ tên', minLength: 2, maxLength: 100 },
    ngaySinh: { type: 'string', title: 'Ngày sinh', format: 'date' },
    cccd: { type: 'string', title: 'Số CCCD', pattern: '^\\d{12}$' },
    gioiTinh: { type: 'string', title: 'Giới tính', enum: ['Nam', 'Nữ'] },
    soBan: { type: 'integer', title: 'Số bản', minimum: 1, maximum: 10 },
    dienTich: { type: 'number', title: 'Diện tích', minimum: 0.1 },
    dongY: { type: 'boolean', title: 'Đồng ý' },
  },
  required: ['hoTen', 'cccd'],
  additionalProperties: false,
};

describe('form schema subset', () => {
  it('accepts every supported keyword and keeps the property order', () => {
    const out = FormSchemaSchema.parse(ok);
    expect(Object.keys(out.properties)).toEqual([
      'hoTen',
      'ngaySinh',
      'cccd',
      'gioiTinh',
      'soBan',
      'dienTich',
      'dongY',
    ]);
  });

  it('refuses keywords outside the subset ($ref, nested objects, arrays)', () => {
    expect(issues({ ...ok, $ref: '#/x' })).toEqual([
      ['', 'Biểu mẫu có từ khoá không được hỗ trợ: $ref.'],
    ]);
    expect(
      issues({ type: 'object', properties: { a: { type: 'array', title: 'Danh sách' } } }),
    ).toEqual([
      [
        'properties.a.type',
        'Kiểu trường (type) chỉ nhận "string", "number", "integer" hoặc "boolean".',
      ],
    ]);
    expect(
      issues({ type: 'object', properties: { a: { type: 'string', title: 'A', items: {} } } }),
    ).toEqual([['properties.a', 'Trường văn bản có từ khoá không được hỗ trợ: items.']]);
  });

  it('needs a title on every field and identifier-like keys', () => {
    expect(
      issues({
        type: 'object',
        properties: { 'họ tên': { type: 'string', title: 'x' }, b: { type: 'string' } },
      }),
    ).toEqual([
      [
        'properties.họ tên',
        'Tên trường chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái (tối đa 64 ký tự).',
      ],
      ['properties.b.title', 'Nhập nhãn (title) của trường, ví dụ "Họ, chữ đệm và tên".'],
    ]);
  });

  it('refuses required keys that are not properties, and an empty form', () => {
    expect(issues({ ...ok, required: ['hoTen', 'khongCo'] })).toEqual([
      ['required.1', 'Trường bắt buộc "khongCo" không có trong "properties".'],
    ]);
    expect(issues({ type: 'object', properties: {} })).toEqual([
      ['properties', 'Biểu mẫu cần ít nhất một trường.'],
    ]);
  });

  it('refuses an invalid pattern, inverted bounds and an unknown format', () => {
    const bad = {
      type: 'object',
      properties: {
        a: { type: 'string', title: 'A', pattern: '([a-z' },
        b: { type: 'string', title: 'B', minLength: 5, maxLength: 2 },
        c: { type: 'integer', title: 'C', minimum: 10, maximum: 1 },
        d: { type: 'string', title: 'D', format: 'uri' },
      },
    };
    expect(issues(bad)).toEqual([
      ['properties.a.pattern', 'Mẫu (pattern) không phải biểu thức chính quy hợp lệ.'],
      ['properties.b.minLength', 'Độ dài tối thiểu không được lớn hơn độ dài tối đa.'],
      ['properties.c.minimum', 'Giá trị nhỏ nhất không được lớn hơn giá trị lớn nhất.'],
      ['properties.d.format', 'Định dạng (format) chỉ nhận "date" hoặc "email".'],
    ]);
  });

  it('allows only additionalProperties: false', () => {
    expect(issues({ ...ok, additionalProperties: true })).toEqual([
      ['additionalProperties', '"additionalProperties" chỉ nhận giá trị false.'],
    ]);
  });
});
