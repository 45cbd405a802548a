import { apiRequest, type Page } from '../../../api/client.ts';
import type {
  CitizenDocument,
  DocumentList,
  DraftPatch,
  MyDossier,
  MyDossierItem,
  PortalDraft,
  PublicUnit,
  Submitted,
} from './portal.types.ts';

const BASE = '/api/v1/portal';
const enc = encodeURIComponent;

export const startDraft = (procedureCode: string) =>
  apiRequest<PortalDraft>(`${BASE}/drafts`, { method: 'POST', json: { procedureCode } });

export const getDraft = (id: string, signal?: AbortSignal) =>
  apiRequest<PortalDraft>(`${BASE}/drafts/${enc(id)}`, { signal });

export const listDrafts = (signal?: AbortSignal) =>
  apiRequest<Page<PortalDraft>>(`${BASE}/drafts`, { signal });

export const saveDraft = (id: string, patch: DraftPatch) =>
  apiRequest<PortalDraft>(`${BASE}/drafts/${enc(id)}`, { method: 'PUT', json: patch });

export const deleteDraft = (id: string) =>
  apiRequest<void>(`${BASE}/drafts/${enc(id)}`, { method: 'DELETE' });

export const submitDraft = (id: string) =>
  apiRequest<Submitted>(`${BASE}/drafts/${enc(id)}/submit`, { method: 'POST' });

/** The data store; with `draftId`, that draft's own papers too. */
export const listDocuments = (signal?: AbortSignal, draftId?: string) =>
  apiRequest<DocumentList>(`${BASE}/documents`, { signal, query: { draftId } });

/**
 * Uploads a paper: into the store with the "save for reuse" consent; without it, for the
 * draft `draftId` only (the server refuses a store upload without consent).
 */
export const uploadDocument = (file: File, draftId?: string) =>
  apiRequest<CitizenDocument>(`${BASE}/documents`, {
    method: 'POST',
    query: { filename: file.name, draftId },
    raw: file,
    contentType: file.type || 'application/octet-stream',
  });

export const deleteDocument = (id: string) =>
  apiRequest<void>(`${BASE}/documents/${enc(id)}`, { method: 'DELETE' });

export const documentUrl = (id: string) => `${BASE}/documents/${enc(id)}/file`;

export const listMyDossiers = (signal?: AbortSignal) =>
  apiRequest<Page<MyDossierItem>>(`${BASE}/my-dossiers`, { signal });

export const getMyDossier = (code: string, signal?: AbortSignal) =>
  apiRequest<MyDossier>(`${BASE}/my-dossiers/${enc(code)}`, { signal });

export const receiptUrl = (code: string) => `${BASE}/my-dossiers/${enc(code)}/receipt.pdf`;
export const resultUrl = (code: string) => `${BASE}/my-dossiers/${enc(code)}/result`;

/** Units of one kind (the places that receive a procedure of that level). */
export const publicUnits = (kind: string, signal?: AbortSignal) =>
  apiRequest<{ items: PublicUnit[] }>('/api/v1/public/units', { query: { kind }, signal });
