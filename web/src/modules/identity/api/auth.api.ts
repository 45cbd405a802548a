import { apiRequest } from '../../../api/client.ts';
import type { Session } from './identity.types.ts';

/** POST /auth/login. */
export function login(username: string, password: string): Promise<Session> {
  return apiRequest<Session>('/api/v1/auth/login', {
    method: 'POST',
    json: { username, password },
    expectUnauthenticated: true,
  });
}

/** POST /auth/logout. */
export function logout(): Promise<void> {
  return apiRequest<void>('/api/v1/auth/logout', { method: 'POST', expectUnauthenticated: true });
}

/** GET /auth/me: the current session, or an ApiError 401. */
export function fetchMe(signal?: AbortSignal): Promise<Session> {
  return apiRequest<Session>('/api/v1/auth/me', { signal, expectUnauthenticated: true });
}
