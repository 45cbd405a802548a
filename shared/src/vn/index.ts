// Public API of Vietnamese data formats.
export { canonicalPhone, isCitizenId, isTaxCode } from './formats.ts';
