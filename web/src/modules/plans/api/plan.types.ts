// Shapes of the plans API (issue 12 deliver 1 and 8; module `plans`, kế hoạch) as the pages
// read them. Written against the contract while the server module is built; the
// integrator swaps them for the shared zod schemas' types when those land.
import type { TaskSummary } from '../../tasks/api/task.types.ts';

/** One row of GET /plans?unit=&year=. */
export interface PlanSummary {
  id: string;
  unitCode: string;
  unitName?: string;
  year: number;
  title: string;
}

/** A target (chỉ tiêu) as the plan wrote it and as it is measured. */
export interface PlanTarget {
  id: string;
  sectionCode?: string | null;
  /** The indicator measuring it; null for a target no platform records (graded by hand). */
  indicator: string | null;
  /** The sentence as written in the plan. */
  text: string;
  comparator: string;
  target: number | null;
  /** "phấn đấu" value where the plan gives one (seed 004's "50%, phấn đấu 100%"). */
  stretch?: number | null;
  baseline?: number | null;
  /** Unit of measure: '%', 'hồ sơ'… */
  measure?: string | null;
}

/** A section (the seeds' pillars: nhận thức số, thể chế số …). */
export interface PlanSection {
  code: string;
  title: string;
}

/** A budget line in đồng. */
export interface BudgetLine {
  id?: string;
  title: string;
  total: number;
  central: number;
  local: number;
}

/** GET /plans/{id}. */
export interface Plan extends PlanSummary {
  sections: PlanSection[];
  targets: PlanTarget[];
  budget: BudgetLine[];
  tasks: TaskSummary[];
}
