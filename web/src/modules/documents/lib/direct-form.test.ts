import { describe, expect, it } from 'vitest';
import { directBody, EMPTY_DIRECT_DRAFT } from './direct-form.ts';

const PERSON = '00000000-0000-4000-8000-000000000009';

describe('directBody', () => {
  it('builds the direct action: one lead (with its person), support and info apart, the deadline as ISO', () => {
    const r = directBody(
      {
        direction: ' Giao Phòng VH-TT chủ trì tham mưu văn bản trả lời. ',
        leadUnitCode: '883.VHTT',
        leadUserId: PERSON,
        supportUnitCodes: ['883.VHTT', '30280', '30280'],
        infoUnitCodes: ['30280', '883.VPUBND'],
        deadline: '20/03/2026',
      },
      4,
    );
    expect(r.ok && r.value).toEqual({
      action: 'direct',
      version: 4,
      direction: 'Giao Phòng VH-TT chủ trì tham mưu văn bản trả lời.',
      assignments: [
        { role: 'lead', unitCode: '883.VHTT', userId: PERSON },
        { role: 'support', unitCode: '30280', userId: null },
        { role: 'info', unitCode: '883.VPUBND', userId: null },
      ],
      deadline: '2026-03-20',
    });
  });

  it('leaves the person to the lead unit and the deadline out when not given', () => {
    const r = directBody({ ...EMPTY_DIRECT_DRAFT, direction: 'Xử lý.', leadUnitCode: '30280' }, 1);
    expect(r.ok && r.value).toMatchObject({
      assignments: [{ role: 'lead', unitCode: '30280', userId: null }],
      deadline: null,
    });
  });

  it('refuses in Vietnamese: no direction, no lead unit, a bad date', () => {
    const r = directBody({ ...EMPTY_DIRECT_DRAFT, deadline: '31/02/2026' }, 1);
    expect(r.ok ? null : r.errors).toEqual({
      direction: 'Nhập ý kiến chỉ đạo.',
      leadUnitCode: 'Chọn đơn vị chủ trì xử lý.',
      deadline: 'Nhập hạn xử lý theo dạng dd/mm/yyyy, ví dụ 05/03/2026.',
    });
  });
});
