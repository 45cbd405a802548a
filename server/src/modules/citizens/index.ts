/** Public face of the citizens module (issue 4): accounts, profile and personal-data rights. */
export { CONSENT_PURPOSES, type ConsentPurpose } from './citizens.consents.js';
export {
  type DataKeyRing,
  decryptField,
  encryptField,
  lookupHash,
  parseDataKeys,
} from './citizens.crypto.js';
export { keyFilePath, loadCitizenKeys } from './citizens.keys.js';
export { citizensMigrations } from './citizens.migrations.js';
export {
  type CitizenDataSection,
  hasConsent,
  logPersonalDataAccess,
  type PersonalDataField,
} from './citizens.personal-data.js';
export { rotateCitizenKeys } from './citizens.rotate.js';
export { citizensRoutes } from './citizens.routes.js';
export { CitizenService, type StaffDossierBasis } from './citizens.service.js';
export type { CitizensTables } from './citizens.tables.js';
