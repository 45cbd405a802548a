// Shapes of the indicator and scoring endpoints (issue 12 deliver 8) as the dashboard reads
// them. Written against the contract while the server modules are built; when the
// shared zod schemas land, the integrator swaps these for their inferred types.

/** GET /indicators: one definition. */
export interface IndicatorDefinition {
  code: string;
  name: string;
  /** Unit of measure: '%' for rates, 'hồ sơ', 'phản ánh', 'nhiệm vụ' … */
  unit: string;
  kind: string;
  definition: string;
}

/** GET /indicators/{code}/values: one value; `children` with `children=true`. */
export interface IndicatorValue {
  indicator: string;
  unit: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  /** Null when the denominator is 0 (no data yet). */
  value: number | null;
  children?: IndicatorValue[];
}

/** GET /indicators/{code}/trend. */
export interface IndicatorTrend {
  months: { period: string; value: number | null }[];
  forecast: number | null;
}

/** GET /indicators/{code}/ranking: one unit's place. */
export interface RankingRow {
  unit: string;
  unitName?: string;
  value: number | null;
  rank?: number;
}

/** GET /plans/{id}/grades: one target's grade. */
export interface TargetGrade {
  targetId: string;
  indicator: string;
  comparator: string;
  target: number;
  value: number | null;
  grade: string;
  forecast?: number | null;
  atRisk?: boolean;
}

/** GET /units/{code}/index-766. */
export interface Index766 {
  total: number;
  groups: {
    code: string;
    points: number;
    score: number;
    indicators: { code: string; rate: number | null; target: number; score: number }[];
  }[];
}
