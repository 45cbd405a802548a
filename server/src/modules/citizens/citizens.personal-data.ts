import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import type { ConsentPurpose } from './citizens.consents.js';
import { citizensRepository as repo } from './citizens.repository.js';

// What other modules use to respect a citizen's rights over their data (regulations.md §7):
// log every staff read of it, ask for consent before an optional use, and contribute their
// part to "download my data" and "delete my account".

type Db = Kysely<Database>;

/** A field of personal data whose reading is logged. */
export type PersonalDataField = 'profile' | 'citizen_id' | (string & {});

/**
 * Records that `actor` (staff) was shown `fields` of the citizen `subjectUserId` for
 * `purpose`: one access-log row per field plus the audit row, in the caller's transaction,
 * so the read is logged exactly when the answer that reveals it is produced. Call it
 * wherever a citizen ID (or other personal data of a citizen account) is decrypted for staff.
 */
export async function logPersonalDataAccess(
  trx: Db,
  actor: Actor,
  access: { subjectUserId: string; fields: PersonalDataField[]; purpose: string; at: Date },
): Promise<void> {
  await repo.insertAccess(
    trx,
    access.fields.map((field) => ({
      accessor_id: actor.id,
      accessor_name: actor.name,
      subject_user_id: access.subjectUserId,
      field,
      purpose: access.purpose,
      at: access.at,
      request_id: actor.requestId ?? null,
    })),
  );
  await recordAudit(trx, actor, {
    action: 'citizen.personal_data.read',
    entityType: 'user',
    entityId: access.subjectUserId,
    after: { fields: access.fields, purpose: access.purpose },
  });
}

/**
 * True only when the citizen said yes to `purpose` and has not withdrawn it: silence is
 * not consent (regulations.md §7).
 */
export function hasConsent(db: Db, userId: string, purpose: ConsentPurpose): Promise<boolean> {
  return repo.consentGranted(db, userId, purpose);
}

/**
 * A module's part of a citizen's data. `collect` gives what "download my data" includes;
 * `erase` (only for data the citizen may have deleted, e.g. a personal document store)
 * deletes it in the deletion's transaction and says what it removed; `kept` explains data
 * the module must keep (e.g. dossiers, administrative records under the archives law).
 */
export interface CitizenDataSection {
  name: string;
  collect(db: Db, userId: string): Promise<unknown>;
  erase?(trx: Db, userId: string): Promise<{ description: string } | undefined>;
  kept?: { what: string; reason: string };
}
