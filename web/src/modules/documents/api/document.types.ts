// Shapes of the documents API (văn bản, issue 13), inferred from the server's own zod schemas
// (@cqs/shared/documents), so a renamed field breaks the web's build.
import type {
  CreateOutgoingBody,
  DocumentActionInput,
  DocumentDetailView,
  DocumentStatus,
  DocumentSummaryView,
  DraftContent,
  DraftVersionSchema,
  OcrReply,
  RegisterIncomingBody,
  RegisterIncomingReply,
  SignatureCheckSchema,
  SigningSessionSchema,
  VerifyReply,
} from '@cqs/shared/documents/index';
import type { z } from 'zod';

export type {
  DocumentActionInput,
  DocumentDetailView,
  DocumentStatus,
  DocumentSummaryView,
  DraftContent,
};

/** One row of GET /documents. */
export type DocumentSummary = DocumentSummaryView;
/** GET /documents/{id}: events, files, signatures, versions, assignments, allowedActions. */
export type DocumentDetail = DocumentDetailView;
/** The body of POST /documents/incoming, as validated (defaults filled in). */
export type RegisterIncomingRequest = z.output<typeof RegisterIncomingBody>;
/** The body of POST /documents/outgoing, as validated. */
export type CreateOutgoingRequest = z.output<typeof CreateOutgoingBody>;
/** 201 of POST /documents/incoming and POST /edxml/inbox. */
export type RegisterIncomingAnswer = z.infer<typeof RegisterIncomingReply>;
/** POST /signatures/verify. */
export type VerifyAnswer = z.infer<typeof VerifyReply>;
/** One signature's verification (also in a document's `signatures`). */
export type SignatureCheck = z.infer<typeof SignatureCheckSchema>;
/** An action of POST /documents/{id}/actions. */
export type DocumentActionName = DocumentActionInput['action'];

/** The boxes of GET /documents: "cần xử lý", incoming, outgoing. */
export const DOCUMENT_BOXES = ['todo', 'incoming', 'outgoing'] as const;
export type DocumentBox = (typeof DOCUMENT_BOXES)[number];

/** Filters of GET /documents (dates 'YYYY-MM-DD'). */
export interface DocumentFilter {
  box: DocumentBox;
  q?: string;
  from?: string;
  to?: string;
  status?: string;
}

/** POST /documents/ocr: whether OCR runs here, the text read and the proposals (each may be null). */
export type OcrAnswer = z.infer<typeof OcrReply>;
/** What the OCR proposes for the registration form. */
export type OcrProposals = OcrAnswer['proposals'];

/** GET /documents/{id}/versions/{no}: one saved version of a draft. */
export type DraftVersion = z.infer<typeof DraftVersionSchema>;
/** 201 of POST /documents/{id}/signing-sessions: what the local signing app signs. */
export type SigningSession = z.infer<typeof SigningSessionSchema>;
