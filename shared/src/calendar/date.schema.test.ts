import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATE_RANGE, IsoDateSchema, isoDate, isoInstant, isSaneIsoDate } from './date.schema.ts';

describe('the API date schema', () => {
  it.each(['2026-03-02', '2024-02-29', '2000-02-29', DATE_RANGE.min, DATE_RANGE.max])(
    'takes the real day %s',
    (d) => {
      expect(IsoDateSchema.safeParse(d).success).toBe(true);
    },
  );

  it.each([
    '2026-02-30',
    '2025-02-29',
    '1900-02-29',
    '0000-00-00',
    '9999-12-31',
    '1899-12-31',
    '2200-01-01',
    '2026-13-01',
    '2026-00-10',
    '2026-1-1',
    '20260101',
    ' 2026-03-02',
    '2026-03-02T00:00:00Z',
  ])('refuses %s', (d) => {
    expect(IsoDateSchema.safeParse(d).success).toBe(false);
  });

  it('gives one issue per value, with a module’s own messages for shape and for existence', () => {
    const s = isoDate({ format: 'Dạng năm-tháng-ngày.', invalid: 'Ngày không có thật.' });
    const issues = (d: unknown) => s.safeParse(d).error?.issues.map((i) => i.message);
    expect(issues('31/05/1990')).toEqual(['Dạng năm-tháng-ngày.']);
    expect(issues(19900531)).toEqual(['Dạng năm-tháng-ngày.']);
    expect(issues('2026-02-30')).toEqual(['Ngày không có thật.']);
    expect(issues('9999-12-31')).toEqual(['Ngày không có thật.']);
  });

  it('is a "date" in the OpenAPI document', () => {
    expect(z.toJSONSchema(IsoDateSchema)).toMatchObject({ type: 'string', format: 'date' });
  });

  it('agrees with the calendar: a day in range is taken exactly when it round-trips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1800, max: 2300 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
          const inRange = s >= DATE_RANGE.min && s <= DATE_RANGE.max;
          expect(isSaneIsoDate(s)).toBe(real && inRange);
          expect(IsoDateSchema.safeParse(s).success).toBe(real && inRange);
        },
      ),
      { seed: 11 },
    );
  });

  it('takes instants with an offset whose date is in range, and nothing else', () => {
    const s = isoInstant('Thời điểm không hợp lệ.');
    for (const ok of [
      '2026-03-02T09:00:00+07:00',
      '2026-03-02T02:00:00.123Z',
      '1976-01-01T00:00:00Z',
    ])
      expect(s.safeParse(ok).success, ok).toBe(true);
    for (const bad of [
      '0000-01-01T00:00:00Z',
      '1950-06-15T08:00:00+07:00',
      '9999-12-31T23:59:59+07:00',
      '+275760-09-13T00:00:00Z',
      '2026-02-30T09:00:00+07:00',
      '2026-03-02T09:00:00',
      '2026-03-02',
    ]) {
      const r = s.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues.map((i) => i.message)).toEqual(['Thời điểm không hợp lệ.']);
    }
  });
});
