import { describe, expect, it } from 'vitest';
import { commaList, requestFilter } from './open311.query.js';

const now = new Date('2027-02-01T02:00:00Z');
const opts = { now, limit: 1000, visibleTo: null };
const DAY = 86_400_000;

function refused(q: Record<string, string>): string[] {
  try {
    requestFilter(q, opts);
  } catch (e) {
    return ((e as { extra: { errors: { path: string }[] } }).extra.errors ?? []).map((p) => p.path);
  }
  throw new Error('accepted');
}

describe('GET /requests filters', () => {
  it('defaults to the last 90 days up to now', () => {
    const f = requestFilter({}, opts);
    expect(f.from?.getTime()).toBe(now.getTime() - 90 * DAY);
    expect(f.to?.getTime()).toBe(now.getTime() + 1);
    expect(f).toMatchObject({ categories: [], statuses: [], limit: 1000 });
  });

  it('service_request_id overrides every other filter', () => {
    const f = requestFilter(
      { service_request_id: ' PA-1, PA-2,PA-1 ', status: 'nonsense', start_date: 'x' },
      opts,
    );
    expect(f).toEqual({ codes: ['PA-1', 'PA-2'], visibleTo: null, limit: 1000 });
    expect(() => requestFilter({ service_request_id: 'a,b,c' }, { ...opts, limit: 2 })).toThrow(
      /Tối đa 2/,
    );
  });

  it('maps open and closed to our statuses; refuses others', () => {
    expect(requestFilter({ status: 'open' }, opts).statuses).toEqual([
      'new',
      'accepted',
      'assigned',
      'in_progress',
    ]);
    expect(requestFilter({ status: 'closed' }, opts).statuses).toEqual([
      'resolved',
      'closed',
      'rejected',
    ]);
    expect(requestFilter({ status: 'open,closed' }, opts).statuses).toHaveLength(7);
    expect(refused({ status: 'pending' })).toEqual(['status']);
  });

  it('a span of exactly 90 days passes; one more day is refused', () => {
    const ok = requestFilter(
      { start_date: '2026-01-01T00:00:00+07:00', end_date: '2026-04-01T00:00:00+07:00' },
      opts,
    );
    expect(ok.from?.toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(ok.to?.toISOString()).toBe('2026-03-31T17:00:00.001Z');
    expect(
      requestFilter({ start_date: '2026-01-01', end_date: '2026-03-31' }, opts).to?.toISOString(),
    ).toBe('2026-03-31T17:00:00.000Z');
    expect(refused({ start_date: '2026-01-01', end_date: '2026-04-01' })).toEqual(['end_date']);
    expect(
      refused({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:01Z' }),
    ).toEqual(['end_date']);
  });

  it('one bound alone makes a 90-day window from it', () => {
    const s = requestFilter({ start_date: '2026-01-01T00:00:00Z' }, opts);
    expect(s.to!.getTime() - s.from!.getTime()).toBe(90 * DAY + 1);
    const e = requestFilter({ end_date: '2026-01-01T00:00:00Z' }, opts);
    expect(e.to?.toISOString()).toBe('2026-01-01T00:00:00.001Z');
    expect(e.to!.getTime() - e.from!.getTime()).toBe(90 * DAY + 1);
  });

  it('refuses bad dates and an end before the start, all at once', () => {
    expect(refused({ start_date: 'hôm qua', end_date: '2026-13-45' })).toEqual([
      'start_date',
      'end_date',
    ]);
    expect(refused({ start_date: '2026-02-01', end_date: '2026-01-01' })).toEqual(['end_date']);
  });

  it('comma lists', () => {
    expect(commaList(' road, ,lighting,road')).toEqual(['road', 'lighting']);
    expect(commaList(undefined)).toEqual([]);
  });
});
