import { describe, expect, it } from 'vitest';
import { fieldKeyOf, issueErrors, readDate, vietnameseMessage } from './form-checks.ts';

describe('form checks', () => {
  it('keys a problem by its field, cutting at the first index', () => {
    expect(fieldKeyOf(['paragraphs', '3'])).toBe('paragraphs');
    expect(fieldKeyOf(['signer', 'title'])).toBe('signer.title');
    expect(fieldKeyOf(['files', '0', 'data'])).toBe('files');
  });

  it("says zod's English defaults in Vietnamese and keeps the schemas' own words", () => {
    expect(
      vietnameseMessage({
        code: 'too_big',
        origin: 'string',
        maximum: 32,
        path: [],
        message: 'Too big: expected string to have <=32 characters',
      }),
    ).toBe('Không quá 32 ký tự.');
    expect(
      vietnameseMessage({
        code: 'too_big',
        origin: 'array',
        maximum: 20,
        path: [],
        message: 'Too big',
      }),
    ).toBe('Tối đa 20 mục.');
    expect(
      vietnameseMessage({
        code: 'invalid_value',
        path: [],
        message: 'Invalid option: expected one of "a"|"b"',
      }),
    ).toBe('Chọn một giá trị trong danh sách.');
    expect(vietnameseMessage({ code: 'too_big', path: [], message: 'Tối đa 20 tệp.' })).toBe(
      'Tối đa 20 tệp.',
    );
    expect(
      issueErrors([
        { path: ['summary'], message: 'Nhập trích yếu.' },
        { path: ['summary'], message: 'Second' },
      ]),
    ).toEqual({ summary: 'Nhập trích yếu.' });
  });

  it('reads dd/mm/yyyy dates, empty as null, a wrong one with how to write it', () => {
    expect(readDate(' 05/03/2026 ', 'ngày ban hành')).toEqual({ ok: true, iso: '2026-03-05' });
    expect(readDate('2026-03-05', 'ngày ban hành')).toEqual({ ok: true, iso: '2026-03-05' });
    expect(readDate('', 'ngày ban hành')).toEqual({ ok: true, iso: null });
    expect(readDate('29/02/2026', 'hạn xử lý')).toEqual({
      ok: false,
      message: 'Nhập hạn xử lý theo dạng dd/mm/yyyy, ví dụ 05/03/2026.',
    });
  });
});
