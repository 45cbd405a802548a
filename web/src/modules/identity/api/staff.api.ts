import { apiRequest, type Page } from '../../../api/client.ts';
import type { Role } from './identity.types.ts';

/** A colleague as GET /units/{code}/staff lists them (the grants that put them over the unit). */
export interface StaffMember {
  id: string;
  username: string;
  fullName: string;
  roles: { role: Role; unitCode: string | null }[];
}

/**
 * GET /units/{code}/staff?role=…: the people over the unit who hold one of `roles`, by name.
 * Follows the cursor to the end: a unit's staff is a handful to a few hundred.
 */
export async function listUnitStaff(
  unitCode: string,
  roles: readonly Role[],
  signal: AbortSignal,
): Promise<StaffMember[]> {
  const url = `/api/v1/units/${encodeURIComponent(unitCode)}/staff`;
  const params = new URLSearchParams();
  for (const role of roles) params.append('role', role);
  params.set('limit', '200');
  const items: StaffMember[] = [];
  let cursor: string | null = null;
  do {
    if (cursor) params.set('cursor', cursor);
    const page: Page<StaffMember> = await apiRequest<Page<StaffMember>>(`${url}?${params}`, {
      signal,
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
