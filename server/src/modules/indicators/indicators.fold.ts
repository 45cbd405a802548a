// Folding facts into rollups (issue 12 deliver 4): for each changed subject and each computed
// indicator over its kind, the new contribution replaces the stored one and the rollup moves
// by the difference. A late or corrected fact is just a changed subject; a subject moved to
// another unit leaves the old unit's rollup and enters the new one's.
import {
  type ComputedSpec,
  contributionOf,
  type IndicatorDefinition,
} from '@cqs/shared/indicators/index';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Fact } from '../../platform/facts/index.js';
import {
  type ContributionRow,
  type Delta,
  indicatorsRepository as repo,
} from './indicators.repository.js';

export type ComputedDefinition = IndicatorDefinition & { spec: ComputedSpec };

export const isComputed = (d: IndicatorDefinition): d is ComputedDefinition =>
  d.kind === 'computed' && d.spec !== null;

/** The contribution of one fact to one computed indicator, or null when it counts nowhere. */
export function contributionFor(def: ComputedDefinition, fact: Fact): ContributionRow | null {
  const c = contributionOf(def.spec, fact.data);
  if (!c || !fact.unitCode) return null;
  return {
    indicator: def.code,
    subjectKind: fact.kind,
    subjectId: fact.subjectId,
    unitCode: fact.unitCode,
    ...c,
  };
}

const same = (a: ContributionRow, b: ContributionRow) =>
  a.unitCode === b.unitCode && a.day === b.day && a.num === b.num && a.den === b.den;

/** Folds the facts into contributions, rollups and the change log; returns changed pairs. */
export async function foldFacts(
  trx: Transaction<Database>,
  defs: ComputedDefinition[],
  facts: Fact[],
): Promise<number> {
  const byKind = new Map<string, ComputedDefinition[]>();
  for (const d of defs) byKind.set(d.spec.subject, [...(byKind.get(d.spec.subject) ?? []), d]);
  const relevant = facts.filter((f) => byKind.has(f.kind));
  if (relevant.length === 0) return 0;
  const indicators = [...new Set(relevant.flatMap((f) => byKind.get(f.kind)!.map((d) => d.code)))];
  const stored = new Map<string, ContributionRow>();
  for (const c of await repo.contributionsOf(
    trx,
    indicators,
    relevant.map((f) => f.subjectId),
  )) {
    stored.set(`${c.indicator}\u0001${c.subjectId}`, c);
  }
  const deltas = new Map<string, Delta>();
  const addDelta = (c: ContributionRow, sign: 1 | -1) => {
    const k = `${c.indicator}\u0001${c.unitCode}\u0001${c.day}`;
    const d = deltas.get(k) ?? {
      indicator: c.indicator,
      unitCode: c.unitCode,
      day: c.day,
      num: 0,
      den: 0,
    };
    d.num += sign * c.num;
    d.den += sign * c.den;
    deltas.set(k, d);
  };
  const puts: ContributionRow[] = [];
  const drops: { indicator: string; subjectId: string }[] = [];
  for (const fact of relevant) {
    for (const def of byKind.get(fact.kind)!) {
      const before = stored.get(`${def.code}\u0001${fact.subjectId}`);
      const after = contributionFor(def, fact);
      // A subject of another kind with the same id is not this one (ids are per kind).
      const old = before && before.subjectKind === fact.kind ? before : undefined;
      if (old && after && same(old, after)) continue;
      if (!old && !after) continue;
      if (old) addDelta(old, -1);
      if (after) {
        addDelta(after, 1);
        puts.push(after);
      } else drops.push({ indicator: def.code, subjectId: fact.subjectId });
    }
  }
  const moved = [...deltas.values()].filter((d) => d.num !== 0 || d.den !== 0);
  // Changed pairs for the streams, even when the sums cancel out (a subject moved within a day).
  const changes = new Map<
    string,
    { indicator: string; unitCode: string; firstDay: string; lastDay: string }
  >();
  for (const d of deltas.values()) {
    const k = `${d.indicator}\u0001${d.unitCode}`;
    const c = changes.get(k);
    if (!c)
      changes.set(k, {
        indicator: d.indicator,
        unitCode: d.unitCode,
        firstDay: d.day,
        lastDay: d.day,
      });
    else {
      if (d.day < c.firstDay) c.firstDay = d.day;
      if (d.day > c.lastDay) c.lastDay = d.day;
    }
  }
  await repo.deleteContributions(trx, drops);
  await repo.putContributions(trx, puts);
  await repo.applyDeltas(trx, moved);
  await repo.logChanges(trx, [...changes.values()]);
  return changes.size;
}
