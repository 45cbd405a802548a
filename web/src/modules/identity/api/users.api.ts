import { apiRequest, type Page } from '../../../api/client.ts';
import type { CreateUserInput, UpdateUserInput, User } from './identity.types.ts';

/** GET /users: one page of accounts matching `q`. */
export function listUsers(
  q: string,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<Page<User>> {
  return apiRequest<Page<User>>('/api/v1/users', { query: { q, cursor, limit: 50 }, signal });
}

/** POST /users. */
export function createUser(input: CreateUserInput): Promise<User> {
  return apiRequest<User>('/api/v1/users', { method: 'POST', json: input });
}

/** PATCH /users/{id}. */
export function updateUser(id: string, input: UpdateUserInput): Promise<User> {
  return apiRequest<User>(`/api/v1/users/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    json: input,
  });
}
