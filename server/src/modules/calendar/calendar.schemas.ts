import { IsoDateSchema as IsoDate } from '@cqs/shared/calendar/index';
import { z } from 'zod';

const Hm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải theo dạng HH:MM (24 giờ).');
const Year = z.coerce
  .number()
  .int('Năm phải là số nguyên.')
  .min(1976, 'Năm từ 1976.')
  .max(2199, 'Năm đến 2199.');

export const DueQuery = z
  .object({
    from: z.string().min(1, 'Nhập thời điểm tiếp nhận (ISO 8601).'),
    days: z.coerce.number().int('Số ngày làm việc phải là số nguyên.').min(0).max(3650).optional(),
    hours: z.coerce.number().positive('Số giờ làm việc phải lớn hơn 0.').max(10_000).optional(),
    unit: z.string().max(64).optional(),
  })
  .refine((q) => (q.days === undefined) !== (q.hours === undefined), {
    message: 'Cần đúng một trong hai tham số days (ngày làm việc) hoặc hours (giờ làm việc).',
    path: ['days'],
  });
export const DueReply = z.object({ due: z.string() });

export const YearParams = z.object({ year: Year });
export const OverridesBody = z.object({
  daysOff: z.array(IsoDate).max(366).default([]),
  workingDays: z.array(IsoDate).max(366).default([]),
});

export const DaysQuery = z.object({ year: Year, unit: z.string().max(64).optional() });
export const DaysReply = z.object({
  year: z.number(),
  days: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(['weekend', 'holiday', 'compensatory', 'override_off', 'override_working']),
      nameVi: z.string().nullable(),
      nameEn: z.string().nullable(),
    }),
  ),
});

const SessionSchema = z.object({ start: Hm, end: Hm });
export const SettingsBody = z.object({
  morning: SessionSchema,
  afternoon: SessionSchema,
  cutoff: Hm,
});
export const SettingsReply = SettingsBody.extend({
  unitCode: z.string(),
  inheritedFrom: z.string().nullable(),
});
export const UnitParams = z.object({ unitCode: z.string().min(1).max(64) });
