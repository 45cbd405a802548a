import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/errors.js';
import { cachedUnitDescendants } from '../org/index.js';

const STAFF: ReadonlySet<Role> = new Set([
  'admin',
  'desk_officer',
  'specialist',
  'leader',
  'secretariat',
]);

/** The staff roles the actor holds over a report whose units' lineage is known. */
export function rolesOverLineage(actor: Actor | null, lineage: readonly string[]): Set<Role> {
  const roles = new Set<Role>();
  if (!actor) return roles;
  const units = new Set(lineage);
  for (const g of actor.roles)
    if (STAFF.has(g.role) && (g.unitCode === null || units.has(g.unitCode))) roles.add(g.role);
  return roles;
}

/** The roles, or 404 (not 403, so ids cannot be probed) when the actor holds none over it. */
export function requireVisible(
  actor: Actor | null,
  lineage: readonly string[] | undefined,
): Set<Role> {
  const roles = lineage ? rolesOverLineage(actor, lineage) : new Set<Role>();
  if (roles.size === 0) throw new NotFoundError('Không tìm thấy phản ánh.', 'report_not_found');
  return roles;
}

/** Unit codes whose reports the actor may list; null = every unit (a system-wide grant). */
export async function visibleUnitCodes(
  db: Kysely<Database>,
  actor: Actor,
): Promise<string[] | null> {
  const grants = actor.roles.filter((g) => STAFF.has(g.role));
  if (grants.some((g) => g.unitCode === null)) return null;
  const codes = new Set<string>();
  for (const g of grants)
    for (const c of await cachedUnitDescendants(db, g.unitCode!, actor.generations)) codes.add(c);
  return [...codes];
}

/** sha256 (hex) of a follow token: only this is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True when `token` is the report's follow token (constant-time comparison). */
export function tokenMatches(token: string | undefined, storedHash: string): boolean {
  if (!token) return false;
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
