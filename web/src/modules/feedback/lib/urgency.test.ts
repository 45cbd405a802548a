import { describe, expect, it } from 'vitest';
import { petitionUrgency } from './urgency.ts';

describe('petitionUrgency', () => {
  it('is null once handled, else overdue before due soon before on time', () => {
    expect(petitionUrgency({ overdue: false, dueSoon: false, nextDueAt: null })).toBeNull();
    const due = '2027-02-15T10:00:00.000Z';
    expect(petitionUrgency({ overdue: true, dueSoon: true, nextDueAt: due })).toBe('overdue');
    expect(petitionUrgency({ overdue: false, dueSoon: true, nextDueAt: due })).toBe('dueSoon');
    expect(petitionUrgency({ overdue: false, dueSoon: false, nextDueAt: due })).toBe('onTime');
  });
});
