// Public surface of the procedures module for pages.
export type { Procedure, ProcedureFilter } from './api/procedure.types.ts';
export { ProcedureArchiveButton } from './components/ProcedureArchiveButton.tsx';
export { ProcedureEditor } from './components/ProcedureEditor.tsx';
export { ProcedureFilters } from './components/ProcedureFilters.tsx';
export { ProcedureImportExport } from './components/ProcedureImportExport.tsx';
export { ProceduresTable } from './components/ProceduresTable.tsx';
export { useProcedure, useProcedures } from './hooks/use-procedures.ts';
