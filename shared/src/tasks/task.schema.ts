// The tasks API's request and response schemas (nhiệm vụ, issue 12 deliver 2 and 8), shared by
// the server (validation, OpenAPI) and the web (types by z.infer, so a renamed field breaks the
// web's build instead of its pages).

import { z } from 'zod';
import { IsoDateSchema as IsoDate } from '../calendar/date.schema.ts';
import { PG_INTEGER_MAX } from '../limits.ts';

export const TASK_SOURCE_TYPES = [
  'plan_section',
  'plan_task',
  'document',
  'directive',
  'meeting_conclusion',
  'manual',
] as const;
export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'paused', 'cancelled'] as const;
export const TASK_KINDS = ['new', 'carried_over'] as const;
export const TASK_ACTIONS = ['pause', 'resume', 'cancel'] as const;

/** Vietnamese names of the stored statuses ("Quá hạn" is derived: `overdue`). */
export const TASK_STATUS_LABELS: Record<(typeof TASK_STATUSES)[number], string> = {
  not_started: 'Chưa bắt đầu',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  paused: 'Tạm dừng',
  cancelled: 'Đã hủy',
};

const UnitCode = z.string().trim().min(1, 'Chọn đơn vị.').max(64);
const Text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max);

/** Where a task comes from: a reference other modules fill with their own ids (no foreign key). */
export const TaskSourceSchema = z.object({
  type: z.enum(TASK_SOURCE_TYPES),
  id: z.string().trim().min(1).max(200).nullable().optional(),
  label: z.string().trim().max(500).nullable().optional(),
});

/** A date (moved to the next working day if it is not one), N working days, or ongoing. */
export const DeadlineSchema = z.union([
  z.object({ on: IsoDate }).strict(),
  z
    .object({
      workingDays: z
        .number()
        .int('Số ngày làm việc phải là số nguyên.')
        .min(1, 'Số ngày làm việc từ 1 trở lên.')
        .max(1000, 'Số ngày làm việc tối đa 1000.'),
    })
    .strict(),
  z.object({ ongoing: z.literal(true) }).strict(),
]);

export const CreateTaskBody = z.object({
  content: Text(4000, 'Nhập nội dung nhiệm vụ.'),
  source: TaskSourceSchema.optional(),
  /** The assigning unit (giao); default: the caller's one unit where it may assign. */
  assignedByUnitCode: UnitCode.optional(),
  leadUnitCode: UnitCode,
  supportUnitCodes: z.array(UnitCode).max(50).default([]),
  responsibleId: z.string().uuid('Người phụ trách không hợp lệ.').nullable().optional(),
  kind: z.enum(TASK_KINDS).default('new'),
  deadline: DeadlineSchema,
});

const Version = z
  .number()
  .int()
  .min(1, 'Thiếu phiên bản nhiệm vụ (version).')
  .max(PG_INTEGER_MAX, 'Phiên bản (version) không hợp lệ.');

export const PatchTaskBody = z.object({
  /** Optional when the If-Match header carries it. */
  version: Version.optional(),
  content: Text(4000, 'Nhập nội dung nhiệm vụ.').optional(),
  leadUnitCode: UnitCode.optional(),
  supportUnitCodes: z.array(UnitCode).max(50).optional(),
  responsibleId: z.string().uuid('Người phụ trách không hợp lệ.').nullable().optional(),
  kind: z.enum(TASK_KINDS).optional(),
  deadline: DeadlineSchema.optional(),
});

export const ProgressBody = z.object({
  /** Omitted: a note (a supporting unit's, or the lead's without a new figure). */
  percent: z
    .number()
    .int('Tỷ lệ hoàn thành phải là số nguyên.')
    .min(0, 'Tỷ lệ hoàn thành từ 0 đến 100.')
    .max(100, 'Tỷ lệ hoàn thành từ 0 đến 100.')
    .optional(),
  text: Text(4000, 'Nhập nội dung báo cáo.'),
  fileIds: z.array(z.string().uuid('Tệp không hợp lệ.')).max(20).default([]),
  /** With percent 100: the task is finished (hoàn thành). */
  done: z.boolean().default(false),
});

export const ActionBody = z.object({
  action: z.enum(TASK_ACTIONS),
  reason: z.string().trim().max(2000).optional(),
  version: Version,
});

export const IdParams = z.object({ id: z.string().uuid('Mã nhiệm vụ không hợp lệ.') });

export const ListQuery = z.object({
  /** Tasks assigned by or led by units in this unit's subtree (within the caller's scope). */
  unit: z.string().max(64).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Lead unit code (exact). */
  lead: z.string().max(64).optional(),
  /** `type` or `type:id`, e.g. `plan_section:3f…`. */
  source: z.string().max(250).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const TaskFileSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  progressId: z.string().nullable(),
  createdAt: z.string(),
});

export const TaskSchema = z.object({
  id: z.string(),
  content: z.string(),
  source: z.object({
    type: z.enum(TASK_SOURCE_TYPES),
    id: z.string().nullable(),
    label: z.string().nullable(),
  }),
  assignedByUnitCode: z.string(),
  leadUnitCode: z.string(),
  supportUnitCodes: z.array(z.string()),
  responsible: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  kind: z.enum(TASK_KINDS),
  /** null = thường xuyên (ongoing). */
  deadlineOn: z.string().nullable(),
  deadlineNote: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  statusLabel: z.string(),
  /** Derived: open and past its deadline. */
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  percent: z.number(),
  doneOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const TaskDetailSchema = TaskSchema.extend({
  progress: z.array(
    z.object({
      id: z.string(),
      percent: z.number().nullable(),
      text: z.string(),
      authorName: z.string(),
      authorUnitCode: z.string().nullable(),
      reportedAt: z.string(),
      fileIds: z.array(z.string()),
    }),
  ),
  events: z.array(
    z.object({
      seq: z.number(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actorName: z.string(),
      unitCode: z.string(),
      occurredAt: z.string(),
      payload: z.record(z.string(), z.unknown()),
    }),
  ),
  files: z.array(TaskFileSchema),
  /** What the caller may do (the web shows only these). */
  allowed: z.object({
    manage: z.boolean(),
    report: z.boolean(),
    note: z.boolean(),
  }),
});

export const ListReply = z.object({
  items: z.array(TaskSchema),
  nextCursor: z.string().nullable(),
});

export type TaskView = z.infer<typeof TaskSchema>;
export type TaskDetailView = z.infer<typeof TaskDetailSchema>;
export type TaskProgressView = TaskDetailView['progress'][number];
export type TaskFileView = z.infer<typeof TaskFileSchema>;
export type TaskListView = z.infer<typeof ListReply>;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskKind = (typeof TASK_KINDS)[number];
export type CreateTaskInput = z.input<typeof CreateTaskBody>;
export type ProgressInput = z.input<typeof ProgressBody>;
export type DeadlineInput = z.infer<typeof DeadlineSchema>;
