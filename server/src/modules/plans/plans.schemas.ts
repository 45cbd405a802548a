import {
  COMPARATORS,
  IndicatorCodeSchema,
  PLAN_STATUSES,
  PlanAssignmentSchema,
  PlanDocumentSchema,
  PlanSectionCodeSchema,
  TASK_KINDS,
} from '@cqs/shared/plans/index';
import { z } from 'zod';

// Zod schemas of the plans endpoints: validation and the OpenAPI document. The plan document
// itself (POST body, export.json) lives in @cqs/shared/plans, shared with the web app.

export { PlanDocumentSchema };

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
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const num = z.number();
const nullableNum = z.number().nullable();

export const AssignmentView = z.object({
  unitCode: z.string(),
  unitName: z.string().nullable(),
  value: num,
});

export const TargetView = z.object({
  id: z.uuid(),
  position: z.number().int(),
  sectionCode: PlanSectionCodeSchema,
  section: z.string().nullable(),
  text: z.string(),
  scope: z.string().nullable(),
  indicatorCode: z.string().nullable(),
  comparator: z.enum(COMPARATORS),
  targetValue: num,
  stretchValue: nullableNum,
  stretchText: z.string().nullable(),
  baseline: nullableNum,
  unitOfMeasure: z.string(),
  wording: z.string().nullable(),
  computable: z.boolean().nullable(),
  note: z.string().nullable(),
  assignments: z.array(AssignmentView),
});

export const PlanDetail = z.object({
  id: z.uuid(),
  unitCode: z.string(),
  unitName: z.string().nullable(),
  year: z.number().int(),
  title: z.string(),
  issuer: z.string().nullable(),
  documentNumber: z.string().nullable(),
  documentDate: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  source: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The pillars the plan uses, in catalogue order, with counts. */
  sections: z.array(
    z.object({
      code: PlanSectionCodeSchema,
      name: z.string(),
      targets: z.number().int(),
      tasks: z.number().int(),
    }),
  ),
  targets: z.array(TargetView),
  tasks: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      no: z.string().nullable(),
      group: z.string().nullable(),
      sectionCode: PlanSectionCodeSchema.nullable(),
      name: z.string(),
      content: z.string().nullable(),
      lead: z.array(z.string()).nullable(),
      support: z.array(z.string()).nullable(),
      kind: z.enum(TASK_KINDS).nullable(),
      deadline: z.string().nullable(),
    }),
  ),
  budget: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      no: z.string().nullable(),
      name: z.string(),
      executor: z.string().nullable(),
      period: z.string().nullable(),
      total: nullableNum,
      central: nullableNum,
      local: nullableNum,
      currencyNote: z.string().nullable(),
    }),
  ),
});

export const PlanListReply = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      unitCode: z.string(),
      unitName: z.string().nullable(),
      year: z.number().int(),
      title: z.string(),
      issuer: z.string().nullable(),
      status: z.enum(PLAN_STATUSES),
      targets: z.number().int(),
      tasks: z.number().int(),
      updatedAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const PlanNumber = z.number().finite().min(-1e15).max(1e15);

/** A change of a target: its indicator link and values; absent fields stay. */
export const TargetPatchBody = z
  .object({
    indicatorCode: IndicatorCodeSchema.nullable().optional(),
    comparator: z.enum(COMPARATORS).optional(),
    targetValue: PlanNumber.optional(),
    stretchValue: PlanNumber.nullable().optional(),
    baseline: PlanNumber.nullable().optional(),
    unitOfMeasure: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

/** The target's whole list of assignments to child units (replaces the previous one). */
export const AssignmentsBody = z.object({
  items: z.array(PlanAssignmentSchema).max(300),
});

/** The pillar catalogue. */
export const SectionsReply = z.object({
  items: z.array(z.object({ code: PlanSectionCodeSchema, name: z.string(), nameEn: z.string() })),
});
