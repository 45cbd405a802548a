import { z } from 'zod';
import { ROLES } from '../../platform/actor.js';

/** A role grant as the API shows and takes it. */
export const RoleGrantSchema = z.object({
  role: z.enum(ROLES),
  unitCode: z.string().min(1).max(64).nullable().default(null),
});

export const RoleGrantOutSchema = RoleGrantSchema.extend({ unitName: z.string().nullable() });

/** An account as the API shows it (never the password hash). */
export const UserSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  kind: z.enum(['staff', 'citizen']),
  disabled: z.boolean(),
  roles: z.array(RoleGrantOutSchema),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

const Username = z
  .string()
  .min(3, 'Tên đăng nhập cần ít nhất 3 ký tự.')
  .max(64, 'Tên đăng nhập tối đa 64 ký tự.')
  .regex(/^[a-zA-Z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số và các dấu . _ -');
const Password = z
  .string()
  .min(8, 'Mật khẩu cần ít nhất 8 ký tự.')
  .max(256, 'Mật khẩu tối đa 256 ký tự.');

export const LoginBody = z.object({
  username: z.string().min(1, 'Nhập tên đăng nhập.').max(64),
  password: z.string().min(1, 'Nhập mật khẩu.').max(256),
});
export const LoginReply = z.object({ user: UserSchema, csrfToken: z.string() });

export const CreateUserBody = z.object({
  username: Username,
  password: Password,
  fullName: z.string().trim().min(1, 'Nhập họ và tên.').max(200),
  email: z.string().email('Email không đúng định dạng.').max(200).optional(),
  kind: z.enum(['staff', 'citizen']).default('staff'),
  roles: z.array(RoleGrantSchema).max(50).default([]),
});
export type CreateUserInput = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.object({
  fullName: z.string().trim().min(1, 'Nhập họ và tên.').max(200).optional(),
  email: z.string().email('Email không đúng định dạng.').max(200).nullable().optional(),
  roles: z.array(RoleGrantSchema).max(50).optional(),
  disabled: z.boolean().optional(),
  password: Password.optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserBody>;

export const ListUsersQuery = z.object({
  q: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const UserPage = z.object({ items: z.array(UserSchema), nextCursor: z.string().nullable() });
export const UserIdParams = z.object({ id: z.string().uuid('Mã tài khoản không hợp lệ.') });

/** GET /units/{code}/staff: `role` may repeat (?role=specialist&role=leader). */
export const UnitStaffParams = z.object({ code: z.string().min(1).max(64) });
export const UnitStaffQuery = z.object({
  role: z
    .preprocess(
      (v) => (v === undefined || Array.isArray(v) ? v : [v]),
      z.array(z.enum(ROLES)).max(6),
    )
    .optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
/** A colleague as a staff picker lists them: the grants that put them over the unit. */
export const StaffMemberSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(z.object({ role: z.enum(ROLES), unitCode: z.string().nullable() })),
});
export const StaffPageSchema = z.object({
  items: z.array(StaffMemberSchema),
  nextCursor: z.string().nullable(),
});
export type StaffPage = z.infer<typeof StaffPageSchema>;
