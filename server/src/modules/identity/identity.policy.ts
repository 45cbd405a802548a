import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError, UnauthenticatedError } from '../../platform/errors.js';
import { unitLineage } from '../org/index.js';

/** Throws 401 unless someone is signed in. */
export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/** True when the actor holds `role` over the whole system (no unit scope). */
export function holdsGlobally(actor: Actor, role: Role): boolean {
  return actor.roles.some((g) => g.role === role && g.unitCode === null);
}

/** Like holdsOver, with the unit's lineage (its code and its ancestors') already known. */
export function holdsOverLineage(actor: Actor, roles: Role[], lineage: readonly string[]): boolean {
  const grants = actor.roles.filter((g) => roles.includes(g.role));
  return grants.some((g) => g.unitCode === null || lineage.includes(g.unitCode));
}

/** True when the actor holds one of `roles` over `unitCode` (at that unit or an ancestor). */
export async function holdsOver(
  db: Kysely<Database>,
  actor: Actor,
  roles: Role[],
  unitCode: string,
): Promise<boolean> {
  const grants = actor.roles.filter((g) => roles.includes(g.role));
  if (grants.length === 0) return false;
  if (grants.some((g) => g.unitCode === null)) return true;
  const lineage = new Set(await unitLineage(db, unitCode));
  return grants.some((g) => g.unitCode !== null && lineage.has(g.unitCode));
}

/** Throws 403 unless the actor is a system-wide administrator. */
export function requireSystemAdmin(actor: Actor | null): Actor {
  const a = requireSignedIn(actor);
  if (!holdsGlobally(a, 'admin')) {
    throw new ForbiddenError('Chỉ quản trị hệ thống mới được thực hiện thao tác này.');
  }
  return a;
}

/** Throws 403 unless the actor is an administrator of `unitCode` (or system-wide). */
export async function requireUnitAdmin(
  db: Kysely<Database>,
  actor: Actor | null,
  unitCode: string,
): Promise<Actor> {
  const a = requireSignedIn(actor);
  if (!(await holdsOver(db, a, ['admin'], unitCode))) {
    throw new ForbiddenError(`Bạn không phải quản trị của đơn vị ${unitCode}.`);
  }
  return a;
}

/** Throws 403 unless the actor is staff (any staff role). */
export function requireStaff(actor: Actor | null): Actor {
  const a = requireSignedIn(actor);
  if (!a.roles.some((g) => g.role !== 'citizen'))
    throw new ForbiddenError('Chỉ cán bộ mới được truy cập.');
  return a;
}
