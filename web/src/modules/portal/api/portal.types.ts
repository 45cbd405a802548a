// Shapes of the portal API (server/src/modules/portal/portal.schemas.ts).

export type Delivery = { method: 'desk'; address?: string } | { method: 'postal'; address: string };

export interface AttachmentRef {
  componentKey: string;
  documentId: string;
}

export interface PortalDraft {
  id: string;
  procedureId: string;
  procedureCode: string;
  procedureName: string;
  unitCode: string | null;
  applicant: Record<string, unknown>;
  formData: Record<string, Record<string, unknown>>;
  attachments: AttachmentRef[];
  delivery: Delivery;
  /** Paths the server filled in for the citizen. */
  prefilled: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DraftPatch {
  version: number;
  unitCode?: string | null;
  applicant?: Record<string, unknown>;
  formData?: Record<string, Record<string, unknown>>;
  attachments?: AttachmentRef[];
  delivery?: Delivery;
}

export interface CitizenDocument {
  id: string;
  title: string;
  kind: 'upload' | 'result';
  filename: string;
  mime: string;
  size: number;
  sourceDossierId: string | null;
  /** Set: a paper of that draft only (uploaded without the "save for reuse" consent). */
  draftId: string | null;
  createdAt: string;
}

/** GET /portal/documents: the store (and a draft's own papers), and whether it is in use. */
export interface DocumentList {
  items: CitizenDocument[];
  nextCursor: null;
  /** The citizen's "save for reuse" consent (data_store): the store is offered only then. */
  dataStoreConsent: boolean;
}

export interface Submitted {
  created: boolean;
  dossier: {
    id: string;
    code: string;
    status: string;
    procedureName: string;
    receivedAt: string;
    dueAt: string;
    feesDue: number;
  };
}

export interface MyDossierItem {
  code: string;
  procedureName: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  dueAt: string;
  feesDue: number;
  resultAvailable: boolean;
  /** The result carries the unit's digital signatures (checkable on /kiem-tra-chu-ky). */
  resultSigned: boolean;
}

export interface MyDossier {
  code: string;
  procedureName: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  dueAt: string;
  timeline: { at: string; action: string; label: string }[];
  feesDue: number;
  proof: { phone: string | null; citizenId: string | null };
  delivery: Delivery;
  resultAvailable: boolean;
  resultSigned: boolean;
  prefilledFields: number;
  totalFields: number;
  reusedAttachments: number;
  totalAttachments: number;
}

export interface PublicUnit {
  code: string;
  name: string;
  fullName: string;
  kind: string;
  parentCode: string | null;
}
