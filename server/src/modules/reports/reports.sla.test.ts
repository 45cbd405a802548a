import { toVnIso, WorkingCalendar } from '@cqs/shared/calendar/index';
import { describe, expect, it } from 'vitest';
import { acceptDue, isDueSoon, reopenUntil, resolveDue } from './reports.sla.js';

const cal = new WorkingCalendar();
const sla = { sla_accept_days: 2, sla_resolve_days: 15 };

describe('report deadlines (regulations.md §5)', () => {
  it('accept within 2 working days, skipping the weekend', () => {
    // Fri 27/11/2026 10:00 → Mon 30/11, Tue 01/12 → due Tue 17:00.
    expect(toVnIso(acceptDue(cal, new Date('2026-11-27T10:00:00+07:00'), sla))).toBe(
      '2026-12-01T17:00:00+07:00',
    );
  });

  it('resolve within 15 working days across Tết 2027', () => {
    // Accepted Mon 01/02/2027 09:00; counting starts the next working day: 02–04/02 (3),
    // Tết block 05–11/02 off, 12/02 (4), 15–19/02 (9), 22–26/02 (14), Mon 01/03 (15).
    const due = resolveDue(cal, new Date('2027-02-01T09:00:00+07:00'), sla);
    expect(toVnIso(due)).toBe('2027-03-01T17:00:00+07:00');
    expect(cal.isWorkingDay('2027-02-08')).toBe(false);
  });

  it('due soon inside the last working day only', () => {
    const due = new Date('2026-12-01T17:00:00+07:00');
    expect(isDueSoon(cal, new Date('2026-11-30T17:00:00+07:00'), due)).toBe(true);
    expect(isDueSoon(cal, new Date('2026-11-30T09:00:00+07:00'), due)).toBe(false);
    expect(isDueSoon(cal, new Date('2026-12-02T09:00:00+07:00'), due)).toBe(false);
  });

  it('reopen window in calendar days', () => {
    expect(reopenUntil(new Date('2026-11-30T10:00:00Z'), 7).toISOString()).toBe(
      '2026-12-07T10:00:00.000Z',
    );
  });
});
