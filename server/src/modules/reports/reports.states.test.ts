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
const open: Guards = {
  reopenWindowOpen: true,
  rated: false,
  escalated: false,
  merged: false,
  infoWindowOpen: true,
  infoPending: false,
  reporterReachable: true,
};
/** Every action passes its guards under one of these (asking and answering exclude each other). */
const passing: Guards[] = [open, { ...open, infoPending: true }];

describe('report transitions table', () => {
  // Every (role, state, action): allowed exactly when the table lists the state and the role.
  for (const status of REPORT_STATUSES) {
    for (const role of ROLES) {
      it(`${role} in ${status}`, () => {
        const allowed = new Set(passing.flatMap((g) => allowedActions(status, new Set([role]), g)));
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

  it('guards: one question to the reporter at a time, within the limit; answers only to a question', () => {
    const staff = new Set<ReportActorRole>(['specialist']);
    const reporter = new Set<ReportActorRole>(['reporter']);
    expect(allowedActions('in_progress', staff, open)).toContain('request_info');
    expect(guardFailure('request_info', { ...open, infoPending: true })?.code).toBe(
      'info_already_requested',
    );
    expect(guardFailure('request_info', { ...open, infoWindowOpen: false })?.code).toBe(
      'info_window_passed',
    );
    expect(allowedActions('in_progress', reporter, open)).toEqual([]);
    expect(allowedActions('in_progress', reporter, { ...open, infoPending: true })).toEqual([
      'provide_info',
    ]);
    expect(guardFailure('provide_info', open)?.code).toBe('no_info_requested');
    expect(guardFailure('request_info', { ...open, reporterReachable: false })?.code).toBe(
      'reporter_unreachable',
    );
  });
});
