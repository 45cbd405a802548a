// The `procedure_offer` fact (platform/facts/fact-kinds.ts ProcedureOfferFact): a unit offers a
// procedure once it has received a dossier of it (the dossiers module publishes the offer at
// receipt; the catalogue has no per-unit offering). The catalogue owns the online level, so
// when it changes the offers of that procedure are republished here, in the transaction of
// the change, with `sinceOn` = the day of the change (a stock fact: the state since then).
import { vnDateOf } from '@cqs/shared/calendar/index';
import type { Procedure } from '@cqs/shared/procedures/index';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { factSubjectsWhere, publishFact } from '../../platform/facts/index.js';

/** The procedure's online level as the facts name it ('info' = only information online). */
export const offerOnlineLevel = (level: Procedure['onlineLevel']): 'full' | 'partial' | 'none' =>
  level === 'full' ? 'full' : level === 'partial' ? 'partial' : 'none';

/**
 * Republishes every offer of `procedureCode` whose level differs from `level`. Returns how
 * many changed. Call it in the transaction that changes the procedure.
 */
export async function republishOffers(
  trx: Kysely<Database>,
  procedureCode: string,
  level: Procedure['onlineLevel'],
  now: Date,
): Promise<number> {
  const onlineLevel = offerOnlineLevel(level);
  const offers = await factSubjectsWhere(trx, {
    kind: 'procedure_offer',
    key: 'procedureCode',
    value: procedureCode,
  });
  let changed = 0;
  for (const o of offers) {
    if (o.data.onlineLevel === onlineLevel) continue;
    await publishFact(trx, {
      kind: 'procedure_offer',
      subjectId: o.subjectId,
      data: { procedureCode, onlineLevel, sinceOn: vnDateOf(now) },
    });
    changed += 1;
  }
  return changed;
}
