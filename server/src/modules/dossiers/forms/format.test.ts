// Dates on the forms are Vietnam time whatever the server's time zone.
import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatMoney, formatPlaceDate, vnWallClock } from './format.js';

const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

describe('format', () => {
  it.each(['UTC', 'America/New_York', 'Asia/Tokyo'])('prints Vietnam time with TZ=%s', (tz) => {
    process.env.TZ = tz;
    expect(formatDateTime(new Date('2026-11-27T09:30:00Z'))).toBe('27/11/2026 16:30');
    // 17:30Z is already the next day in Vietnam.
    expect(formatDateTime(new Date('2026-12-31T17:30:00Z'))).toBe('01/01/2027 00:30');
    expect(vnWallClock(new Date('2026-11-27T09:30:00Z')).toISOString()).toBe(
      '2026-11-27T16:30:00.000Z',
    );
  });

  it('pads day < 10 and month < 3 in the place-and-date line (Nghị định 30/2020)', () => {
    expect(formatPlaceDate('Long Xuyên', new Date('2026-02-04T03:00:00Z'))).toBe(
      'Long Xuyên, ngày 04 tháng 02 năm 2026',
    );
    expect(formatPlaceDate('Long Xuyên', new Date('2026-11-23T03:00:00Z'))).toBe(
      'Long Xuyên, ngày 23 tháng 11 năm 2026',
    );
    expect(formatPlaceDate('Huế', new Date('2026-03-09T03:00:00Z'))).toBe(
      'Huế, ngày 09 tháng 3 năm 2026',
    );
  });

  it('groups đồng with dots', () => {
    expect(formatMoney(1250000)).toBe('1.250.000 đồng');
    expect(formatMoney(500)).toBe('500 đồng');
  });
});
