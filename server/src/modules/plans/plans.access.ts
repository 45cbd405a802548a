import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { holdsOverLineage, requireStaff } from '../identity/index.js';
import { unitDescendants, unitLineage } from '../org/index.js';

// Who may see and change a plan (docs/architecture.md, "Plans"). Read: every staff member
// whose unit is on the plan's line — at the plan's unit or above it (the city reads its
// wards' plans) or below it (a ward reads the city plan whose targets are handed down to it).
// Write: an administrator, leader or secretariat (Ban Chỉ đạo's văn phòng) holding over the
// plan's unit. Anyone else gets 404 for a plan, so plans of other units cannot be probed.

/** Roles that draft and change a plan. */
export const PLAN_WRITERS: Role[] = ['admin', 'leader', 'secretariat'];

const staffGrants = (actor: Actor) => actor.roles.filter((g) => g.role !== 'citizen');

export const planNotFound = () =>
  new NotFoundError('Không tìm thấy kế hoạch (hoặc bạn không có quyền xem).', 'plan_not_found');

/** True when the actor may read plans of this unit. */
export async function canReadPlanOf(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
): Promise<boolean> {
  const grants = staffGrants(actor);
  if (grants.length === 0) return false;
  if (grants.some((g) => g.unitCode === null)) return true;
  const lineage = await unitLineage(db, unitCode);
  if (grants.some((g) => lineage.includes(g.unitCode!))) return true;
  for (const g of grants) {
    if ((await unitLineage(db, g.unitCode!)).includes(unitCode)) return true;
  }
  return false;
}

/** True when the actor may change plans of this unit (or create one for it). */
export async function canWritePlanOf(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
): Promise<boolean> {
  return holdsOverLineage(actor, PLAN_WRITERS, await unitLineage(db, unitCode));
}

/**
 * Throws unless the actor may read this plan: 403 for a caller with no staff role at all,
 * 404 for staff of another line.
 */
export async function requirePlanReader(
  db: Kysely<Database>,
  actor: Actor | null,
  unitCode: string,
): Promise<Actor> {
  const a = requireStaff(actor);
  if (!(await canReadPlanOf(db, a, unitCode))) throw planNotFound();
  return a;
}

/**
 * Throws unless the actor may change this existing plan: 404 when it may not even read it,
 * 403 when it reads it but its role never writes plans here.
 */
export async function requirePlanWriter(
  db: Kysely<Database>,
  actor: Actor | null,
  unitCode: string,
): Promise<Actor> {
  const a = await requirePlanReader(db, actor, unitCode);
  if (!(await canWritePlanOf(db, a, unitCode)))
    throw new ForbiddenError(
      'Chỉ quản trị, lãnh đạo hoặc văn phòng (thư ký) của đơn vị mới được sửa kế hoạch.',
      'plan_write_forbidden',
    );
  return a;
}

/** Throws 403 unless the actor may create a plan for this unit (unit codes are public). */
export async function requirePlanCreator(
  db: Kysely<Database>,
  actor: Actor | null,
  unitCode: string,
): Promise<Actor> {
  const a = requireStaff(actor);
  if (!(await canWritePlanOf(db, a, unitCode)))
    throw new ForbiddenError(
      `Bạn không được lập kế hoạch cho đơn vị ${unitCode}: cần vai trò quản trị, lãnh đạo hoặc văn phòng của đơn vị đó hoặc cấp trên.`,
      'plan_write_forbidden',
    );
  return a;
}

/** Units whose plans the actor may read (null: every unit). */
export async function readableUnits(
  db: Kysely<Database>,
  actor: Actor,
): Promise<Set<string> | null> {
  const grants = staffGrants(actor);
  if (grants.some((g) => g.unitCode === null)) return null;
  const out = new Set<string>();
  for (const g of grants) {
    for (const c of await unitLineage(db, g.unitCode!)) out.add(c);
    for (const c of await unitDescendants(db, g.unitCode!)) out.add(c);
  }
  return out;
}
