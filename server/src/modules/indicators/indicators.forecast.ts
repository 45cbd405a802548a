// Monthly trend of an indicator for a unit and year, with the year-end forecast
// (@cqs/shared/indicators/forecast documents the method) and, given a plan target for the
// indicator, whether that forecast would grade Chưa đạt (atRisk).

import { completeMonthsOf, type Forecast, forecastYearEnd } from '@cqs/shared/indicators/forecast';
import { type Grade, grade, roundTo } from '@cqs/shared/indicators/grading';
import type { PlanTarget, SeriesRow, ValueSource } from './indicators.scoring.sources.js';

export interface Trend extends Forecast {
  indicator: string;
  unit: string;
  year: number;
  months: SeriesRow[];
  target: {
    targetId: string;
    comparator: PlanTarget['comparator'];
    value: number;
    forecastGrade: Grade;
  } | null;
  atRisk: boolean | null;
}

/** The twelve months of `year` (YYYYMM), filling months the series leaves out with no data. */
export function twelveMonths(year: number, rows: readonly SeriesRow[]): SeriesRow[] {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return Array.from({ length: 12 }, (_, i) => {
    const period = `${year}${String(i + 1).padStart(2, '0')}`;
    return byPeriod.get(period) ?? { period, numerator: null, denominator: null, value: null };
  });
}

/** Trend and forecast; `target` (a plan's target on this indicator) adds the at-risk flag. */
export async function trendFor(
  values: ValueSource,
  q: { indicator: string; unitCode: string; year: number; today: string },
  target: PlanTarget | null,
  decimals = 2,
): Promise<Trend> {
  const rows = await values.series({
    indicator: q.indicator,
    unitCode: q.unitCode,
    from: `${q.year}01`,
    to: `${q.year}12`,
    grain: 'month',
  });
  const months = twelveMonths(q.year, rows);
  const f = forecastYearEnd(months, completeMonthsOf(q.year, q.today));
  const round = (v: number | null) => (v === null ? null : roundTo(v, decimals));
  let t: Trend['target'] = null;
  if (target && f.forecast !== null) {
    t = {
      targetId: target.id,
      comparator: target.comparator,
      value: target.targetValue,
      forecastGrade: grade(
        { comparator: target.comparator, targetValue: target.targetValue },
        f.forecast,
        decimals,
      ),
    };
  }
  return {
    ...f,
    cumulative: round(f.cumulative),
    forecast: round(f.forecast),
    indicator: q.indicator,
    unit: q.unitCode,
    year: q.year,
    months,
    target: t,
    atRisk: t === null ? null : t.forecastGrade === 'Chưa đạt',
  };
}
