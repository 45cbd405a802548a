import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { type DataKeyRing, decryptField, encryptField, lookupHash } from './citizens.crypto.js';
import { citizensRepository as repo } from './citizens.repository.js';
import { citizenIdContext } from './citizens.service.js';

/**
 * Re-encrypts every citizen ID not yet under the current (first) key, a batch per
 * transaction (rows a running server is changing are skipped by the batch and taken by the
 * next), and recomputes its keyed hash. Safe to run again; on PostgreSQL it runs while the
 * server serves.
 * Key rotation: put the new key first in CITIZEN_DATA_KEYS (keep the old ones), restart,
 * run `npm run rotate-citizen-key`, then remove the old key and restart.
 */
export async function rotateCitizenKeys(
  db: Kysely<Database>,
  ring: DataKeyRing,
  opts: { batchSize?: number } = {},
): Promise<{ keyId: string; rotated: number }> {
  const current = ring.keys[0]!;
  const batchSize = opts.batchSize ?? 200;
  let rotated = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await repo.profilesNotUnderKey(trx, current.id, batchSize);
      let done = 0;
      for (const r of rows) {
        const ctx = citizenIdContext(r.user_id);
        const plain = decryptField(ring, r.citizen_id_cipher!, ctx);
        const enc = encryptField(ring, plain, ctx);
        if (
          await repo.setCitizenIdCipher(
            trx,
            r.user_id,
            { ...enc, hmac: lookupHash(ring, plain) },
            r.citizen_id_cipher!,
          )
        )
          done += 1;
      }
      if (done > 0)
        await recordAudit(
          trx,
          { ...SYSTEM_ACTOR, name: 'cli:rotate-citizen-key' },
          {
            action: 'citizen.keys.rotate',
            entityType: 'citizen_profile',
            entityId: current.id,
            after: { keyId: current.id, rows: done },
          },
        );
      return { found: rows.length, done };
    });
    rotated += n.done;
    if (n.found < batchSize) break;
  }
  return { keyId: current.id, rotated };
}
