import { describe, expect, it } from 'vitest';
import { buildFormData, checkField, componentFields } from './form-fields.ts';

const schema = {
  type: 'object',
  properties: {
    hoTen: { type: 'string', title: 'Họ, chữ đệm và tên', maxLength: 50 },
    ngay: { type: 'string', format: 'date', title: 'Ngày đăng ký' },
    soBan: { type: 'integer', title: 'Số bản sao', minimum: 1, maximum: 10 },
    loai: { type: 'string', title: 'Loại', enum: ['A', 'B'] },
    muc: { type: 'number', title: 'Mức', enum: [1, 2] },
    dongY: { type: 'boolean', title: 'Đồng ý' },
  },
  required: ['hoTen', 'ngay'],
};

describe('component forms', () => {
  it('lists every field in property order with its kind', () => {
    const fields = componentFields(schema);
    expect(fields.map((f) => [f.key, f.kind, f.required])).toEqual([
      ['hoTen', 'text', true],
      ['ngay', 'date', true],
      ['soBan', 'integer', false],
      ['loai', 'select', false],
      ['muc', 'select', false],
      ['dongY', 'boolean', false],
    ]);
    expect(componentFields(null)).toEqual([]);
    expect(componentFields({ type: 'array' })).toEqual([]);
  });

  it('checks values with the preview rules plus integers and bounds', () => {
    const [hoTen, ngay, soBan] = componentFields(schema);
    expect(checkField(hoTen!, '')?.key).toBe('preview.required');
    expect(checkField(ngay!, '31/02/2026')?.key).toBe('preview.date');
    expect(checkField(soBan!, '1.5')?.key).toBe('dossiers.validation.integer');
    expect(checkField(soBan!, '11')?.key).toBe('dossiers.validation.range');
    expect(checkField(soBan!, '3')).toBeNull();
  });

  it('builds typed formData and skips empty optional components', () => {
    const components = [
      { key: 'tokhai', required: true, formSchema: schema },
      { key: 'phu', required: false, formSchema: schema },
      { key: 'banSao', required: true, formSchema: null },
    ];
    const { formData, errors } = buildFormData(components, {
      tokhai: { hoTen: ' Lê Thị Hoa ', ngay: '1/7/2025', soBan: '2', muc: '2', dongY: true },
    });
    expect(errors).toEqual({});
    expect(formData).toEqual({
      tokhai: { hoTen: 'Lê Thị Hoa', ngay: '2025-07-01', soBan: 2, muc: 2, dongY: true },
    });
    const missing = buildFormData(components, { tokhai: {} });
    expect(Object.keys(missing.errors)).toEqual(['formData.tokhai.hoTen', 'formData.tokhai.ngay']);
  });
});
