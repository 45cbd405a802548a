/**
 * # Digital signatures on PDFs (PAdES)
 *
 * What ND 30/2020 Phụ lục I asks of an electronic official document: the competent person's
 * digital signature (their handwritten-signature image, blue, between title and name), then
 * the organisation's signature (the red seal image over the left third of the person's
 * image, with the organisation's name and the signing time in ISO 8601, +07:00). Both live
 * in one PDF, the second appended as an incremental update so the first stays valid.
 *
 * ## Flow
 * 1. `preparePdfForSigning(pdf, opts)` appends a signature field, its visible appearance
 *    (images + Vietnamese text lines, drawn with pdfkit and the Tinos font) and a signature
 *    dictionary with an empty /Contents; returns the prepared bytes, the /ByteRange and the
 *    SHA-256 of the covered bytes. The original bytes are an unchanged prefix.
 * 2. A CMS (CAdES-detached, PAdES B-B; B-T with an RFC 3161 time-stamp) is made over that
 *    digest: locally (`signDigest`, or `signedAttributesFor` + your signature +
 *    `assembleCms`), by a remote service or by the user's USB-token tool.
 * 3. `embedCms(prepared, cms)` writes it into the placeholder; no byte moves.
 *
 * `signPdf(pdf, provider, opts)` does 1–3 with a one-step provider: `pkcs12Provider` (a
 * .p12 on the server: the organisation seal, the demo) or `remoteProvider` (HTTP signing
 * service; the JSON contract is documented in providers.ts). `deferredProvider` splits it in
 * two requests for client-side tokens: `begin` → hash for the client, `complete` ← CMS.
 *
 * `verifyPdfSignatures(pdf, { trustAnchors })` reports, for every signature of any PDF:
 * integrity, certificate path and trust, validity at signing time, optional revocation
 * (OCSP/CRL, never throwing on network errors), whether it covers the whole file and what
 * was appended after it (more signatures vs. real changes).
 *
 * `createDemoCa` / `issueCertificate` make a demo PKI ("CA THỬ NGHIỆM - KHÔNG CÓ GIÁ TRỊ PHÁP
 * LÝ") at first start of a demo install, so no private key is ever committed;
 * `loadPkcs12` / `makePkcs12` read and write PKCS#12 in JavaScript.
 *
 * `SigningSetup` (setup.ts) decides who signs with what from the operator's configuration: the
 * organisation's seal per unit, a person's one-step signer (or null: their USB token), the
 * trust anchors; documents and dossiers share it.
 *
 * Errors are `SignatureError` (a platform AppError) with a stable `code` and a Vietnamese
 * `detail`.
 */
export {
  type AppearanceImage,
  fitImage,
  pngSize,
  type Rect,
  type SealLayout,
  type SignatureAppearance,
  sealOverSignature,
  sealOverSignatureBox,
} from './appearance.js';
export {
  type AssembleOptions,
  assembleCms,
  type LocalSigner,
  type PrivateKeyLike,
  rawSign,
  type SignDigestOptions,
  signDigest,
  signedAttributesFor,
} from './cms.js';
export {
  type CertificateAuthority,
  type CertificateProfile,
  type CreatedCa,
  createDemoCa,
  DEMO_CA_NAME,
  type IssuedCertificate,
  type IssueOptions,
  issueCertificate,
  loadCa,
  randomPassword,
} from './demo-ca.js';
export { SignatureError, type SignatureErrorCode } from './errors.js';
export {
  coveredBytes,
  DEFAULT_CONTENTS_SIZE,
  digestByteRange,
  embedCms,
  type PreparedPdf,
  type PrepareOptions,
  pdfDate,
  preparePdfForSigning,
  type SubFilter,
} from './pades.js';
export { type KeyAndChain, loadPkcs12, type MakePkcs12Options, makePkcs12 } from './pkcs12.js';
export {
  type DeferredProvider,
  type DeferredSession,
  deferredProvider,
  type OneStepProvider,
  pkcs12Provider,
  type RemoteProviderOptions,
  remoteProvider,
  type SigningProvider,
  signPdf,
} from './providers.js';
export {
  demoSealImage,
  demoSignatureImage,
  type SigningConfig,
  SigningSetup,
} from './setup.js';
export { requestTimestamp, type TsaOptions } from './timestamp.js';
export {
  type CertificateSummary,
  isoVietnam,
  MODIFIED_AFTER,
  type SignatureReport,
  type TimestampReport,
  type VerifyOptions,
  verifyPdfSignatures,
} from './verify.js';
