import { describe, expect, it } from 'vitest';
import { byDeadline, DUE_SOON_MS, reportUrgency, statusClass, statusTone } from './status.ts';

const NOW = Date.parse('2026-11-23T09:00:00+07:00');
const at = (ms: number) => new Date(ms).toISOString();

describe('statusTone', () => {
  it('groups the working statuses and keeps final ones apart', () => {
    expect(statusTone('new')).toBe('new');
    expect(statusTone('accepted')).toBe('working');
    expect(statusTone('assigned')).toBe('working');
    expect(statusTone('in_progress')).toBe('working');
    expect(statusTone('resolved')).toBe('resolved');
    expect(statusTone('closed')).toBe('closed');
    expect(statusTone('rejected')).toBe('rejected');
    expect(statusTone('something-else')).toBe('closed');
    expect(statusClass('in_progress')).toBe('rp-tone--working');
  });
});

describe('reportUrgency', () => {
  it('is closed outside the open statuses, whatever the deadline', () => {
    expect(reportUrgency({ status: 'resolved', dueAt: at(NOW - 1000), overdue: true }, NOW)).toBe(
      'closed',
    );
  });
  it('is overdue on the flag or past the deadline', () => {
    expect(
      reportUrgency({ status: 'new', dueAt: at(NOW + 10 * DUE_SOON_MS), overdue: true }, NOW),
    ).toBe('overdue');
    expect(reportUrgency({ status: 'assigned', dueAt: at(NOW - 1) }, NOW)).toBe('overdue');
  });
  it('is due soon within a day, on time before', () => {
    expect(reportUrgency({ status: 'accepted', dueAt: at(NOW + DUE_SOON_MS) }, NOW)).toBe(
      'dueSoon',
    );
    expect(reportUrgency({ status: 'accepted', dueAt: at(NOW + DUE_SOON_MS + 1) }, NOW)).toBe(
      'onTime',
    );
    expect(reportUrgency({ status: 'in_progress', dueAt: null }, NOW)).toBe('onTime');
  });
});

describe('byDeadline', () => {
  it('sorts earliest deadline first and undated last, newest first among equals', () => {
    const items = [
      { id: 'c', dueAt: null, createdAt: '2026-11-01T00:00:00Z' },
      { id: 'b', dueAt: '2026-11-25T00:00:00Z', createdAt: '2026-11-02T00:00:00Z' },
      { id: 'a', dueAt: '2026-11-24T00:00:00+07:00', createdAt: '2026-11-03T00:00:00Z' },
      { id: 'd', dueAt: null, createdAt: '2026-11-04T00:00:00Z' },
    ];
    expect([...items].sort(byDeadline).map((i) => i.id)).toEqual(['a', 'b', 'd', 'c']);
  });
});
