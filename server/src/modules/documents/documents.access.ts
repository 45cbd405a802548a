// Who may see and act on a document (issue 13 deliver 6): the unit holding it — its office
// (văn thư, role secretariat) and its leaders, and those above it by the grant's subtree —
// the units and people it was assigned or shared to, its drafter, reviewers and signer.
// Everyone else gets 404, as for every object of another unit.
import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/errors.js';
import { cachedUnitDescendants, cachedUnitLineage } from '../org/index.js';
import {
  type AccessRow,
  type AssignmentRow,
  type DocumentRow,
  documentsRepository as repo,
} from './documents.repository.js';
import type { Relation } from './documents.states.js';

type Db = Kysely<Database>;

/** Roles that see every document of the units under their grant (the office and the leaders). */
export const OVERSEERS: readonly Role[] = ['leader', 'secretariat', 'admin'];
export const STAFF: readonly Role[] = [
  'desk_officer',
  'specialist',
  'leader',
  'secretariat',
  'admin',
];

/** A document that does not exist and one the caller may not see answer alike. */
export const documentNotFound = () =>
  new NotFoundError(
    'Không tìm thấy văn bản hoặc bạn không có quyền xem văn bản này.',
    'document_not_found',
  );

/** The units an actor oversees (leader, office, unit admin grants) and works in (any staff grant), subtrees included. */
export async function scopeOf(
  db: Db,
  actor: Actor,
): Promise<{ oversee: string[]; staff: string[] }> {
  const oversee = new Set<string>();
  const staff = new Set<string>();
  for (const g of actor.roles) {
    if (!g.unitCode || !STAFF.includes(g.role)) continue;
    const below = await cachedUnitDescendants(db, g.unitCode, actor.generations);
    for (const u of below) {
      staff.add(u);
      if (OVERSEERS.includes(g.role)) oversee.add(u);
    }
  }
  return { oversee: [...oversee], staff: [...staff] };
}

/** Whether the actor holds `role` (or one of `roles`) at exactly `unit`. */
export const holdsAt = (actor: Actor, role: Role | readonly Role[], unit: string) =>
  actor.roles.some(
    (g) =>
      g.unitCode === unit && (typeof role === 'string' ? g.role === role : role.includes(g.role)),
  );

/** The actor's relations to a document (documents.states.ts Relation). */
export async function relationsTo(
  db: Db,
  actor: Actor,
  doc: DocumentRow,
  assignments: AssignmentRow[],
  access: AccessRow[],
): Promise<Set<Relation>> {
  const out = new Set<Relation>();
  // Clerk and leader act for the unit itself: a city's office does not register a ward's mail.
  if (holdsAt(actor, 'secretariat', doc.unit_code)) out.add('clerk');
  if (holdsAt(actor, 'leader', doc.unit_code)) out.add('leader');
  const lineageOf = async (code: string) => cachedUnitLineage(db, code, actor.generations);
  const staffOver = async (code: string) => {
    const line = await lineageOf(code);
    return actor.roles.some(
      (g) => g.unitCode && STAFF.includes(g.role) && line.includes(g.unitCode),
    );
  };
  for (const a of assignments) {
    const mine = a.user_id ? a.user_id === actor.id : await staffOver(a.unit_code);
    if (!mine) continue;
    if (a.role === 'lead' || a.role === 'support') out.add('handler');
    if (a.role === 'lead') out.add('lead');
    out.add('reader');
  }
  if (doc.created_by && doc.created_by === actor.id && doc.direction === 'outgoing')
    out.add('drafter');
  if (doc.direction === 'outgoing') {
    if (
      doc.signer_user_id ? doc.signer_user_id === actor.id : holdsAt(actor, 'leader', doc.unit_code)
    )
      out.add('signer');
    const step =
      doc.status === 'in_review' && doc.review_step !== null
        ? doc.review_flow[doc.review_step]
        : undefined;
    if (step && reviewerHolds(actor, step.role, doc)) out.add('reviewer');
    // An approved draft may still be sent back by its signer (reject): the signer relation covers it.
  }
  if (out.size > 0) out.add('reader');
  const docLine = await lineageOf(doc.unit_code);
  if (
    actor.roles.some(
      (g) => g.unitCode && OVERSEERS.includes(g.role) && docLine.includes(g.unitCode),
    )
  )
    out.add('reader');
  for (const x of access) {
    if (x.user_id && x.user_id === actor.id) out.add('reader');
    if (x.unit_code && (await staffOver(x.unit_code))) out.add('reader');
  }
  return out;
}

/** Who holds an approval step (REVIEW_STEP_ROLES) for a draft of this unit. */
export function reviewerHolds(
  actor: Actor,
  stepRole: string,
  doc: Pick<DocumentRow, 'unit_code' | 'drafting_unit_code'>,
): boolean {
  switch (stepRole) {
    case 'department_head':
      return holdsAt(actor, 'leader', doc.drafting_unit_code ?? doc.unit_code);
    case 'office':
      return holdsAt(actor, 'secretariat', doc.unit_code);
    case 'leader':
      return holdsAt(actor, 'leader', doc.unit_code);
    default:
      return false;
  }
}

/**
 * The one way to load a document for a caller: the row, its assignments and the caller's
 * relations; 404 when it does not exist or the caller may not read it.
 */
export async function readableDocument(db: Db, actor: Actor, id: string) {
  const d = await repo.get(db, id);
  if (!d) throw documentNotFound();
  const [assignments, access] = await Promise.all([repo.assignments(db, id), repo.access(db, id)]);
  const rel = await relationsTo(db, actor, d, assignments, access);
  if (!rel.has('reader')) throw documentNotFound();
  return { d, assignments, rel };
}
