import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../reports.migrations.js';
import { checkAnswers, parseDefinitions, parseIsoInstant } from './open311.attributes.js';

const defs = parseDefinitions([
  { code: 'note', datatype: 'text', order: 5, description: 'Ghi chú' },
  {
    code: 'kind',
    datatype: 'singlevaluelist',
    required: true,
    order: 1,
    description: 'Loại',
    values: [
      { key: 'a', name: 'A' },
      { key: 2, name: 'Hai' },
    ],
  },
  {
    code: 'tags',
    datatype: 'multivaluelist',
    order: 2,
    description: 'Nhãn',
    values: [
      { key: 'x', name: 'X' },
      { key: 'y', name: 'Y' },
    ],
  },
  { code: 'size', datatype: 'number', order: 3, description: 'Kích thước' },
  { code: 'seen', datatype: 'datetime', order: 4, description: 'Thời điểm' },
  { code: 'pole', datatype: 'string', order: 6, description: 'Số cột' },
  { code: 'info', datatype: 'string', variable: false, order: 7, description: 'Lưu ý' },
]);

describe('service definition attributes', () => {
  it('fills defaults, coerces keys to strings and sorts by order', () => {
    expect(defs.map((d) => d.code)).toEqual([
      'kind',
      'tags',
      'size',
      'seen',
      'note',
      'pole',
      'info',
    ]);
    expect(defs[0]).toMatchObject({ variable: true, required: true, datatype_description: null });
    expect(defs[0]!.values.map((v) => v.key)).toEqual(['a', '2']);
  });

  it('refuses broken definitions (a list without values, a repeated code)', () => {
    expect(() =>
      parseDefinitions([{ code: 'k', datatype: 'singlevaluelist', order: 1, description: 'K' }]),
    ).toThrow();
    const one = { code: 'k', datatype: 'string', order: 1, description: 'K' };
    expect(() => parseDefinitions([one, { ...one, order: 2 }])).toThrow(/duplicate/);
    expect(() => parseDefinitions([{ ...one, datatype: 'photo' }])).toThrow();
  });

  it('the default categories carry valid definitions (the road has three questions)', () => {
    for (const c of DEFAULT_CATEGORIES) expect(() => parseDefinitions(c.attributes)).not.toThrow();
    const road = DEFAULT_CATEGORIES.find((c) => c.code === 'road')!;
    expect(parseDefinitions(road.attributes).map((a) => a.datatype)).toEqual([
      'singlevaluelist',
      'number',
      'multivaluelist',
    ]);
  });
});

describe('checking the answers', () => {
  it('accepts good answers of every datatype and normalises them', () => {
    const r = checkAnswers(defs, {
      kind: '2',
      tags: ['x', 'y', 'x'],
      size: '1.5',
      seen: '2026-11-20T08:30:00Z',
      note: 'dòng 1\ndòng 2',
      pole: ' LX-12 ',
      info: 'ignored',
    });
    expect(r).toEqual({
      ok: true,
      answers: {
        kind: '2',
        tags: ['x', 'y'],
        size: 1.5,
        seen: '2026-11-20T15:30:00+07:00',
        note: 'dòng 1\ndòng 2',
        pole: 'LX-12',
      },
    });
  });

  it('a single answer to a multi-value list is a list of one', () => {
    expect(checkAnswers(defs, { kind: 'a', tags: 'y' })).toMatchObject({
      ok: true,
      answers: { tags: ['y'] },
    });
  });

  it('says what is wrong with each answer', () => {
    const r = checkAnswers(defs, {
      tags: ['x', 'z'],
      size: '1,5',
      seen: 'hôm qua',
      pole: 'x'.repeat(501),
      color: 'red',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = Object.fromEntries(r.problems.map((p) => [p.field, p.message]));
    expect(Object.keys(byField).sort()).toEqual([
      'attribute[color]',
      'attribute[kind]',
      'attribute[pole]',
      'attribute[seen]',
      'attribute[size]',
      'attribute[tags]',
    ]);
    expect(byField['attribute[kind]']).toBe('Bắt buộc trả lời câu hỏi “Loại”.');
    expect(byField['attribute[tags]']).toContain('"z" không có trong danh sách');
    expect(byField['attribute[size]']).toContain('cần một số');
    expect(byField['attribute[seen]']).toContain('ISO 8601');
    expect(byField['attribute[color]']).toContain('không có câu hỏi mã "color"');
  });

  it('a blank answer to a required question is missing; two answers to a single one are refused', () => {
    expect(checkAnswers(defs, { kind: '  ' })).toMatchObject({ ok: false });
    const two = checkAnswers(defs, { kind: ['a', '2'] });
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.problems[0]!.message).toContain('chỉ nhận một giá trị');
  });
});

describe('ISO 8601 instants', () => {
  it('reads datetimes with an offset or Z, a date alone as the Vietnam day start', () => {
    expect(parseIsoInstant('2026-11-01T00:00:00Z')?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseIsoInstant('2026-11-01T07:00:00+07:00')?.toISOString()).toBe(
      '2026-11-01T00:00:00.000Z',
    );
    // '+' sent unencoded in a query string arrives as a space.
    expect(parseIsoInstant('2026-11-01T07:00:00 07:00')?.toISOString()).toBe(
      '2026-11-01T00:00:00.000Z',
    );
    expect(parseIsoInstant('2026-11-01')?.toISOString()).toBe('2026-10-31T17:00:00.000Z');
  });

  it('refuses anything else (no time zone, nonsense)', () => {
    for (const v of ['2026-11-01T00:00:00', '01/11/2026', 'now', '2026-13-01', ''])
      expect(parseIsoInstant(v)).toBeNull();
  });
});
