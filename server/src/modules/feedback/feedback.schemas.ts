import { IsoDateSchema } from '@cqs/shared/calendar/index';
import { PG_INTEGER_MAX } from '@cqs/shared/limits';
import { z } from 'zod';

// Request and response shapes of ratings and petitions (validation + OpenAPI).

export const CodeParams = z.object({ code: z.string().trim().min(1).max(60) });
export const IdParams = z.object({ id: z.uuid('Mã kiến nghị không hợp lệ.') });

/** The applicant's proof: the phone or the citizen ID given at receipt (one is needed). */
const proofFields = {
  phone: z.string().trim().max(20).optional(),
  citizenId: z.string().trim().max(12).optional(),
};
const needsProof = (p: { phone?: string; citizenId?: string }) => !!(p.phone || p.citizenId);
const proofMessage = {
  message: 'Nhập số điện thoại hoặc số CCCD đã khai khi nộp hồ sơ.',
  path: ['phone'],
};

export const ProofQuery = z.object(proofFields).refine(needsProof, proofMessage);

export const RatingBody = z
  .object({
    ...proofFields,
    score: z
      .number({ message: 'Chọn mức đánh giá từ 1 đến 5.' })
      .int('Chọn mức đánh giá từ 1 đến 5.')
      .min(1, 'Chọn mức đánh giá từ 1 đến 5.')
      .max(5, 'Chọn mức đánh giá từ 1 đến 5.'),
    comment: z.string().trim().max(1000, 'Góp ý tối đa 1000 ký tự.').optional(),
  })
  .refine(needsProof, proofMessage);

export const RatingSchema = z.object({
  score: z.number().int(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});

export const RatingReply = z.object({
  code: z.string(),
  /** True while a rating may be given (result out, not rated yet). */
  open: z.boolean(),
  rating: RatingSchema.nullable(),
});

export const PetitionBody = z
  .object({
    ...proofFields,
    content: z
      .string()
      .trim()
      .min(1, 'Nhập nội dung kiến nghị.')
      .max(4000, 'Nội dung kiến nghị tối đa 4000 ký tự.'),
    contact: z
      .object({
        email: z.email('Địa chỉ e-mail không hợp lệ.').max(200).optional().or(z.literal('')),
      })
      .optional(),
  })
  .refine(needsProof, proofMessage);

export const PetitionCreated = z.object({
  id: z.uuid(),
  number: z.string(),
  ackDueAt: z.string(),
  dueAt: z.string(),
});

const petitionStatus = z.enum(['received', 'accepted', 'rejected', 'answered']);

/** What the applicant sees of their petition. */
export const ApplicantPetition = z.object({
  id: z.uuid(),
  number: z.string(),
  content: z.string(),
  status: petitionStatus,
  statusLabel: z.string(),
  createdAt: z.string(),
  dueAt: z.string(),
  /** The published answer (or the reason it was not taken up). */
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** The latest question staff asked (shown only to the proof holder), and the answer. */
  infoRequest: z
    .object({
      question: z.string(),
      askedAt: z.string(),
      answer: z.string().nullable(),
      answeredAt: z.string().nullable(),
    })
    .nullable(),
});
export const ApplicantPetitions = z.object({ items: z.array(ApplicantPetition) });

export const PetitionIdParams = CodeParams.extend({
  id: z.uuid('Mã kiến nghị không hợp lệ.'),
});

export const InfoAnswerBody = z
  .object({
    ...proofFields,
    answer: z
      .string()
      .trim()
      .min(1, 'Nhập nội dung trả lời.')
      .max(2000, 'Nội dung trả lời tối đa 2000 ký tự.'),
  })
  .refine(needsProof, proofMessage);

export const PetitionListQuery = z.object({
  status: petitionStatus.optional(),
  unit: z.string().trim().min(1).max(40).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Only open petitions the deadline sweep marked due soon (≤ 1 working day left). */
  dueSoon: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PetitionListQueryT = z.infer<typeof PetitionListQuery>;

const PetitionSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  dossierId: z.uuid(),
  dossierCode: z.string(),
  procedureName: z.string(),
  unitCode: z.string(),
  status: petitionStatus,
  statusLabel: z.string(),
  content: z.string(),
  createdAt: z.string(),
  ackDueAt: z.string(),
  dueAt: z.string(),
  /** The deadline that matters now (null once handled). */
  nextDueAt: z.string().nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
});
export const PetitionListReply = z.object({
  items: z.array(PetitionSummary),
  nextCursor: z.string().nullable(),
  /** Open petitions of the caller's units the sweep marked overdue / due soon (not overdue). */
  counts: z.object({ overdue: z.number().int(), dueSoon: z.number().int() }),
});

export const PetitionDetail = PetitionSummary.extend({
  dossierStatus: z.string(),
  hasPhone: z.boolean(),
  contactEmail: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  outcome: z.enum(['on_time', 'late', 'open']),
  version: z.number().int(),
  allowedActions: z.array(z.enum(['accept', 'reject', 'answer', 'request_info'])),
  /** Until when more information may be asked (receipt + 5 working days). */
  infoDueAt: z.string(),
  /** The latest question to the applicant and their answer (null: none asked). */
  infoRequest: z
    .object({
      question: z.string(),
      askedAt: z.string(),
      answer: z.string().nullable(),
      answeredAt: z.string().nullable(),
    })
    .nullable(),
  events: z.array(
    z.object({
      seq: z.number().int(),
      at: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actorName: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});

export const PetitionActionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('accept'),
    version: z.number().int().min(1).max(PG_INTEGER_MAX, 'Phiên bản (version) không hợp lệ.'),
  }),
  z.object({
    action: z.literal('reject'),
    version: z.number().int().min(1).max(PG_INTEGER_MAX, 'Phiên bản (version) không hợp lệ.'),
    reason: z
      .string()
      .trim()
      .min(1, 'Nhập lý do không thụ lý.')
      .max(4000, 'Lý do tối đa 4000 ký tự.'),
  }),
  z.object({
    action: z.literal('answer'),
    version: z.number().int().min(1).max(PG_INTEGER_MAX, 'Phiên bản (version) không hợp lệ.'),
    answer: z
      .string()
      .trim()
      .min(1, 'Nhập nội dung trả lời.')
      .max(4000, 'Nội dung trả lời tối đa 4000 ký tự.'),
  }),
  z.object({
    action: z.literal('request_info'),
    version: z.number().int().min(1).max(PG_INTEGER_MAX, 'Phiên bản (version) không hợp lệ.'),
    reason: z
      .string()
      .trim()
      .min(1, 'Nhập câu hỏi đề nghị người kiến nghị bổ sung.')
      .max(2000, 'Câu hỏi tối đa 2000 ký tự.'),
  }),
]);
export type PetitionActionBodyT = z.infer<typeof PetitionActionBody>;

export const StatsQuery = z.object({
  unit: z.string().trim().min(1).max(40).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
export type StatsQueryT = z.infer<typeof StatsQuery>;

const StatsRow = z.object({
  unitCode: z.string().nullable(),
  unitName: z.string(),
  ratings: z.number().int(),
  scoreSum: z.number().int(),
  meanScore: z.number().nullable(),
  satisfied: z.number().int(),
  satisfiedRate: z.number().nullable(),
  petitionsReceived: z.number().int(),
  petitionsAnswered: z.number().int(),
  petitionsRejected: z.number().int(),
  petitionsOnTime: z.number().int(),
  petitionsLate: z.number().int(),
  petitionsOpenOverdue: z.number().int(),
  onTimeRate: z.number().nullable(),
});
export const StatsReply = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(StatsRow),
  total: StatsRow,
});
