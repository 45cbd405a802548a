// Definitions as data: the shipped library is upserted into `indicator_definition` when the
// app is ready (and when the follower starts); a computed indicator that is new or whose spec
// changed is then rebuilt from the facts (indicators.follower.ts syncLibraryAndRebuild).
import { IndicatorDefinitionSchema } from '@cqs/shared/indicators/index';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { INDICATOR_LIBRARY } from './indicators.library.js';
import { indicatorsRepository as repo } from './indicators.repository.js';

/** Upserts the library; returns the codes of computed indicators that are new or changed. */
export async function syncIndicatorLibrary(db: Kysely<Database>): Promise<string[]> {
  const changed: string[] = [];
  const sync = async (trx: Kysely<Database>) => {
    for (const d of INDICATOR_LIBRARY) {
      const def = IndicatorDefinitionSchema.parse(d);
      if ((await repo.upsertDefinition(trx, def)) && def.kind === 'computed')
        changed.push(def.code);
    }
  };
  // A migration runs inside the migrator's transaction already.
  if (db.isTransaction) await sync(db);
  else await db.transaction().execute(sync);
  return changed;
}
