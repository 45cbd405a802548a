import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReferenceCache } from '../../platform/cache/reference-cache.js';
import type { AppContext } from '../../platform/context.js';
// Straight from the policy file, not identity/index.ts: identity imports org/index.ts.
import { requireStaff, requireSystemAdmin, requireUnitAdmin } from '../identity/identity.policy.js';
import { orgRepository } from './org.repository.js';
import { vnToday } from './org.rules.js';
import {
  BoundaryFeature,
  CloseUnitBody,
  CreateUnitBody,
  IsoDate,
  ListUnitsQuery,
  PublicUnitList,
  PublicUnitsQuery,
  UnitCodeParams,
  UnitDetailSchema,
  UnitList,
  UnitSchema,
  UpdateUnitBody,
} from './org.schemas.js';
import { OrgService } from './org.service.js';

const tags = ['org'];
const publicUnits = new ReferenceCache<z.infer<typeof PublicUnitList>['items']>('org', 200);

/** Routes of the org module (đơn vị): read by staff, changed by administrators of the unit. */
export function orgRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const org = new OrgService(ctx.kysely, ctx.clock);
  const db = ctx.kysely;
  return async (app) => {
    app.get(
      '/units',
      {
        schema: {
          tags,
          summary: 'Units in force on a date (flat list)',
          querystring: ListUnitsQuery,
          response: { 200: UnitList },
        },
      },
      async (req) => {
        requireStaff(req.actor);
        return org.list(req.query);
      },
    );

    app.get(
      '/units/:code',
      {
        schema: {
          tags,
          summary: 'One unit as of a date, with its version history',
          params: UnitCodeParams,
          querystring: z.object({ asOf: IsoDate.optional() }),
          response: { 200: UnitDetailSchema },
        },
      },
      async (req) => {
        requireStaff(req.actor);
        return org.get(req.params.code, req.query.asOf);
      },
    );

    app.get(
      '/units/:code/boundary',
      {
        schema: {
          tags,
          summary: 'Boundary of a unit (GeoJSON Feature)',
          params: UnitCodeParams,
          response: { 200: BoundaryFeature },
        },
      },
      async (req, reply) => {
        requireStaff(req.actor);
        const feature = await org.boundary(req.params.code);
        return reply.type('application/geo+json; charset=utf-8').send(feature);
      },
    );

    // Public reads (administrative units are public information): the citizen's ward picker
    // and the map's boundaries on the field-report pages. Beside the staff routes, which carry
    // versions, agencies and history.
    app.get(
      '/public/units',
      {
        schema: {
          tags,
          summary: 'Units in force today: code, names, kind and parent (public)',
          querystring: PublicUnitsQuery,
          response: { 200: PublicUnitList },
        },
      },
      async (req) => {
        const { kind, within } = req.query;
        const today = vnToday(ctx.clock.now());
        // Every citizen page with a ward picker asks for this: computed once per day and org
        // generation (platform/cache), not by reading every unit of the country each time.
        const items = await publicUnits.get(
          db,
          `${kind ?? ''}|${within ?? ''}|${today}`,
          async () => {
            const inside = within
              ? new Set(await orgRepository.descendants(db, within, today))
              : null;
            return (await org.list({ asOf: today, includeClosed: false })).items
              .filter((u) => (!kind || u.kind === kind) && (!inside || inside.has(u.code)))
              .map((u) => ({
                code: u.code,
                name: u.name,
                fullName: u.fullName,
                kind: u.kind,
                parentCode: u.parentCode,
              }));
          },
          req.actor?.generations,
        );
        return { items, nextCursor: null };
      },
    );

    app.get(
      '/public/units/:code/boundary',
      {
        schema: {
          tags,
          summary: 'Boundary of a unit (GeoJSON Feature, public)',
          params: UnitCodeParams,
          response: { 200: BoundaryFeature },
        },
      },
      async (req, reply) => {
        const feature = await org.boundary(req.params.code);
        return reply.type('application/geo+json; charset=utf-8').send(feature);
      },
    );

    app.post(
      '/units',
      {
        schema: {
          tags,
          summary: 'Create a unit (admin)',
          body: CreateUnitBody,
          response: { 201: UnitSchema },
        },
      },
      async (req, reply) => {
        const { parentCode } = req.body;
        const actor =
          parentCode === null
            ? requireSystemAdmin(req.actor)
            : await requireUnitAdmin(db, req.actor, parentCode);
        return reply.status(201).send(await org.create(actor, req.body));
      },
    );

    app.patch(
      '/units/:code',
      {
        schema: {
          tags,
          summary: 'Change a unit from a date on (admin); creates a new version',
          params: UnitCodeParams,
          body: UpdateUnitBody,
          response: { 200: UnitSchema },
        },
      },
      async (req) => {
        const actor = await requireUnitAdmin(db, req.actor, req.params.code);
        const { parentCode } = req.body;
        // Moving a unit also needs rights over where it goes; making it a root is system-wide.
        if (parentCode === null) requireSystemAdmin(actor);
        else if (parentCode !== undefined) await requireUnitAdmin(db, actor, parentCode);
        return org.update(actor, req.params.code, req.body);
      },
    );

    app.post(
      '/units/:code/close',
      {
        schema: {
          tags,
          summary: 'Close (dissolve or merge) a unit on a date (admin)',
          params: UnitCodeParams,
          body: CloseUnitBody,
          response: { 200: UnitSchema },
        },
      },
      async (req) => {
        const actor = await requireUnitAdmin(db, req.actor, req.params.code);
        if (req.body.successorCode) await requireUnitAdmin(db, actor, req.body.successorCode);
        return org.close(actor, req.params.code, req.body);
      },
    );
  };
}
