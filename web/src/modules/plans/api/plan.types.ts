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

/** A target as the server sends it (indicatorCode, targetValue, stretchValue, unitOfMeasure…). */
export type PlanTarget = PlanTargetView;

/** GET /plans/{id}: sections, targets (with assignments), tasks and budget as written. */
export type Plan = PlanDetailView;
