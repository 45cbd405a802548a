import { describe, expect, it } from 'vitest';
import { staffOptionLabel } from './StaffSelect.tsx';

const names = { specialist: 'Chuyên viên', leader: 'Lãnh đạo' } as Record<string, string>;
const roleName = (r: string) => names[r] ?? r;

describe('staffOptionLabel', () => {
  it('shows the name and the role, naming the unit only when it is another one', () => {
    const member = {
      id: 'a',
      username: 'cv.a',
      fullName: 'Lê Văn Xử',
      roles: [
        { role: 'specialist' as const, unitCode: '30280' },
        { role: 'leader' as const, unitCode: '883' },
        { role: 'admin' as const, unitCode: '30280' },
      ],
    };
    expect(staffOptionLabel(member, '30280', ['specialist', 'leader'], roleName)).toBe(
      'Lê Văn Xử — Chuyên viên, Lãnh đạo (883)',
    );
    expect(staffOptionLabel({ ...member, roles: [] }, '30280', ['specialist'], roleName)).toBe(
      'Lê Văn Xử',
    );
  });
});
