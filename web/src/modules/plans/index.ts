// Public surface of the plans module (kế hoạch) for pages and the ioc module.
export type { BudgetLine, Plan, PlanSection, PlanSummary, PlanTarget } from './api/plan.types.ts';
export {
  getPlan,
  importPlanJson,
  importPlanXlsx,
  listPlans,
  planExportUrl,
} from './api/plans.api.ts';
export { PlanImport } from './components/PlanImport.tsx';
export { budgetTotals, importKind, parsePlanJson } from './lib/budget.ts';
