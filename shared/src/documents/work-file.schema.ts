// Work files (hồ sơ công việc, issue 13 deliver 1): the file a handler keeps of the documents
// about one piece of work, opened, filled and closed in the system (Nghị định 30/2020/NĐ-CP
// Chương IV Điều 28–29: "lập hồ sơ" = mở hồ sơ, thu thập, cập nhật văn bản vào hồ sơ, kết thúc
// hồ sơ; Phụ lục V: the file list's columns "Số và ký hiệu hồ sơ", "Tên đề mục và tiêu đề hồ
// sơ", "Thời hạn bảo quản", "Đơn vị/người lập hồ sơ"). Shared by the server and the web.
import { z } from 'zod';
import { PG_INTEGER_MAX } from '../limits.ts';

export const WORK_FILE_STATUSES = ['open', 'closed'] as const;
export type WorkFileStatus = (typeof WORK_FILE_STATUSES)[number];
export const WORK_FILE_STATUS_LABELS: Record<WorkFileStatus, string> = {
  open: 'Đang lập',
  closed: 'Đã kết thúc',
};

/**
 * Retention periods (thời hạn bảo quản) as the file lists write them: permanent, or a number of
 * years (Thông tư 10/2022/TT-BNV uses 70, 50, 20, 10, 5 and 2 years among others).
 */
export const RETENTION_CHOICES = ['permanent', '70', '50', '20', '10', '5', '2'] as const;
export const RetentionSchema = z
  .string()
  .trim()
  .regex(/^(permanent|[1-9][0-9]?)$/, 'Thời hạn bảo quản là "Vĩnh viễn" hoặc số năm (1–99).');

/** "Vĩnh viễn" or "10 năm". */
export function retentionLabel(r: string): string {
  return r === 'permanent' ? 'Vĩnh viễn' : `${r} năm`;
}

export const WORK_FILE_ACTIONS = ['add', 'remove', 'close', 'reopen'] as const;
export type WorkFileAction = (typeof WORK_FILE_ACTIONS)[number];
export const WORK_FILE_ACTION_LABELS: Record<WorkFileAction | 'open', string> = {
  open: 'Mở hồ sơ',
  add: 'Đưa văn bản vào hồ sơ',
  remove: 'Rút văn bản khỏi hồ sơ',
  close: 'Kết thúc hồ sơ',
  reopen: 'Mở lại hồ sơ',
};

const Version = z
  .number()
  .int()
  .min(1, 'Thiếu phiên bản hồ sơ (version).')
  .max(PG_INTEGER_MAX, 'Phiên bản (version) không hợp lệ.');
const DocumentId = z.string().uuid('Mã văn bản không hợp lệ.');

export const CreateWorkFileBody = z.object({
  /** Tiêu đề hồ sơ. */
  title: z.string().trim().min(1, 'Nhập tiêu đề hồ sơ.').max(500, 'Tiêu đề tối đa 500 ký tự.'),
  /** The unit whose file list it joins; the caller's own unit when they have one. */
  unitCode: z.string().trim().min(1).max(64).optional(),
  /** The symbol after the number ("03.VHTT"); the unit's abbreviation by default. */
  notation: z
    .string()
    .trim()
    .regex(/^[\p{Lu}\p{N}][\p{Lu}\p{N}-]{0,19}$/u, 'Ký hiệu hồ sơ: chữ in hoa, số, dấu gạch nối.')
    .optional(),
  retention: RetentionSchema.default('10'),
  /** Documents to put in at once. */
  documentIds: z.array(DocumentId).max(50).default([]),
});
export type CreateWorkFileInput = z.infer<typeof CreateWorkFileBody>;

export const WorkFileActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add'), version: Version, documentId: DocumentId }),
  z.object({ action: z.literal('remove'), version: Version, documentId: DocumentId }),
  z.object({
    action: z.literal('close'),
    version: Version,
    /** What came of the work (kết quả giải quyết), kept on the file. */
    note: z.string().trim().max(4000).optional(),
  }),
  z.object({
    action: z.literal('reopen'),
    version: Version,
    reason: z.string().trim().min(1, 'Nhập lý do mở lại hồ sơ.').max(2000),
  }),
]);
export type WorkFileActionInput = z.infer<typeof WorkFileActionBody>;

export const WorkFileIdParams = z.object({ id: z.string().uuid('Mã hồ sơ không hợp lệ.') });

export const WorkFileListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(WORK_FILE_STATUSES).optional(),
  /** Only the caller's own files (người lập hồ sơ). */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(200).optional(),
  /** Files holding this document (the document page's "Hồ sơ công việc" box). */
  documentId: DocumentId.optional(),
});

export const WorkFileSummarySchema = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string().nullable(),
  year: z.number(),
  /** Số và ký hiệu hồ sơ: "03.VHTT". */
  code: z.string(),
  title: z.string(),
  retention: z.string(),
  retentionLabel: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string(),
  status: z.enum(WORK_FILE_STATUSES),
  statusLabel: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  documentCount: z.number(),
  version: z.number(),
});
export type WorkFileSummaryView = z.infer<typeof WorkFileSummarySchema>;

export const WorkFileListReply = z.object({ items: z.array(WorkFileSummarySchema) });

export const WorkFileDetailSchema = WorkFileSummarySchema.extend({
  note: z.string().nullable(),
  /** The documents in it, in the order they were put in (mục lục văn bản). */
  documents: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(['incoming', 'outgoing']),
      numberSymbol: z.string().nullable(),
      issuedOn: z.string().nullable(),
      issuerName: z.string().nullable(),
      summary: z.string(),
      statusLabel: z.string(),
      addedAt: z.string(),
      addedByName: z.string(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      actorName: z.string(),
      occurredAt: z.string(),
      note: z.string().nullable(),
    }),
  ),
  /** The actions the caller may take now. */
  allowedActions: z.array(z.enum(WORK_FILE_ACTIONS)),
});
export type WorkFileDetailView = z.infer<typeof WorkFileDetailSchema>;
