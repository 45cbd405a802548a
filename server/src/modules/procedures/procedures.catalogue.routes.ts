// Routes of the public catalogue (no sign-in, rate limited) and of its synonym list (admin).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { requireSystemAdmin } from '../identity/index.js';
import {
  blankFormPdf,
  listAgencies,
  publicProcedure,
  searchCatalogue,
} from './procedures.catalogue.js';
import {
  AgenciesReply,
  PublicCodeParams,
  PublicFormParams,
  PublicProcedureSchema,
  PublicSearchQuery,
  PublicSearchReply,
  SynonymListSchema,
} from './procedures.catalogue.schemas.js';
import { listSynonyms, replaceSynonyms } from './procedures.synonyms.js';

const PUBLIC_READ = { rateLimit: { max: 300, timeWindow: '1 minute' } };
// A PDF costs about a hundred times a search; a citizen downloads a handful.
const PUBLIC_PDF = { rateLimit: { max: 30, timeWindow: '1 minute' } };

/** Content-Disposition with the file name in UTF-8 (RFC 6266 / 5987) and an ASCII fallback. */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** GET /public/procedures…, GET /procedures/agencies, GET|PUT /procedure-synonyms. */
export function catalogueRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const deps = { db: ctx.kysely, clock: ctx.clock };
  return async (app) => {
    app.get(
      '/public/procedures',
      {
        schema: {
          tags: ['public', 'procedures'],
          summary: 'Search the procedures in force, ranked (public catalogue)',
          description:
            'Ignores diacritics, case and word order; tolerates one typo per word of 4 letters or more; expands the synonyms of /procedure-synonyms. Without q: by field, then name.',
          querystring: PublicSearchQuery,
          response: { 200: PublicSearchReply },
        },
        config: PUBLIC_READ,
      },
      async (req) => searchCatalogue(ctx.kysely, req.query),
    );

    app.get(
      '/public/procedures/:code',
      {
        schema: {
          tags: ['public', 'procedures'],
          summary: 'What the public procedure page shows (Nghị định 63/2010, 92/2017)',
          params: PublicCodeParams,
          response: { 200: PublicProcedureSchema },
        },
        config: PUBLIC_READ,
      },
      async (req) => publicProcedure(ctx.kysely, req.params.code),
    );

    app.get(
      '/public/procedures/:code/forms/:file',
      {
        schema: {
          tags: ['public', 'procedures'],
          summary: "A component's blank form as PDF, to print and fill in (e.g. to_khai.pdf)",
          params: PublicFormParams,
        },
        config: PUBLIC_PDF,
      },
      async (req, reply) => {
        const key = req.params.file.slice(0, -'.pdf'.length);
        const { pdf, filename } = await blankFormPdf(ctx.kysely, req.params.code, key);
        return reply
          .type('application/pdf')
          .header('content-disposition', attachment(filename))
          .header('cache-control', 'public, max-age=300')
          .send(pdf);
      },
    );

    app.get(
      '/procedures/agencies',
      {
        schema: {
          tags: ['procedures'],
          summary: 'Implementing agencies (cơ quan thực hiện) in use, for filters (public)',
          response: { 200: AgenciesReply },
        },
        config: PUBLIC_READ,
      },
      async () => ({ items: await listAgencies(ctx.kysely) }),
    );

    app.get(
      '/procedure-synonyms',
      {
        schema: {
          tags: ['procedures'],
          summary: 'The search synonyms of the catalogue (admin)',
          response: { 200: SynonymListSchema },
        },
      },
      async (req) => {
        requireSystemAdmin(req.actor);
        return listSynonyms(ctx.kysely);
      },
    );

    app.put(
      '/procedure-synonyms',
      {
        schema: {
          tags: ['procedures'],
          summary: 'Replace the search synonyms (admin, audited)',
          description:
            'Each group lists interchangeable terms; a term (ignoring diacritics and case) may appear once in the whole list.',
          body: SynonymListSchema,
          response: { 200: SynonymListSchema },
        },
        // Refuse anyone else before validating the body (403, not a 400 about its content).
        onRequest: async (req) => {
          requireSystemAdmin(req.actor);
        },
      },
      async (req) => replaceSynonyms(deps, requireSystemAdmin(req.actor), req.body),
    );
  };
}
