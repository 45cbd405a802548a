import { describe, expect, it } from 'vitest';
import { dispositionName, registerXlsxUrl, withExtension } from './documents.api.ts';

describe('downloads', () => {
  it('reads the file name of Content-Disposition, the UTF-8 one first', () => {
    expect(
      dispositionName(
        `attachment; filename="so-van-ban-den.xlsx"; filename*=UTF-8''s%E1%BB%95-v%C4%83n-b%E1%BA%A3n.xlsx`,
      ),
    ).toBe('sổ-văn-bản.xlsx');
    expect(dispositionName('attachment; filename="du-thao.pdf"')).toBe('du-thao.pdf');
    expect(dispositionName(null)).toBeNull();
  });

  it('keeps an extension on names sent without one', () => {
    expect(withExtension('01-UBND-VHTT', 'goi-tin.edxml')).toBe('01-UBND-VHTT.edxml');
    expect(withExtension('du-thao.pdf', 'x.docx')).toBe('du-thao.pdf');
  });

  it('addresses the register with its query', () => {
    expect(registerXlsxUrl({ direction: 'incoming', from: '2026-01-01', to: '2026-03-31' })).toBe(
      '/api/v1/documents/register.xlsx?direction=incoming&from=2026-01-01&to=2026-03-31',
    );
  });
});
