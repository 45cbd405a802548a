// Moved from server/src/modules/indicators (the server re-exports it) so the web infers the
// dashboard's types from the same schemas the server validates and documents with.

import { z } from 'zod';
import { PERIOD_PATTERN } from './period.ts';

const Code = z.string().min(1).max(64);
const UnitCode = z.string().min(1).max(64);
// Checked by the service (400 `invalid_period` with a Vietnamese detail), so only the length here.
const PeriodParam = z.string().min(1).max(16).describe(`DHIS2 period: ${PERIOD_PATTERN}`);

export const IndicatorItem = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  kind: z.enum(['computed', 'entered', 'imported']),
  definition: z.string(),
  decimals: z.number().int(),
  published: z.boolean(),
  timing: z.enum(['flow', 'stock']).nullable(),
  /** The computed spec (shared/src/indicators/spec.ts), null for entered and imported ones. */
  spec: z.record(z.string(), z.unknown()).nullable(),
});

export const IndicatorList = z.object({
  items: z.array(IndicatorItem),
  nextCursor: z.null(),
});

export const CodeParams = z.object({ code: Code });

export const ValuesQuery = z.object({
  unit: UnitCode,
  period: PeriodParam,
  children: z.enum(['true', 'false']).optional(),
});

const ValueRow = z.object({
  indicator: z.string(),
  unit: z.string(),
  period: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
});

export const ValuesReply = ValueRow.extend({ children: z.array(ValueRow).optional() });

export const EnterValueBody = z
  .object({
    indicator: Code,
    unit: UnitCode,
    period: PeriodParam,
    value: z.number().finite().min(-1e12).max(1e12),
    comment: z.string().max(2000).nullable().optional(),
  })
  .strict();

export const EnterValueReply = ValueRow.extend({ comment: z.string().nullable() });

export const StreamQuery = z.object({
  period: z.string().max(200).optional(),
  unit: z.string().max(400).optional(),
  indicator: z.string().max(2000).optional(),
});
