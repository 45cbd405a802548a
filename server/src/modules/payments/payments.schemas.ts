import { isoInstant } from '@cqs/shared/calendar/index';
import { z } from 'zod';

export const UnitParams = z.object({ unitCode: z.string().min(1).max(64) });
export const DossierParams = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ.') });
export const DossierPaymentParams = DossierParams.extend({
  paymentId: z.uuid('Mã khoản thanh toán không hợp lệ.'),
});
export const CodeParams = z.object({ code: z.string().min(1).max(80) });
export const CodePaymentParams = CodeParams.extend({
  paymentId: z.uuid('Mã khoản thanh toán không hợp lệ.'),
});
export const ProviderParams = z.object({ provider: z.string().regex(/^[a-z0-9_-]{1,40}$/) });

/** The applicant's proof on public pages: the phone or the citizen ID given at receipt. */
export const ProofQuery = z
  .object({
    phone: z.string().min(1).max(20).optional(),
    citizenId: z.string().min(1).max(20).optional(),
  })
  .refine((q) => !!q.phone || !!q.citizenId, {
    message: 'Nhập số điện thoại hoặc số CCCD đã khai khi nộp hồ sơ.',
    path: ['phone'],
  });
export type Proof = z.infer<typeof ProofQuery>;

export const AccountBody = z.object({
  bankBin: z.string().regex(/^\d{6}$/, 'Mã ngân hàng (BIN) gồm 6 chữ số.'),
  accountNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{4,19}$/, 'Số tài khoản gồm 4–19 chữ số hoặc chữ cái, không dấu cách.'),
  accountName: z.string().trim().min(2, 'Nhập tên chủ tài khoản.').max(70),
});
export type AccountInput = z.infer<typeof AccountBody>;

const Account = z.object({
  unitCode: z.string(),
  bankBin: z.string(),
  bankName: z.string(),
  accountNumber: z.string(),
  accountName: z.string(),
  updatedAt: z.string(),
});
export const AccountReply = z.object({
  unitCode: z.string(),
  /** The unit's own account, if it has one. */
  own: Account.nullable(),
  /** What its fees are paid to: its own account or the nearest ancestor's. */
  effective: Account.nullable(),
});

export const PAYMENT_METHODS = ['cash', 'bank_transfer', 'card'] as const;
export const ConfirmBody = z.object({
  method: z.enum(PAYMENT_METHODS, 'Chọn hình thức: tiền mặt, chuyển khoản hoặc thẻ.'),
  amount: z.number().int('Số tiền là số nguyên (đồng).').positive('Số tiền phải lớn hơn 0.'),
  reference: z.string().trim().max(200).optional(),
  paidAt: isoInstant('Thời điểm nộp tiền theo ISO 8601 có múi giờ.').optional(),
});
export type ConfirmInput = z.infer<typeof ConfirmBody>;

const FeeItem = z.object({ name: z.string(), amount: z.number() });
const Receipt = z.object({
  paymentId: z.string(),
  number: z.string(),
  issuedAt: z.string(),
  url: z.string(),
});

export const PublicPaymentReply = z.object({
  code: z.string(),
  amount: z.number(),
  currency: z.literal('VND'),
  feeItems: z.array(FeeItem),
  status: z.enum(['not_required', 'unpaid', 'paid']),
  paidOnline: z.boolean().nullable(),
  /** False when the dossier was refused, withdrawn or stopped: nothing to pay any more. */
  payable: z.boolean(),
  payee: z
    .object({ bankName: z.string(), accountNumber: z.string(), accountName: z.string() })
    .nullable(),
  transferReference: z.string().nullable(),
  qr: z.object({ payload: z.string(), svg: z.string() }).nullable(),
  receipts: z.array(Receipt),
});
export type PublicPayment = z.infer<typeof PublicPaymentReply>;

export const PaymentView = z.object({
  id: z.string(),
  dossierId: z.string().nullable(),
  dossierCode: z.string().nullable(),
  amount: z.number(),
  method: z.enum(['cash', 'bank_transfer', 'card', 'gateway']),
  online: z.boolean(),
  status: z.enum(['confirmed', 'unmatched']),
  unmatchedReason: z.enum(['no_dossier', 'wrong_amount', 'already_paid', 'not_payable']).nullable(),
  provider: z.string().nullable(),
  transactionId: z.string().nullable(),
  reference: z.string().nullable(),
  paidAt: z.string(),
  confirmedByName: z.string(),
  receiptNumber: z.string().nullable(),
  receiptIssuedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PaymentViewT = z.infer<typeof PaymentView>;

export const StaffPaymentsReply = z.object({
  dossierId: z.string(),
  code: z.string(),
  amount: z.number(),
  feeItems: z.array(FeeItem),
  status: z.enum(['not_required', 'unpaid', 'paid']),
  paidOnline: z.boolean().nullable(),
  payable: z.boolean(),
  /** The caller may confirm a payment now (a desk officer of the unit, fee still due). */
  canConfirm: z.boolean(),
  transferReference: z.string(),
  payments: z.array(PaymentView.extend({ receiptUrl: z.string().nullable() })),
});

export const WebhookReply = z.object({
  paymentId: z.string(),
  status: z.enum(['confirmed', 'unmatched']),
  dossierCode: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  /** True when this transaction had already been delivered (nothing new was stored). */
  duplicate: z.boolean(),
});

export const UnmatchedReply = z.object({ items: z.array(PaymentView), nextCursor: z.null() });

export const BanksReply = z.object({
  items: z.array(z.object({ bin: z.string(), shortName: z.string(), name: z.string() })),
});
