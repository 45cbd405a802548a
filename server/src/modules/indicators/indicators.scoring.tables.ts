import type { ColumnType, Generated } from 'kysely';

/** The 766 index's weights and targets (one row, id 'current'); absent = the shipped default. */
export interface Index766SettingTable {
  id: string;
  /** Index766Setting (@cqs/shared/indicators/index766) as JSON. */
  setting: ColumnType<unknown, string, string>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

/** A composite ranking's weights (a province's DTI-like set), loaded as JSON. */
export interface IndicatorWeightSetTable {
  code: string;
  name: string;
  /** [{indicator, weight, target?, direction}] as JSON. */
  items: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Tables of grading, the 766 index and rankings; platform/db/schema.ts joins them. */
export interface IndicatorsScoringTables {
  index766_setting: Index766SettingTable;
  indicator_weight_set: IndicatorWeightSetTable;
}
