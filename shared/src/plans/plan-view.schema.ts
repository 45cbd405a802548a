import { z } from 'zod';
import { COMPARATORS, PLAN_STATUSES, PlanSectionCodeSchema, TASK_KINDS } from './plan.schema.ts';

// What the plans API answers (GET /api/v1/plans, GET /api/v1/plans/{id}, a changed target):
// the server's response schemas (OpenAPI, serialisation) and, through z.infer, the web's types,
// so the pages read exactly the fields the server sends.

const num = z.number();
const nullableNum = z.number().nullable();

/** A withdrawn plan's record (thu hồi): when, by whom, why; null while the plan is in force. */
export const WithdrawalView = z
  .object({ at: z.string(), byName: z.string().nullable(), reason: z.string() })
  .nullable();

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
  withdrawn: WithdrawalView,
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
      /** The task (tasks module) made of it when the plan was created; null before issue 12. */
      taskId: z.uuid().nullable(),
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
      withdrawn: WithdrawalView,
      targets: z.number().int(),
      tasks: z.number().int(),
      updatedAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export type PlanAssignmentView = z.infer<typeof AssignmentView>;
export type PlanTargetView = z.infer<typeof TargetView>;
export type PlanDetailView = z.infer<typeof PlanDetail>;
export type PlanTaskView = PlanDetailView['tasks'][number];
export type PlanBudgetView = PlanDetailView['budget'][number];
export type PlanSectionView = PlanDetailView['sections'][number];
export type PlanListReplyView = z.infer<typeof PlanListReply>;
export type PlanSummaryView = PlanListReplyView['items'][number];
