// Key rotation for the ID numbers sealed in drafts (`npm run rotate-citizen-key`). A draft's
// prefill offer is kept as keyed hashes under the key of its day; a draft still open across a
// rotation may count fewer prefilled fields — drafts are short-lived, the figure stays honest.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { DataKeyRing } from '../citizens/index.js';
import { resealPersonalIds } from '../dossiers/index.js';

export async function rotateDraftPersonalIds(
  db: Kysely<Database>,
  ring: DataKeyRing,
): Promise<{ rotated: number }> {
  let rotated = 0;
  const rows = await db
    .selectFrom('portal_draft')
    .select(['id', 'applicant', 'form_data'])
    .execute();
  for (const r of rows) {
    const moved = resealPersonalIds(
      ring,
      r.id,
      r.applicant as Record<string, unknown>,
      r.form_data as Record<string, Record<string, unknown>>,
      'draft',
    );
    if (!moved.changed) continue;
    await db
      .updateTable('portal_draft')
      .set({
        applicant: JSON.stringify(moved.applicant),
        form_data: JSON.stringify(moved.formData),
      })
      .where('id', '=', r.id)
      .execute();
    rotated++;
  }
  return { rotated };
}
