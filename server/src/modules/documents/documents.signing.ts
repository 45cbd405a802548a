// Who signs with what now lives in the platform (platform/signatures/setup.ts), shared with the
// dossiers module (forms 01–06 and results, issue 13 deliver 3); this re-export keeps the
// documents module's imports as they are.
export {
  demoSealImage,
  demoSignatureImage,
  type SigningConfig,
  SigningSetup,
} from '../../platform/signatures/index.js';
