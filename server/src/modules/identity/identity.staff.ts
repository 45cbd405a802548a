// The staff of a unit (cán bộ của đơn vị), so assigning a dossier, a field report or a task
// picks a colleague by name instead of typing a login name (issue 12 deliver 6).
import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { cachedUnitLineage } from '../org/index.js';
import { holdsOverLineage, requireStaff } from './identity.policy.js';
import { identityRepository as repo } from './identity.repository.js';
import type { StaffPage } from './identity.schemas.js';

const STAFF_ROLES: Role[] = ['admin', 'desk_officer', 'specialist', 'leader', 'secretariat'];
const CURSOR = [{ tag: 'staff' }, 'text', 'uuid'] as const;

/**
 * Accounts holding one of `roles` (default: every staff role) over unit `code`: at the unit
 * itself, at a unit above it, or system-wide — the same people the dossier and report
 * "assign" actions accept (holdsOverLineage over the handling unit's lineage).
 * Visible to staff working over the unit or inside its subtree (a ward's officers see their
 * city's staff, a city dispatcher sees a ward's); to anyone else the unit is 404.
 */
export async function listUnitStaff(
  db: Kysely<Database>,
  actorOrNull: Actor | null,
  code: string,
  query: { role?: Role[]; cursor?: string; limit: number },
): Promise<StaffPage> {
  const actor = requireStaff(actorOrNull);
  const lineage = await cachedUnitLineage(db, code, actor.generations);
  const notFound = () => new NotFoundError(`Không tìm thấy đơn vị ${code}.`);
  if (lineage.length === 0) throw notFound();
  if (!holdsOverLineage(actor, STAFF_ROLES, lineage)) {
    // Not above it: maybe inside it (the unit is in the lineage of one of the actor's units).
    let inside = false;
    for (const g of actor.roles) {
      if (g.role === 'citizen' || g.unitCode === null) continue;
      if ((await cachedUnitLineage(db, g.unitCode, actor.generations)).includes(code)) {
        inside = true;
        break;
      }
    }
    if (!inside) throw notFound();
  }
  const roles = query.role?.length ? query.role.filter((r) => r !== 'citizen') : STAFF_ROLES;
  if (roles.length === 0) return { items: [], nextCursor: null };
  const after = query.cursor ? decodeCursor(query.cursor, CURSOR) : undefined;
  const rows = await repo.staffAt(db, {
    units: lineage,
    roles,
    after: after ? [after[1], after[2]] : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      username: r.username,
      fullName: r.full_name,
      roles: r.grants,
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor(['staff', last.full_name, last.id]) : null,
  };
}
