import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber } from './time.ts';
import { WorkingCalendar } from './working-calendar.ts';

const cal = new WorkingCalendar({
  overrides: { 2030: { daysOff: ['2030-05-02'], workingDays: ['2030-05-04'] } },
});
const MIN = dayNumber('2020-01-01');
const MAX = dayNumber('2040-12-31');
const date = fc.integer({ min: MIN, max: MAX }).map(fromDayNumber);
// Instants at minute precision, so minute sums are exact integers.
const instantMinutes = fc.integer({ min: MIN * 1440, max: MAX * 1440 });
const toDate = (minutes: number) => new Date(minutes * 60_000);

describe('working calendar laws', () => {
  it('workingDaysBetween inverts addWorkingDays', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 400 }), (d, n) => {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
      }),
    );
  });

  it('addWorkingDays lands on a working day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 400 }), (d, n) => {
        expect(cal.isWorkingDay(cal.addWorkingDays(d, n))).toBe(true);
      }),
    );
  });

  it('dueByWorkingDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(
        instantMinutes,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 50 }),
        (t, n, k) => {
          const received = toDate(t);
          expect(cal.dueByWorkingDays(received, n).getTime()).toBeLessThan(
            cal.dueByWorkingDays(received, n + k).getTime(),
          );
        },
      ),
    );
  });

  it('workingMinutesBetween is additive', () => {
    const span = fc.integer({ min: 0, max: 60 * 1440 });
    fc.assert(
      fc.property(instantMinutes, span, span, (a, x, y) => {
        const [ta, tb, tc] = [toDate(a), toDate(a + x), toDate(a + x + y)];
        expect(cal.workingMinutesBetween(ta, tc)).toBe(
          cal.workingMinutesBetween(ta, tb) + cal.workingMinutesBetween(tb, tc),
        );
      }),
    );
  });

  it('dueByWorkingHours spends exactly the requested working time', () => {
    // Quarter hours are exact in binary floating point; any millisecond receipt time.
    const ms = fc.integer({ min: MIN * 86_400_000, max: MAX * 86_400_000 });
    fc.assert(
      fc.property(ms, fc.integer({ min: 0, max: 400 }), (t, quarters) => {
        const h = quarters / 4;
        const received = new Date(t);
        const due = cal.dueByWorkingHours(received, h);
        expect(cal.workingMinutesBetween(received, due)).toBe(h * 60);
        // Minimal: one minute earlier would not be enough (unless nothing was needed).
        if (h > 0)
          expect(
            cal.workingMinutesBetween(received, new Date(due.getTime() - 60_000)),
          ).toBeLessThan(h * 60);
      }),
    );
  });
});
