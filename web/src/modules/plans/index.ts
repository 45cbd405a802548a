// Public surface of the plans module (kế hoạch) for pages and the ioc module.
import './plans.css';

export type {
  BudgetLine,
  Plan,
  PlanSection,
  PlanSummary,
  PlanTarget,
  PlanTask,
} from './api/plan.types.ts';
export {
  getPlan,
  importPlanJson,
  importPlanXlsx,
  listPlans,
  listPlansPage,
  planExportUrl,
} from './api/plans.api.ts';
export { PlanBudgetTable } from './components/PlanBudgetTable.tsx';
export { PlanImport } from './components/PlanImport.tsx';
export { PlanTasksTable } from './components/PlanTasksTable.tsx';
export { PlanWithdrawal } from './components/PlanWithdrawal.tsx';
export { TargetEditor } from './components/TargetEditor.tsx';
export { budgetRowKind, currencyNotes } from './lib/budget.ts';
export { importKind, parsePlanJson, problemPlace } from './lib/import.ts';
