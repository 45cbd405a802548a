import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  FINAL_STATUSES,
  type Guards,
  guardFailure,
  nextStatus,
  REPORT_ACTIONS,
  REPORT_STATUSES,
  type ReportActorRole,
  TRANSITIONS,
} from './reports.states.js';

const ROLES: ReportActorRole[] = [
  'admin',
  'desk_officer',
  'specialist',
  'leader',
  'secretariat',
  'citizen',
  'reporter',
  'system',
];
const open: Guards = { reopenWindowOpen: true, rated: false, escalated: false, merged: false };

describe('report transitions table', () => {
  // Every (role, state, action): allowed exactly when the table lists the state and the role.
  for (const status of REPORT_STATUSES) {
    for (const role of ROLES) {
      it(`${role} in ${status}`, () => {
        const allowed = new Set(allowedActions(status, new Set([role]), open));
        for (const action of REPORT_ACTIONS) {
          const t = TRANSITIONS[action];
          const expected = t.from.includes(status) && t.roles.includes(role);
          expect(allowed.has(action), `${role} ${action} in ${status}`).toBe(expected);
          expect(nextStatus(action, status) !== null).toBe(t.from.includes(status));
        }
      });
    }
  }

  it('nothing leaves a final state; a closed report can only still be rated', () => {
    for (const s of FINAL_STATUSES)
      for (const a of REPORT_ACTIONS) {
        const to = nextStatus(a, s);
        if (a === 'rate' && s === 'closed') expect(to).toBe('closed');
        else expect(to).toBeNull();
      }
  });

  it('admins, secretariat and signed-in citizens take no report action', () => {
    for (const s of REPORT_STATUSES)
      for (const r of ['admin', 'secretariat', 'citizen'] as const)
        expect(allowedActions(s, new Set([r]), open)).toEqual([]);
  });

  it('the main path and the side paths', () => {
    expect(nextStatus('accept', 'new')).toBe('accepted');
    expect(nextStatus('reject', 'new')).toBe('rejected');
    expect(nextStatus('assign', 'accepted')).toBe('assigned');
    expect(nextStatus('start', 'assigned')).toBe('in_progress');
    expect(nextStatus('resolve', 'in_progress')).toBe('resolved');
    expect(nextStatus('close', 'resolved')).toBe('closed');
    expect(nextStatus('reopen', 'resolved')).toBe('in_progress');
    expect(nextStatus('merge', 'in_progress')).toBe('closed');
    expect(nextStatus('transfer', 'accepted')).toBe('accepted');
    expect(nextStatus('escalate', 'assigned')).toBe('assigned');
    expect(nextStatus('rate', 'closed')).toBe('closed');
    expect(nextStatus('resolve', 'new')).toBeNull();
  });

  it('guards: reopen window, one rating, one escalation, no rating of a merged report', () => {
    const reporter = new Set<ReportActorRole>(['reporter']);
    expect(allowedActions('resolved', reporter, open)).toEqual(['reopen', 'rate']);
    expect(allowedActions('resolved', reporter, { ...open, reopenWindowOpen: false })).toEqual([
      'rate',
    ]);
    expect(allowedActions('closed', reporter, { ...open, rated: true })).toEqual([]);
    expect(allowedActions('closed', reporter, { ...open, merged: true })).toEqual([]);
    expect(guardFailure('escalate', { ...open, escalated: true })?.code).toBe('already_escalated');
    expect(allowedActions('in_progress', new Set(['system']), open)).toEqual(['escalate']);
  });
});
