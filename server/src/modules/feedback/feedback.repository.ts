/** The only SQL of the feedback module. */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { SATISFIED_MIN_SCORE } from './feedback.rules.js';
import type {
  DossierPetitionEventTable,
  DossierPetitionTable,
  DossierRatingTable,
  PetitionStatus,
} from './feedback.tables.js';

type Db = Kysely<Database>;
export type RatingRow = Selectable<DossierRatingTable>;
export type PetitionRow = Selectable<DossierPetitionTable>;
export type PetitionEventRow = Selectable<DossierPetitionEventTable>;

export interface PetitionListFilter {
  /** Units whose petitions may be listed; null = all. */
  units: string[] | null;
  status?: PetitionStatus;
  /** Only these units (a subtree the caller picked). */
  unitSubtree?: string[];
  /** Only open petitions whose current deadline is before this instant. */
  overdueAt?: Date;
  /** Keyset: after this (next_due_at, id); null deadline sorts last. */
  after?: { dueAt: string | null; id: string };
  limit: number;
}

export const feedbackRepository = {
  findRating(db: Db, dossierId: string): Promise<RatingRow | undefined> {
    return db
      .selectFrom('dossier_rating')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .executeTakeFirst();
  },

  /** Inserts the rating; undefined when the dossier already has one (the unique key decides). */
  insertRating(
    trx: Db,
    r: Omit<RatingRow, 'created_at'> & { created_at: Date },
  ): Promise<RatingRow | undefined> {
    return trx
      .insertInto('dossier_rating')
      .values(r)
      .onConflict((oc) => oc.column('dossier_id').doNothing())
      .returningAll()
      .executeTakeFirst();
  },

  petitionsOfDossier(db: Db, dossierId: string): Promise<PetitionRow[]> {
    return db
      .selectFrom('dossier_petition')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
  },

  /** The highest number given so far with this prefix (`KN-yymmdd-`), or null. */
  async lastNumber(trx: Db, prefix: string): Promise<string | null> {
    const r = await trx
      .selectFrom('dossier_petition')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('number', 'like', `${prefix}%`)
      .executeTakeFirst();
    return (r?.n as string | null | undefined) ?? null;
  },

  insertPetition(trx: Db, p: Omit<PetitionRow, 'version'>): Promise<PetitionRow> {
    return trx.insertInto('dossier_petition').values(p).returningAll().executeTakeFirstOrThrow();
  },

  /** Appends an event with the next sequence number of its petition. */
  async insertEvent(
    trx: Db,
    e: Omit<PetitionEventRow, 'id' | 'seq' | 'payload'> & { payload: unknown },
  ): Promise<void> {
    await trx
      .insertInto('dossier_petition_event')
      .values({
        ...e,
        payload: JSON.stringify(e.payload ?? {}),
        seq: sql<number>`(select coalesce(max(seq), 0) + 1 from dossier_petition_event
          where petition_id = ${e.petition_id})`,
      })
      .execute();
  },

  getPetition(db: Db, id: string): Promise<PetitionRow | undefined> {
    return db.selectFrom('dossier_petition').selectAll().where('id', '=', id).executeTakeFirst();
  },

  events(db: Db, id: string): Promise<PetitionEventRow[]> {
    return db
      .selectFrom('dossier_petition_event')
      .selectAll()
      .where('petition_id', '=', id)
      .orderBy('seq')
      .execute();
  },

  /** The change, guarded by the version read: undefined when someone else changed it first. */
  updatePetition(
    trx: Db,
    id: string,
    version: number,
    set: Partial<Omit<PetitionRow, 'id' | 'version'>>,
  ): Promise<PetitionRow | undefined> {
    return trx
      .updateTable('dossier_petition')
      .set({ ...set, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },

  /**
   * Records the applicant's answer to the open question; undefined when no question is open
   * (never asked, or already answered — the condition makes a double submit harmless).
   */
  answerInfo(
    trx: Db,
    id: string,
    dossierId: string,
    answer: string,
    at: Date,
  ): Promise<PetitionRow | undefined> {
    return trx
      .updateTable('dossier_petition')
      .set({
        info_answer: answer,
        info_answered_at: at,
        updated_at: at,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', id)
      .where('dossier_id', '=', dossierId)
      .where('info_asked_at', 'is not', null)
      .where('info_answered_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  },

  list(db: Db, f: PetitionListFilter): Promise<PetitionRow[]> {
    let q = db.selectFrom('dossier_petition').selectAll();
    if (f.units !== null) {
      if (f.units.length === 0) return Promise.resolve([]);
      q = q.where('unit_code', 'in', f.units);
    }
    if (f.unitSubtree) {
      if (f.unitSubtree.length === 0) return Promise.resolve([]);
      q = q.where('unit_code', 'in', f.unitSubtree);
    }
    if (f.status) q = q.where('status', '=', f.status);
    if (f.overdueAt) q = q.where('next_due_at', '<', f.overdueAt);
    if (f.after) {
      const { dueAt, id } = f.after;
      q =
        dueAt === null
          ? q.where('next_due_at', 'is', null).where('id', '>', id)
          : q.where((eb) =>
              eb.or([
                eb('next_due_at', '>', new Date(dueAt)),
                eb.and([eb('next_due_at', '=', new Date(dueAt)), eb('id', '>', id)]),
                eb('next_due_at', 'is', null),
              ]),
            );
    }
    return q
      .orderBy(sql`next_due_at asc nulls last`)
      .orderBy('id')
      .limit(f.limit + 1)
      .execute();
  },

  /** Ratings given in [from, to), summed per unit. */
  ratingSums(db: Db, units: string[] | null, from: Date, to: Date) {
    let q = db
      .selectFrom('dossier_rating')
      .select((eb) => [
        'unit_code',
        eb.fn.countAll<string>().as('ratings'),
        eb.fn.sum<string>('score').as('score_sum'),
        sql<string>`count(*) filter (where score >= ${SATISFIED_MIN_SCORE})`.as('satisfied'),
      ])
      .where('created_at', '>=', from)
      .where('created_at', '<', to);
    if (units !== null) {
      if (units.length === 0) return Promise.resolve([]);
      q = q.where('unit_code', 'in', units);
    }
    return q.groupBy('unit_code').execute();
  },

  /** Petitions received in [from, to), with what their outcome needs. */
  petitionFacts(db: Db, units: string[] | null, from: Date, to: Date) {
    let q = db
      .selectFrom('dossier_petition')
      .select(['unit_code', 'status', 'ack_due_at', 'due_at', 'rejected_at', 'answered_at'])
      .where('created_at', '>=', from)
      .where('created_at', '<', to);
    if (units !== null) {
      if (units.length === 0) return Promise.resolve([]);
      q = q.where('unit_code', 'in', units);
    }
    return q.execute();
  },
};
