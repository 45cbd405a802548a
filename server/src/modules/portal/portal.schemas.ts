import { PG_INTEGER_MAX } from '@cqs/shared/limits';
import { z } from 'zod';

/** How the result is returned: at the desk, or by public postal service to an address. */
export const DeliverySchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('desk') }),
  z.object({
    method: z.literal('postal'),
    address: z.string().trim().max(300, 'Địa chỉ tối đa 300 ký tự.'),
  }),
]);
export type Delivery =
  | { method: 'desk'; address?: undefined }
  | { method: 'postal'; address: string };

const AttachmentRef = z.object({
  componentKey: z.string().min(1).max(64),
  documentId: z.string().uuid('Mã giấy tờ không hợp lệ.'),
});

/** PUT /portal/drafts/{id}: what the citizen typed so far (each part optional). */
export const DraftPatchBody = z.object({
  version: z.number().int().positive().max(PG_INTEGER_MAX, 'Phiên bản (version) không hợp lệ.'),
  unitCode: z.string().max(64).nullable().optional(),
  applicant: z.record(z.string(), z.unknown()).optional(),
  formData: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  attachments: z.array(AttachmentRef).max(50).optional(),
  delivery: DeliverySchema.optional(),
});
export type DraftPatch = z.infer<typeof DraftPatchBody>;

export const DraftSchema = z.object({
  id: z.string(),
  procedureId: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  unitCode: z.string().nullable(),
  applicant: z.record(z.string(), z.unknown()),
  formData: z.record(z.string(), z.record(z.string(), z.unknown())),
  attachments: z.array(AttachmentRef),
  delivery: z.object({ method: z.enum(['desk', 'postal']), address: z.string().optional() }),
  /** Paths the server filled in ("applicant.fullName", "formData.to_khai.nguoiYeuCauHoTen"). */
  prefilled: z.array(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const DocumentSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['upload', 'result']),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  sourceDossierId: z.string().nullable(),
  /** Set: a paper of that draft only (uploaded without the data_store consent). */
  draftId: z.string().nullable(),
  createdAt: z.string(),
});

export const SubmittedReply = z.object({
  created: z.boolean(),
  dossier: z.object({
    id: z.string(),
    code: z.string(),
    status: z.string(),
    procedureName: z.string(),
    receivedAt: z.string(),
    dueAt: z.string(),
    feesDue: z.number(),
  }),
});

export const MyDossierItem = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  feesDue: z.number(),
  resultAvailable: z.boolean(),
  /** The result is digitally signed (checkable on /kiem-tra-chu-ky). */
  resultSigned: z.boolean(),
});

export const MyDossierSchema = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  timeline: z.array(z.object({ at: z.string(), action: z.string(), label: z.string() })),
  feesDue: z.number(),
  proof: z.object({ phone: z.string().nullable(), citizenId: z.string().nullable() }),
  delivery: z.object({ method: z.enum(['desk', 'postal']), address: z.string().optional() }),
  resultAvailable: z.boolean(),
  /** The result is digitally signed (checkable on /kiem-tra-chu-ky). */
  resultSigned: z.boolean(),
  prefilledFields: z.number(),
  totalFields: z.number(),
  reusedAttachments: z.number(),
  totalAttachments: z.number(),
});
