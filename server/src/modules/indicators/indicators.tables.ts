import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

/** An indicator definition (chỉ tiêu): data, not code (shared/src/indicators/spec.ts). */
export interface IndicatorDefinitionTable {
  code: string;
  name: string;
  name_en: string;
  unit: string;
  kind: 'computed' | 'entered' | 'imported';
  definition: string;
  decimals: number;
  published: boolean;
  /** The computed spec (ComputedSpec) or null. */
  spec: Json | null;
  updated_at: Timestamp;
}

/** What one fact subject adds to one computed indicator now: its unit, day, num and den. */
export interface IndicatorContributionTable {
  indicator: string;
  subject_kind: string;
  subject_id: string;
  unit_code: string;
  /** 'YYYY-MM-DD' (pg-types). */
  day: string;
  num: number;
  den: number;
}

/** The sum of the contributions per (indicator, unit, day): what every value query reads. */
export interface IndicatorRollupTable {
  indicator: string;
  unit_code: string;
  day: string;
  num: number;
  den: number;
}

/** The current value of an entered or imported indicator for a unit and period. */
export interface IndicatorValueTable {
  indicator: string;
  unit_code: string;
  period: string;
  first_day: string;
  last_day: string;
  value: number;
  comment: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** Every entered or imported value as it was posted (append-only history). */
export interface IndicatorValueEventTable {
  id: Generated<string>;
  indicator: string;
  unit_code: string;
  period: string;
  value: number;
  comment: string | null;
  actor_id: string | null;
  actor_name: string;
  at: Generated<Date>;
}

/** A short-lived log of changed (indicator, unit, days) that each process's stream polls. */
export interface IndicatorChangeTable {
  id: Generated<string>;
  indicator: string;
  unit_code: string;
  first_day: string;
  last_day: string;
  at: Generated<Date>;
}

/** Tables of the indicators module. */
export interface IndicatorsTables {
  indicator_definition: IndicatorDefinitionTable;
  indicator_contribution: IndicatorContributionTable;
  indicator_rollup: IndicatorRollupTable;
  indicator_value: IndicatorValueTable;
  indicator_value_event: IndicatorValueEventTable;
  indicator_change: IndicatorChangeTable;
}
