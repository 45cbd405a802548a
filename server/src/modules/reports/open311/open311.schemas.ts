import { z } from 'zod';

/** POST /open311/clients (admin): a name for the app or system that will use the key. */
export const CreateClientBody = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Nhập tên ứng dụng hoặc hệ thống sẽ dùng khóa.')
    .max(200, 'Tên tối đa 200 ký tự.'),
});

/** The answer to a create: the only time the key is ever shown. */
export const CreatedClientReply = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The API key (`api_key`): shown once, stored only as its sha256 hash. */
  apiKey: z.string(),
  keyPrefix: z.string(),
  createdAt: z.string(),
});

/** A client as the admin list shows it: never the key, only its first characters. */
export const ClientSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  keyPrefix: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ username: z.string(), fullName: z.string() }).nullable(),
  revokedAt: z.string().nullable(),
  reportCount: z.number(),
  lastReportAt: z.string().nullable(),
});
export type ClientView = z.infer<typeof ClientSchema>;

export const ClientListReply = z.object({
  items: z.array(ClientSchema),
  nextCursor: z.null(),
});

export const ClientIdParams = z.object({ id: z.uuid('Mã ứng dụng không hợp lệ.') });

/** The path parameters of the GeoReport v2 routes: the suffix is checked by the route. */
export const FormatParams = z.object({ fmt: z.string() });
export const CodeFormatParams = z.object({ code: z.string().max(200), fmt: z.string() });
export const TokenFormatParams = z.object({ token: z.string().max(200), fmt: z.string() });
export const IdFormatParams = z.object({ id: z.string().max(200), fmt: z.string() });
