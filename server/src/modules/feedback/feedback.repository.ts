/** The only SQL of the feedback module. */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { publishPetitionFact, publishRatingFact } from './feedback.facts.js';
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
  /** Only open petitions the sweep marked due soon (and not overdue) for their deadline. */
  dueSoon?: boolean;
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
  async insertRating(
    trx: Db,
    r: Omit<RatingRow, 'created_at'> & { created_at: Date },
  ): Promise<RatingRow | undefined> {
    const row = await trx
      .insertInto('dossier_rating')
      .values(r)
      .onConflict((oc) => oc.column('dossier_id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) await publishRatingFact(trx, row);
    return row;
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

  async insertPetition(trx: Db, p: Omit<PetitionRow, 'version'>): Promise<PetitionRow> {
    const row = await trx
      .insertInto('dossier_petition')
      .values(p)
      .returningAll()
      .executeTakeFirstOrThrow();
    await publishPetitionFact(trx, row);
    return row;
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
  async updatePetition(
    trx: Db,
    id: string,
    version: number,
    set: Partial<Omit<PetitionRow, 'id' | 'version'>>,
  ): Promise<PetitionRow | undefined> {
    const row = await trx
      .updateTable('dossier_petition')
      .set({ ...set, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    // The petition fact (issue 12) in the change's transaction; nothing when the guard lost.
    if (row) await publishPetitionFact(trx, row);
    return row;
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

  /** Open petitions whose current deadline is before `horizon` and not yet marked for it. */
  sweepCandidates(db: Db, horizon: Date, limit: number) {
    return db
      .selectFrom('dossier_petition')
      .select(['id', 'unit_code', 'next_due_at', 'due_soon_for', 'overdue_for'])
      .where('status', 'in', ['received', 'accepted'])
      .where('next_due_at', '<', horizon)
      .where((eb) =>
        eb.or([
          eb('due_soon_for', 'is', null),
          eb('due_soon_for', '!=', eb.ref('next_due_at')),
          eb('overdue_for', 'is', null),
          eb('overdue_for', '!=', eb.ref('next_due_at')),
        ]),
      )
      .orderBy('next_due_at')
      .limit(limit)
      .execute();
  },

  /**
   * Marks the petition overdue for deadline `due`: only while it is still open, that is still
   * its deadline, it has passed, and it is not marked yet (a second run changes nothing).
   */
  async claimOverdue(db: Db, id: string, due: Date, now: Date): Promise<boolean> {
    const r = await db
      .updateTable('dossier_petition')
      .set({ overdue_for: due })
      .where('id', '=', id)
      .where('status', 'in', ['received', 'accepted'])
      .where('next_due_at', '=', due)
      .where('next_due_at', '<', now)
      .where((eb) => eb.or([eb('overdue_for', 'is', null), eb('overdue_for', '!=', due)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /** Marks the petition due soon for deadline `due` (same conditions, before the deadline). */
  async claimDueSoon(db: Db, id: string, due: Date): Promise<boolean> {
    const r = await db
      .updateTable('dossier_petition')
      .set({ due_soon_for: due })
      .where('id', '=', id)
      .where('status', 'in', ['received', 'accepted'])
      .where('next_due_at', '=', due)
      .where((eb) => eb.or([eb('due_soon_for', 'is', null), eb('due_soon_for', '!=', due)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /** Open petitions of these units marked overdue / due soon for their current deadline. */
  async markCounts(db: Db, units: string[] | null) {
    if (units !== null && units.length === 0) return { overdue: 0, dueSoon: 0 };
    let q = db
      .selectFrom('dossier_petition')
      .select([
        sql<number>`count(*) filter (where overdue_for = next_due_at)::int`.as('overdue'),
        sql<number>`count(*) filter (where due_soon_for = next_due_at
          and overdue_for is distinct from next_due_at)::int`.as('dueSoon'),
      ])
      .where('status', 'in', ['received', 'accepted']);
    if (units !== null) q = q.where('unit_code', 'in', units);
    const r = await q.executeTakeFirstOrThrow();
    return { overdue: Number(r.overdue), dueSoon: Number(r.dueSoon) };
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
    if (f.dueSoon)
      q = q
        .where('status', 'in', ['received', 'accepted'])
        .whereRef('due_soon_for', '=', 'next_due_at')
        .where((eb) =>
          eb.or([eb('overdue_for', 'is', null), eb('overdue_for', '!=', eb.ref('next_due_at'))]),
        );
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
