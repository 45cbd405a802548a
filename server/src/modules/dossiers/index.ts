/** Public face of the dossiers module (hồ sơ một cửa). */

export {
  type ApplicantDossierRef,
  type ApplicantProof,
  dossierForApplicant,
} from './dossiers.applicant-access.js';
export { checkCodePattern, DEFAULT_CODE_PATTERN, formatDossierCode } from './dossiers.code.js';
export { dossiersJobs } from './dossiers.jobs.js';
export { notifyViaOutbox } from './dossiers.notify.js';
export { dossiersRoutes } from './dossiers.routes.js';
export { type DossierNotice, DossierService, type Notify } from './dossiers.service.js';
export { ACTION_LABELS, DOSSIER_STATUSES, STATUS_LABELS, TRANSITIONS } from './dossiers.states.js';
