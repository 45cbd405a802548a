/** Public face of the signatures module: signature and seal images (mẫu chữ ký, con dấu). */
export { signaturesMigrations } from './signatures.migrations.js';
export { signaturesRoutes } from './signatures.routes.js';
export { SignatureImages } from './signatures.service.js';
export type { SignaturesTables } from './signatures.tables.js';
