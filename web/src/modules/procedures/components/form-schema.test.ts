import { describe, expect, it } from 'vitest';
import { modelToSchema, schemaToModel } from './form-schema.ts';

describe('form schema', () => {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      ho_ten: {
        type: 'string',
        title: 'Họ và tên',
        maxLength: 100,
        description: 'như trên căn cước',
      },
      cccd: { type: 'string', title: 'Số CCCD', pattern: '[0-9]{12}' },
      ngay_sinh: { type: 'string', format: 'date', title: 'Ngày sinh' },
      email: { type: 'string', format: 'email', title: 'Thư điện tử' },
      so_con: { type: 'integer', title: 'Số con' },
      gioi_tinh: { type: 'string', enum: ['Nam', 'Nữ'], title: 'Giới tính' },
      dia_chi: { type: 'object', properties: { tinh: { type: 'string' } } },
    },
    required: ['ho_ten', 'cccd'],
  };

  it('reads simple fields and keeps the rest', () => {
    const model = schemaToModel(schema);
    expect(model.fields.map((f) => `${f.key}:${f.type}:${f.required}`)).toEqual([
      'ho_ten:text:true',
      'cccd:text:true',
      'ngay_sinh:date:false',
      'email:email:false',
      'so_con:number:false',
      'gioi_tinh:select:false',
    ]);
    expect(Object.keys(model.opaque)).toEqual(['dia_chi']);
    expect(model.extra).toEqual({ $schema: schema.$schema });
  });

  it('writes back an equivalent schema', () => {
    const back = modelToSchema(schemaToModel(schema));
    expect(back.type).toBe('object');
    expect(back.required).toEqual(['ho_ten', 'cccd']);
    const props = back.properties as Record<string, Record<string, unknown>>;
    expect(props.ho_ten).toEqual({
      description: 'như trên căn cước',
      title: 'Họ và tên',
      type: 'string',
      maxLength: 100,
    });
    expect(props.cccd?.pattern).toBe('[0-9]{12}');
    expect(props.ngay_sinh).toEqual({ title: 'Ngày sinh', type: 'string', format: 'date' });
    expect(props.gioi_tinh?.enum).toEqual(['Nam', 'Nữ']);
    expect(props.dia_chi).toEqual(schema.properties.dia_chi);
  });

  it('treats an empty schema as an empty form and refuses non-object schemas', () => {
    expect(schemaToModel({}).fields).toEqual([]);
    expect(() => schemaToModel({ type: 'string' })).toThrow();
    expect(modelToSchema(schemaToModel(undefined))).toEqual({
      type: 'object',
      properties: {},
      required: [],
    });
  });
});
