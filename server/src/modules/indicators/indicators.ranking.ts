// Ranking units (xếp hạng đơn vị) per indicator and by a composite score whose weights are
// data (regulations.md §8: there is no national commune index, provinces issue their own, so
// a set is loaded as JSON — table indicator_weight_set). Pure functions plus the reads.

import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { unitChildrenDuring } from '../org/index.js';

export type Direction = 'higher' | 'lower';

export interface WeightItem {
  indicator: string;
  weight: number;
  /** With a target, attainment is value ÷ target (capped at 1); without, min–max among units. */
  target?: number | null;
  direction: Direction;
}

export interface WeightSet {
  code: string;
  name: string;
  items: WeightItem[];
}

/**
 * The shipped set: the service indicators a commune can move itself, weighted like the 766
 * index's groups (on time 20, online 12, payment 10, digitisation 22, satisfaction 18) and
 * with the same targets, so a composite rank agrees with the 766 index in direction.
 */
export const DEFAULT_WEIGHT_SET: WeightSet = {
  code: 'mac-dinh',
  name: 'Bộ chỉ số mặc định: phục vụ người dân, doanh nghiệp',
  items: [
    { indicator: 'dossiers.on_time', weight: 20, target: 100, direction: 'higher' },
    { indicator: 'dossiers.online', weight: 12, target: 50, direction: 'higher' },
    { indicator: 'payments.online', weight: 10, target: 80, direction: 'higher' },
    { indicator: 'dossiers.digitised', weight: 11, target: 80, direction: 'higher' },
    { indicator: 'dossiers.result_electronic', weight: 11, target: 80, direction: 'higher' },
    { indicator: 'satisfaction', weight: 12, target: 90, direction: 'higher' },
    { indicator: 'petitions.on_time', weight: 6, target: 100, direction: 'higher' },
  ],
};

export interface Ranked<T> {
  rank: number | null;
  row: T;
}

/**
 * Standard competition ranking ("1, 2, 2, 4"): equal values (at `decimals` places) share a
 * rank; rows without a value come last with rank null, in code order.
 */
export function rankRows<T extends { unitCode: string }>(
  rows: readonly T[],
  valueFor: (r: T) => number | null,
  direction: Direction,
  decimals = 2,
): Ranked<T>[] {
  const key = (r: T) => {
    const v = valueFor(r);
    return v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** decimals);
  };
  const withValue = rows.filter((r) => key(r) !== null);
  const without = rows.filter((r) => key(r) === null);
  withValue.sort((a, b) => {
    const d = direction === 'higher' ? key(b)! - key(a)! : key(a)! - key(b)!;
    return d !== 0 ? d : a.unitCode.localeCompare(b.unitCode);
  });
  const out: Ranked<T>[] = [];
  withValue.forEach((row, i) => {
    const prev = out[i - 1];
    const rank = prev && key(prev.row) === key(row) ? prev.rank : i + 1;
    out.push({ rank, row });
  });
  without.sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  for (const row of without) out.push({ rank: null, row });
  return out;
}

export interface CompositePart {
  indicator: string;
  value: number | null;
  /** 0..1, how far the unit got on this item. */
  attainment: number;
}

export interface CompositeRow {
  unitCode: string;
  /** 0..100; null when the unit has no value on any item. */
  score: number | null;
  parts: CompositePart[];
}

/**
 * Composite score = 100 × Σ weight × attainment ÷ Σ weight. Attainment of an item with a
 * target: higher-is-better min(value ÷ target, 1), lower-is-better min(target ÷ value, 1)
 * (0 → 1); without a target, min–max among the compared units (best 1, worst 0, all equal
 * 1). A missing value attains 0, so not reporting never helps a unit's rank.
 */
export function compositeScores(
  set: WeightSet,
  values: ReadonlyMap<string, ReadonlyMap<string, number | null>>,
): CompositeRow[] {
  const totalWeight = set.items.reduce((a, i) => a + i.weight, 0);
  const ranges = new Map<string, { min: number; max: number }>();
  for (const item of set.items) {
    const vs = [...values.values()]
      .map((m) => m.get(item.indicator) ?? null)
      .filter((v): v is number => v !== null && Number.isFinite(v));
    if (vs.length > 0) ranges.set(item.indicator, { min: Math.min(...vs), max: Math.max(...vs) });
  }
  return [...values.entries()].map(([unitCode, m]) => {
    let sum = 0;
    let any = false;
    const parts = set.items.map((item) => {
      const v = m.get(item.indicator) ?? null;
      const value = v !== null && Number.isFinite(v) ? v : null;
      if (value !== null) any = true;
      const a = value === null ? 0 : attainment(item, value, ranges.get(item.indicator));
      sum += item.weight * a;
      return { indicator: item.indicator, value, attainment: Math.round(a * 10000) / 10000 };
    });
    const score =
      !any || totalWeight <= 0 ? null : Math.round((100 * sum * 100) / totalWeight) / 100;
    return { unitCode, score, parts };
  });
}

function attainment(
  item: WeightItem,
  value: number,
  range: { min: number; max: number } | undefined,
): number {
  const target = item.target ?? null;
  if (target !== null) {
    if (item.direction === 'higher')
      return target <= 0 ? 1 : Math.max(0, Math.min(value / target, 1));
    return value <= target ? 1 : value <= 0 ? 1 : Math.max(0, target / value);
  }
  if (!range || range.max === range.min) return 1;
  const span = range.max - range.min;
  return item.direction === 'higher' ? (value - range.min) / span : (range.max - value) / span;
}

/** Codes of the units directly below `unitCode` today (children, not grandchildren). */
export async function childUnits(
  db: Kysely<Database>,
  unitCode: string,
  today: string,
): Promise<string[]> {
  return unitChildrenDuring(db, unitCode, today, today);
}
