// An indicator (chỉ tiêu) is data, not code (issue 12 deliver 3): a computed one counts or sums
// facts of one kind that match filters, over a denominator of the same kind, times a factor;
// an entered or imported one is a value per unit and period. The server folds computed specs
// into rollups (server/src/modules/indicators); the web and the import read the same schema.
import { z } from 'zod';
import { roundTo } from './grading.ts';

/** Rounding at the display precision: one rule for values and grades (grading.ts). */
export { roundTo };

/** Kinds of fact subject (server/src/platform/facts/fact-kinds.ts FACT_KINDS, same order). */
export const INDICATOR_SUBJECTS = [
  'dossier',
  'procedure_offer',
  'report',
  'petition',
  'rating',
  'task',
  'document',
  'work_file',
] as const;

const Scalar = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);
const FactKey = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/)
  .describe('a key of the fact (fact-kinds.ts)');

/**
 * A filter on one key: a value (equal; null also matches an absent key), an array (any of),
 * or `{not: value | array}` (none of; an absent key counts as null).
 */
export const WhereValueSchema = z.union([
  Scalar,
  z.array(Scalar).min(1).max(50),
  z.object({ not: z.union([Scalar, z.array(Scalar).min(1).max(50)]) }).strict(),
]);
export type WhereValue = z.infer<typeof WhereValueSchema>;

/** Which facts count, and what each adds: 1 (count) or the numeric value of `sum`. */
export const TermSchema = z
  .object({
    where: z.record(FactKey, WhereValueSchema).optional(),
    sum: FactKey.optional(),
  })
  .strict();
export type Term = z.infer<typeof TermSchema>;

/**
 * A computed indicator. `date` names the `…On` key that places a subject on a day (a subject
 * without it counts nowhere yet). `flow`: a period's value sums the days inside it; `stock`:
 * every day up to the period's end (a catalogue, a state that lasts). The numerator counts
 * only subjects the denominator counts too (its `where` applies first), so num ≤ den by
 * construction. `denominator: null` makes a count indicator: value = numerator.
 */
export const ComputedSpecSchema = z
  .object({
    subject: z.enum(INDICATOR_SUBJECTS),
    date: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,61}On$/),
    timing: z.enum(['flow', 'stock']),
    numerator: TermSchema,
    denominator: TermSchema.nullable(),
    factor: z.number().positive().max(1_000_000),
  })
  .strict();
export type ComputedSpec = z.infer<typeof ComputedSpecSchema>;

export const INDICATOR_KINDS = ['computed', 'entered', 'imported'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** Units of measure the library uses; a definition may name another. */
export const INDICATOR_UNITS = ['%', 'count', 'score', 'days'] as const;

/** An indicator definition as stored and as the API lists it. */
export const IndicatorDefinitionSchema = z
  .object({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/)
      .max(64),
    name: z.string().min(1).max(300),
    nameEn: z.string().min(1).max(300),
    unit: z.string().min(1).max(20),
    kind: z.enum(INDICATOR_KINDS),
    definition: z.string().min(1).max(4000),
    decimals: z.number().int().min(0).max(6),
    published: z.boolean(),
    /** The computed spec; null for entered and imported indicators. */
    spec: ComputedSpecSchema.nullable(),
  })
  .strict()
  .refine((d) => (d.kind === 'computed') === (d.spec !== null), {
    message: 'A computed indicator has a spec; an entered or imported one has none.',
    path: ['spec'],
  });
export type IndicatorDefinition = z.infer<typeof IndicatorDefinitionSchema>;

/** True when the fact data matches every filter of `where`. */
export function matchesWhere(
  data: Record<string, unknown>,
  where: Record<string, WhereValue> | undefined,
): boolean {
  if (!where) return true;
  for (const [key, cond] of Object.entries(where)) {
    const v = data[key] ?? null;
    if (Array.isArray(cond)) {
      if (!cond.some((c) => c === v)) return false;
    } else if (cond !== null && typeof cond === 'object') {
      const banned = Array.isArray(cond.not) ? cond.not : [cond.not];
      if (banned.some((c) => c === v)) return false;
    } else if (cond !== v) return false;
  }
  return true;
}

/** What one term adds for a matching subject: 1, or the finite number under `sum` (else 0). */
export function termAmount(data: Record<string, unknown>, term: Term): number {
  if (!term.sum) return 1;
  const v = data[term.sum];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/**
 * One subject's contribution to a computed indicator: its day and (num, den), or null when
 * it counts nowhere (no date yet, or it matches neither term).
 */
export function contributionOf(
  spec: ComputedSpec,
  data: Record<string, unknown>,
): { day: string; num: number; den: number } | null {
  const day = data[spec.date];
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  let num = 0;
  let den = 0;
  if (spec.denominator) {
    if (!matchesWhere(data, spec.denominator.where)) return null;
    den = termAmount(data, spec.denominator);
  }
  if (matchesWhere(data, spec.numerator.where)) num = termAmount(data, spec.numerator);
  if (num === 0 && den === 0) return null;
  return { day, num, den };
}

/**
 * The value shown for (num, den): num/den × factor rounded to `decimals` (null when den is 0);
 * a count indicator (no denominator) shows num itself.
 */
export function indicatorValueOf(
  spec: Pick<ComputedSpec, 'denominator' | 'factor'>,
  num: number,
  den: number,
  decimals: number,
): number | null {
  if (spec.denominator === null) return num;
  if (den === 0) return null;
  return roundTo((num / den) * spec.factor, decimals);
}
