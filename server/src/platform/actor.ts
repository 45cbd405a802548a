import type { Role } from '@cqs/shared/identity/index';
import type { Generations } from './cache/reference-cache.js';

export { ROLES, type Role } from '@cqs/shared/identity/index';

/** A role held over one unit and everything below it. */
export interface RoleGrant {
  role: Role;
  unitCode: string | null;
}

/** Who is acting: a signed-in user, or the system itself (jobs, start-up, CLI). */
export interface Actor {
  id: string | null;
  name: string;
  roles: RoleGrant[];
  requestId?: string;
  /** Reference-data generations read with the session (platform/cache). */
  generations?: Generations;
}

/** The actor for work the system does on its own. */
export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', roles: [] };
