import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR_SETTINGS, toVnIso, WorkingCalendar } from './index.ts';

const at = (local: string) => new Date(`${local}+07:00`);
const cal = new WorkingCalendar();

describe('day kinds', () => {
  it('classifies weekends, holidays, compensatory and working days', () => {
    expect(cal.dayKind('2027-02-06')).toBe('holiday'); // Tết, a Saturday
    expect(cal.dayKind('2027-02-10')).toBe('compensatory');
    expect(cal.dayKind('2027-02-13')).toBe('weekend');
    expect(cal.dayKind('2027-02-12')).toBe('working');
    expect(cal.isWorkingDay('2027-02-12')).toBe(true);
    expect(cal.nextWorkingDay('2027-02-04')).toBe('2027-02-12');
    expect(cal.nextWorkingDay('2026-04-24')).toBe('2026-04-28'); // Sun 26 Apr → Mon 27 off
    expect(cal.nextWorkingDay('2026-04-29')).toBe('2026-05-04');
  });

  it('uses the defaults', () => {
    expect(cal.settings).toEqual(DEFAULT_CALENDAR_SETTINGS);
    expect(DEFAULT_CALENDAR_SETTINGS).toEqual({
      morning: { start: '07:30', end: '11:30' },
      afternoon: { start: '13:30', end: '17:00' },
      cutoff: '15:00',
    });
  });
});

describe('yearly overrides', () => {
  // A swapped Saturday: Friday 9 Oct 2026 off, Saturday 10 Oct worked instead.
  const swapped = new WorkingCalendar({
    overrides: { 2026: { daysOff: ['2026-10-09'], workingDays: ['2026-10-10', '2026-04-27'] } },
  });

  it('adds days off and working days', () => {
    expect(swapped.dayKind('2026-10-09')).toBe('override_off');
    expect(swapped.dayKind('2026-10-10')).toBe('override_working');
    expect(swapped.isWorkingDay('2026-10-10')).toBe(true);
    expect(swapped.dayKind('2026-04-27')).toBe('override_working'); // compensatory day worked
    const off = swapped.daysOff(2026).map((h) => `${h.date} ${h.kind}`);
    expect(off).toContain('2026-10-09 override_off');
    expect(off).not.toContain('2026-04-27 compensatory');
    expect(swapped.statutoryHolidays(2026).map((h) => h.date)).toContain('2026-04-27');
    expect(swapped.statutoryHolidays(2026).map((h) => h.date)).not.toContain('2026-10-09');
  });

  it('counts deadlines across the swapped days', () => {
    expect(toVnIso(cal.dueByWorkingDays(at('2026-10-07T09:00:00'), 2))).toBe(
      '2026-10-09T17:00:00+07:00',
    );
    expect(toVnIso(swapped.dueByWorkingDays(at('2026-10-07T09:00:00'), 2))).toBe(
      '2026-10-10T17:00:00+07:00',
    );
    expect(toVnIso(swapped.dueByWorkingDays(at('2026-10-07T09:00:00'), 3))).toBe(
      '2026-10-12T17:00:00+07:00',
    );
    expect(swapped.workingDaysBetween('2026-10-07', '2026-10-12')).toBe(3);
  });

  it('rejects inconsistent overrides', () => {
    expect(
      () =>
        new WorkingCalendar({ overrides: { 2026: { daysOff: ['2027-01-02'], workingDays: [] } } }),
    ).toThrow(RangeError);
    expect(
      () =>
        new WorkingCalendar({
          overrides: { 2026: { daysOff: ['2026-10-09'], workingDays: ['2026-10-09'] } },
        }),
    ).toThrow(RangeError);
    expect(
      () =>
        new WorkingCalendar({ overrides: { 2026: { daysOff: ['2026-10-32'], workingDays: [] } } }),
    ).toThrow(RangeError);
  });
});

describe('deadlines in working days (regulations.md §3)', () => {
  it('follows the API contract example', () => {
    expect(toVnIso(cal.dueByWorkingDays(at('2026-11-23T10:00:00'), 4))).toBe(
      '2026-11-27T17:00:00+07:00',
    );
    expect(toVnIso(cal.dueByWorkingDays(at('2026-11-23T10:00:00'), 3))).toBe(
      '2026-11-26T17:00:00+07:00',
    );
    expect(toVnIso(cal.dueByWorkingDays(at('2026-11-23T10:00:00'), 0))).toBe(
      '2026-11-23T17:00:00+07:00',
    );
  });

  it('moves receipts at or after the 15:00 cut-off to the next working day', () => {
    expect(cal.effectiveReceiptDate(at('2026-11-23T14:59:00'))).toBe('2026-11-23');
    expect(cal.effectiveReceiptDate(at('2026-11-23T15:00:00'))).toBe('2026-11-24');
    expect(toVnIso(cal.dueByWorkingDays(at('2026-11-23T14:59:00'), 3))).toBe(
      '2026-11-26T17:00:00+07:00',
    );
    expect(toVnIso(cal.dueByWorkingDays(at('2026-11-23T15:00:00'), 3))).toBe(
      '2026-11-27T17:00:00+07:00',
    );
    const late = new WorkingCalendar({ settings: { cutoff: '16:00' } });
    expect(late.effectiveReceiptDate(at('2026-11-23T15:30:00'))).toBe('2026-11-23');
  });

  it('moves receipts on days off to the next working day', () => {
    expect(cal.effectiveReceiptDate(at('2026-11-28T09:00:00'))).toBe('2026-11-30'); // Saturday
    expect(toVnIso(cal.dueByWorkingDays(at('2026-11-28T09:00:00'), 1))).toBe(
      '2026-12-01T17:00:00+07:00',
    );
    expect(toVnIso(cal.dueByWorkingDays(at('2027-02-04T16:00:00'), 1))).toBe(
      '2027-02-15T17:00:00+07:00',
    ); // Tết
  });

  it('ends at the configured end of the afternoon', () => {
    const c = new WorkingCalendar({ settings: { afternoon: { start: '13:00', end: '16:30' } } });
    expect(toVnIso(c.dueByWorkingDays(at('2026-11-23T10:00:00'), 1))).toBe(
      '2026-11-24T16:30:00+07:00',
    );
  });
});

describe('deadlines in working hours', () => {
  const due = (local: string, hours: number) => toVnIso(cal.dueByWorkingHours(at(local), hours));

  it('skips the lunch break', () => {
    expect(due('2026-11-23T10:30:00', 2)).toBe('2026-11-23T14:30:00+07:00');
    expect(due('2026-11-23T12:00:00', 1)).toBe('2026-11-23T14:30:00+07:00');
  });

  it('skips nights, weekends and holidays, with no cut-off', () => {
    expect(due('2026-11-27T16:00:00', 2)).toBe('2026-11-30T08:30:00+07:00'); // Fri → Mon
    expect(due('2026-11-27T17:00:00', 1.5)).toBe('2026-11-30T09:00:00+07:00');
    expect(due('2026-04-29T16:00:00', 3)).toBe('2026-05-04T09:30:00+07:00'); // 30/4, 1/5
  });

  it('returns the session end when the time runs out exactly there', () => {
    expect(due('2026-11-23T09:30:00', 2)).toBe('2026-11-23T11:30:00+07:00');
    expect(due('2026-11-23T07:30:00', 7.5)).toBe('2026-11-23T17:00:00+07:00');
    expect(due('2026-11-23T10:00:00', 0)).toBe('2026-11-23T10:00:00+07:00');
  });
});

describe('working minutes between instants', () => {
  it('counts only sessions of working days', () => {
    const m = (a: string, b: string) => cal.workingMinutesBetween(at(a), at(b));
    expect(m('2026-11-23T10:30:00', '2026-11-23T14:30:00')).toBe(120);
    expect(m('2026-04-29T07:30:00', '2026-05-04T17:00:00')).toBe(900); // two full days around 30/4–3/5
    expect(m('2026-04-24T00:00:00', '2026-04-28T12:00:00')).toBe(690); // Fri + Tue morning; Mon 27 off
    expect(m('2026-11-23T14:30:00', '2026-11-23T10:30:00')).toBe(0);
  });
});

describe('input validation', () => {
  it('throws RangeError on bad input', () => {
    const t = at('2026-11-23T10:00:00');
    expect(() => cal.addWorkingDays('2026-11-23', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-11-23', 1.5)).toThrow(RangeError);
    expect(() => cal.dueByWorkingDays(t, -2)).toThrow(RangeError);
    expect(() => cal.dueByWorkingDays(t, 2.5)).toThrow(/non-negative integer/);
    expect(() => cal.dueByWorkingHours(t, -1)).toThrow(RangeError);
    expect(() => cal.dueByWorkingHours(t, Number.NaN)).toThrow(RangeError);
    expect(() => cal.dayKind('2026-02-29')).toThrow(RangeError);
    expect(() => cal.workingDaysBetween('2026/01/01', '2026-02-01')).toThrow(RangeError);
    expect(() => cal.effectiveReceiptDate(new Date('garbage'))).toThrow(RangeError);
    expect(() => new WorkingCalendar({ settings: { cutoff: '25:00' } })).toThrow(RangeError);
    expect(
      () => new WorkingCalendar({ settings: { morning: { start: '14:00', end: '15:00' } } }),
    ).toThrow(/morning/i);
    expect(
      () => new WorkingCalendar({ settings: { afternoon: { start: '17:00', end: '13:30' } } }),
    ).toThrow(RangeError);
  });
});
