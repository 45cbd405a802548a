// Typed client of the work files API (hồ sơ công việc, issue 13;
// server/src/modules/documents/documents.work-files.routes.ts).
import type {
  CreateWorkFileBody,
  WorkFileActionInput,
  WorkFileDetailView,
  WorkFileStatus,
  WorkFileSummaryView,
} from '@cqs/shared/documents/index';
import type { z } from 'zod';
import { apiRequest } from '../../../api/client.ts';

export type WorkFileSummary = WorkFileSummaryView;
export type WorkFileDetail = WorkFileDetailView;
export type CreateWorkFileRequest = z.input<typeof CreateWorkFileBody>;

const BASE = '/api/v1/work-files';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** GET /work-files (?year=&status=&mine=&q=&documentId=). */
export async function listWorkFiles(
  filter: {
    year?: number;
    status?: WorkFileStatus;
    mine?: boolean;
    q?: string;
    documentId?: string;
  },
  signal?: AbortSignal,
): Promise<WorkFileSummary[]> {
  const reply = await apiRequest<{ items: WorkFileSummary[] }>(BASE, {
    query: {
      year: filter.year,
      status: filter.status,
      mine: filter.mine === undefined ? undefined : String(filter.mine),
      q: filter.q || undefined,
      documentId: filter.documentId,
    },
    signal,
  });
  return reply.items;
}

/** POST /work-files → 201 the new file ("03.VHTT"). */
export function createWorkFile(body: CreateWorkFileRequest): Promise<WorkFileDetail> {
  return apiRequest<WorkFileDetail>(BASE, { method: 'POST', json: body });
}

/** GET /work-files/{id}. */
export function getWorkFile(id: string, signal?: AbortSignal): Promise<WorkFileDetail> {
  return apiRequest<WorkFileDetail>(one(id), { signal });
}

/** POST /work-files/{id}/actions with the version the user saw (409 when stale). */
export function postWorkFileAction(id: string, body: WorkFileActionInput): Promise<WorkFileDetail> {
  return apiRequest<WorkFileDetail>(`${one(id)}/actions`, { method: 'POST', json: body });
}
