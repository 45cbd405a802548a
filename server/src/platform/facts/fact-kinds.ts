// The facts each module publishes for the modules above it (style.md "Layers"): the contract
// between a publisher (dossiers, reports, payments, portal, feedback, tasks) and the
// indicators module, whose definitions are data that name these keys. A fact is the current
// snapshot of one subject (one dossier, one field report…), merged from the keys its
// publishers own; the indicators module follows the changes (platform/facts/facts.ts).
//
// Conventions: `…On` keys are local dates (Asia/Ho_Chi_Minh) `YYYY-MM-DD`; a key is absent or
// null until it is known (a dossier not yet finished has no `finishedOn`). Booleans are
// true/false, never 0/1. A publisher adds keys; renaming or removing one is a breaking change
// of every indicator definition that names it (indicators.library.ts lists them).

/** Kinds of subject, each with the module that owns its keys. */
export const FACT_KINDS = [
  'dossier',
  'procedure_offer',
  'report',
  'petition',
  'rating',
  'task',
  'document',
  'work_file',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/**
 * `dossier` — subject: the dossier id; unit: the receiving unit's code.
 * Keys owned by the dossiers module unless noted.
 */
export interface DossierFact {
  procedureCode: string;
  /** Online level of the procedure when received: 'full' | 'partial' | 'none'. */
  onlineLevel: 'full' | 'partial' | 'none';
  channel: 'direct' | 'online' | 'postal';
  receivedOn: string;
  status: string;
  /** The handling unit now (forward/transfer may move it); the fact's unit stays the receiver. */
  handlingUnitCode: string;
  finishedOn?: string | null;
  outcome?: 'early' | 'on_time' | 'late' | null;
  /** outcome ∈ {early, on_time}; null until finished. */
  onTime?: boolean | null;
  /** End state for counting (regulations.md §5): processed | returned | stopped | null. */
  endState?: 'processed' | 'returned' | 'stopped' | null;
  /**
   * Every required component has an attachment file (số hoá): the dossier has an attachment,
   * and every component whose `attachment.required` is true has one (dossiers.facts.ts).
   */
  digitised: boolean;
  returnedOn?: string | null;
  /** The result went back electronically; null until returned. */
  resultElectronic?: boolean | null;
  /** Fees due at receipt (đồng); feeBearing = feesDue > 0. */
  feesDue: number;
  feeBearing: boolean;
  /** Owned by payments: paid, paid online (gateway or bank transfer), the day paid. */
  paid?: boolean;
  paidOnline?: boolean;
  paidOn?: string | null;
  /** Owned by portal: form fields of an online submission, and how many were prefilled. */
  formFields?: number;
  prefilledFields?: number;
  /**
   * Owned by portal (added for the 766 index "reuse of digitised data"): papers attached to
   * an online submission, and how many were taken from the citizen's data store.
   */
  attachments?: number;
  reusedAttachments?: number;
}

/**
 * `procedure_offer` — subject: `<unitCode>:<procedureCode>`; unit: the unit offering it.
 * The procedure's online level as offered by that unit. A stock fact: `sinceOn` is the day the
 * state began. The catalogue has no per-unit offering, so a unit offers every procedure it has
 * received a dossier of: the dossiers module publishes the offer at receipt (its first receipt
 * day; dossiers.facts.ts offerFactCtes, backfill 0507_dossiers_offer_facts) and the procedures
 * module republishes a procedure's offers when its online level changes (procedures.offers.ts).
 */
export interface ProcedureOfferFact {
  procedureCode: string;
  onlineLevel: 'full' | 'partial' | 'none';
  sinceOn: string;
}

/** `report` — a field report (phản ánh hiện trường); subject: report id; unit: handling unit. */
export interface ReportFact {
  categoryCode: string;
  /** web | app | open311 | hotline… as the reports module records the source. */
  channel: string;
  receivedOn: string;
  status: string;
  /** Resolved (đã xử lý) day; null while open or when reopened. */
  resolvedOn?: string | null;
  /** Resolved within the SLA deadline; null until resolved. */
  onTime?: boolean | null;
  /** Times reopened after being resolved. */
  reopenedCount: number;
  reopened: boolean;
}

/** `petition` — a petition (phản ánh, kiến nghị) of the feedback module; unit: handling unit. */
export interface PetitionFact {
  receivedOn: string;
  status: string;
  handledOn?: string | null;
  /** Handled within its limit (regulations.md §5: 15 working days to resolve…). */
  onTime?: boolean | null;
}

/** `rating` — one satisfaction rating (feedback); subject: rating id; unit: the rated unit. */
export interface RatingFact {
  ratedOn: string;
  /** What was rated: 'dossier' | 'report' | … */
  about: string;
  /** The score as given (1–5 or the module's scale). */
  score: number;
  /** The rating counts as satisfied (hài lòng). */
  satisfied: boolean;
}

/** `task` — a task (nhiệm vụ); subject: task id; unit: the lead agency (chủ trì). */
export interface TaskFact {
  /** The unit that assigned it (owner of the plan or document). */
  assignedByUnitCode: string;
  status: string;
  /** Deadline day, null for "thường xuyên" (ongoing). */
  deadlineOn?: string | null;
  doneOn?: string | null;
  /** Done on or before the deadline (an ongoing task done counts on time); null until done. */
  onTime?: boolean | null;
  createdOn: string;
  /** What the task came from (plan_task, document, manual…): directives are `document`. */
  sourceType?: string;
}

/**
 * `document` — an official document as one unit holds it (issue 13); subject: the document id
 * (an issued document and each platform receipt are separate subjects); unit: the holder.
 * Confidential documents (mật) keep only `confidential: true`: every rate leaves them out, as
 * the seeds' targets do ("trừ văn bản mật").
 */
export interface DocumentFact {
  direction: 'incoming' | 'outgoing';
  confidential: boolean;
  /** The holder is a commune-level unit (the seeds split "cấp xã" from the rest). */
  communeLevel: boolean;
  /** The day it entered the register (incoming) or was issued (outgoing); null before. */
  exchangedOn?: string | null;
  /** Received or sent as an electronic document (platform or edXML), not paper. */
  electronic?: boolean | null;
  /** Outgoing: issued with the signer's and the organisation's digital signatures. */
  signedDigitally?: boolean | null;
  /** Handled in the system: directed and handled (incoming), drafted and issued (outgoing). */
  handledOnline?: boolean | null;
  status: string;
  deadlineOn?: string | null;
  /** Incoming with a deadline: the day its handling was done, and whether on time. */
  doneOn?: string | null;
  onTime?: boolean | null;
}

/**
 * `work_file` — a work file (hồ sơ công việc, issue 13); subject: the file id; unit: the unit
 * whose file list holds it. Keys owned by the documents module.
 */
export interface WorkFileFact {
  status: 'open' | 'closed';
  communeLevel: boolean;
  openedOn: string;
  /** The day it was closed (kết thúc hồ sơ); null while open. */
  closedOn: string | null;
  documentCount: number;
}
