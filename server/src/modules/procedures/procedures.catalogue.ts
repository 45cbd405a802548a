// The public catalogue (issue 4): ranked search, the procedure page's content and the blank
// forms. Reads only; the search index is cached per process (see procedures.search.ts).
import type { FormSchema, Procedure } from '@cqs/shared/procedures/index';
import type { Kysely } from 'kysely';
import { ReferenceCache } from '../../platform/cache/reference-cache.js';
import type { Database } from '../../platform/db/schema.js';
import { ProcedureFormNotFoundError } from './procedures.errors.js';
import { renderBlankForm } from './procedures.form-pdf.js';
import { proceduresRepository as repo } from './procedures.repository.js';
import { type ProcedureSummary, type SearchFilter, SearchIndex } from './procedures.search.js';
import { getProcedureByCode } from './procedures.service.js';
import { synonymGroups } from './procedures.synonyms.js';

type Db = Kysely<Database>;

// One index per database, rebuilt when a procedure or a synonym changes (their triggers
// bump these generations; platform/cache).
const indexes = new ReferenceCache<SearchIndex>(['procedures', 'procedure_synonyms'], 1);

/** The search index of the procedures in force, from the process's cache while current. */
export function searchIndex(db: Db): Promise<SearchIndex> {
  return indexes.get(
    db,
    'index',
    async () => {
      const [sources, synonyms] = await Promise.all([repo.listSearchable(db), synonymGroups(db)]);
      return new SearchIndex(
        sources,
        synonyms.map((terms) => ({ terms })),
      );
    },
    undefined,
  );
}

export interface PublicSearchQuery extends SearchFilter {
  q?: string;
  limit: number;
  offset: number;
}

/** One page of the ranked results and how many there are in all. */
export async function searchCatalogue(
  db: Db,
  query: PublicSearchQuery,
): Promise<{ items: (ProcedureSummary & { score?: number })[]; total: number }> {
  const nfc = (s: string | undefined) => (s ? s.trim().normalize('NFC') : undefined);
  const hits = (await searchIndex(db)).search(query.q, {
    field: nfc(query.field),
    agency: nfc(query.agency),
    level: query.level,
    onlineLevel: query.onlineLevel,
  });
  return {
    items: hits
      .slice(query.offset, query.offset + query.limit)
      .map((h) => (h.score === undefined ? h.item : { ...h.item, score: h.score })),
    total: hits.length,
  };
}

/** Ways of submitting (cách thức thực hiện), as the procedure page lists them. */
export type SubmissionMethod = 'direct' | 'online' | 'postal';

/**
 * Derived from the online level, the catalogue having no field of its own for it: every
 * procedure is received at the one-stop desk (Nghị định 61/2018/NĐ-CP); those with an
 * online service (full or partial) also online; and through the public postal service
 * (Quyết định 45/2016/QĐ-TTg), which the page qualifies with the law's exception for
 * procedures that need the applicant in person.
 */
export function submissionMethods(onlineLevel: Procedure['onlineLevel']): SubmissionMethod[] {
  return onlineLevel === 'info' ? ['direct', 'postal'] : ['direct', 'online', 'postal'];
}

/** URL of a component's blank form (relative to the API's origin). */
export function formPath(code: string, key: string): string {
  return `/api/v1/public/procedures/${encodeURIComponent(code)}/forms/${key}.pdf`;
}

/** What the public procedure page shows (Nghị định 63/2010/NĐ-CP Điều 8, 92/2017/NĐ-CP). */
export async function publicProcedure(db: Db, code: string) {
  const p = await getProcedureByCode(db, code);
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    field: p.field,
    implementingAgency: p.implementingAgency,
    level: p.level,
    processingTime: p.processingTime,
    fees: p.fees,
    result: p.result,
    legalBasis: p.legalBasis,
    onlineLevel: p.onlineLevel,
    methods: submissionMethods(p.onlineLevel),
    steps: [...p.steps]
      .sort((a, b) => a.order - b.order)
      .map((s) => ({ order: s.order, name: s.name, duration: s.duration })),
    components: p.components.map((c) => ({
      key: c.key,
      name: c.name,
      required: c.required,
      formUrl: c.formSchema ? formPath(p.code, c.key) : null,
      attachment: c.attachment,
    })),
    updatedAt: p.updatedAt,
  };
}

/** The blank form of a component as PDF; 404 when the component has no form. */
export async function blankFormPdf(
  db: Db,
  code: string,
  key: string,
): Promise<{ pdf: Buffer; filename: string }> {
  const p = await getProcedureByCode(db, code);
  const component = p.components.find((c) => c.key === key);
  if (!component?.formSchema) throw new ProcedureFormNotFoundError();
  const pdf = await renderBlankForm(p, {
    key: component.key,
    name: component.name,
    formSchema: component.formSchema as FormSchema,
  });
  return { pdf, filename: `${p.code}-${component.key}.pdf` };
}

/** Implementing agencies of the procedures in force, alphabetical, with counts. */
export async function listAgencies(db: Db): Promise<{ agency: string; count: number }[]> {
  const collator = new Intl.Collator('vi');
  return (await repo.agencyCounts(db, 'active')).sort((a, b) =>
    collator.compare(a.agency, b.agency),
  );
}
