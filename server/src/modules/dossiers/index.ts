/** Public face of the dossiers module (hồ sơ một cửa). */

export { ownedDossierVisibleTo } from './dossiers.access.js';
export {
  type ApplicantDossierRef,
  type ApplicantFile,
  type ApplicantProof,
  applicantProofOf,
  dossierForApplicant,
  dossierFormData,
  dossierRefByCode,
  dossierRefByIdempotencyKey,
  dossierRefsByIds,
  insertApplicantFiles,
  returnedResultFiles,
} from './dossiers.applicant-access.js';
export {
  type DossierBrief,
  dossierBriefById,
  dossierBriefsByCodes,
  dossierBriefsInCompactReference,
  dossierCodesByIds,
} from './dossiers.briefs.js';
export { checkCodePattern, DEFAULT_CODE_PATTERN, formatDossierCode } from './dossiers.code.js';
export {
  type DemoDossierRef,
  type DemoFeeDossier,
  seedDemoHistory as seedDemoDossierHistory,
} from './dossiers.demo-history.js';
export {
  DEMO_WARDS,
  GIVEN_NAMES,
  lowerBounds,
  MIDDLE_NAMES,
  procedureWeight,
  SURNAMES,
} from './dossiers.distributions.js';
export { dossierFormPdf } from './dossiers.forms.js';
export { dossiersJobs } from './dossiers.jobs.js';
export { notifyViaOutbox } from './dossiers.notify.js';
export {
  openPersonalIds,
  personalIdKeys,
  resealPersonalIds,
  type SealScope,
  sealPersonalIds,
} from './dossiers.personal-ids.js';
export { publicStatusOf } from './dossiers.query.js';
export { rotateDossierPersonalIds } from './dossiers.rotate.js';
export { attachmentHeader, dossiersRoutes } from './dossiers.routes.js';
export { type Applicant, ApplicantSchema } from './dossiers.schemas.js';
export type { OnlineReceipt } from './dossiers.service.js';
export {
  type DossierNotice,
  DossierService,
  formProblems,
  type Notify,
} from './dossiers.service.js';
export { ACTION_LABELS, DOSSIER_STATUSES, STATUS_LABELS, TRANSITIONS } from './dossiers.states.js';
