// Public surface of the dossiers module (hồ sơ một cửa) for pages and the app shell.
import './dossiers.css';

export type { CreatedDossier, Dossier, DossierFilter } from './api/dossier.types.ts';
export { registerUrl } from './api/dossiers.api.ts';
export { ApplicantFields } from './components/ApplicantFields.tsx';
export { ComponentForms } from './components/ComponentForms.tsx';
export { CountChips } from './components/CountChips.tsx';
export { CountTiles } from './components/CountTiles.tsx';
export { DossierActions, type UnpaidFee } from './components/DossierActions.tsx';
export { StatusBadge, UrgencyBadge } from './components/DossierBadges.tsx';
export { ApplicantSummary, FormDataSummary } from './components/DossierContent.tsx';
export { DossierFiles, DossierFormLinks } from './components/DossierFiles.tsx';
export { DossierSteps } from './components/DossierSteps.tsx';
export { DossierSummaryList } from './components/DossierSummary.tsx';
export { DossierTable } from './components/DossierTable.tsx';
export { DossierTimeline } from './components/DossierTimeline.tsx';
export { FileUploadForm } from './components/FileUploadForm.tsx';
export {
  channelOf,
  outcomeOf,
  QUEUE_FIRST_FILTER,
  QUEUE_NEEDS,
  type QueueFilter,
  QueueFilters,
  type QueueNeed,
  queueNeedOf,
} from './components/QueueFilters.tsx';
export { ReceiptConfirmation } from './components/ReceiptConfirmation.tsx';
export { ReceiptForm, type ReceiptPlace } from './components/ReceiptForm.tsx';
export {
  dateFieldOf,
  UNIT_FIRST_FILTER,
  UnitDossierFilters,
  type UnitFilter,
} from './components/UnitDossierFilters.tsx';
export { UrgencyIcon } from './components/UrgencyIcon.tsx';
export { useDossier, useDossierList, useProcedureById } from './hooks/use-dossiers.ts';
export { useRoleUnits } from './hooks/use-role-units.ts';
export { useSlashFocus } from './hooks/use-slash-focus.ts';
export {
  type ApplicantDraft,
  buildApplicant,
  canonicalPhone,
  emptyApplicantDraft,
} from './lib/applicant.ts';
export {
  buildFormData,
  componentFields,
  type FieldValue,
  type FormValues,
  toApiValue,
} from './lib/form-fields.ts';
export { registerPeriod } from './lib/misc.ts';
export type { Problem } from './lib/problem.ts';
export { isStaff } from './lib/staff.ts';
