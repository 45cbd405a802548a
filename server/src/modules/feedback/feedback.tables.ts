import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

/** Life of a petition: received → accepted → answered, or received → rejected. */
export type PetitionStatus = 'received' | 'accepted' | 'rejected' | 'answered';

/**
 * The applicant's rating of a dossier's handling (đánh giá mức độ hài lòng), one per dossier.
 * The unit and procedure are copied at rating time so the indicators never join the dossier.
 */
export interface DossierRatingTable {
  id: string;
  dossier_id: string;
  dossier_code: string;
  /** The dossier's handling unit (the one whose service is rated). */
  unit_code: string;
  procedure_id: string;
  procedure_code: string;
  score: number;
  comment: string | null;
  created_at: Timestamp;
}

/** A petition (phản ánh, kiến nghị) about a dossier, routed to its handling unit. */
export interface DossierPetitionTable {
  id: string;
  /** Public number, `KN-yymmdd-nnnn` (per Vietnam day of receipt). */
  number: string;
  dossier_id: string;
  dossier_code: string;
  unit_code: string;
  procedure_id: string;
  procedure_name: string;
  dossier_status: string;
  content: string;
  /** Where acknowledgements and the answer go: the phone given as proof, and an e-mail. */
  contact_phone: string | null;
  contact_email: string | null;
  status: PetitionStatus;
  /** Accept or reject by (2 working days), resolve by (15 working days), from receipt. */
  ack_due_at: Timestamp;
  due_at: Timestamp;
  /** The deadline that matters now (null once final): the queue sorts on it. */
  next_due_at: Timestamp | null;
  accepted_at: Timestamp | null;
  rejected_at: Timestamp | null;
  answered_at: Timestamp | null;
  /** The rejection reason or the answer: what the applicant is shown. */
  answer: string | null;
  answered_by_name: string | null;
  /** Until when staff may ask for more information (receipt + 5 working days, §5). */
  info_due_at: Timestamp | null;
  /** The latest question to the applicant, when it was asked, and their answer. */
  info_question: string | null;
  info_asked_at: Timestamp | null;
  info_answer: string | null;
  info_answered_at: Timestamp | null;
  /**
   * The deadline (next_due_at) the sweep found due soon (≤ 1 working day left) / passed; a
   * mark holds only while it equals next_due_at.
   */
  due_soon_for: Timestamp | null;
  overdue_for: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One step of a petition (append-only), written with the change and its audit row. */
export interface DossierPetitionEventTable {
  id: Generated<string>;
  petition_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string;
  unit_code: string;
  occurred_at: Timestamp;
  reason: string | null;
  payload: Json;
}

/** Tables of the feedback module (issue 4). */
export interface FeedbackTables {
  dossier_rating: DossierRatingTable;
  dossier_petition: DossierPetitionTable;
  dossier_petition_event: DossierPetitionEventTable;
}
