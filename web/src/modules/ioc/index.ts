// Public surface of the ioc module (Trung tâm điều hành: the leaders' dashboard) for pages.
import './ioc.css';

export { getIndicatorTrend, getPlanGrades, listIndicators } from './api/ioc.api.ts';
export type { Index766, IndicatorValue, TargetGrade } from './api/ioc.types.ts';
export { Dashboard } from './components/Dashboard.tsx';
export { EnterValueForm } from './components/EnterValueForm.tsx';
export { PanelProblem } from './components/PanelProblem.tsx';
export { loadTrends } from './components/TargetsPanel.tsx';
export { type TargetRow, TargetsTable } from './components/TargetsTable.tsx';
export { useScopeUnits } from './hooks/use-scope-units.ts';
export { ENTERING_ROLES } from './lib/entering.ts';
export { gradeLabel, gradeTone } from './lib/grades.ts';
export { formatPeriod } from './lib/period.ts';
