import { apiRequest, buildUrl } from '../../../api/client.ts';
import type { Procedure } from '../../procedures/index.ts';
import type {
  CreateDossierInput,
  CreatedDossier,
  Dossier,
  DossierAction,
  DossierFilter,
  DossierPage,
  FormNumber,
  UploadedFile,
} from './dossier.types.ts';

const BASE = '/api/v1/dossiers';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
const flag = (on: boolean | undefined) => (on ? 'true' : undefined);

/** POST /dossiers; the same `idempotencyKey` on a retry never creates a second dossier. */
export function createDossier(
  input: CreateDossierInput,
  idempotencyKey: string,
): Promise<CreatedDossier> {
  return apiRequest<CreatedDossier>(BASE, {
    method: 'POST',
    json: input,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

/** GET /dossiers: one page, sorted by due date, with counts over the whole filter. */
export function listDossiers(
  filter: DossierFilter,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<DossierPage> {
  return apiRequest<DossierPage>(BASE, {
    query: {
      q: filter.q,
      status: filter.status,
      unit: filter.unit,
      procedure: filter.procedure,
      overdue: flag(filter.overdue),
      assignedToMe: flag(filter.assignedToMe),
      dueSoon: flag(filter.dueSoon),
      awaiting: filter.awaitingApproval ? 'approval' : undefined,
      sentBack: flag(filter.sentBack),
      channel: filter.channel || undefined,
      outcome: filter.outcome || undefined,
      from: filter.from,
      to: filter.to,
      dates: filter.dates === 'finished' ? 'finished' : undefined,
      cursor,
      limit: 50,
    },
    signal,
  });
}

/** GET /dossiers/{id}: with events, files and the caller's allowed actions. */
export function getDossier(id: string, signal?: AbortSignal): Promise<Dossier> {
  return apiRequest<Dossier>(one(id), { signal });
}

/** POST /dossiers/{id}/actions with the version the user saw (409 version_conflict if stale). */
export function postAction(
  id: string,
  action: DossierAction,
  version: number,
  payload: Record<string, unknown>,
): Promise<Dossier> {
  return apiRequest<Dossier>(`${one(id)}/actions`, {
    method: 'POST',
    json: { ...payload, action, version },
  });
}

/** POST /dossiers/{id}/files: the file itself is the body, its type the content type. */
export function uploadDossierFile(
  id: string,
  file: File,
  kind: 'attachment' | 'result',
  component?: string,
): Promise<UploadedFile> {
  return apiRequest<UploadedFile>(`${one(id)}/files`, {
    method: 'POST',
    query: { kind, component, filename: file.name },
    raw: file,
    contentType: file.type || 'application/octet-stream',
  });
}

/** Download link of a stored file. */
export function fileUrl(id: string, fileId: string): string {
  return `${one(id)}/files/${encodeURIComponent(fileId)}`;
}

/** The printable form (PDF) `no` of a dossier; `signed`: sealed with the unit's digital signature. */
export function formUrl(id: string, no: FormNumber, opts: { signed?: boolean } = {}): string {
  return `${one(id)}/forms/${no}.pdf${opts.signed ? '?signed=true' : ''}`;
}

/** Form 07, the dossier register of a unit over a period (dates YYYY-MM-DD). */
export function registerUrl(params: { unit?: string; from?: string; to?: string }): string {
  return buildUrl(`${BASE}/register.xlsx`, params);
}

/** GET /procedures/{id}: the catalogue entry (forms of the components, for labels). */
export function getProcedureById(id: string, signal?: AbortSignal): Promise<Procedure> {
  return apiRequest<Procedure>(`/api/v1/procedures/${encodeURIComponent(id)}`, { signal });
}
