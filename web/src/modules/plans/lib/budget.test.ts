import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../lib/format.ts';
import { budgetRowKind, currencyNotes } from './budget.ts';

describe('budget rows as printed (seed 002)', () => {
  it('reads Roman numerals as subtotals and the unnumbered row as the grand total', () => {
    expect(budgetRowKind({ no: 'I' })).toBe('subtotal');
    expect(budgetRowKind({ no: 'II' })).toBe('subtotal');
    expect(budgetRowKind({ no: 'IV.' })).toBe('subtotal');
    expect(budgetRowKind({ no: '1' })).toBe('item');
    expect(budgetRowKind({ no: '2.1' })).toBe('item');
    expect(budgetRowKind({ no: null })).toBe('total');
    expect(budgetRowKind({ no: '  ' })).toBe('total');
  });

  it('lists each unit note once and shows amounts in đồng with "." thousands', () => {
    expect(
      currencyNotes([
        { currencyNote: 'Nghìn đồng' },
        { currencyNote: ' Nghìn đồng ' },
        { currencyNote: null },
      ]),
    ).toEqual(['Nghìn đồng']);
    expect(formatMoney(25_575_000_000)).toBe('25.575.000.000 đ');
  });
});
