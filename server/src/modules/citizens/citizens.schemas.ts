import { isoDate } from '@cqs/shared/calendar/index';
import { canonicalPhone, isCitizenId } from '@cqs/shared/vn/index';
import { z } from 'zod';
import { LoginReply } from '../identity/index.js';
import { CONSENT_PURPOSE_KEYS } from './citizens.consents.js';

/** The password rule citizens are told: 8 characters or more, with letters and digits. */
const Password = z
  .string()
  .min(8, 'Mật khẩu cần ít nhất 8 ký tự, gồm cả chữ và số.')
  .max(256, 'Mật khẩu tối đa 256 ký tự.')
  .refine(
    (p) => /\p{L}/u.test(p) && /\d/.test(p),
    'Mật khẩu cần ít nhất 8 ký tự, gồm cả chữ và số.',
  );

const FullName = z
  .string()
  .trim()
  .min(1, 'Nhập họ và tên như trên CCCD.')
  .max(200, 'Họ và tên tối đa 200 ký tự.')
  .transform((s) => s.normalize('NFC'));

const PHONE_HINT = 'Nhập số điện thoại di động gồm 10 chữ số, ví dụ 0912345678.';
const EMAIL_HINT = 'Nhập địa chỉ e-mail đúng dạng, ví dụ ten@example.vn.';

/** A phone or an e-mail address, exactly one, as registration and password reset take it. */
const ContactFields = {
  phone: z.string().max(30).optional(),
  email: z.string().trim().max(200).optional(),
};

/** The check of `ContactFields`; `missing` is the message when neither or both are given. */
function checkContact(missing: string) {
  return (b: { phone?: string; email?: string }, ctx: z.RefinementCtx) => {
    const hasPhone = !!b.phone?.trim();
    const hasEmail = !!b.email?.trim();
    if (hasPhone === hasEmail) ctx.addIssue({ code: 'custom', path: ['phone'], message: missing });
    else if (hasPhone && !canonicalPhone(b.phone!))
      ctx.addIssue({ code: 'custom', path: ['phone'], message: PHONE_HINT });
    else if (hasEmail && !z.email().safeParse(b.email).success)
      ctx.addIssue({ code: 'custom', path: ['email'], message: EMAIL_HINT });
  };
}

/** The channel and the canonical contact (phone 0xxxxxxxxx, e-mail lowercased). */
const contactOf = (b: { phone?: string; email?: string }) => ({
  channel: (b.phone?.trim() ? 'sms' : 'email') as 'sms' | 'email',
  contact: b.phone?.trim() ? canonicalPhone(b.phone)! : b.email!.trim().toLowerCase(),
});

export const RegistrationBody = z
  .object({
    ...ContactFields,
    password: Password,
    fullName: FullName,
    acceptTerms: z.literal(true, { error: 'Bạn cần đồng ý với điều khoản sử dụng để đăng ký.' }),
  })
  .superRefine(checkContact('Nhập số điện thoại hoặc địa chỉ e-mail (chỉ một trong hai).'))
  .transform((b) => ({ ...contactOf(b), password: b.password, fullName: b.fullName }));
export type RegistrationInput = z.output<typeof RegistrationBody>;

/** A password reset is asked for the phone or e-mail the account was registered with. */
export const PasswordResetBody = z
  .object(ContactFields)
  .superRefine(
    checkContact('Nhập số điện thoại hoặc địa chỉ e-mail đã dùng để đăng ký (chỉ một trong hai).'),
  )
  .transform(contactOf);
export type PasswordResetInput = z.output<typeof PasswordResetBody>;

export const PasswordResetParams = z.object({
  id: z.string().uuid('Mã yêu cầu đặt lại mật khẩu không hợp lệ.'),
});
export const PasswordResetVerifyBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Nhập mã xác nhận gồm 6 chữ số đã được gửi cho bạn.'),
  newPassword: Password,
});

export const RegistrationReply = z.object({
  id: z.string().uuid(),
  channel: z.enum(['sms', 'email']),
  expiresAt: z.string(),
});
export const RegistrationParams = z.object({
  id: z.string().uuid('Mã yêu cầu đăng ký không hợp lệ.'),
});
export const VerifyBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Nhập mã xác nhận gồm 6 chữ số đã được gửi cho bạn.'),
});
export const VerifyReply = LoginReply;

const IsoDate = isoDate({
  format: 'Nhập ngày sinh theo dạng năm-tháng-ngày, ví dụ 1990-05-31.',
  invalid: 'Ngày sinh không có thật, hãy kiểm tra lại (từ năm 1900).',
});

const nullable = <T extends z.ZodType>(t: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    t.nullable().default(null),
  );

/** The profile as the citizen edits it. */
export const ProfileBody = z.object({
  fullName: FullName,
  citizenId: nullable(
    z
      .string()
      .trim()
      .refine(
        isCitizenId,
        'Nhập số CCCD gồm 12 chữ số (3 số đầu là mã tỉnh nơi đăng ký khai sinh).',
      ),
  ),
  dateOfBirth: nullable(IsoDate),
  phone: nullable(
    z.string().transform((v, ctx) => {
      const p = canonicalPhone(v);
      if (!p) ctx.addIssue({ code: 'custom', message: PHONE_HINT });
      return p ?? v;
    }),
  ),
  email: nullable(
    z.string().trim().toLowerCase().pipe(z.email(EMAIL_HINT)).pipe(z.string().max(200)),
  ),
  address: z
    .object({
      line: z.string().trim().min(1, 'Nhập địa chỉ (số nhà, đường, khóm/ấp).').max(300),
      unitCode: z.string().trim().max(64).nullable().optional(),
    })
    .nullable()
    .default(null),
});
export type ProfileInput = z.output<typeof ProfileBody>;

export const ProfileSchema = z.object({
  fullName: z.string(),
  citizenId: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.object({ line: z.string(), unitCode: z.string().nullable() }).nullable(),
  updatedAt: z.string().nullable(),
});
export type Profile = z.infer<typeof ProfileSchema>;

const LEGAL_BASIS_HINT =
  'Ghi căn cứ pháp lý có số hiệu (ví dụ: Công văn số 123/CAP-PC ngày 02/01/2027 của Công an tỉnh; Điều 17 Nghị định 13/2023/NĐ-CP).';

export const StaffProfileParams = z.object({
  userId: z.string().uuid('Mã tài khoản không hợp lệ.'),
});
export const StaffProfileQuery = z.object({
  purpose: z
    .string({ error: 'Ghi rõ mục đích xem dữ liệu cá nhân (ví dụ: tiếp nhận hồ sơ số …).' })
    .trim()
    .min(5, 'Ghi rõ mục đích xem dữ liệu cá nhân (ví dụ: tiếp nhận hồ sơ số …).')
    .max(300),
  /**
   * The legal ground of a system administrator's read (no dossier of the citizen to handle):
   * the request or provision it answers, which names a number (a document, an article).
   */
  legalBasis: z
    .string()
    .trim()
    .min(10, LEGAL_BASIS_HINT)
    .max(300)
    .regex(/\d/, LEGAL_BASIS_HINT)
    .optional(),
});
export const StaffProfileReply = ProfileSchema.extend({
  userId: z.string(),
  username: z.string(),
});

export const AccessLogQuery = z.object({
  cursor: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AccessEntry = z.object({
  id: z.number(),
  at: z.string(),
  accessorName: z.string(),
  accessorUsername: z.string(),
  field: z.string(),
  purpose: z.string(),
});
export const AccessPage = z.object({
  items: z.array(AccessEntry),
  nextCursor: z.string().nullable(),
});

export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSE_KEYS);
export const ConsentParams = z.object({ purpose: ConsentPurposeSchema });
export const ConsentBody = z.object({ granted: z.boolean() });
export const ConsentState = z.object({
  purpose: ConsentPurposeSchema,
  granted: z.boolean(),
  wordingVersion: z.string(),
  wording: z.string(),
  decidedAt: z.string().nullable(),
});
export const ConsentList = z.object({
  items: z.array(ConsentState),
  history: z.array(
    z.object({
      purpose: z.string(),
      granted: z.boolean(),
      wordingVersion: z.string(),
      at: z.string(),
    }),
  ),
});

export const DeletionBody = z.object({
  password: z.string().min(1, 'Nhập mật khẩu để xác nhận.').max(256),
});
export const DeletionReply = z.object({
  deleted: z.array(z.object({ what: z.string(), description: z.string() })),
  kept: z.array(z.object({ what: z.string(), reason: z.string() })),
});
