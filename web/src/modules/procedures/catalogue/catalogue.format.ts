// Display texts of the catalogue: durations ("4 giờ làm việc") and fees ("Từ 8.000 đ đến …").
import type { TFunction } from '../../../i18n/i18n-context.tsx';
import { formatMoney } from '../../../lib/format.ts';
import type { Duration, Fee } from './catalogue.api.ts';

/** "4 giờ làm việc", "0,5 ngày làm việc" (Vietnamese decimal comma). */
export function durationText(t: TFunction, d: Duration): string {
  const value = String(d.value).replace('.', ',');
  return `${value} ${t(`timeUnit.${d.unit}`).toLowerCase()}`;
}

/** One line for the result list: free, one amount, or the range of the amounts. */
export function feeSummary(t: TFunction, fees: Fee[]): string {
  const amounts = fees.map((f) => f.amount).filter((a) => a > 0);
  if (amounts.length === 0) return t('catalogue.free');
  const min = Math.min(...amounts);
  const max = Math.max(...amounts);
  return min === max
    ? formatMoney(min)
    : t('catalogue.feeRange', { min: formatMoney(min), max: formatMoney(max) });
}

/** The legal basis as a list: one instrument per line or per semicolon. */
export function legalBasisItems(text: string): string[] {
  return text
    .split(/\n|;\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
