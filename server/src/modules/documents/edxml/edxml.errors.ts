// The one error type of the edXML code: parsing, building and transports all throw it, so a
// caller (an inbox job, a route) needs one `instanceof` and a switch on the stable `code`.
// It extends the platform's AppError so that, if it bubbles up to a route, it is answered as
// problem+json with its Vietnamese `detail` like every other domain error.
import { AppError } from '../../../platform/errors.js';

/** Stable machine codes of EdxmlError. */
export type EdxmlErrorCode =
  /** The input is larger than the configured limit. */
  | 'edxml_too_large'
  /** Not well-formed XML, not UTF-8, a DOCTYPE, an undefined entity… */
  | 'edxml_malformed'
  /** Well-formed XML, but its root is not the element expected (a status for a package…). */
  | 'edxml_unexpected_root'
  /** A required element is absent or empty; `path` names it. */
  | 'edxml_missing_field'
  /** An element holds a value of the wrong form (date, number, base64, status code); `path`. */
  | 'edxml_invalid_field'
  /** The manifest (edXMLManifest/Reference) and the attachments name different files. */
  | 'edxml_attachment_mismatch'
  /** What was given to a builder is not a valid package or status; `path` names the field. */
  | 'edxml_invalid_package'
  /** A transport's peer answered with a non-2xx HTTP status; `httpStatus` holds it. */
  | 'edxml_transport_status'
  /** A transport's peer did not answer in time. */
  | 'edxml_transport_timeout'
  /** A transport could not reach its peer or its folder (network, file system). */
  | 'edxml_transport_failed';

// HTTP statuses when the error reaches a route: bad input is 422, a failing peer is 502/504.
const HTTP_STATUS: Record<EdxmlErrorCode, number> = {
  edxml_too_large: 413,
  edxml_malformed: 422,
  edxml_unexpected_root: 422,
  edxml_missing_field: 422,
  edxml_invalid_field: 422,
  edxml_attachment_mismatch: 422,
  edxml_invalid_package: 422,
  edxml_transport_status: 502,
  edxml_transport_timeout: 504,
  edxml_transport_failed: 502,
};

/** An edXML failure with a stable `code`, a Vietnamese `detail` and, when known, the field path. */
export class EdxmlError extends AppError {
  // Narrows AppError's `code: string` for callers' switches; no runtime field.
  declare readonly code: EdxmlErrorCode;
  /** Slash-joined element path of the faulty field (e.g. `edXML/…/MessageHeader/Subject`). */
  readonly path: string | undefined;
  /** The peer's HTTP status, for `edxml_transport_status`. */
  readonly httpStatus: number | undefined;

  constructor(
    code: EdxmlErrorCode,
    detail: string,
    opts: { path?: string; httpStatus?: number; cause?: unknown } = {},
  ) {
    super(code, HTTP_STATUS[code], detail, {
      ...(opts.path !== undefined ? { path: opts.path } : {}),
      ...(opts.httpStatus !== undefined ? { httpStatus: opts.httpStatus } : {}),
    });
    this.name = 'EdxmlError';
    this.path = opts.path;
    this.httpStatus = opts.httpStatus;
    if (opts.cause !== undefined) this.cause = opts.cause;
  }
}
