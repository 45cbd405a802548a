import { toVnIso, WorkingCalendar } from '@cqs/shared/calendar/index';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  classifyFinish,
  dueFromReceipt,
  isDueSoon,
  resumeAfterPause,
  stepPlan,
} from './dossiers.deadlines.js';

const cal = new WorkingCalendar();
const at = (s: string) => new Date(s);

describe('dossier deadlines', () => {
  it('sets the appointment from the procedure time', () => {
    expect(
      toVnIso(
        dueFromReceipt(cal, at('2026-11-23T10:00:00+07:00'), { value: 4, unit: 'working_days' }),
      ),
    ).toBe('2026-11-27T17:00:00+07:00');
    expect(
      toVnIso(
        dueFromReceipt(cal, at('2026-11-23T10:30:00+07:00'), { value: 2, unit: 'working_hours' }),
      ),
    ).toBe('2026-11-23T14:30:00+07:00');
  });

  it('a completion pause spanning Tết 2027 moves the due instant by exactly the paused working time', () => {
    // Received Thu 28/01/2027, 10 working days: the Tết block 05–11/02 is skipped → 18/02.
    // Paused 03/02 09:00 → 15/02 10:00, across Tết.
    const due = dueFromReceipt(cal, at('2027-01-28T09:00:00+07:00'), {
      value: 10,
      unit: 'working_days',
    });
    expect(toVnIso(due)).toBe('2027-02-18T17:00:00+07:00');
    const pausedAt = at('2027-02-03T09:00:00+07:00');
    const now = at('2027-02-15T10:00:00+07:00');
    const r = resumeAfterPause(cal, due, pausedAt, now);
    // 03/02 09:00–11:30 + 13:30–17:00 (6 h), 04/02 (7.5 h), Tết off, 12/02 (7.5 h), 15/02 07:30–10:00 (2.5 h)
    expect(r.pausedMinutes).toBe((6 + 7.5 + 7.5 + 2.5) * 60);
    // 23.5 working hours after 18/02 17:00: 19/02 (7.5), 22/02 (7.5), 23/02 (7.5), 24/02 1 h → 08:30.
    expect(toVnIso(r.dueAt)).toBe('2027-02-24T08:30:00+07:00');
    expect(cal.workingMinutesBetween(due, r.dueAt)).toBe(r.pausedMinutes);
    expect(cal.isWorkingDay(toVnIso(r.dueAt).slice(0, 10))).toBe(true);
  });

  it('moving by paused time is exact for any pause (law)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 * 24 * 60 }),
        fc.integer({ min: 0, max: 60 * 24 * 60 }),
        fc.integer({ min: 1, max: 30 }),
        (startMin, pauseLen, days) => {
          const received = new Date(Date.UTC(2026, 0, 1) + startMin * 60_000);
          const due = dueFromReceipt(cal, received, { value: days, unit: 'working_days' });
          const pausedAt = new Date(received.getTime() + 3600_000);
          const now = new Date(pausedAt.getTime() + pauseLen * 60_000);
          const r = resumeAfterPause(cal, due, pausedAt, now);
          return Math.abs(cal.workingMinutesBetween(due, r.dueAt) - r.pausedMinutes) < 1e-6;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('adds nothing for a zero pause', () => {
    const due = at('2026-11-27T10:00:00Z');
    expect(addWorkingMinutes(cal, due, 0)).toBe(due);
  });

  it('classifies early, on time and late', () => {
    const due = at('2026-11-27T17:00:00+07:00');
    expect(classifyFinish(at('2026-11-26T16:00:00+07:00'), due, 0)).toBe('early');
    expect(classifyFinish(at('2026-11-27T09:00:00+07:00'), due, 1)).toBe('on_time');
    expect(classifyFinish(at('2026-11-27T17:00:01+07:00'), due, 0)).toBe('late');
    expect(classifyFinish(at('2026-11-25T09:00:00+07:00'), due, 2)).toBe('late'); // asked twice
  });

  it('is due soon within one working day', () => {
    const due = at('2026-11-27T17:00:00+07:00');
    expect(isDueSoon(cal, at('2026-11-26T17:00:00+07:00'), due, 450)).toBe(true);
    expect(isDueSoon(cal, at('2026-11-26T11:00:00+07:00'), due, 450)).toBe(false);
    expect(isDueSoon(cal, at('2026-11-28T08:00:00+07:00'), due, 450)).toBe(false); // already overdue
  });

  it('plans each step from the receipt, never past the appointment', () => {
    const received = at('2026-11-23T09:00:00+07:00');
    const due = dueFromReceipt(cal, received, { value: 3, unit: 'working_days' });
    const plan = stepPlan(cal, received, due, [
      {
        order: 2,
        name: 'Thẩm định',
        role: 'specialist',
        duration: { value: 2, unit: 'working_days' },
      },
      {
        order: 1,
        name: 'Tiếp nhận',
        role: 'desk_officer',
        duration: { value: 4, unit: 'working_hours' },
      },
      { order: 3, name: 'Ký duyệt', role: 'leader', duration: { value: 2, unit: 'working_days' } },
    ]);
    expect(plan.map((step) => step.order)).toEqual([1, 2, 3]);
    expect(plan[0]!.dueAt).toBe(new Date('2026-11-23T15:00:00+07:00').toISOString()); // 2.5 h + 1.5 h
    expect(new Date(plan[2]!.dueAt).getTime()).toBe(due.getTime()); // clamped to the appointment
  });
});
