import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/errors.js';
import { cachedUnitDescendants, cachedUnitLineage } from '../org/index.js';
import { type DossierFull, dossiersRepository as repo } from './dossiers.repository.js';

type Db = Kysely<Database>;
const STAFF: ReadonlySet<Role> = new Set([
  'admin',
  'desk_officer',
  'specialist',
  'leader',
  'secretariat',
]);

/**
 * The roles the actor holds over a dossier: a grant counts when its unit is the receiving
 * unit, the handling unit (liên thông), or an ancestor of either.
 */
export async function rolesOverDossier(
  db: Db,
  actor: Actor | null,
  d: { unit_code: string; handling_unit_code: string },
): Promise<Set<Role>> {
  const roles = new Set<Role>();
  if (!actor) return roles;
  const grants = actor.roles.filter((g) => STAFF.has(g.role));
  if (grants.length === 0) return roles;
  const lineage = new Set([
    ...(await cachedUnitLineage(db, d.unit_code, actor.generations)),
    ...(d.handling_unit_code !== d.unit_code
      ? await cachedUnitLineage(db, d.handling_unit_code, actor.generations)
      : []),
  ]);
  for (const g of grants) if (g.unitCode === null || lineage.has(g.unitCode)) roles.add(g.role);
  return roles;
}

/** The roles the actor holds over a dossier whose units' lineage is known (see loadFull). */
export function rolesOverLineage(actor: Actor | null, lineage: readonly string[]): Set<Role> {
  const roles = new Set<Role>();
  if (!actor) return roles;
  const units = new Set(lineage);
  for (const g of actor.roles)
    if (STAFF.has(g.role) && (g.unitCode === null || units.has(g.unitCode))) roles.add(g.role);
  return roles;
}

/** Like requireVisible, for a dossier read with its lineage: the roles, or 404. */
export function requireVisibleFull(actor: Actor | null, full: DossierFull | undefined): Set<Role> {
  const roles = full ? rolesOverLineage(actor, full.lineage) : new Set<Role>();
  if (roles.size === 0) throw new NotFoundError('Không tìm thấy hồ sơ.', 'dossier_not_found');
  return roles;
}

/** Throws 404 (not 403, so codes cannot be probed) unless the actor holds a staff role over it. */
export async function requireVisible(
  db: Db,
  actor: Actor | null,
  d: { unit_code: string; handling_unit_code: string } | undefined,
): Promise<Set<Role>> {
  if (!d) throw new NotFoundError('Không tìm thấy hồ sơ.', 'dossier_not_found');
  const roles = await rolesOverDossier(db, actor, d);
  if (roles.size === 0) throw new NotFoundError('Không tìm thấy hồ sơ.', 'dossier_not_found');
  return roles;
}

/** Unit codes whose dossiers the actor may list; null = every unit (a system-wide grant). */
export async function visibleUnitCodes(db: Db, actor: Actor): Promise<string[] | null> {
  const grants = actor.roles.filter((g) => STAFF.has(g.role));
  if (grants.some((g) => g.unitCode === null)) return null;
  const codes = new Set<string>();
  for (const g of grants)
    for (const c of await cachedUnitDescendants(db, g.unitCode!, actor.generations)) codes.add(c);
  return [...codes];
}

/**
 * The latest dossier the citizen account `userId` owns (submitted online) whose receiving or
 * handling unit is among the actor's units, or null: what lets staff read that citizen's
 * profile (the citizens module asks through app.ts).
 */
export async function ownedDossierVisibleTo(
  db: Db,
  actor: Actor,
  userId: string,
): Promise<{ id: string; code: string } | null> {
  const units = await visibleUnitCodes(db, actor);
  if (units !== null && units.length === 0) return null;
  return (await repo.latestOwnedIn(db, userId, units)) ?? null;
}
