import { describe, expect, it } from 'vitest';
import { daysBetween, deadlineState } from './deadline.ts';

const doc = (deadline: string | null, status = 'directed', overdue = false) => ({
  deadline,
  status: status as never,
  overdue,
});

describe('deadlineState', () => {
  const today = '2026-03-10';

  it('counts calendar days, across months and years', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween(today, '2026-03-09')).toBe(-1);
  });

  it('is red ("Quá hạn") once past the deadline, or when the server says overdue', () => {
    expect(deadlineState(doc('2026-03-09'), today)).toEqual({ tone: 'overdue', daysLeft: -1 });
    // The server knows the working calendar: its word wins even on the day itself.
    expect(deadlineState(doc('2026-03-10', 'in_progress', true), today).tone).toBe('overdue');
  });

  it('is amber within two days, the deadline day included', () => {
    expect(deadlineState(doc('2026-03-10'), today)).toEqual({ tone: 'dueSoon', daysLeft: 0 });
    expect(deadlineState(doc('2026-03-12'), today)).toEqual({ tone: 'dueSoon', daysLeft: 2 });
    expect(deadlineState(doc('2026-03-13'), today)).toEqual({ tone: 'normal', daysLeft: 3 });
  });

  it('is plain once the document is handled, issued or returned, and empty without a deadline', () => {
    for (const status of ['done', 'returned', 'issued', 'withdrawn'])
      expect(deadlineState(doc('2026-03-01', status, true), today).tone).toBe('closed');
    expect(deadlineState(doc(null), today)).toEqual({ tone: 'none', daysLeft: null });
  });
});
