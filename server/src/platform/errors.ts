/**
 * Typed domain errors (style.md rule 9). Each carries a stable machine `code` and an HTTP
 * status; http/problem.ts turns them into RFC 9457 problem+json. `detail` is Vietnamese,
 * because it is shown to users as is.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${code}: ${detail}`);
  }
}

/** 400: the request is malformed or fails validation. */
export class ValidationError extends AppError {
  constructor(
    detail: string,
    errors: { path: string; message: string }[] = [],
    code = 'validation_failed',
  ) {
    super(code, 400, detail, { errors });
  }
}

/** 401: no valid session or credentials. */
export class UnauthenticatedError extends AppError {
  constructor(detail = 'Bạn cần đăng nhập để tiếp tục.', code = 'unauthenticated') {
    super(code, 401, detail);
  }
}

/** 403: authenticated, but not allowed. */
export class ForbiddenError extends AppError {
  constructor(detail = 'Bạn không có quyền thực hiện thao tác này.', code = 'forbidden') {
    super(code, 403, detail);
  }
}

/** 404: the thing does not exist (or the caller may not know it exists). */
export class NotFoundError extends AppError {
  constructor(detail = 'Không tìm thấy dữ liệu yêu cầu.', code = 'not_found') {
    super(code, 404, detail);
  }
}

/** 409: the change conflicts with the current state (duplicate code, stale version…). */
export class ConflictError extends AppError {
  constructor(detail: string, code = 'conflict') {
    super(code, 409, detail);
  }
}
