// Moved from server/src/modules/indicators (the server re-exports it) so the web infers the
// dashboard's types from the same schemas the server validates and documents with.

import { z } from 'zod';
import { GRADES } from './grading.ts';

// Request and response shapes of grades, the 766 index, rankings and trends (validation and
// OpenAPI). Field names of the contracts (issue 12 deliver 8) are kept exactly.

/** interop.md periods: 2026, 2026Q3, 2026S1, 202611, 20261122. */
export const PeriodSchema = z
  .string()
  .regex(
    /^(19|2[01])\d{2}(Q[1-4]|S[12]|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])?)?$/,
    'Kỳ không hợp lệ: dùng 2026, 2026Q3, 2026S1, 202611 hoặc 20261122.',
  );
const UnitCode = z.string().regex(/^[0-9A-Za-z._-]{1,20}$/, 'Mã đơn vị không hợp lệ.');
const IndicatorCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'Mã chỉ số không hợp lệ.')
  .max(80);
const Year = z.coerce
  .number({ message: 'Năm không hợp lệ.' })
  .int('Năm không hợp lệ.')
  .min(1976, 'Năm không hợp lệ.')
  .max(2199, 'Năm không hợp lệ.');

export const UnitCodeParams = z.object({ code: UnitCode });
export const IndicatorParams = z.object({ code: IndicatorCode });
export const PlanParams = z.object({ id: z.uuid('Mã kế hoạch không hợp lệ.') });
export const SetParams = z.object({
  set: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'Mã bộ trọng số không hợp lệ.'),
});

export const PeriodQuery = z.object({ period: PeriodSchema.optional() });
export const RankingQuery = z.object({
  unit: UnitCode,
  period: PeriodSchema.optional(),
  direction: z.enum(['higher', 'lower']).default('higher'),
});
export const SetRankingQuery = z.object({ unit: UnitCode, period: PeriodSchema.optional() });
export const TrendQuery = z.object({
  unit: UnitCode,
  year: Year,
  plan: z.uuid('Mã kế hoạch không hợp lệ.').optional(),
});

const Rate = z.number().min(0).max(100);

export const Index766SettingSchema = z.object({
  groups: z
    .array(
      z.object({
        code: z.string().trim().min(1).max(60),
        name: z.string().trim().min(1).max(200),
        points: z.number().min(0).max(100),
        indicators: z
          .array(
            z.object({
              code: IndicatorCode,
              name: z.string().trim().min(1).max(300),
              points: z.number().min(0).max(100),
              target: Rate,
              sources: z.array(IndicatorCode).min(1).max(10).optional(),
              origin: z.enum(['computed', 'entered']),
            }),
          )
          .min(1)
          .max(20),
      }),
    )
    .min(1)
    .max(20),
});

export const Index766SettingReply = Index766SettingSchema.extend({
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});

export const Index766Reply = z.object({
  unit: z.string(),
  period: z.string(),
  total: z.number(),
  points: z.number(),
  groups: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      points: z.number(),
      score: z.number(),
      indicators: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          rate: z.number().nullable(),
          target: z.number(),
          points: z.number(),
          score: z.number(),
          origin: z.enum(['computed', 'entered']),
          noData: z.boolean(),
        }),
      ),
    }),
  ),
});

const Grade = z.enum(GRADES);

export const GradesReply = z.object({
  plan: z.object({ id: z.string(), unitCode: z.string(), year: z.number(), title: z.string() }),
  period: z.string(),
  items: z.array(
    z.object({
      targetId: z.string(),
      indicator: z.string().nullable(),
      comparator: z.enum(['>=', '<=', '=']),
      target: z.number(),
      value: z.number().nullable(),
      grade: Grade,
      unitCode: z.string(),
      text: z.string(),
      stretch: z.number().nullable(),
      stretchMet: z.boolean().nullable(),
      decimals: z.number().nullable(),
      forecast: z.number().nullable().optional(),
      atRisk: z.boolean().optional(),
    }),
  ),
});

export const IndicatorRankingReply = z.object({
  indicator: z.string(),
  unit: z.string(),
  period: z.string(),
  direction: z.enum(['higher', 'lower']),
  items: z.array(
    z.object({
      rank: z.number().nullable(),
      unitCode: z.string(),
      unitName: z.string(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      value: z.number().nullable(),
    }),
  ),
});

const WeightItemSchema = z.object({
  indicator: IndicatorCode,
  weight: z.number().gt(0, 'Trọng số phải lớn hơn 0.').max(1000),
  target: z.number().nullable().optional(),
  direction: z.enum(['higher', 'lower']),
});

export const WeightSetBody = z.object({
  code: SetParams.shape.set,
  name: z.string().trim().min(1).max(300),
  items: z.array(WeightItemSchema).min(1).max(100),
});

export const WeightSetReply = WeightSetBody.extend({ isDefault: z.boolean() });
export const WeightSetsReply = z.object({ items: z.array(WeightSetReply) });

export const SetRankingReply = z.object({
  set: z.object({ code: z.string(), name: z.string() }),
  unit: z.string(),
  period: z.string(),
  items: z.array(
    z.object({
      rank: z.number().nullable(),
      unitCode: z.string(),
      unitName: z.string(),
      score: z.number().nullable(),
      parts: z.array(
        z.object({
          indicator: z.string(),
          value: z.number().nullable(),
          attainment: z.number(),
        }),
      ),
    }),
  ),
});

export const TrendReply = z.object({
  indicator: z.string(),
  unit: z.string(),
  year: z.number(),
  kind: z.enum(['rate', 'count']),
  months: z.array(
    z.object({
      period: z.string(),
      value: z.number().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
    }),
  ),
  cumulative: z.number().nullable(),
  forecast: z.number().nullable(),
  method: z.enum(['rate_recent_volume', 'count_linear', 'final']),
  basisMonths: z.number(),
  target: z
    .object({
      targetId: z.string(),
      comparator: z.enum(['>=', '<=', '=']),
      value: z.number(),
      forecastGrade: Grade,
    })
    .nullable(),
  atRisk: z.boolean().nullable(),
});
