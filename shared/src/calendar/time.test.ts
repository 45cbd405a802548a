import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  fromDayNumber,
  parseHm,
  toVnIso,
  vnDateOf,
  vnDayEnd,
  vnDayStart,
  vnInstant,
  weekday,
} from './time.ts';

describe('Vietnam time helpers (fixed UTC+07:00)', () => {
  it('day filters run from local midnight to the next local midnight', () => {
    expect(vnDayStart('2027-01-01').toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(vnDayEnd('2027-01-31').toISOString()).toBe('2027-01-31T17:00:00.000Z');
  });

  it('formats instants in +07:00 without milliseconds', () => {
    expect(toVnIso(new Date('2026-11-27T10:00:00Z'))).toBe('2026-11-27T17:00:00+07:00');
    expect(toVnIso(new Date('2026-12-31T17:30:05.999Z'))).toBe('2027-01-01T00:30:05+07:00');
  });

  it('takes the local calendar date, switching at 17:00 UTC', () => {
    expect(vnDateOf(new Date('2026-11-23T16:59:59.999Z'))).toBe('2026-11-23');
    expect(vnDateOf(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });

  it('builds an instant from a local date and time', () => {
    expect(vnInstant('2026-11-23', '10:00').toISOString()).toBe('2026-11-23T03:00:00.000Z');
    expect(vnInstant('2026-01-01', '00:00').toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('knows weekdays and day arithmetic', () => {
    expect(weekday('2026-11-23')).toBe(1); // Monday
    expect(weekday('2027-02-06')).toBe(6); // Saturday
    expect(addDays('2028-02-28', 2)).toBe('2028-03-01'); // leap year
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('rejects invalid dates and times with RangeError', () => {
    for (const bad of [
      '2026-02-30',
      '2026-2-3',
      '2026-13-01',
      '',
      'yesterday',
      '2026-02-03T00:00',
    ]) {
      expect(() => dayNumber(bad), bad).toThrow(RangeError);
    }
    for (const bad of ['24:00', '7:30', '07:60', '0730', '']) {
      expect(() => parseHm(bad), bad).toThrow(RangeError);
    }
    expect(() => vnDateOf(new Date('nope'))).toThrow(RangeError);
    expect(() => toVnIso(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('round-trips dates, local times and ISO strings', () => {
    const date = fc
      .integer({ min: dayNumber('1976-01-01'), max: dayNumber('2199-12-31') })
      .map(fromDayNumber);
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(date, time, (d, t) => {
        const instant = vnInstant(d, t);
        expect(vnDateOf(instant)).toBe(d);
        expect(toVnIso(instant)).toBe(`${d}T${t}:00+07:00`);
        expect(new Date(toVnIso(instant)).getTime()).toBe(instant.getTime());
      }),
    );
  });
});
