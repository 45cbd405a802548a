import { describe, expect, it } from 'vitest';
import type { Role, User } from '../../identity/api/identity.types.ts';
import { HOME_PATHS, homePathFor } from './home.ts';
import { workSectionsFor } from './sections.ts';

const user = (...roles: Role[]): User => ({
  id: '00000000-0000-4000-8000-000000000002',
  username: 'x',
  fullName: 'X',
  email: null,
  kind: roles.includes('citizen') ? 'citizen' : 'staff',
  disabled: false,
  roles: roles.map((role) => ({ role, unitCode: '30280' })),
});

describe('homePathFor', () => {
  it('sends each role to its own home', () => {
    expect(homePathFor(user('leader'))).toBe(HOME_PATHS.dashboard);
    expect(homePathFor(user('secretariat'))).toBe(HOME_PATHS.plans);
    expect(homePathFor(user('desk_officer'))).toBe(HOME_PATHS.myWork);
    expect(homePathFor(user('specialist'))).toBe(HOME_PATHS.myWork);
    expect(homePathFor(user('admin'))).toBeNull();
    expect(homePathFor(user('citizen'))).toBe(HOME_PATHS.citizen);
    expect(homePathFor(null)).toBeNull();
  });

  it('puts the leading role first when one account holds several', () => {
    expect(homePathFor(user('admin', 'leader'))).toBe(HOME_PATHS.dashboard);
    expect(homePathFor(user('specialist', 'secretariat'))).toBe(HOME_PATHS.plans);
    expect(homePathFor(user('admin', 'desk_officer'))).toBe(HOME_PATHS.myWork);
  });
});

describe('workSectionsFor', () => {
  it('gives leaders the approval step and the desk its new dossiers', () => {
    expect(workSectionsFor(user('leader'))).toEqual([
      'approval',
      'queue',
      'new',
      'dueSoon',
      'overdue',
      'reports',
      'tasks',
    ]);
    expect(workSectionsFor(user('desk_officer'))).toEqual(['new', 'dueSoon', 'overdue', 'tasks']);
    expect(workSectionsFor(user('specialist'))).toEqual([
      'queue',
      'sentBack',
      'dueSoon',
      'overdue',
      'reports',
      'tasks',
    ]);
    expect(workSectionsFor(user('admin'))).toEqual([]);
  });
});
