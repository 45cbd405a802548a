import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** How the result goes back to the applicant. */
export interface ResultDelivery {
  method: 'desk' | 'postal';
  address?: string;
}

/** A one-stop-shop dossier (hồ sơ một cửa). */
export interface DossierTable {
  id: Generated<string>;
  code: string;
  procedure_id: string;
  procedure_code: string;
  procedure_name: string;
  /** The receiving unit: scoping and indicators count the dossier here. */
  unit_code: string;
  /** Where it is being processed now (changes on forward / liên thông). */
  handling_unit_code: string;
  channel: 'direct' | 'online' | 'postal';
  applicant: Json;
  applicant_name: string;
  /** Canonical phone (0xxxxxxxxx), the key of the public tracking page. */
  applicant_phone: string | null;
  form_data: Json;
  fees_due: number;
  status: string;
  received_at: Date;
  due_at: Date;
  original_due_at: Date;
  /** Deadline of each processing step of the procedure: [{order, name, role, dueAt}]. */
  step_plan: Json;
  due_soon_at: Date | null;
  overdue_at: Date | null;
  paused_at: Date | null;
  paused_minutes: Generated<number>;
  completion_requests: Generated<number>;
  extended: Generated<boolean>;
  assignee_id: string | null;
  finished_at: Date | null;
  outcome: 'early' | 'on_time' | 'late' | null;
  approved_at: Date | null;
  returned_at: Date | null;
  return_method: string | null;
  result_file_id: string | null;
  result_summary: string | null;
  /** Keyed hash of the applicant's citizen ID (dossiers.personal-ids.ts); null for older rows. */
  applicant_id_hmac: string | null;
  /** The citizen account that submitted it online; null for desk and postal receipts. */
  owner_user_id: string | null;
  /** {method: 'desk' | 'postal', address?}; null = at the desk. */
  result_delivery: ColumnType<ResultDelivery | null, string | null, string | null>;
  version: Generated<number>;
  idempotency_key: string | null;
  request_hash: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Every action on a dossier, append-only: the raw material of the indicators. */
export interface DossierEventTable {
  id: Generated<number>;
  dossier_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string;
  unit_code: string;
  occurred_at: Date;
  reason: string | null;
  payload: Json;
}

/** Daily sequence per receiving agency, for gap-free dossier codes. */
export interface DossierCodeCounterTable {
  agency_key: string;
  day: string;
  last_seq: number;
}

/** Files of a dossier: the applicant's attachments, scans and electronic results. */
export interface DossierFileTable {
  id: Generated<string>;
  dossier_id: string;
  kind: 'attachment' | 'result';
  component_key: string | null;
  filename: string;
  mime: string;
  size: number;
  /** The bytes served: for a result approved by a leader, its digitally signed version. */
  sha256: string;
  uploaded_by: string | null;
  created_at: Timestamp;
  /** The uploaded bytes of a signed result, kept (null: not signed). */
  unsigned_sha256: ColumnType<string | null, string | null | undefined, string | null>;
  unsigned_size: ColumnType<number | null, number | null | undefined, number | null>;
  signed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The approving leader. */
  signed_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Common names on the signatures, in order. */
  signers: ColumnType<string[] | null, string | null | undefined, string | null>;
}

export interface DossiersTables {
  dossier: DossierTable;
  dossier_event: DossierEventTable;
  dossier_code_counter: DossierCodeCounterTable;
  dossier_file: DossierFileTable;
}
