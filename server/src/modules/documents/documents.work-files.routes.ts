// HTTP of work files (hồ sơ công việc): list, open, read, act. Thin: parse, call, present.
import {
  CreateWorkFileBody,
  DOCUMENT_STATUS_LABELS,
  WorkFileActionBody,
  WorkFileDetailSchema,
  WorkFileIdParams,
  WorkFileListQuery,
  WorkFileListReply,
} from '@cqs/shared/documents/index';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { requireStaff } from '../identity/index.js';
import { findUnitsByCodes } from '../org/index.js';
import { numberSymbolOf, searchTextOf } from './documents.text.js';
import {
  presentWorkFile,
  type WorkFiles,
  workFileActions,
  workFileNotFound,
  workFileRelation,
  workFileUnits,
} from './documents.work-files.js';
import { workFilesRepository as repo } from './documents.work-files.repository.js';

const tags = ['documents'];
type Db = Kysely<Database>;

/** A file with its documents and history, as the caller may see it; 404 otherwise. */
export async function workFileDetail(db: Db, actor: Actor, id: string) {
  const f = await repo.get(db, id);
  if (!f) throw workFileNotFound();
  const rel = await workFileRelation(db, actor, f);
  if (!rel.read) throw workFileNotFound();
  const [items, events, units] = await Promise.all([
    repo.items(db, id),
    repo.events(db, id),
    findUnitsByCodes(db, [f.unit_code]),
  ]);
  return {
    ...presentWorkFile(
      { ...f, document_count: items.length },
      units.get(f.unit_code)?.name ?? null,
    ),
    note: f.note,
    documents: items.map((d) => ({
      id: d.id,
      direction: d.direction,
      numberSymbol: numberSymbolOf(d),
      issuedOn: d.issued_on,
      issuerName: d.issuer_name,
      summary: d.summary,
      statusLabel: DOCUMENT_STATUS_LABELS[d.status],
      addedAt: new Date(d.added_at).toISOString(),
      addedByName: d.added_by_name,
    })),
    events: events.map((e) => ({
      id: Number(e.id),
      action: e.action,
      actorName: e.actor_name,
      occurredAt: new Date(e.occurred_at).toISOString(),
      note: e.note,
    })),
    allowedActions: workFileActions(f, rel.write),
  };
}

/** Routes of work files, under /api/v1. */
export function workFilesRoutes(ctx: AppContext, files: WorkFiles): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/work-files',
      {
        schema: {
          tags,
          summary:
            'Work files (hồ sơ công việc) of the caller’s units and their own, newest first; search without diacritics',
          querystring: WorkFileListQuery,
          response: { 200: WorkFileListReply },
        },
      },
      async (req) => {
        const actor = requireStaff(req.actor);
        const q = req.query;
        const rows = await repo.list(ctx.kysely, {
          units: await workFileUnits(ctx.kysely, actor),
          ownerId: actor.id,
          onlyMine: q.mine === true,
          year: q.year,
          status: q.status,
          // The words as files store them (documents.text.ts searchTextOf).
          words: q.q ? searchTextOf([q.q]).split(' ').filter(Boolean).slice(0, 8) : [],
          documentId: q.documentId,
        });
        const names = await findUnitsByCodes(ctx.kysely, [
          ...new Set(rows.map((r) => r.unit_code)),
        ]);
        return {
          items: rows.map((r) => presentWorkFile(r, names.get(r.unit_code)?.name ?? null)),
        };
      },
    );

    app.post(
      '/work-files',
      {
        schema: {
          tags,
          summary:
            'Open a work file (mở hồ sơ) in the caller’s unit’s file list for the year: "03.VHTT"',
          body: CreateWorkFileBody,
          response: { 201: WorkFileDetailSchema },
        },
      },
      async (req, reply) => {
        const actor = requireStaff(req.actor);
        const f = await files.create(actor, req.body);
        return reply.status(201).send(await workFileDetail(ctx.kysely, actor, f.id));
      },
    );

    app.get(
      '/work-files/:id',
      {
        schema: {
          tags,
          summary: 'A work file with its documents (mục lục văn bản) and history',
          params: WorkFileIdParams,
          response: { 200: WorkFileDetailSchema },
        },
      },
      async (req) => workFileDetail(ctx.kysely, requireStaff(req.actor), req.params.id),
    );

    app.post(
      '/work-files/:id/actions',
      {
        schema: {
          tags,
          summary:
            'Add or remove a document, close (kết thúc hồ sơ) or reopen a work file; 409 on a stale version',
          params: WorkFileIdParams,
          body: WorkFileActionBody,
          response: { 200: WorkFileDetailSchema },
        },
      },
      async (req) => {
        const actor = requireStaff(req.actor);
        await files.act(actor, req.params.id, req.body);
        return workFileDetail(ctx.kysely, actor, req.params.id);
      },
    );
  };
}
