// One error type for the whole signature library, so callers (HTTP routes, jobs) can map a
// bad PDF, a wrong PKCS#12 password or an unreachable signing service to a stable `code` and
// show the Vietnamese `detail` to the user as is (platform/errors.ts, style rule 9).
import { AppError } from '../errors.js';

/** Stable machine codes of SignatureError. */
export type SignatureErrorCode =
  | 'pdf_malformed'
  | 'pdf_encrypted'
  | 'pdf_field_exists'
  | 'pdf_no_placeholder'
  | 'cms_too_large'
  | 'cms_malformed'
  | 'pkcs12_invalid'
  | 'pkcs12_bad_password'
  | 'pkcs12_unsupported'
  | 'unsupported_key'
  | 'remote_signer_failed'
  | 'tsa_failed';

/** A typed failure of signing or verification; `detail` is Vietnamese and safe to show. */
export class SignatureError extends AppError {
  constructor(
    override readonly code: SignatureErrorCode,
    detail: string,
    options: { cause?: unknown; status?: number } = {},
  ) {
    // 422: the request is well-formed HTTP, but the document or key material cannot be used;
    // 502 for an upstream (remote signer, TSA) failure is passed explicitly.
    super(code, options.status ?? 422, detail);
    if (options.cause !== undefined) this.cause = options.cause;
  }
}
