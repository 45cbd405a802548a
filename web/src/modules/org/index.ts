// Public surface of the org module for pages and other modules.
export type { Unit, UnitKind } from './api/unit.types.ts';
export { UNIT_KINDS } from './api/unit.types.ts';
export { UnitCloseDialog } from './components/UnitCloseDialog.tsx';
export { UnitCreateForm } from './components/UnitCreateForm.tsx';
export { UnitDetail } from './components/UnitDetail.tsx';
export { UnitFilters } from './components/UnitFilters.tsx';
export { UnitSelect } from './components/UnitSelect.tsx';
export { UnitTree } from './components/UnitTree.tsx';
export { inSubtrees } from './components/unit-tree.ts';
export { useUnitOptions } from './hooks/use-unit-options.ts';
export { useUnits } from './hooks/use-units.ts';
