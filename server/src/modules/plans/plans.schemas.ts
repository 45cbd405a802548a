import {
  AssignmentView,
  PlanAssignmentSchema,
  PlanDetail,
  PlanDocumentSchema,
  PlanListReply,
  PlanSectionCodeSchema,
  PlanWithdrawSchema,
  TargetPatchSchema,
  TargetView,
} from '@cqs/shared/plans/index';
import { z } from 'zod';

// Zod schemas of the plans endpoints: validation and the OpenAPI document. The plan document
// itself (POST body, export.json) lives in @cqs/shared/plans, shared with the web app.

// The response schemas live in @cqs/shared/plans too (plan-view.schema.ts): the web reads
// their z.infer types.
export { AssignmentView, PlanDetail, PlanDocumentSchema, PlanListReply, TargetView };

export const PlanIdParams = z.object({ id: z.uuid('Mã kế hoạch không hợp lệ.') });
export const TargetParams = PlanIdParams.extend({
  targetId: z.uuid('Mã chỉ tiêu không hợp lệ.'),
});

export const PlanListQuery = z.object({
  /** Plans of this unit and of the units below it. */
  unit: z
    .string()
    .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/, 'Mã đơn vị không hợp lệ.')
    .optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** `true`: withdrawn plans too (default: only plans in force). */
  withdrawn: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** A change of a target: its indicator link and values (shared with the web's editor). */
export const TargetPatchBody = TargetPatchSchema;

/** Withdrawing a plan (thu hồi): the reason. */
export const WithdrawBody = PlanWithdrawSchema;

/** The target's whole list of assignments to child units (replaces the previous one). */
export const AssignmentsBody = z.object({
  items: z.array(PlanAssignmentSchema).max(300),
});

/** The pillar catalogue. */
export const SectionsReply = z.object({
  items: z.array(z.object({ code: PlanSectionCodeSchema, name: z.string(), nameEn: z.string() })),
});
