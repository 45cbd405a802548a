import { apiRequest, buildUrl, type Page } from '../../../api/client.ts';
import type { Procedure, ProcedureFilter, ProcedureInput } from './procedure.types.ts';

const BASE = '/api/v1/procedures';

/** GET /procedures: one page matching the filters. */
export function listProcedures(
  filter: ProcedureFilter,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<Page<Procedure>> {
  return apiRequest<Page<Procedure>>(BASE, { query: { ...filter, cursor, limit: 50 }, signal });
}

/** GET /procedures/{id}. */
export function getProcedure(id: string, signal?: AbortSignal): Promise<Procedure> {
  return apiRequest<Procedure>(`${BASE}/${encodeURIComponent(id)}`, { signal });
}

/** POST /procedures. */
export function createProcedure(input: ProcedureInput): Promise<Procedure> {
  return apiRequest<Procedure>(BASE, { method: 'POST', json: input });
}

/** PUT /procedures/{id}. */
export function updateProcedure(id: string, input: ProcedureInput): Promise<Procedure> {
  return apiRequest<Procedure>(`${BASE}/${encodeURIComponent(id)}`, { method: 'PUT', json: input });
}

/** DELETE /procedures/{id} (archives it). */
export function archiveProcedure(id: string): Promise<void> {
  return apiRequest<void>(`${BASE}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export type ExportFormat = 'json' | 'xlsx';

/** URL of the catalogue export (a download link). */
export function exportUrl(format: ExportFormat): string {
  return buildUrl(`${BASE}/export`, { format });
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** POST /procedures/import: the file is sent as the raw request body. */
export function importProcedures(file: File, format: ExportFormat): Promise<unknown> {
  return apiRequest<unknown>(`${BASE}/import`, {
    method: 'POST',
    query: { format },
    raw: file,
    contentType: CONTENT_TYPES[format],
  });
}
