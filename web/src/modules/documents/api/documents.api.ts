// Typed client of the documents API (issue 13; server/src/modules/documents/documents.routes.ts).
import type { ReviewFlowsView } from '@cqs/shared/documents/index';
import { ApiError, apiRequest, buildUrl, type Page } from '../../../api/client.ts';
import type {
  CreateOutgoingRequest,
  DocumentActionInput,
  DocumentDetail,
  DocumentFilter,
  DocumentSummary,
  DraftVersion,
  OcrAnswer,
  RegisterIncomingAnswer,
  RegisterIncomingRequest,
  SigningSession,
  VerifyAnswer,
} from './document.types.ts';

const BASE = '/api/v1/documents';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** Rows a page of a box brings. */
export const PAGE_SIZE = 50;

/** GET /documents?box=&q=&from=&to=&status= — newest first, cursor-paged. */
export function listDocuments(
  filter: DocumentFilter,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<Page<DocumentSummary>> {
  return apiRequest<Page<DocumentSummary>>(BASE, {
    query: {
      box: filter.box,
      q: filter.q,
      from: filter.from,
      to: filter.to,
      status: filter.status,
      cursor,
      limit: PAGE_SIZE,
    },
    signal,
  });
}

/**
 * GET /documents?box=incoming&overdue=true&unit= — incoming documents past their handling
 * deadline and still open, held by `unit` or below (all the caller sees when omitted).
 */
export function listOverdueDocuments(
  unit: string | undefined,
  signal?: AbortSignal,
): Promise<Page<DocumentSummary>> {
  return apiRequest<Page<DocumentSummary>>(BASE, {
    query: { box: 'incoming', overdue: 'true', unit, limit: PAGE_SIZE },
    signal,
  });
}

/** GET /document-review-flows?unit= — the unit's approval flows (trình duyệt) by type. */
export function getReviewFlows(unit: string, signal?: AbortSignal): Promise<ReviewFlowsView> {
  return apiRequest<ReviewFlowsView>('/api/v1/document-review-flows', { query: { unit }, signal });
}

/** PUT (steps) or DELETE (null) /document-review-flows/{unit}/{type}. */
export function saveReviewFlow(
  unit: string,
  type: string,
  steps: string[] | null,
): Promise<ReviewFlowsView> {
  const path = `/api/v1/document-review-flows/${encodeURIComponent(unit)}/${encodeURIComponent(type)}`;
  return steps
    ? apiRequest<ReviewFlowsView>(path, { method: 'PUT', json: { steps } })
    : apiRequest<ReviewFlowsView>(path, { method: 'DELETE' });
}

/** POST /documents/{id}/signing-sessions — the signer starts a USB-token signing. */
export function beginTokenSigning(id: string, version: number): Promise<SigningSession> {
  return apiRequest<SigningSession>(`${one(id)}/signing-sessions`, {
    method: 'POST',
    json: { version },
  });
}

/** The prepared PDF of a token signing (for the local signing app). */
export const tokenSigningPdfUrl = (id: string, sessionId: string) =>
  `${one(id)}/signing-sessions/${encodeURIComponent(sessionId)}/pdf`;

/** POST /documents/{id}/signing-sessions/{sessionId} ← the CMS (base64) → the signed document. */
export function completeTokenSigning(
  id: string,
  sessionId: string,
  cms: string,
): Promise<DocumentDetail> {
  return apiRequest<DocumentDetail>(
    `${one(id)}/signing-sessions/${encodeURIComponent(sessionId)}`,
    { method: 'POST', json: { cms } },
  );
}

/** GET /documents/{id}. */
export function getDocument(id: string, signal?: AbortSignal): Promise<DocumentDetail> {
  return apiRequest<DocumentDetail>(one(id), { signal });
}

/** POST /documents/incoming (the clerk; files inline, base64) → 201 the arrival number. */
export function registerIncoming(body: RegisterIncomingRequest): Promise<RegisterIncomingAnswer> {
  return apiRequest<RegisterIncomingAnswer>(`${BASE}/incoming`, { method: 'POST', json: body });
}

/** POST /edxml/inbox — an edXML package; the document waits in the clerk's box (status received). */
export function uploadEdxml(file: Blob): Promise<RegisterIncomingAnswer> {
  return apiRequest<RegisterIncomingAnswer>('/api/v1/edxml/inbox', {
    method: 'POST',
    raw: file,
    contentType: 'application/xml',
  });
}

/** POST /documents/outgoing → 201 the draft. */
export function createOutgoing(body: CreateOutgoingRequest): Promise<DocumentDetail> {
  return apiRequest<DocumentDetail>(`${BASE}/outgoing`, { method: 'POST', json: body });
}

/** POST /documents/{id}/actions with the version the user saw (409 version_conflict when stale). */
export function postDocumentAction(id: string, body: DocumentActionInput): Promise<DocumentDetail> {
  return apiRequest<DocumentDetail>(`${one(id)}/actions`, { method: 'POST', json: body });
}

/** GET /documents/{id}/versions/{no}. */
export function getDraftVersion(
  id: string,
  no: number,
  signal?: AbortSignal,
): Promise<DraftVersion> {
  return apiRequest<DraftVersion>(`${one(id)}/versions/${no}`, { signal });
}

/** POST /documents/ocr — the scan as the raw body; proposals for the registration form. */
export function recognizeScan(file: File): Promise<OcrAnswer> {
  return apiRequest<OcrAnswer>(`${BASE}/ocr`, {
    method: 'POST',
    raw: file,
    contentType: file.type || 'application/pdf',
  });
}

/** POST /signatures/verify — a PDF as the raw body; open to anyone. */
export function verifySignatures(file: Blob): Promise<VerifyAnswer> {
  return apiRequest<VerifyAnswer>('/api/v1/signatures/verify', {
    method: 'POST',
    raw: file,
    contentType: 'application/pdf',
    expectUnauthenticated: true,
  });
}

/** Download address of a file of a document. */
export const documentFileUrl = (id: string, fileId: string) =>
  `${one(id)}/files/${encodeURIComponent(fileId)}`;
/** The draft in the Nghị định 30 layout. */
export const draftPdfUrl = (id: string) => `${one(id)}/draft.pdf`;
export const draftDocxUrl = (id: string) => `${one(id)}/draft.docx`;
/** The edXML package of an issued or received document. */
export const edxmlUrl = (id: string) => `${one(id)}/edxml`;

/** The register (sổ văn bản) as XLSX. */
export function registerXlsxUrl(q: {
  direction: 'incoming' | 'outgoing';
  from: string;
  to: string;
  unit?: string;
}): string {
  return buildUrl(`${BASE}/register.xlsx`, q);
}

/** The file name of a Content-Disposition header (RFC 6266 filename* first). */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || null;
}

/** `name` with the extension of `fallback` when it has none ('01-UBND' + 'x.edxml' → '01-UBND.edxml'). */
export function withExtension(name: string, fallback: string): string {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(fallback)?.[0];
  return ext && !/\.[A-Za-z0-9]{1,8}$/.test(name) ? `${name}${ext}` : name;
}

/**
 * Downloads `url` to a file, so a refusal (403, 400, a route not there yet) becomes an ApiError
 * with the server's Vietnamese detail instead of a page of JSON.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    throw new ApiError(
      response.status,
      typeof payload?.code === 'string' ? payload.code : 'http_error',
      typeof payload?.detail === 'string' ? payload.detail : '',
      Array.isArray(payload?.errors)
        ? (payload.errors as { path?: unknown; message?: unknown }[]).map((e) => ({
            path: String(e.path ?? ''),
            message: String(e.message ?? ''),
          }))
        : [],
    );
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  const named = dispositionName(response.headers.get('content-disposition'));
  a.download = named ? withExtension(named, fallbackName) : fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
