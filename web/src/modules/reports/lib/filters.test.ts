import { describe, expect, it } from 'vitest';
import { filterToParams, publicFilterFromParams, staffFilterFromParams } from './filters.ts';

describe('publicFilterFromParams', () => {
  it('reads known values', () => {
    const p = new URLSearchParams(
      'category=road&status=resolved&unit=30280&from=2026-11-01&to=2026-11-30',
    );
    expect(publicFilterFromParams(p)).toEqual({
      category: 'road',
      status: 'resolved',
      unit: '30280',
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });
  it('drops unknown statuses, bad dates and odd codes; swaps a reversed period', () => {
    const p = new URLSearchParams(
      'category=a b&status=lost&unit=<x>&from=2026-12-01&to=2026-11-01',
    );
    expect(publicFilterFromParams(p)).toEqual({
      category: '',
      status: '',
      unit: '',
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(publicFilterFromParams(new URLSearchParams('from=2026-02-30')).from).toBe('');
  });
  it('round-trips through filterToParams', () => {
    const f = publicFilterFromParams(new URLSearchParams('status=new&unit=883'));
    const back = new URLSearchParams(filterToParams({ ...f }));
    expect(back.toString()).toBe('status=new&unit=883');
    expect(publicFilterFromParams(back)).toEqual(f);
  });
});

describe('staffFilterFromParams', () => {
  it('reads the overdue flag as 1', () => {
    expect(staffFilterFromParams(new URLSearchParams('overdue=1&status=new'))).toEqual({
      category: '',
      status: 'new',
      unit: '',
      overdue: true,
      mine: false,
    });
    expect(staffFilterFromParams(new URLSearchParams('mine=1')).mine).toBe(true);
    expect(filterToParams({ overdue: true, status: '', unit: '30280' })).toEqual({
      overdue: '1',
      unit: '30280',
    });
    expect(filterToParams({ overdue: false })).toEqual({});
  });
});
