// HTTP client for the /api/v1 contract (docs/architecture.md).
// Same-origin cookie session; the CSRF token from login or /auth/me is sent on every write;
// problem+json errors (RFC 9457) become ApiError with the server's Vietnamese `detail`.

/** One field-level problem from a problem+json `errors` array. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An API failure: HTTP status, stable code, Vietnamese detail and field problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(`${status} ${code}: ${detail}`);
    this.name = 'ApiError';
  }
}

/** A cursor-paged list as every list endpoint returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type QueryValue = string | number | boolean | null | undefined;

/** Options of one request. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (file upload), with `contentType`. */
  raw?: Blob;
  contentType?: string;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key on a create a user may retry). */
  headers?: Record<string, string>;
  /** Do not tell the auth layer about a 401 (login and /auth/me expect them). */
  expectUnauthenticated?: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

/** Remembers the CSRF token returned by login or GET /auth/me (null after logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Subscribes to "the session is gone" (a 401 on an ordinary call); returns the unsubscribe. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Builds `path?query`, leaving out empty values. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Calls the API and returns the parsed JSON body (undefined for 204). Throws ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    ...options.headers,
  };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw) {
    headers['content-type'] =
      options.contentType ?? (options.raw.type || 'application/octet-stream');
    body = options.raw;
  }
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', '');
  }

  if (response.status === 204) return undefined as T;
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const payload: unknown = isJson ? await response.json().catch(() => undefined) : undefined;
  if (response.ok) return payload as T;

  const error = toApiError(response.status, payload);
  if (response.status === 401 && !options.expectUnauthenticated) {
    for (const listener of unauthenticatedListeners) listener();
  }
  throw error;
}

function toApiError(status: number, payload: unknown): ApiError {
  if (payload && typeof payload === 'object') {
    const p = payload as Record<string, unknown>;
    const errors = Array.isArray(p.errors)
      ? p.errors
          .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
          .map((e) => ({ path: String(e.path ?? ''), message: String(e.message ?? '') }))
      : [];
    return new ApiError(
      status,
      typeof p.code === 'string' ? p.code : 'http_error',
      typeof p.detail === 'string' ? p.detail : '',
      errors,
    );
  }
  return new ApiError(status, 'http_error', '');
}

/** True when the error is an aborted request (a newer one replaced it). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
