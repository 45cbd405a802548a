import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { findAccountsByIds } from '../identity/index.js';
import type {
  CitizenConsentEventTable,
  CitizenPasswordResetTable,
  CitizenProfileTable,
  CitizenRegistrationTable,
} from './citizens.tables.js';

type Db = Kysely<Database>;

export interface RegistrationRow {
  id: string;
  channel: 'sms' | 'email';
  contact: string;
  password_hash: string;
  full_name: string;
  terms_version: string;
  code_hash: string;
  expires_at: Date;
  attempts: number;
  sends: number;
  last_sent_at: Date;
}

export type ProfileRow = {
  [K in keyof CitizenProfileTable]: K extends 'created_at' | 'updated_at'
    ? Date
    : CitizenProfileTable[K];
};

export type ProfilePatch = Omit<
  CitizenProfileTable,
  'user_id' | 'created_at' | 'updated_at' | 'terms_version' | 'terms_accepted_at'
>;

export type PasswordResetRow = Omit<CitizenPasswordResetTable, 'attempts' | 'sends'> & {
  attempts: number;
  sends: number;
};

export interface ConsentRow {
  purpose: string;
  granted: boolean;
  wording_version: string;
  decided_at: Date;
}

export interface AccessRow {
  id: number;
  accessor_id: string | null;
  accessor_name: string;
  accessor_full_name: string | null;
  field: string;
  purpose: string;
  at: Date;
  request_id: string | null;
}

/** The only SQL of the citizens module. */
export const citizensRepository = {
  async insertRegistration(
    db: Db,
    r: Omit<CitizenRegistrationTable, 'id' | 'attempts' | 'sends' | 'created_at'> & { id: string },
  ): Promise<RegistrationRow> {
    return (await db
      .insertInto('citizen_registration')
      .values({ ...r, created_at: r.last_sent_at })
      .returningAll()
      .executeTakeFirstOrThrow()) as RegistrationRow;
  },

  async findRegistration(
    db: Db,
    id: string,
    forUpdate = false,
  ): Promise<RegistrationRow | undefined> {
    let q = db.selectFrom('citizen_registration').selectAll().where('id', '=', id);
    if (forUpdate) q = q.forUpdate();
    return (await q.executeTakeFirst()) as RegistrationRow | undefined;
  },

  async updateRegistration(
    db: Db,
    id: string,
    patch: Partial<
      Pick<CitizenRegistrationTable, 'code_hash' | 'expires_at' | 'last_sent_at'> & {
        attempts: number;
        sends: number;
      }
    >,
  ): Promise<void> {
    await db.updateTable('citizen_registration').set(patch).where('id', '=', id).execute();
  },

  /** Forgets the other pending registrations of a contact (its account now exists). */
  async deletePendingRegistrations(db: Db, contact: string): Promise<void> {
    await db.deleteFrom('citizen_registration').where('contact', '=', contact).execute();
  },

  async deleteRegistration(db: Db, id: string): Promise<void> {
    await db.deleteFrom('citizen_registration').where('id', '=', id).execute();
  },

  /** Forgets registrations that expired before `before` (abandoned sign-ups). */
  async purgeExpiredRegistrations(db: Db, before: Date): Promise<number> {
    const r = await db
      .deleteFrom('citizen_registration')
      .where('expires_at', '<', before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async insertPasswordReset(
    db: Db,
    r: Omit<CitizenPasswordResetTable, 'attempts' | 'sends'>,
  ): Promise<PasswordResetRow> {
    return (await db
      .insertInto('citizen_password_reset')
      .values(r)
      .returningAll()
      .executeTakeFirstOrThrow()) as PasswordResetRow;
  },

  async findPasswordReset(db: Db, id: string): Promise<PasswordResetRow | undefined> {
    return (await db
      .selectFrom('citizen_password_reset')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()) as PasswordResetRow | undefined;
  },

  async updatePasswordReset(
    db: Db,
    id: string,
    patch: Partial<
      Pick<CitizenPasswordResetTable, 'code_hash' | 'expires_at' | 'last_sent_at'> & {
        attempts: number;
        sends: number;
      }
    >,
  ): Promise<void> {
    await db.updateTable('citizen_password_reset').set(patch).where('id', '=', id).execute();
  },

  /** How many resets were asked for `contact` since `since` (whether or not it has an account). */
  async countPasswordResetsSince(db: Db, contact: string, since: Date): Promise<number> {
    const r = await db
      .selectFrom('citizen_password_reset')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('contact', '=', contact)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** Forgets every pending reset of an account (its password was just set, or it was deleted). */
  async deletePasswordResetsOf(db: Db, userId: string): Promise<void> {
    await db.deleteFrom('citizen_password_reset').where('user_id', '=', userId).execute();
  },

  /** Forgets resets that expired before `before`. */
  async purgeExpiredPasswordResets(db: Db, before: Date): Promise<number> {
    const r = await db
      .deleteFrom('citizen_password_reset')
      .where('expires_at', '<', before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async findProfile(db: Db, userId: string): Promise<ProfileRow | undefined> {
    return (await db
      .selectFrom('citizen_profile')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst()) as ProfileRow | undefined;
  },

  async insertProfile(
    db: Db,
    p: {
      userId: string;
      fullName: string;
      phone: string | null;
      email: string | null;
      termsVersion: string;
      at: Date;
    },
  ): Promise<void> {
    await db
      .insertInto('citizen_profile')
      .values({
        user_id: p.userId,
        full_name: p.fullName,
        citizen_id_cipher: null,
        citizen_id_key_id: null,
        citizen_id_hmac: null,
        date_of_birth: null,
        phone: p.phone,
        email: p.email,
        address_line: null,
        address_unit_code: null,
        terms_version: p.termsVersion,
        terms_accepted_at: p.at,
        created_at: p.at,
        updated_at: p.at,
      })
      .execute();
  },

  /** Writes the profile, creating it when the account has none yet (e.g. the demo citizen). */
  async upsertProfile(db: Db, userId: string, patch: ProfilePatch, at: Date): Promise<void> {
    await db
      .insertInto('citizen_profile')
      .values({
        user_id: userId,
        ...patch,
        terms_version: null,
        terms_accepted_at: null,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...patch, updated_at: at }))
      .execute();
  },

  async deleteProfile(db: Db, userId: string): Promise<boolean> {
    const r = await db
      .deleteFrom('citizen_profile')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  /** Profiles whose citizen ID is encrypted with another key than `keyId`, a page at a time. */
  async profilesNotUnderKey(db: Db, keyId: string, limit: number) {
    return db
      .selectFrom('citizen_profile')
      .select(['user_id', 'citizen_id_cipher', 'citizen_id_key_id'])
      .where('citizen_id_cipher', 'is not', null)
      .where('citizen_id_key_id', '<>', keyId)
      .orderBy('user_id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
  },

  async setCitizenIdCipher(
    db: Db,
    userId: string,
    v: { cipher: string; keyId: string; hmac: string },
    expectedCipher: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('citizen_profile')
      .set({ citizen_id_cipher: v.cipher, citizen_id_key_id: v.keyId, citizen_id_hmac: v.hmac })
      .where('user_id', '=', userId)
      .where('citizen_id_cipher', '=', expectedCipher)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async consentsOf(db: Db, userId: string): Promise<ConsentRow[]> {
    return db
      .selectFrom('citizen_consent')
      .select(['purpose', 'granted', 'wording_version', 'decided_at'])
      .where('user_id', '=', userId)
      .orderBy('purpose')
      .execute();
  },

  async consentGranted(db: Db, userId: string, purpose: string): Promise<boolean> {
    const r = await db
      .selectFrom('citizen_consent')
      .select('granted')
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .executeTakeFirst();
    return r?.granted === true;
  },

  async findConsentForUpdate(
    db: Db,
    userId: string,
    purpose: string,
  ): Promise<ConsentRow | undefined> {
    return db
      .selectFrom('citizen_consent')
      .select(['purpose', 'granted', 'wording_version', 'decided_at'])
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .forUpdate()
      .executeTakeFirst();
  },

  async recordConsent(db: Db, e: Omit<CitizenConsentEventTable, 'id'>): Promise<void> {
    await db
      .insertInto('citizen_consent')
      .values({
        user_id: e.user_id,
        purpose: e.purpose,
        granted: e.granted,
        wording_version: e.wording_version,
        decided_at: e.at,
      })
      .onConflict((oc) =>
        oc.columns(['user_id', 'purpose']).doUpdateSet({
          granted: e.granted,
          wording_version: e.wording_version,
          decided_at: e.at,
        }),
      )
      .execute();
    await db.insertInto('citizen_consent_event').values(e).execute();
  },

  async consentHistory(db: Db, userId: string) {
    return db
      .selectFrom('citizen_consent_event')
      .select(['purpose', 'granted', 'wording_version', 'at'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
  },

  async deleteConsents(db: Db, userId: string): Promise<number> {
    const r = await db
      .deleteFrom('citizen_consent')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async insertAccess(
    db: Db,
    rows: {
      accessor_id: string | null;
      accessor_name: string;
      subject_user_id: string;
      field: string;
      purpose: string;
      at: Date;
      request_id: string | null;
    }[],
  ): Promise<void> {
    if (rows.length > 0) await db.insertInto('personal_data_access').values(rows).execute();
  },

  /** Reads of a citizen's data, newest first, with the reader's name as it is now. */
  async accessLog(
    db: Db,
    userId: string,
    opts: { before?: number; limit: number },
  ): Promise<AccessRow[]> {
    const r = await sql<Omit<AccessRow, 'accessor_full_name'>>`
      select l.id::int as id, l.accessor_id, l.accessor_name, l.field, l.purpose, l.at, l.request_id
      from personal_data_access l
      where l.subject_user_id = ${userId}
        and (${opts.before ?? null}::bigint is null or l.id < ${opts.before ?? null}::bigint)
      order by l.id desc limit ${opts.limit}`.execute(db);
    // The reader's name as it is now comes from the identity module (app_user is its table).
    const readers = await findAccountsByIds(
      db,
      r.rows.flatMap((x) => (x.accessor_id ? [x.accessor_id] : [])),
    );
    return r.rows.map((x) => ({
      ...x,
      id: Number(x.id),
      accessor_full_name: x.accessor_id ? (readers.get(x.accessor_id)?.fullName ?? null) : null,
    }));
  },
};
