// What grading, the 766 index, rankings and forecasts read, as small injected interfaces, so
// this part of the indicators module does not depend on how values are kept (the engine,
// indicators.values) nor on the plans module above it (style.md layers: plans sits between
// tasks and indicators, so the plan's targets are handed in by the composition root).

/** One indicator value for a unit and period (interop.md periods: 2026, 2026Q3, 202611…). */
export interface IndicatorValueRow {
  numerator: number | null;
  /** null for a count indicator. */
  denominator: number | null;
  /** null when the denominator is 0 (no data). */
  value: number | null;
  /** Display precision of the indicator: grades compare at this many places. */
  decimals: number;
}

export interface SeriesRow {
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** The engine's reads; app.ts wires `indicatorValue` / `indicatorSeries` of the module. */
export interface ValueSource {
  value(q: { indicator: string; unitCode: string; period: string }): Promise<IndicatorValueRow>;
  /** The same indicator for several units (rankings), keyed by unit code; optional: without
   * it, `valuesOfMany` asks `value` per unit. */
  many?(q: {
    indicator: string;
    unitCodes: string[];
    period: string;
  }): Promise<Map<string, IndicatorValueRow>>;
  /** Several indicators for one unit (the 766 index), keyed by indicator; optional: without
   * it, the index asks `value` per indicator. */
  several?(q: {
    indicators: string[];
    unitCode: string;
    period: string;
  }): Promise<Map<string, IndicatorValueRow>>;
  series(q: {
    indicator: string;
    unitCode: string;
    /** YYYYMM */
    from: string;
    /** YYYYMM */
    to: string;
    grain: 'month';
  }): Promise<SeriesRow[]>;
}

export interface PlanTarget {
  id: string;
  indicatorCode: string | null;
  comparator: '>=' | '<=' | '=';
  targetValue: number;
  stretchValue: number | null;
  baseline: number | null;
  unitOfMeasure: string;
  text: string;
  sectionCode: string;
  /** The unit the target is set for (a parent's target assigned down has the child's code). */
  unitCode: string;
}

export interface PlanTargets {
  plan: { id: string; unitCode: string; year: number; title: string };
  targets: PlanTarget[];
}

/** The plans module's `getPlanTargets(db, planId)`; null for an unknown plan. */
export interface PlanTargetSource {
  planTargets(planId: string): Promise<PlanTargets | null>;
}

/** An indicator for several units: one query through `many` where the source has it. */
export async function valuesOfMany(
  source: ValueSource,
  q: { indicator: string; unitCodes: string[]; period: string },
): Promise<Map<string, IndicatorValueRow>> {
  if (source.many) return source.many(q);
  const out = new Map<string, IndicatorValueRow>();
  for (const unitCode of q.unitCodes)
    out.set(unitCode, await source.value({ indicator: q.indicator, unitCode, period: q.period }));
  return out;
}
