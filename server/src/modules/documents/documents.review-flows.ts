// Approval flows (trình duyệt) as data (issue 13 deliver 2: "review and approval steps defined as
// data per unit and type"): which steps a unit's drafts go through before the signer — the
// drafting department's head, the office's check of form (ND30 Điều 12: văn thư / văn phòng
// kiểm tra thể thức), the leader — per document type, or `*` for every type without its own.
// A draft takes the flow in force when it is submitted (documents.actions.ts `submit`), so a
// change never moves drafts already in review.
//
// Who: the staff of the unit, of the units above and below it read its flows; its leaders and administrators (of the
// unit or above, and the system administrator) change them; others get 404.
import {
  DOCUMENT_TYPE_CODES,
  REVIEW_STEP_LABELS,
  ReviewFlowBody,
  ReviewFlowParams,
  ReviewFlowQuery,
  ReviewFlowsReply,
  type ReviewFlowsView,
} from '@cqs/shared/documents/index';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { requireStaff } from '../identity/index.js';
import { cachedUnitLineage, findUnitsByCodes } from '../org/index.js';
import { holdsAt, STAFF } from './documents.access.js';
import { DEFAULT_REVIEW_FLOW } from './documents.actions.js';
import { documentsRepository as repo } from './documents.repository.js';

type Db = Kysely<Database>;
const tags = ['documents'];

const unitNotFound = () =>
  new NotFoundError('Không tìm thấy đơn vị hoặc bạn không có quyền xem.', 'unit_not_found');

/** What the caller may do with a unit's flows. */
async function relation(db: Db, actor: Actor, unit: string) {
  const system = actor.roles.some((g) => g.role === 'admin' && !g.unitCode);
  const line = await cachedUnitLineage(db, unit, actor.generations);
  const above = (roles: readonly Role[]) =>
    actor.roles.some((g) => g.unitCode && roles.includes(g.role) && line.includes(g.unitCode));
  const write = system || above(['admin']) || holdsAt(actor, 'leader', unit);
  // A unit's own departments draft for it, so staff below it read its flows too.
  let below = false;
  for (const g of actor.roles)
    if (g.unitCode && STAFF.includes(g.role))
      below ||= (await cachedUnitLineage(db, g.unitCode, actor.generations)).includes(unit);
  return { read: write || above(STAFF) || below, write };
}

const stepsOf = (roles: readonly string[]) =>
  roles.map((role) => ({
    role,
    label: REVIEW_STEP_LABELS[role as keyof typeof REVIEW_STEP_LABELS] ?? role,
  }));

/** The unit's flows as the settings page shows them; 404 unseen or unknown unit. */
export async function reviewFlows(db: Db, actor: Actor, unit: string): Promise<ReviewFlowsView> {
  if ((await findUnitsByCodes(db, [unit])).size === 0) throw unitNotFound();
  const rel = await relation(db, actor, unit);
  if (!rel.read) throw unitNotFound();
  const rows = await repo.reviewFlows(db, unit);
  const order = ['*', ...DOCUMENT_TYPE_CODES] as string[];
  return {
    unitCode: unit,
    defaultSteps: DEFAULT_REVIEW_FLOW,
    flows: rows
      .map((r) => ({ typeCode: r.type_code, steps: stepsOf(r.steps.map((s) => s.role)) }))
      .sort((a, b) => order.indexOf(a.typeCode) - order.indexOf(b.typeCode)),
    editable: rel.write,
  };
}

/** Sets (steps) or removes (null: back to the default) the unit's flow for a type, audited. */
export async function changeReviewFlow(
  db: Db,
  actor: Actor,
  unit: string,
  type: string,
  steps: string[] | null,
): Promise<ReviewFlowsView> {
  if ((await findUnitsByCodes(db, [unit])).size === 0) throw unitNotFound();
  const rel = await relation(db, actor, unit);
  if (!rel.read) throw unitNotFound();
  if (!rel.write)
    throw new ForbiddenError(
      'Chỉ lãnh đạo hoặc quản trị của đơn vị mới thay đổi được quy trình trình duyệt.',
      'review_flow_forbidden',
    );
  const tx = async (trx: Db) => {
    const before = (await repo.reviewFlows(trx, unit)).find((r) => r.type_code === type);
    if (steps) await repo.setReviewFlow(trx, unit, type, stepsOf(steps));
    else await repo.deleteReviewFlow(trx, unit, type);
    await recordAudit(trx, actor, {
      action: steps ? 'document_review_flow.set' : 'document_review_flow.reset',
      entityType: 'document_review_flow',
      entityId: `${unit}:${type}`,
      unitCode: unit,
      before: before ? { steps: before.steps.map((s) => s.role) } : undefined,
      after: { steps: steps ?? DEFAULT_REVIEW_FLOW.map((s) => s.role) },
    });
  };
  await (db.isTransaction ? tx(db) : db.transaction().execute(tx));
  return reviewFlows(db, actor, unit);
}

/** GET/PUT/DELETE /document-review-flows… under /api/v1. */
export function reviewFlowRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/document-review-flows',
      {
        schema: {
          tags,
          summary: 'A unit’s approval flows (trình duyệt) per document type, and the default flow',
          querystring: ReviewFlowQuery,
          response: { 200: ReviewFlowsReply },
        },
      },
      async (req) => reviewFlows(ctx.kysely, requireStaff(req.actor), req.query.unit),
    );
    app.put(
      '/document-review-flows/:unitCode/:typeCode',
      {
        schema: {
          tags,
          summary:
            'Set a unit’s approval flow for a document type (* = every type without its own); drafts submitted afterwards take it',
          params: ReviewFlowParams,
          body: ReviewFlowBody,
          response: { 200: ReviewFlowsReply },
        },
      },
      async (req) =>
        changeReviewFlow(
          ctx.kysely,
          requireStaff(req.actor),
          req.params.unitCode,
          req.params.typeCode,
          req.body.steps,
        ),
    );
    app.delete(
      '/document-review-flows/:unitCode/:typeCode',
      {
        schema: {
          tags,
          summary: 'Remove a unit’s flow for a type: its drafts take the `*` flow or the default',
          params: ReviewFlowParams,
          response: { 200: ReviewFlowsReply },
        },
      },
      async (req) =>
        changeReviewFlow(
          ctx.kysely,
          requireStaff(req.actor),
          req.params.unitCode,
          req.params.typeCode,
          null,
        ),
    );
  };
}
