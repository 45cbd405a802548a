// Shapes of the plans API (module `plans`, kế hoạch) as the pages read them: the z.infer types
// of the server's own response schemas (@cqs/shared/plans, plan-view.schema.ts), so a field
// the server renames breaks the web's typecheck instead of a page.
import type {
  PlanBudgetView,
  PlanDetailView,
  PlanSectionView,
  PlanSummaryView,
  PlanTargetView,
  PlanTaskView,
} from '@cqs/shared/plans/index';

export type {
  PlanBudgetView as BudgetLine,
  PlanSectionView as PlanSection,
  PlanSummaryView as PlanSummary,
  PlanTaskView as PlanTask,
};

/**
 * A target as the server sends it plus the row names of the ioc module's TargetsTable
 * (`indicator`, `target`, `stretch`, `measure`), which the dashboard's targets panel reads off
 * `getPlan()` directly. Derived in `plans.api.ts`, never sent back to the server.
 */
export interface PlanTarget extends PlanTargetView {
  indicator: string | null;
  target: number;
  stretch: number | null;
  measure: string;
}

/** GET /plans/{id}, with the targets' table row names added (see PlanTarget). */
export interface Plan extends Omit<PlanDetailView, 'targets'> {
  targets: PlanTarget[];
}
