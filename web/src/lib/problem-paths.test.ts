import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import {
  fieldId,
  issueSegments,
  issuesByPath,
  normalisePath,
  problemsByPath,
} from './problem-paths.ts';

describe('problem paths', () => {
  it('normalises the usual spellings of a field path', () => {
    expect(normalisePath('/body/components/0/name')).toBe('components.0.name');
    expect(normalisePath('body.components[0].name')).toBe('components.0.name');
    expect(normalisePath('components.0.name')).toBe('components.0.name');
    expect(normalisePath('/code')).toBe('code');
  });

  it('keys problems by path, first message first', () => {
    const error = new ApiError(400, 'validation_failed', 'Dữ liệu không hợp lệ', [
      { path: '/code', message: 'Mã đã tồn tại' },
      { path: 'code', message: 'khác' },
    ]);
    expect(problemsByPath(error)).toEqual({ code: 'Mã đã tồn tại' });
    expect(fieldId('proc', 'fees.0.name')).toBe('proc-fees-0-name');
  });

  it('keys zod issues like server problems, optionally through a field-key map', () => {
    expect(issueSegments(['components', 0, 'attachment', 'accept', 1])).toEqual([
      'components',
      '0',
      'attachment',
      'accept',
      '1',
    ]);
    const issues = [
      { path: ['fees', 0, 'name'], message: 'Nhập tên khoản phí.' },
      { path: ['fees', 0, 'name'], message: 'khác' },
      { path: ['steps'], message: 'Quá thời hạn.' },
    ];
    expect(issuesByPath(issues)).toEqual({
      'fees.0.name': 'Nhập tên khoản phí.',
      steps: 'Quá thời hạn.',
    });
    expect(issuesByPath(issues, (s) => s[0] ?? '')).toEqual({
      fees: 'Nhập tên khoản phí.',
      steps: 'Quá thời hạn.',
    });
  });
});
