import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addPetition,
  addRating,
  emptyCounts,
  type PetitionFacts,
  petitionOutcome,
  rates,
  sumCounts,
} from './feedback.rules.js';

const ack = '2027-02-15T10:00:00Z';
const due = '2027-03-04T10:00:00Z';
const base: PetitionFacts = {
  status: 'received',
  ack_due_at: ack,
  due_at: due,
  rejected_at: null,
  answered_at: null,
};

describe('petition outcome', () => {
  it('is late when answered after dueAt or rejected after the 2-day limit', () => {
    expect(petitionOutcome({ ...base, status: 'answered', answered_at: due })).toBe('on_time');
    expect(
      petitionOutcome({ ...base, status: 'answered', answered_at: '2027-03-04T10:00:01Z' }),
    ).toBe('late');
    expect(petitionOutcome({ ...base, status: 'rejected', rejected_at: ack })).toBe('on_time');
    expect(
      petitionOutcome({ ...base, status: 'rejected', rejected_at: '2027-02-16T01:00:00Z' }),
    ).toBe('late');
    expect(petitionOutcome({ ...base, status: 'accepted' })).toBe('open');
  });

  it('counts an open petition past its current deadline as overdue', () => {
    const c = emptyCounts();
    addPetition(c, base, new Date('2027-02-16T00:00:00Z')); // past the acceptance limit
    addPetition(c, { ...base, status: 'accepted' }, new Date('2027-02-16T00:00:00Z')); // not yet
    expect(c).toMatchObject({ petitionsReceived: 2, petitionsOpenOverdue: 1 });
    expect(rates(c).onTimeRate).toBe(0);
  });
});

describe('satisfaction counts', () => {
  it('satisfied = score 4 or 5; the total row equals the rates of the summed counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 20 }), { maxLength: 6 }),
        (units) => {
          const rows = units.map((scores) => {
            const c = emptyCounts();
            for (const s of scores) addRating(c, s);
            return c;
          });
          const all = units.flat();
          const total = sumCounts(rows);
          expect(total.ratings).toBe(all.length);
          expect(total.satisfied).toBe(all.filter((s) => s >= 4).length);
          const r = rates(total);
          if (all.length === 0) expect(r.meanScore).toBeNull();
          // The mean is shown to 2 places (half up): within half a unit of the last place,
          // with room for binary rounding (2.925 → 2.93 differs by 0.0050000000000003).
          else
            expect(
              Math.abs(r.meanScore! - all.reduce((a, b) => a + b, 0) / all.length),
            ).toBeLessThanOrEqual(0.005 + 1e-9);
        },
      ),
    );
  });
});
