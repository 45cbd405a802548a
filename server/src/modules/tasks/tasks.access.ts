// Who may see and do what with a task (docs/architecture.md "Tasks"). A grant counts over
// its unit and every unit below it (identity.policy.ts); objects of other units are 404.
import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { cachedUnitDescendants, cachedUnitLineage } from '../org/index.js';
import type { TaskRow } from './tasks.repository.js';

type Db = Kysely<Database>;

const STAFF: ReadonlySet<Role> = new Set([
  'admin',
  'desk_officer',
  'specialist',
  'leader',
  'secretariat',
]);
/**
 * Who assigns and steers a task: the leader, the secretariat (văn phòng, which keeps the
 * plan) and the unit administrator of the assigning unit. A grant must name a unit: the
 * system administrator runs the system, not a unit's work.
 */
const MANAGERS: ReadonlySet<Role> = new Set(['leader', 'secretariat', 'admin']);
/** Who works on a task and reports on it: the officers of the lead (or supporting) unit. */
const WORKERS: ReadonlySet<Role> = new Set(['desk_officer', 'specialist', 'leader', 'secretariat']);

/** What the actor may do with one task. */
export interface TaskRights {
  read: boolean;
  /** Change it, pause, resume, cancel (the assigning unit). */
  manage: boolean;
  /** Report progress with a percent, finish it, add evidence (the lead unit). */
  report: boolean;
  /** Add a note and evidence without a percent (a supporting unit, or the lead). */
  note: boolean;
}

function holds(actor: Actor, roles: ReadonlySet<Role>, lineage: Set<string>, unitScoped: boolean) {
  return actor.roles.some(
    (g) =>
      roles.has(g.role) &&
      (g.unitCode === null ? !unitScoped && g.role === 'admin' : lineage.has(g.unitCode)),
  );
}

/** The actor's rights over a task. */
export async function rightsOver(
  db: Db,
  actor: Actor | null,
  t: Pick<TaskRow, 'assigned_by_unit_code' | 'lead_unit_code' | 'support_unit_codes'>,
): Promise<TaskRights> {
  const none = { read: false, manage: false, report: false, note: false };
  if (!actor?.roles.some((g) => STAFF.has(g.role))) return none;
  const line = async (code: string) =>
    new Set(await cachedUnitLineage(db, code, actor.generations));
  const assigning = await line(t.assigned_by_unit_code);
  const lead = await line(t.lead_unit_code);
  const support = new Set<string>();
  for (const code of t.support_unit_codes) for (const u of await line(code)) support.add(u);
  const all = new Set([...assigning, ...lead, ...support]);
  const report = holds(actor, WORKERS, lead, true);
  return {
    read: holds(actor, STAFF, all, false),
    manage: holds(actor, MANAGERS, assigning, true),
    report,
    note: report || holds(actor, WORKERS, support, true),
  };
}

/** The rights, or 404 when the actor may not even see the task (or it does not exist). */
export async function requireVisible(
  db: Db,
  actor: Actor | null,
  t: TaskRow | undefined,
): Promise<TaskRights> {
  if (!t) throw notFound();
  const rights = await rightsOver(db, actor, t);
  if (!rights.read) throw notFound();
  return rights;
}

export const notFound = () => new NotFoundError('Không tìm thấy nhiệm vụ.', 'task_not_found');

/** 403 unless the actor may assign tasks on behalf of `unitCode`. */
export async function requireManagerOf(db: Db, actor: Actor, unitCode: string): Promise<void> {
  const lineage = new Set(await cachedUnitLineage(db, unitCode, actor.generations));
  if (!holds(actor, MANAGERS, lineage, true))
    throw new ForbiddenError(
      'Chỉ lãnh đạo, văn phòng hoặc quản trị của đơn vị giao mới được giao và điều chỉnh nhiệm vụ.',
      'task_manage_forbidden',
    );
}

/** Units where the actor may assign tasks (its manager grants' own units). */
export function managerUnits(actor: Actor): string[] {
  return [
    ...new Set(
      actor.roles
        .filter((g) => MANAGERS.has(g.role) && g.unitCode !== null)
        .map((g) => g.unitCode!),
    ),
  ];
}

/** Units whose tasks the actor may list (its staff grants' subtrees); null = every unit. */
export async function visibleUnits(db: Db, actor: Actor): Promise<string[] | null> {
  const grants = actor.roles.filter((g) => STAFF.has(g.role));
  if (grants.some((g) => g.unitCode === null)) return null;
  const out = new Set<string>();
  for (const g of grants)
    for (const u of await cachedUnitDescendants(db, g.unitCode!, actor.generations)) out.add(u);
  return [...out];
}

/** The actor's own units ("our tasks"): the units its staff grants name. */
export function ownUnits(actor: Actor): string[] {
  return [
    ...new Set(
      actor.roles.filter((g) => STAFF.has(g.role) && g.unitCode !== null).map((g) => g.unitCode!),
    ),
  ];
}
