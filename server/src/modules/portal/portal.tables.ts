import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** A submission the citizen is still writing (hồ sơ nháp), kept on the server. */
export interface PortalDraftTable {
  id: Generated<string>;
  user_id: string;
  procedure_id: string;
  unit_code: string | null;
  /** The applicant block as typed so far (same shape as a dossier's, possibly partial). */
  applicant: Json;
  /** Per component key, the form's fields as typed so far. */
  form_data: Json;
  /** [{componentKey, documentId}] — documents of the personal data store. */
  attachments: Json;
  /** {method: 'desk' | 'postal', address?} — how the result is to be returned. */
  delivery: Json;
  /** What the server offered to fill in, by path ("applicant.fullName", "formData.to_khai.x"). */
  prefill_offered: Json;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The personal data store (kho dữ liệu cá nhân): uploads and electronic results. */
export interface CitizenDocumentTable {
  id: Generated<string>;
  user_id: string;
  title: string;
  kind: 'upload' | 'result';
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  /** For a result: the dossier that issued it. */
  source_dossier_id: string | null;
  /**
   * Set for a paper uploaded for one draft without the data_store consent: it belongs to
   * that draft only (not in the store) and is deleted with it. Null: in the store.
   */
  draft_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

/** One online submission: who sent it and how much of it was filled in or reused. */
export interface PortalSubmissionTable {
  dossier_id: string;
  user_id: string;
  procedure_id: string;
  submitted_at: Date;
  delivery: Json;
  prefilled_fields: number;
  total_fields: number;
  reused_attachments: number;
  total_attachments: number;
}

export interface PortalTables {
  portal_draft: PortalDraftTable;
  citizen_document: CitizenDocumentTable;
  portal_submission: PortalSubmissionTable;
}
