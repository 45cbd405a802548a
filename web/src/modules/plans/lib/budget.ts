// The budget table of a plan (kinh phí) as the plan prints it.
import type { BudgetLine } from '../api/plan.types.ts';

/**
 * How a budget row reads: the seed-plans README (seed 002) says rows numbered with Roman
 * numerals (I, II) are subtotals of the Arabic rows below them and the unnumbered row is the
 * grand total. The page therefore shows the plan's own sums and adds none of its own: summing
 * every row would count each amount two or three times.
 */
export function budgetRowKind(line: Pick<BudgetLine, 'no'>): 'total' | 'subtotal' | 'item' {
  const no = line.no?.trim() ?? '';
  if (no === '') return 'total';
  if (/^[IVXLC]+\.?$/.test(no)) return 'subtotal';
  return 'item';
}

/** The distinct unit notes of the budget rows ("Nghìn đồng"…), as written. */
export function currencyNotes(lines: readonly Pick<BudgetLine, 'currencyNote'>[]): string[] {
  return [...new Set(lines.map((l) => l.currencyNote?.trim()).filter((n): n is string => !!n))];
}
