// The feedback module's facts (platform/facts/fact-kinds.ts PetitionFact, RatingFact),
// published by the repository functions that write a rating or change a petition, so every
// write in its transaction carries its fact (issue 12: "petitions handled on time",
// "satisfaction"). The satisfaction statistics of this module read only its own tables (the
// unit and procedure are copied onto the rating); the indicators count from these facts.
import { vnDateOf } from '@cqs/shared/calendar/index';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { publishFact } from '../../platform/facts/index.js';
import type { PetitionRow, RatingRow } from './feedback.repository.js';
import { petitionOutcome, SATISFIED_MIN_SCORE } from './feedback.rules.js';

type Db = Kysely<Database>;

/** A rating of a dossier's handling; unit: the rated (handling) unit. */
export async function publishRatingFact(trx: Db, r: RatingRow): Promise<void> {
  await publishFact(trx, {
    kind: 'rating',
    subjectId: r.id,
    unitCode: r.unit_code,
    data: {
      ratedOn: vnDateOf(new Date(r.created_at)),
      about: 'dossier',
      score: r.score,
      satisfied: r.score >= SATISFIED_MIN_SCORE,
    },
  });
}

/**
 * A petition; unit: its handling unit. Handled = answered, or rejected (its final states);
 * on time as the satisfaction statistics count it (feedback.rules.ts petitionOutcome: answered
 * within 15 working days, rejected within 2).
 */
export async function publishPetitionFact(trx: Db, p: PetitionRow): Promise<void> {
  const outcome = petitionOutcome(p);
  const handledAt =
    p.status === 'answered' ? p.answered_at : p.status === 'rejected' ? p.rejected_at : null;
  await publishFact(trx, {
    kind: 'petition',
    subjectId: p.id,
    unitCode: p.unit_code,
    data: {
      receivedOn: vnDateOf(new Date(p.created_at)),
      status: p.status,
      handledOn: handledAt ? vnDateOf(new Date(handledAt)) : null,
      onTime: outcome === 'open' ? null : outcome === 'on_time',
    },
  });
}
