// Values for a unit and a period, summed from the rollups over the unit's subtree "ever"
// (org: every unit ever below it, so a merged or closed ward's history still counts in its
// city and stays queryable under its own code). Nothing here reads facts or raw tables.
import {
  type IndicatorDefinition,
  indicatorValueOf,
  type Period,
  parsePeriod,
  periodOf,
} from '@cqs/shared/indicators/index';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { unitSubtreeEver } from '../org/index.js';
import { indicatorsRepository as repo } from './indicators.repository.js';

export interface ValueNumbers {
  /** Computed: the numerator sum; count and entered indicators: the value itself. */
  numerator: number | null;
  /** Computed rates: the denominator sum; null for count and entered indicators. */
  denominator: number | null;
  /** num/den × factor rounded to `decimals`; null when the denominator is 0 or nothing entered. */
  value: number | null;
  decimals: number;
}

/** 400 `invalid_period` unless `code` is a DHIS2 period (interop.md). */
export function periodOrThrow(code: string): Period {
  const p = parsePeriod(code);
  if (!p)
    throw new ValidationError(
      `Kỳ báo cáo "${code.slice(0, 20)}" không hợp lệ: dùng 2026, 2026Q3, 2026S1, 202611 hoặc 20261122.`,
      [{ path: 'period', message: 'Kỳ báo cáo không hợp lệ.' }],
      'invalid_period',
    );
  return p;
}

export async function definitionOrThrow(
  db: Kysely<Database>,
  code: string,
): Promise<IndicatorDefinition> {
  const d = await repo.definition(db, code);
  if (!d) throw new NotFoundError(`Không có chỉ tiêu ${code.slice(0, 64)}.`, 'indicator_not_found');
  return d;
}

/**
 * The value of one indicator for each of `units` (each over its own subtree) in a period.
 * `subtrees` maps each unit to its subtree codes (unitSubtreeEver).
 */
export async function valuesFor(
  db: Kysely<Database>,
  def: IndicatorDefinition,
  subtrees: Map<string, string[]>,
  period: Period,
): Promise<Map<string, ValueNumbers>> {
  const out = new Map<string, ValueNumbers>();
  const all = [...new Set([...subtrees.values()].flat())];
  if (def.kind !== 'computed' || !def.spec) {
    const entered = await repo.enteredValues(db, def.code, all, period.code);
    for (const [unit, tree] of subtrees) {
      let v: number | null = entered.get(unit) ?? null;
      // A count entered per unit adds up; a rate does not (regulations: each unit its own).
      if (v === null && def.unit === 'count') {
        const below = tree.filter((c) => c !== unit && entered.has(c));
        if (below.length > 0) v = below.reduce((s, c) => s + entered.get(c)!, 0);
      }
      out.set(unit, { numerator: v, denominator: null, value: v, decimals: def.decimals });
    }
    return out;
  }
  const spec = def.spec;
  const first = spec.timing === 'stock' ? null : period.first;
  const sums = await repo.sumsByUnit(db, def.code, all, first, period.last);
  for (const [unit, tree] of subtrees) {
    let num = 0;
    let den = 0;
    for (const c of tree) {
      const s = sums.get(c);
      if (s) {
        num += s.num;
        den += s.den;
      }
    }
    out.set(unit, {
      numerator: num,
      denominator: spec.denominator === null ? null : den,
      value: indicatorValueOf(spec, num, den, def.decimals),
      decimals: def.decimals,
    });
  }
  return out;
}

/** The unit's subtree "ever"; 404 `unit_not_found` when no unit has the code. */
export async function subtreeOrThrow(db: Kysely<Database>, unitCode: string): Promise<string[]> {
  const tree = await unitSubtreeEver(db, unitCode);
  if (tree.length === 0)
    throw new NotFoundError(`Không có đơn vị mã ${unitCode.slice(0, 64)}.`, 'unit_not_found');
  return tree;
}

/** `{numerator, denominator, value, decimals}` of an indicator for a unit's subtree and period. */
export async function indicatorValue(
  db: Kysely<Database>,
  q: { indicator: string; unitCode: string; period: string },
): Promise<ValueNumbers> {
  const period = periodOrThrow(q.period);
  const def = await definitionOrThrow(db, q.indicator);
  const tree = await subtreeOrThrow(db, q.unitCode);
  return (await valuesFor(db, def, new Map([[q.unitCode, tree]]), period)).get(q.unitCode)!;
}

/**
 * The same indicator for several units at once (rankings): one rollup query for all their
 * subtrees instead of one per unit.
 */
export async function indicatorValues(
  db: Kysely<Database>,
  q: { indicator: string; unitCodes: string[]; period: string },
): Promise<Map<string, ValueNumbers>> {
  const period = periodOrThrow(q.period);
  const def = await definitionOrThrow(db, q.indicator);
  const subtrees = new Map<string, string[]>();
  for (const c of q.unitCodes) subtrees.set(c, await subtreeOrThrow(db, c));
  return valuesFor(db, def, subtrees, period);
}

/**
 * Several indicators for one unit and period (the 766 index's sub-indicators): the unit's
 * subtree and the definitions read once, the sums asked together — not three queries per
 * indicator one after another (bench: the index call was the dashboard's slowest).
 */
export async function indicatorValuesOfUnit(
  db: Kysely<Database>,
  q: { indicators: string[]; unitCode: string; period: string },
): Promise<Map<string, ValueNumbers>> {
  const period = periodOrThrow(q.period);
  const codes = [...new Set(q.indicators)];
  const known = new Map((await repo.definitions(db)).map((d) => [d.code, d]));
  const missing = codes.find((c) => !known.has(c));
  if (missing !== undefined)
    throw new NotFoundError(`Không có chỉ tiêu ${missing.slice(0, 64)}.`, 'indicator_not_found');
  const trees = new Map([[q.unitCode, await subtreeOrThrow(db, q.unitCode)]]);
  const values = await Promise.all(
    codes.map(
      async (c) =>
        [c, (await valuesFor(db, known.get(c)!, trees, period)).get(q.unitCode)!] as const,
    ),
  );
  return new Map(values);
}

export interface SeriesPoint extends ValueNumbers {
  /** The bucket as a DHIS2 period: `202611` (month) or `20261122` (day). */
  period: string;
  first: string;
  last: string;
}

/**
 * The indicator per month or per day from `from` to `to` (dates, both included; every bucket
 * present, empty ones with zero sums). A stock indicator's points are cumulative.
 */
export async function indicatorSeries(
  db: Kysely<Database>,
  q: { indicator: string; unitCode: string; from: string; to: string; grain: 'month' | 'day' },
): Promise<SeriesPoint[]> {
  const def = await definitionOrThrow(db, q.indicator);
  const tree = await subtreeOrThrow(db, q.unitCode);
  const buckets: Period[] = [];
  for (let p = periodOf(q.grain, q.from); p.first <= q.to; p = periodOf(q.grain, nextDay(p.last)))
    buckets.push(p);
  if (def.kind !== 'computed' || !def.spec) {
    const points: SeriesPoint[] = [];
    for (const b of buckets) {
      const v = (await valuesFor(db, def, new Map([[q.unitCode, tree]]), b)).get(q.unitCode)!;
      points.push({ ...v, period: b.code, first: b.first, last: b.last });
    }
    return points;
  }
  const spec = def.spec;
  const rows = await repo.series(
    db,
    def.code,
    tree,
    buckets[0]?.first ?? q.from,
    buckets.at(-1)?.last ?? q.to,
    q.grain,
  );
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  let run =
    spec.timing === 'stock'
      ? await repo.sumBefore(db, def.code, tree, buckets[0]?.first ?? q.from)
      : { num: 0, den: 0 };
  return buckets.map((b) => {
    const r = byBucket.get(q.grain === 'day' ? b.first : b.first.slice(0, 7)) ?? { num: 0, den: 0 };
    const num = spec.timing === 'stock' ? run.num + r.num : r.num;
    const den = spec.timing === 'stock' ? run.den + r.den : r.den;
    if (spec.timing === 'stock') run = { num, den };
    return {
      period: b.code,
      first: b.first,
      last: b.last,
      numerator: num,
      denominator: spec.denominator === null ? null : den,
      value: indicatorValueOf(spec, num, den, def.decimals),
      decimals: def.decimals,
    };
  });
}

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}
