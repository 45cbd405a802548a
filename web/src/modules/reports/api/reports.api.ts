import { apiRequest, type Page } from '../../../api/client.ts';
import type {
  CreatedReport,
  CreateReportInput,
  NearbyReport,
  PublicReport,
  PublicReportDetail,
  PublicReportFilter,
  Report,
  ReportCategory,
  ReportSummary,
  StaffAction,
  StaffReportFilter,
  UploadedPhoto,
} from './report.types.ts';

const V1 = '/api/v1';
const enc = encodeURIComponent;

/** GET /report-categories: the active categories (public). */
export async function listCategories(signal?: AbortSignal): Promise<ReportCategory[]> {
  const reply = await apiRequest<{ items: ReportCategory[] }>(`${V1}/report-categories`, {
    signal,
  });
  return reply.items;
}

/** POST /reports (no sign-in); the same key on a retry never files a second report. */
export function createReport(input: CreateReportInput, idempotencyKey: string) {
  return apiRequest<CreatedReport>(`${V1}/reports`, {
    method: 'POST',
    json: input,
    headers: { 'idempotency-key': idempotencyKey },
    expectUnauthenticated: true,
  });
}

/** POST /report-photos (no sign-in): the raw image; its id goes into `photoIds`. */
export function uploadReportPhoto(file: Blob, signal?: AbortSignal) {
  return apiRequest<UploadedPhoto>(`${V1}/report-photos`, {
    method: 'POST',
    raw: file,
    signal,
    expectUnauthenticated: true,
  });
}

/** GET /public/reports: one page of published reports. */
export function listPublicReports(
  filter: PublicReportFilter,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<Page<PublicReport>> {
  return apiRequest<Page<PublicReport>>(`${V1}/public/reports`, {
    query: { ...filter, cursor, limit: 50 },
    signal,
    expectUnauthenticated: true,
  });
}

/** GET /public/reports/nearby: open reports of the category near the point. */
export async function nearbyReports(
  categoryCode: string,
  lat: number,
  long: number,
  signal?: AbortSignal,
): Promise<NearbyReport[]> {
  const reply = await apiRequest<{ items: NearbyReport[] }>(`${V1}/public/reports/nearby`, {
    query: { categoryCode, lat, long },
    signal,
    expectUnauthenticated: true,
  });
  return reply.items;
}

/** GET /public/reports/{code}; with the follow token, what its holder may do. */
export function getPublicReport(code: string, token: string | undefined, signal?: AbortSignal) {
  return apiRequest<PublicReportDetail>(`${V1}/public/reports/${enc(code)}`, {
    query: { token },
    signal,
    expectUnauthenticated: true,
  });
}

/** POST /public/reports/{code}/follow: notices to a phone or e-mail. */
export function followReport(code: string, contact: string) {
  return apiRequest<{ code: string; following: boolean; added: boolean }>(
    `${V1}/public/reports/${enc(code)}/follow`,
    { method: 'POST', json: { contact }, expectUnauthenticated: true },
  );
}

/** POST /public/reports/{code}/reopen: "not fixed", by the reporter with the token. */
export function reopenReport(code: string, token: string, reason: string) {
  return apiRequest<{ code: string; status: string; version: number }>(
    `${V1}/public/reports/${enc(code)}/reopen`,
    { method: 'POST', json: { token, reason }, expectUnauthenticated: true },
  );
}

/** POST /public/reports/{code}/info: the reporter answers the staff's question. */
export function provideInfo(code: string, token: string, answer: string) {
  return apiRequest<{ code: string; status: string; version: number }>(
    `${V1}/public/reports/${enc(code)}/info`,
    { method: 'POST', json: { token, answer }, expectUnauthenticated: true },
  );
}

/** POST /public/reports/{code}/rating: 1–5, once. */
export function rateReport(code: string, token: string, rating: number, comment?: string) {
  return apiRequest<{ code: string; status: string; version: number }>(
    `${V1}/public/reports/${enc(code)}/rating`,
    { method: 'POST', json: { token, rating, comment }, expectUnauthenticated: true },
  );
}

/** GET /reports (staff): the caller's units' reports. */
export function listReports(
  filter: Partial<StaffReportFilter>,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<Page<ReportSummary>> {
  return apiRequest<Page<ReportSummary>>(`${V1}/reports`, {
    query: {
      category: filter.category,
      status: filter.status,
      unit: filter.unit,
      overdue: filter.overdue ? 'true' : undefined,
      assignedToMe: filter.mine ? 'true' : undefined,
      cursor,
      limit: 100,
    },
    signal,
  });
}

/** GET /reports/{id} (staff): with events and the caller's allowed actions. */
export function getReport(id: string, signal?: AbortSignal): Promise<Report> {
  return apiRequest<Report>(`${V1}/reports/${enc(id)}`, { signal });
}

/** POST /reports/{id}/actions with the version the user saw (409 version_conflict if stale). */
export function postReportAction(
  id: string,
  action: StaffAction,
  version: number,
  payload: Record<string, unknown>,
): Promise<Report> {
  return apiRequest<Report>(`${V1}/reports/${enc(id)}/actions`, {
    method: 'POST',
    json: { ...payload, action, version },
  });
}
