// Client of the public catalogue endpoints (issue 4). Types are written out here rather than
// taken from the shared zod schemas: the public pages must not download zod (200 KB budget,
// docs/benchmarks.md).
import { apiRequest, buildUrl } from '../../../api/client.ts';

export type Level = 'province' | 'district' | 'commune';
export type OnlineLevel = 'full' | 'partial' | 'info';
export type Method = 'direct' | 'online' | 'postal';

export const LEVELS: readonly Level[] = ['province', 'district', 'commune'];
export const ONLINE_LEVELS: readonly OnlineLevel[] = ['full', 'partial', 'info'];

export interface Duration {
  value: number;
  unit: 'working_days' | 'working_hours';
}

export interface Fee {
  name: string;
  amount: number;
  note?: string;
}

/** One result of GET /public/procedures. */
export interface ProcedureSummary {
  id: string;
  code: string;
  name: string;
  field: string;
  implementingAgency: string;
  level: Level;
  processingTime: Duration;
  fees: Fee[];
  onlineLevel: OnlineLevel;
  score?: number;
}

/** GET /public/procedures/{code}: what the procedure page shows. */
export interface PublicProcedure extends Omit<ProcedureSummary, 'score'> {
  result: string;
  legalBasis: string;
  methods: Method[];
  steps: { order: number; name: string; duration: Duration }[];
  components: {
    key: string;
    name: string;
    required: boolean;
    formUrl: string | null;
    attachment: { required: boolean; maxFiles: number; maxSizeMb: number; accept: string[] };
  }[];
  updatedAt: string;
}

/** The search and filters, as kept in the page's URL. */
export interface CatalogueQuery {
  q: string;
  field: string;
  agency: string;
  level: string;
  onlineLevel: string;
}

export const PAGE_SIZE = 20;

/** GET /public/procedures: one page of ranked results and the total. */
export function searchProcedures(
  query: CatalogueQuery,
  offset: number,
  signal: AbortSignal,
): Promise<{ items: ProcedureSummary[]; total: number }> {
  return apiRequest('/api/v1/public/procedures', {
    query: { ...query, limit: PAGE_SIZE, offset },
    signal,
  });
}

/** GET /public/procedures/{code}. */
export function getPublicProcedure(code: string, signal: AbortSignal): Promise<PublicProcedure> {
  return apiRequest(`/api/v1/public/procedures/${encodeURIComponent(code)}`, { signal });
}

/** Options of the field and agency filters: the values in use. */
export async function filterOptions(
  signal: AbortSignal,
): Promise<{ fields: string[]; agencies: string[] }> {
  const [fields, agencies] = await Promise.all([
    apiRequest<{ items: { field: string }[] }>('/api/v1/procedures/fields', { signal }),
    apiRequest<{ items: { agency: string }[] }>('/api/v1/procedures/agencies', { signal }),
  ]);
  return {
    fields: fields.items.map((f) => f.field),
    agencies: agencies.items.map((a) => a.agency),
  };
}

/** The online submission page (built by the portal module). */
export const submitPath = (code: string) => `/dich-vu-cong/nop/${encodeURIComponent(code)}`;
/** The public procedure page. */
export const procedurePath = (code: string) => `/dich-vu-cong/thu-tuc/${encodeURIComponent(code)}`;
/** The catalogue page with a query (URL parameters q, field, agency, level, onlineLevel). */
export const cataloguePath = (query: Partial<CatalogueQuery> = {}) =>
  buildUrl('/dich-vu-cong', query);
