// Key rotation for the citizen ID numbers sealed in dossiers (dossiers.personal-ids.ts), run by
// `npm run rotate-citizen-key` after the citizens module's own rotation.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { DataKeyRing } from '../citizens/index.js';
import { citizenIdHashes, openPersonalIds, resealPersonalIds } from './dossiers.personal-ids.js';

/**
 * Re-seals every dossier's ID numbers under the current key and refreshes the lookup hash.
 * Idempotent and resumable (keyset by id); only receipt writes these columns, so a plain
 * update cannot overwrite a concurrent change.
 */
export async function rotateDossierPersonalIds(
  db: Kysely<Database>,
  ring: DataKeyRing,
  opts: { batchSize?: number } = {},
): Promise<{ rotated: number }> {
  const batchSize = opts.batchSize ?? 500;
  let after = '00000000-0000-0000-0000-000000000000';
  let rotated = 0;
  for (;;) {
    const rows = await db
      .selectFrom('dossier')
      .select(['id', 'applicant', 'form_data'])
      .where('id', '>', after)
      .where((eb) =>
        eb.or([
          eb(sql`applicant::text`, 'like', '%"enc:v1:%'),
          eb(sql`form_data::text`, 'like', '%"enc:v1:%'),
        ]),
      )
      .orderBy('id')
      .limit(batchSize)
      .execute();
    for (const r of rows) {
      const moved = resealPersonalIds(
        ring,
        r.id,
        r.applicant as Record<string, unknown>,
        r.form_data as Record<string, Record<string, unknown>>,
      );
      if (!moved.changed) continue;
      const citizenId = openPersonalIds(ring, r.id, moved.applicant, {}).applicant?.citizenId;
      await db
        .updateTable('dossier')
        .set({
          applicant: JSON.stringify(moved.applicant),
          form_data: JSON.stringify(moved.formData),
          ...(typeof citizenId === 'string'
            ? { applicant_id_hmac: citizenIdHashes(ring, citizenId)[0]! }
            : {}),
        })
        .where('id', '=', r.id)
        .execute();
      rotated++;
    }
    if (rows.length < batchSize) break;
    after = rows.at(-1)!.id;
  }
  return { rotated };
}
