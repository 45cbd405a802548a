import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns come back as strings (pg-types.ts): numbers as printed, no float drift. */
type Numeric = ColumnType<string, number | string, number | string>;
type NumericOrNull = ColumnType<string | null, number | string | null, number | string | null>;

/** A unit's yearly plan (kế hoạch chuyển đổi số): its header. */
export interface PlanTable {
  id: string;
  unit_code: string;
  year: number;
  title: string;
  issuer: string | null;
  document_number: string | null;
  document_date: string | null;
  status: 'draft' | 'issued';
  source: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Withdrawn (thu hồi): when, why, by whom; null while in force. */
  withdrawn_at: Timestamp | null;
  withdrawn_reason: string | null;
  withdrawn_by_name: string | null;
}

/** A target (chỉ tiêu) of a plan, in the plan's order (`position`). */
export interface PlanTargetTable {
  id: string;
  plan_id: string;
  position: number;
  section_code: string;
  section: string | null;
  text: string;
  scope: string | null;
  indicator_code: string | null;
  comparator: '>=' | '<=' | '=';
  target_value: Numeric;
  stretch_value: NumericOrNull;
  stretch_text: string | null;
  baseline: NumericOrNull;
  unit_of_measure: string;
  wording: string | null;
  computable: boolean | null;
  note: string | null;
}

/** A target handed down to a child unit with that unit's own value. */
export interface PlanTargetAssignmentTable {
  target_id: string;
  unit_code: string;
  position: number;
  value: Numeric;
}

/** A task of the plan as written (the tasks module takes plans' tasks over after issue 12). */
export interface PlanTaskTable {
  id: string;
  plan_id: string;
  position: number;
  no: string | null;
  group_path: string | null;
  section_code: string | null;
  name: string;
  content: string | null;
  lead: string[] | null;
  support: string[] | null;
  kind: 'Mới' | 'Chuyển tiếp' | null;
  deadline: string | null;
  /** The task of the tasks module made of it (1301); null for a plan created before. */
  task_id: Generated<string | null>;
}

/** A budget row (kinh phí), numbers as printed. */
export interface PlanBudgetLineTable {
  id: string;
  plan_id: string;
  position: number;
  no: string | null;
  name: string;
  executor: string | null;
  period: string | null;
  total: NumericOrNull;
  central: NumericOrNull;
  local: NumericOrNull;
  currency_note: string | null;
}

/** What happened to a plan, append-only (created, target changed, assignments set…). */
export interface PlanEventTable {
  id: Generated<number>;
  plan_id: string;
  action: string;
  actor_id: string | null;
  actor_name: string;
  occurred_at: Timestamp;
  payload: ColumnType<unknown, string, string>;
}

export interface PlansTables {
  plan: PlanTable;
  plan_target: PlanTargetTable;
  plan_target_assignment: PlanTargetAssignmentTable;
  plan_task: PlanTaskTable;
  plan_budget_line: PlanBudgetLineTable;
  plan_event: PlanEventTable;
}
