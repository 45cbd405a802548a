// Tables of the documents module (văn bản đến, văn bản đi, hồ sơ công việc), issue 13.

import type { DocumentStatus, DraftContent } from '@cqs/shared/documents/index';
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** A register (sổ văn bản) of a unit for a year: incoming or outgoing, one row per series. */
export interface DocumentRegisterTable {
  unit_code: string;
  /** 'work_file': the numbers of the unit's work files (hồ sơ công việc) for the year. */
  direction: 'incoming' | 'outgoing' | 'work_file';
  year: number;
  /** 'all' (one series for every type, the default) or a type code kept in its own series. */
  series: string;
  last_number: number;
}

/** An official document as one unit holds it (an issued document and each receipt are rows). */
export interface DocumentTable {
  id: string;
  direction: 'incoming' | 'outgoing';
  /** The unit holding it: the receiving unit (incoming) or the issuing unit (outgoing). */
  unit_code: string;
  /** Outgoing: the unit (department) that drafts it, whose head reviews it first. */
  drafting_unit_code: string | null;
  status: DocumentStatus;
  version: Generated<number>;
  source: 'platform' | 'edxml' | 'paper' | null;
  /** Arrival number (số đến) and its register year; null until registered. */
  arrival_number: number | null;
  arrival_year: number | null;
  registered_at: Date | null;
  /** The number (số) as written or as given at issue ("05", "12/2026"); the symbol (ký hiệu). */
  code_number: string | null;
  code_notation: string;
  /** Outgoing: the register year and series its number was taken from. */
  number_year: number | null;
  issuer_name: string | null;
  issuer_organ_id: string | null;
  issued_on: string | null;
  type_code: string;
  summary: string;
  signer_name: string | null;
  signer_position: string | null;
  signer_user_id: string | null;
  urgency: 'normal' | 'urgent' | 'very_urgent' | 'flash';
  confidentiality: 'normal' | 'confidential' | 'secret' | 'top_secret';
  /** Hạn xử lý (incoming) or the answer's due date (outgoing), a date. */
  deadline: string | null;
  reply_to_id: string | null;
  /** The outgoing document an incoming one is a receipt of (platform) — same document, two units. */
  origin_id: string | null;
  leader_direction: string | null;
  /** Outgoing drafts: the content the .docx and PDF are made from. */
  content: ColumnType<DraftContent | null, string | null, string | null>;
  /** Outgoing: which approval step (0-based) the draft waits at; null outside in_review. */
  review_step: number | null;
  review_flow: Json<{ role: string; label: string }[]>;
  /** edXML fields kept as received (trace, business, unknown elements) for re-export. */
  exchange: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  /** Where the signed PDF's signature box, seal, number and date lines are (the seal step stamps them). */
  pdf_layout: ColumnType<PdfLayout | null, string | null, string | null>;
  /** Accent-folded words for search (foldVietnamese). */
  search_text: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  done_at: Date | null;
}

/** Positions on the signed PDF, page index from 0, rects in PDF points (origin bottom-left). */
export interface PdfLayout {
  signatureBox: { page: number; rect: [number, number, number, number] };
  numberBox?: { page: number; rect: [number, number, number, number] } | null;
  dateBox?: { page: number; rect: [number, number, number, number] } | null;
}

/** A deferred signing waiting for the client's CMS. */
export interface DocumentSigningSessionTable {
  id: string;
  document_id: string;
  user_id: string | null;
  document_version: number;
  prepared_sha256: string;
  byte_range: Json<[number, number, number, number]>;
  hash: string;
  pdf_layout: ColumnType<PdfLayout, string, string>;
  created_at: Date;
  expires_at: Date;
  completed_at: Date | null;
}

/** Who handles an incoming document (phân công: chủ trì, phối hợp, để biết). */
export interface DocumentAssignmentTable {
  document_id: string;
  role: 'lead' | 'support' | 'info';
  unit_code: string;
  user_id: string | null;
  user_name: string | null;
  task_id: string | null;
  done_at: Date | null;
}

/**
 * Who may see a document besides its unit's office and leaders (denormalised so a list is one
 * indexed query): units it was assigned or shared to (all their staff), and people.
 */
export interface DocumentAccessTable {
  document_id: string;
  unit_code: string | null;
  user_id: string | null;
  reason: 'assigned' | 'shared' | 'drafter' | 'signer' | 'reviewer';
}

/** Every change of a document, append-only. */
export interface DocumentEventTable {
  id: Generated<number>;
  document_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string;
  occurred_at: Date;
  note: string | null;
  payload: Json;
}

/** Files of a document: the main file, attachments, scans, drafts, signed PDFs, packages. */
export interface DocumentFileTable {
  id: string;
  /** Insertion order (files of one request share their time under a frozen clock). */
  n: Generated<number>;
  document_id: string;
  kind:
    | 'main'
    | 'attachment'
    | 'draft_attachment'
    | 'scan'
    | 'draft_docx'
    | 'draft_pdf'
    | 'signed_pdf'
    | 'edxml';
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  /** Which draft version it was made from (drafts), else null. */
  draft_version: number | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** Versions of an outgoing draft, kept for comparison. */
export interface DocumentVersionTable {
  document_id: string;
  no: number;
  content: Json<DraftContent>;
  author_id: string | null;
  author_name: string;
  comment: string | null;
  created_at: Timestamp;
}

/** A signature on a document's PDF and its verification result, kept with it. */
export interface DocumentSignatureTable {
  id: string;
  document_id: string;
  file_id: string | null;
  /** 'edxml': the XML-DSig of the edXML package the document came in (file_id null). */
  kind: 'personal' | 'organisation' | 'received' | 'edxml';
  signer: string | null;
  signed_at: Date | null;
  result: Json<Record<string, unknown>>;
  checked_at: Date;
}

/** Every read of a document (issue 13 deliver 6: "every read of a document is logged"). */
export interface DocumentReadTable {
  id: Generated<number>;
  document_id: string;
  user_id: string | null;
  user_name: string;
  read_at: Date;
}

/** Approval flows (trình duyệt) as data: per unit and type ('*' for every type). */
export interface DocumentReviewFlowTable {
  unit_code: string;
  type_code: string;
  steps: Json<{ role: string; label: string }[]>;
}

/** Distinct folded words of documents, for typo-forgiving search. */
export interface DocumentWordTable {
  word: string;
}

/** A work file (hồ sơ công việc) of a unit's file list for a year (ND30 Phụ lục V). */
export interface DocumentWorkFileTable {
  id: string;
  unit_code: string;
  year: number;
  /** Its number in the unit's list for the year; `code` is "03.VHTT" (số và ký hiệu hồ sơ). */
  number: number;
  code: string;
  title: string;
  /** 'permanent' (vĩnh viễn) or a number of years. */
  retention: string;
  owner_id: string | null;
  owner_name: string;
  status: 'open' | 'closed';
  opened_on: string;
  closed_on: string | null;
  note: string | null;
  search_text: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A document in a work file. */
export interface DocumentWorkFileItemTable {
  work_file_id: string;
  document_id: string;
  added_by: string | null;
  added_by_name: string;
  added_at: Timestamp;
}

/** Every change of a work file, append-only. */
export interface DocumentWorkFileEventTable {
  id: Generated<number>;
  work_file_id: string;
  action: string;
  actor_id: string | null;
  actor_name: string;
  occurred_at: Date;
  note: string | null;
  payload: Json;
}

export interface DocumentsTables {
  document_register: DocumentRegisterTable;
  document: DocumentTable;
  document_assignment: DocumentAssignmentTable;
  document_access: DocumentAccessTable;
  document_event: DocumentEventTable;
  document_file: DocumentFileTable;
  document_version: DocumentVersionTable;
  document_signature: DocumentSignatureTable;
  document_read: DocumentReadTable;
  document_review_flow: DocumentReviewFlowTable;
  document_word: DocumentWordTable;
  document_signing_session: DocumentSigningSessionTable;
  document_work_file: DocumentWorkFileTable;
  document_work_file_item: DocumentWorkFileItemTable;
  document_work_file_event: DocumentWorkFileEventTable;
}
