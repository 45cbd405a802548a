// Public surface of the procedures module for pages.
export type { Procedure, ProcedureFilter } from './api/procedure.types.ts';
export { procedurePath } from './catalogue/catalogue.api.ts';
// The schema-form model, for other modules that render a procedure's forms (dossier receipt).
export { checkValue } from './components/form-preview.ts';
export { type FormFieldDef, schemaToModel } from './components/form-schema.ts';
export { ProcedureArchiveButton } from './components/ProcedureArchiveButton.tsx';
export { ProcedureEditor } from './components/ProcedureEditor.tsx';
export { ProcedureFilters } from './components/ProcedureFilters.tsx';
export { ProcedureImportExport } from './components/ProcedureImportExport.tsx';
export { ProceduresTable } from './components/ProceduresTable.tsx';
export { useProcedure, useProcedures } from './hooks/use-procedures.ts';
