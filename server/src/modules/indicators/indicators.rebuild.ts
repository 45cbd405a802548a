// Rebuild (issue 12 deliver 4): recomputes contributions and rollups from the facts
// themselves, for all computed indicators or some. Incremental folding must give exactly
// these numbers (indicators.property.test.ts). One transaction per kind of subject, holding
// the fold lock, so the follower waits and then folds only what changed since.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/errors.js';
import { scanFacts } from '../../platform/facts/index.js';
import { type ComputedDefinition, contributionFor, isComputed } from './indicators.fold.js';
import { type ContributionRow, indicatorsRepository as repo } from './indicators.repository.js';

const PAGE = 1000;

export async function rebuildIndicators(
  db: Kysely<Database>,
  opts: { indicators?: string[] } = {},
): Promise<{ indicators: number; subjects: number }> {
  const all = (await repo.definitions(db)).filter(isComputed);
  const wanted = opts.indicators ? all.filter((d) => opts.indicators!.includes(d.code)) : all;
  if (opts.indicators) {
    const missing = opts.indicators.filter((c) => !wanted.some((d) => d.code === c));
    if (missing.length > 0)
      throw new NotFoundError(
        `Không có chỉ tiêu tính toán ${missing.join(', ')}.`,
        'indicator_not_found',
      );
  }
  const byKind = new Map<string, ComputedDefinition[]>();
  for (const d of wanted) byKind.set(d.spec.subject, [...(byKind.get(d.spec.subject) ?? []), d]);
  let subjects = 0;
  for (const [kind, defs] of byKind) {
    await db.transaction().execute(async (trx) => {
      await repo.waitFoldLock(trx);
      await repo.clearIndicators(
        trx,
        defs.map((d) => d.code),
      );
      let after: string | undefined;
      for (;;) {
        const facts = await scanFacts(trx, {
          kind: kind as ComputedDefinition['spec']['subject'],
          afterSubjectId: after,
          limit: PAGE,
        });
        if (facts.length === 0) break;
        subjects += facts.length;
        after = facts[facts.length - 1]!.subjectId;
        const rows: ContributionRow[] = [];
        for (const f of facts)
          for (const d of defs) {
            const c = contributionFor(d, f);
            if (c) rows.push(c);
          }
        await repo.putContributions(trx, rows);
      }
      await repo.rollupFromContributions(
        trx,
        defs.map((d) => d.code),
      );
      for (const d of defs) await repo.logWholeIndicator(trx, d.code);
    });
  }
  return { indicators: wanted.length, subjects };
}
