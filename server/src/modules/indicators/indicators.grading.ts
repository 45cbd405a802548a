// Grades of a plan's targets (đánh giá chỉ tiêu kế hoạch) for a period, with the year-end
// forecast while the plan's year runs. The grade rule itself is shared logic
// (@cqs/shared/indicators/grading) so the web shows the same answer.

import { completeMonthsOf, forecastYearEnd } from '@cqs/shared/indicators/forecast';
import { type Grade, grade, gradeWithStretch, roundTo } from '@cqs/shared/indicators/grading';
import type { PlanTarget, PlanTargets, ValueSource } from './indicators.scoring.sources.js';

export interface TargetGrade {
  targetId: string;
  indicator: string | null;
  comparator: '>=' | '<=' | '=';
  target: number;
  value: number | null;
  grade: Grade;
  unitCode: string;
  text: string;
  stretch: number | null;
  stretchMet: boolean | null;
  decimals: number | null;
  /** Year-end forecast (only when the period is the plan's whole year). */
  forecast?: number | null;
  /** The forecast's grade is Chưa đạt. */
  atRisk?: boolean;
}

/** Precision for targets with no indicator value to say it (none is shown then anyway). */
const FORECAST_DECIMALS = 2;

/**
 * Grades every target of a plan for `period` (default: the plan's year). A target without an
 * indicator, or whose indicator has no data, is 'Chưa có số liệu'. When the period is the
 * plan's year, each target with an indicator also gets `forecast` and `atRisk`.
 */
export async function gradePlanTargets(
  values: ValueSource,
  plan: PlanTargets,
  opts: { period?: string; today: string },
): Promise<TargetGrade[]> {
  const period = opts.period ?? String(plan.plan.year);
  // The forecast runs to the end of the plan's year; another period gets none.
  const wholeYear = period === String(plan.plan.year) ? plan.plan.year : null;
  const items: TargetGrade[] = [];
  for (const t of plan.targets) {
    items.push(await gradeOne(values, t, period, wholeYear, opts.today));
  }
  return items;
}

async function gradeOne(
  values: ValueSource,
  t: PlanTarget,
  period: string,
  wholeYear: number | null,
  today: string,
): Promise<TargetGrade> {
  const base = {
    targetId: t.id,
    indicator: t.indicatorCode,
    comparator: t.comparator,
    target: t.targetValue,
    unitCode: t.unitCode,
    text: t.text,
    stretch: t.stretchValue,
  };
  if (t.indicatorCode === null) {
    return { ...base, value: null, grade: 'Chưa có số liệu', stretchMet: null, decimals: null };
  }
  const v = await values.value({ indicator: t.indicatorCode, unitCode: t.unitCode, period });
  const g = gradeWithStretch(
    { comparator: t.comparator, targetValue: t.targetValue, stretchValue: t.stretchValue },
    v.value,
    v.decimals,
  );
  const item: TargetGrade = {
    ...base,
    value: v.value,
    grade: g.grade,
    stretchMet: g.stretchMet,
    decimals: v.decimals,
  };
  if (wholeYear !== null) {
    const f = await yearForecast(values, t.indicatorCode, t.unitCode, wholeYear, today);
    item.forecast = f === null ? null : roundTo(f, Math.max(v.decimals, FORECAST_DECIMALS));
    item.atRisk =
      f !== null &&
      grade({ comparator: t.comparator, targetValue: t.targetValue }, f, v.decimals) === 'Chưa đạt';
  }
  return item;
}

/** The year-end forecast of an indicator for a unit (null without a complete month of data). */
export async function yearForecast(
  values: ValueSource,
  indicator: string,
  unitCode: string,
  year: number,
  today: string,
): Promise<number | null> {
  const months = await values.series({
    indicator,
    unitCode,
    from: `${year}01`,
    to: `${year}12`,
    grain: 'month',
  });
  return forecastYearEnd(months, completeMonthsOf(year, today)).forecast;
}
