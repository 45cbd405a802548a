import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../lib/format.ts';
import { budgetTotals, importKind, parsePlanJson } from './budget.ts';

describe('budget', () => {
  it('sums total, central and local columns, shown in đồng with "." thousands', () => {
    const sum = budgetTotals([
      { title: 'Hạ tầng số', total: 1_500_000_000, central: 500_000_000, local: 1_000_000_000 },
      { title: 'Nhân lực số', total: 250_000_000, central: 0, local: 250_000_000 },
    ]);
    expect(sum).toEqual({ total: 1_750_000_000, central: 500_000_000, local: 1_250_000_000 });
    expect(formatMoney(sum.total)).toBe('1.750.000.000 đ');
  });
});

describe('plan import', () => {
  it('recognises JSON and XLSX by name only', () => {
    expect(importKind('ke-hoach-2026.JSON')).toBe('json');
    expect(importKind('kh.xlsx')).toBe('xlsx');
    expect(importKind('kh.xls')).toBeNull();
  });

  it('reads a plan (a BOM is fine) and says in Vietnamese why anything else is not one', () => {
    expect(parsePlanJson('\uFEFF{"year":2026,"targets":[]}').ok).toBe(true);
    expect(parsePlanJson('{').ok).toBe(false);
    const notPlan = parsePlanJson('[1,2]');
    expect(notPlan.ok ? '' : notPlan.error).toBe('Tệp JSON không chứa một kế hoạch.');
    const empty = parsePlanJson('{"year":2026}');
    expect(empty.ok ? '' : empty.error).toContain('không có phần');
  });
});
