import { describe, expect, it } from 'vitest';
import {
  outcomeTone,
  remainingTime,
  urgencyOf,
  workingDayPredicate,
  workingDaysBetween,
} from './urgency.ts';

describe('urgencyOf', () => {
  const d = { overdue: false, dueSoon: false };
  it('maps status and flags to one urgency', () => {
    expect(urgencyOf({ ...d, status: 'in_progress' })).toBe('onTime');
    expect(urgencyOf({ ...d, status: 'received', dueSoon: true })).toBe('dueSoon');
    expect(urgencyOf({ ...d, status: 'in_progress', overdue: true, dueSoon: true })).toBe(
      'overdue',
    );
    expect(urgencyOf({ ...d, status: 'awaiting_completion', overdue: true })).toBe('paused');
    expect(urgencyOf({ ...d, status: 'processed', overdue: true })).toBe('closed');
    expect(urgencyOf({ ...d, status: 'returned' })).toBe('closed');
    expect(urgencyOf({ ...d, status: 'withdrawn' })).toBe('closed');
  });
  it('tones outcomes', () => {
    expect(outcomeTone('late')).toBe('bad');
    expect(outcomeTone('on_time')).toBe('good');
    expect(outcomeTone('early')).toBe('good');
    expect(outcomeTone(null)).toBe('none');
  });
});

describe('working days', () => {
  // 2026-04-30 (Thu) and 2026-05-01 (Fri) are holidays; 2026-05-09 (Sat) is a swapped working day.
  const isWorking = workingDayPredicate([
    { date: '2026-04-30', kind: 'holiday' },
    { date: '2026-05-01', kind: 'holiday' },
    { date: '2026-05-09', kind: 'override_working' },
  ]);

  it('skips weekends and holidays and honours worked Saturdays', () => {
    expect(isWorking('2026-04-29')).toBe(true);
    expect(isWorking('2026-04-30')).toBe(false);
    expect(isWorking('2026-05-02')).toBe(false);
    expect(isWorking('2026-05-09')).toBe(true);
    expect(workingDaysBetween('2026-04-29', '2026-05-05', isWorking)).toBe(2);
    expect(workingDaysBetween('2026-05-05', '2026-05-05', isWorking)).toBe(0);
  });

  it('words the time left and the delay', () => {
    const now = Date.parse('2026-04-29T09:00:00+07:00');
    expect(remainingTime(now, '2026-05-05T17:00:00+07:00', isWorking)).toEqual({
      kind: 'left',
      days: 2,
    });
    expect(remainingTime(now, '2026-04-29T17:00:00+07:00', isWorking)).toEqual({
      kind: 'today',
      time: '17:00',
    });
    expect(remainingTime(now, '2026-04-29T08:00:00+07:00', isWorking)).toEqual({
      kind: 'overToday',
      time: '08:00',
    });
    expect(remainingTime(now, '2026-04-27T17:00:00+07:00', isWorking)).toEqual({
      kind: 'over',
      days: 2,
    });
  });

  it('uses Vietnam dates at the UTC midnight crossing', () => {
    // 23:30 on Friday in Vietnam is still Friday: Monday is one working day away.
    const now = Date.parse('2026-05-08T16:30:00Z');
    expect(remainingTime(now, '2026-05-11T17:00:00+07:00', workingDayPredicate([]))).toEqual({
      kind: 'left',
      days: 1,
    });
  });
});
