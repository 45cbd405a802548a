import { useCursorList } from '../../../lib/use-cursor-list.ts';
import { listUsers } from '../api/users.api.ts';

/** Accounts matching `q`, cursor-paged. */
export function useUsers(q: string) {
  return useCursorList((cursor, signal) => listUsers(q, cursor, signal), [q]);
}
