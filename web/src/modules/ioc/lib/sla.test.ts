import { describe, expect, it } from 'vitest';
import { SLA_TONE_STATUS, slaState } from './sla.ts';

describe('slaState', () => {
  it('reads handled reports as done whatever their deadline, open ones by the overdue flag', () => {
    expect(slaState({ status: 'resolved', overdue: true })).toBe('done');
    expect(slaState({ status: 'rejected', overdue: false })).toBe('done');
    expect(slaState({ status: 'in_progress', overdue: true })).toBe('overdue');
    expect(slaState({ status: 'new', overdue: false })).toBe('open');
  });

  it('draws overdue red, open blue and done green (the reports map tones)', () => {
    expect(SLA_TONE_STATUS).toEqual({ overdue: 'rejected', open: 'new', done: 'resolved' });
  });
});
