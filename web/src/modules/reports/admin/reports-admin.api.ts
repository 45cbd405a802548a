// Admin and statistics calls of the reports module: categories, routing overrides, reply
// templates, per-unit statistics and the CSV export links.
import type { ReportUnitStats } from '@cqs/shared/reports/index';
import { apiRequest, buildUrl } from '../../../api/client.ts';
import type { QuestionSettings } from './questions.ts';

const V1 = '/api/v1';
const enc = encodeURIComponent;

export type ResponsibleKind = 'commune' | 'district' | 'province';
export const RESPONSIBLE_KINDS: readonly ResponsibleKind[] = ['commune', 'district', 'province'];

/** A category with every setting (GET /report-categories/all). */
export interface CategorySettings {
  code: string;
  nameVi: string;
  nameEn: string;
  description: string;
  responsibleKind: ResponsibleKind;
  slaAcceptDays: number;
  slaInfoDays: number;
  slaResolveDays: number;
  slaPublishDays: number;
  active: boolean;
  sortOrder: number;
  /** Extra questions asked on the form and served to Open311 clients. */
  attributes: QuestionSettings[];
}
export type CategoryInput = Omit<CategorySettings, 'code'>;

export interface RoutingRule {
  categoryCode: string;
  areaUnitCode: string;
  areaUnitName: string | null;
  handlingUnitCode: string;
  handlingUnitName: string | null;
  updatedAt: string;
}

export type ReplyKind = 'resolve' | 'reject' | 'info';
export const REPLY_KINDS: readonly ReplyKind[] = ['resolve', 'reject', 'info'];

export interface ReplyTemplate {
  id: string;
  categoryCode: string | null;
  kind: ReplyKind;
  title: string;
  body: string;
  active: boolean;
  updatedAt: string;
}
export type ReplyTemplateInput = Omit<ReplyTemplate, 'id' | 'updatedAt'>;

export async function listAllCategories(signal?: AbortSignal) {
  return (
    await apiRequest<{ items: CategorySettings[] }>(`${V1}/report-categories/all`, { signal })
  ).items;
}
export const createCategory = (input: CategorySettings) =>
  apiRequest<CategorySettings>(`${V1}/report-categories`, { method: 'POST', json: input });
export const updateCategory = (code: string, input: CategoryInput) =>
  apiRequest<CategorySettings>(`${V1}/report-categories/${enc(code)}`, {
    method: 'PUT',
    json: input,
  });

export async function listRoutingRules(signal?: AbortSignal) {
  return (await apiRequest<{ items: RoutingRule[] }>(`${V1}/report-routing-rules`, { signal }))
    .items;
}
export const putRoutingRule = (input: {
  categoryCode: string;
  areaUnitCode: string;
  handlingUnitCode: string;
}) => apiRequest<RoutingRule>(`${V1}/report-routing-rules`, { method: 'PUT', json: input });
export const deleteRoutingRule = (categoryCode: string, areaUnitCode: string) =>
  apiRequest<void>(`${V1}/report-routing-rules/${enc(categoryCode)}/${enc(areaUnitCode)}`, {
    method: 'DELETE',
  });

export async function listReplyTemplates(
  q: { category?: string; kind?: ReplyKind; all?: boolean },
  signal?: AbortSignal,
) {
  return (
    await apiRequest<{ items: ReplyTemplate[] }>(`${V1}/report-reply-templates`, {
      query: { category: q.category, kind: q.kind, all: q.all ? 'true' : undefined },
      signal,
    })
  ).items;
}
export const createReplyTemplate = (input: ReplyTemplateInput) =>
  apiRequest<ReplyTemplate>(`${V1}/report-reply-templates`, { method: 'POST', json: input });
export const updateReplyTemplate = (id: string, input: ReplyTemplateInput) =>
  apiRequest<ReplyTemplate>(`${V1}/report-reply-templates/${enc(id)}`, {
    method: 'PUT',
    json: input,
  });
export const deleteReplyTemplate = (id: string) =>
  apiRequest<void>(`${V1}/report-reply-templates/${enc(id)}`, { method: 'DELETE' });

/** One row of GET /reports/stats. */
export type UnitStats = ReportUnitStats;
export interface ReportStats {
  from: string;
  to: string;
  items: UnitStats[];
  total: Omit<UnitStats, 'unitCode' | 'unitName'>;
}

export const getReportStats = (q: { from?: string; to?: string }, signal?: AbortSignal) =>
  apiRequest<ReportStats>(`${V1}/reports/stats`, { query: q, signal });

/** Filters of the CSV exports (the list filters that make sense in a file). */
export interface ExportFilter {
  status?: string;
  category?: string;
  unit?: string;
  from?: string;
  to?: string;
}

/** The staff CSV (the browser downloads it with the session cookie). */
export const staffCsvUrl = (f: ExportFilter) => buildUrl(`${V1}/reports/export.csv`, { ...f });
/** The public open-data CSV. */
export const publicCsvUrl = (f: ExportFilter) => buildUrl(`${V1}/public/reports.csv`, { ...f });
