import type { Role } from '@cqs/shared/identity/index';
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  DOSSIER_STATUSES,
  type DossierStatus,
  FINAL_STATUSES,
  guardFailure,
  nextStatus,
  TRANSITIONS,
} from './dossiers.states.js';

// The expected answers are written out here from docs/architecture.md's action table, not
// read from TRANSITIONS: a wrong edit of the table must fail this test, not move with it.
//   action           | from states                               | to                  | roles
const TABLE = `
  assign             | received in_progress                      | in_progress         | desk_officer leader
  forward            | in_progress                               | in_progress         | specialist leader
  request_completion | received in_progress                      | awaiting_completion | desk_officer specialist
  complete           | awaiting_completion                       | in_progress         | desk_officer
  finish             | in_progress                               | processed           | specialist
  approve            | processed                                 | processed           | leader
  send_back          | processed                                 | in_progress         | leader
  return_result      | processed                                 | returned            | desk_officer
  refuse             | received in_progress                      | refused             | desk_officer leader
  stop               | in_progress awaiting_completion           | stopped             | leader
  withdraw           | received in_progress awaiting_completion  | withdrawn           | desk_officer
  extend             | in_progress awaiting_completion           | same                | leader
`;

type Action = keyof typeof TRANSITIONS;
interface Row {
  from: DossierStatus[];
  to: DossierStatus | 'same';
  roles: Role[];
}
const STATUSES: DossierStatus[] = [
  'received',
  'in_progress',
  'awaiting_completion',
  'processed',
  'returned',
  'refused',
  'stopped',
  'withdrawn',
];
const ROLES: Role[] = ['admin', 'desk_officer', 'specialist', 'leader', 'secretariat', 'citizen'];

/** The table above as data. */
const EXPECTED = Object.fromEntries(
  TABLE.trim()
    .split('\n')
    .map((line) => {
      const [action, from, to, roles] = line.split('|').map((c) => c.trim());
      const words = (c: string | undefined) => (c ?? '').split(/\s+/);
      return [action, { from: words(from), to, roles: words(roles) }];
    }),
) as Record<Action, Row>;

// Guards that let every action through, and each guard's refusal.
const open = { approved: false, extended: false };
const approved = { approved: true, extended: false };

describe('dossier transitions table, pinned', () => {
  it('parses the pinned table into 12 actions with roles', () => {
    expect(Object.keys(EXPECTED)).toHaveLength(12);
    expect(EXPECTED.withdraw).toEqual({
      from: ['received', 'in_progress', 'awaiting_completion'],
      to: 'withdrawn',
      roles: ['desk_officer'],
    });
    expect(EXPECTED.extend).toEqual({
      from: ['in_progress', 'awaiting_completion'],
      to: 'same',
      roles: ['leader'],
    });
  });

  it('has exactly the actions and statuses of the contract', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect([...DOSSIER_STATUSES].sort()).toEqual([...STATUSES].sort());
    expect([...FINAL_STATUSES].sort()).toEqual(['refused', 'returned', 'stopped', 'withdrawn']);
  });

  // Every (role, state, action): allowed exactly when the pinned table says so.
  for (const status of STATUSES) {
    for (const role of ROLES) {
      it(`${role} in ${status}`, () => {
        // approve is open before approval, return_result after it: take both.
        const allowed = new Set([
          ...allowedActions(status, new Set([role]), open),
          ...allowedActions(status, new Set([role]), approved),
        ]);
        for (const action of Object.keys(EXPECTED) as Action[]) {
          const row = EXPECTED[action];
          const expected = row.from.includes(status) && row.roles.includes(role);
          expect(allowed.has(action), `${role} ${action} in ${status}`).toBe(expected);
        }
      });
    }
  }

  // Every (state, action): the target status, or refused.
  for (const status of STATUSES) {
    it(`targets from ${status}`, () => {
      for (const action of Object.keys(EXPECTED) as Action[]) {
        const row = EXPECTED[action];
        const expected = row.from.includes(status) ? (row.to === 'same' ? status : row.to) : null;
        expect(nextStatus(action, status), `${action} from ${status}`).toBe(expected);
      }
    });
  }

  it('guards: approval before return and not after send-back, one extension only', () => {
    expect(allowedActions('processed', new Set(['desk_officer']), open)).toEqual([]);
    expect(allowedActions('processed', new Set(['desk_officer']), approved)).toEqual([
      'return_result',
    ]);
    expect(allowedActions('processed', new Set(['leader']), open).sort()).toEqual([
      'approve',
      'send_back',
    ]);
    expect(allowedActions('processed', new Set(['leader']), approved)).toEqual([]);
    expect(guardFailure('return_result', open)?.code).toBe('not_approved');
    expect(guardFailure('approve', approved)?.code).toBe('already_approved');
    expect(guardFailure('send_back', approved)?.code).toBe('already_approved');
    expect(
      allowedActions('in_progress', new Set(['leader']), { approved: false, extended: true }),
    ).not.toContain('extend');
    expect(guardFailure('extend', { approved: false, extended: true })?.code).toBe(
      'already_extended',
    );
  });
});
