import type { Role } from '@cqs/shared/identity/index';
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  DOSSIER_STATUSES,
  FINAL_STATUSES,
  guardFailure,
  nextStatus,
  TRANSITIONS,
} from './dossiers.states.js';

const ROLES: Role[] = ['admin', 'desk_officer', 'specialist', 'leader', 'secretariat', 'citizen'];
const ACTIONS = Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[];
const guards = { approved: false, extended: false };

describe('dossier transitions table', () => {
  // Every (role, state, action): allowed exactly when the table lists the state and the role.
  for (const status of DOSSIER_STATUSES) {
    for (const role of ROLES) {
      it(`${role} in ${status}`, () => {
        const allowed = new Set(allowedActions(status, new Set([role]), guards));
        for (const action of ACTIONS) {
          const t = TRANSITIONS[action];
          const expected =
            t.from.includes(status) &&
            t.roles.includes(role) &&
            guardFailure(action, guards) === null;
          expect(allowed.has(action), `${role} ${action} in ${status}`).toBe(expected);
        }
      });
    }
  }

  it('nothing leaves a final state', () => {
    for (const s of FINAL_STATUSES) for (const a of ACTIONS) expect(nextStatus(a, s)).toBeNull();
  });

  it('admins and secretariat take no dossier action, citizens none here', () => {
    for (const s of DOSSIER_STATUSES) {
      for (const r of ['admin', 'secretariat', 'citizen'] as Role[])
        expect(allowedActions(s, new Set([r]), guards)).toEqual([]);
    }
  });

  it('guards: approval before return, one extension only', () => {
    expect(
      allowedActions('processed', new Set(['desk_officer']), { approved: false, extended: false }),
    ).toEqual([]);
    expect(
      allowedActions('processed', new Set(['desk_officer']), { approved: true, extended: false }),
    ).toEqual(['return_result']);
    expect(
      allowedActions('in_progress', new Set(['leader']), { approved: false, extended: true }),
    ).not.toContain('extend');
    expect(
      allowedActions('processed', new Set(['leader']), { approved: true, extended: false }),
    ).toEqual([]);
  });
});
