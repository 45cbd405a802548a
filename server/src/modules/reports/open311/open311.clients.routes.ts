import { toVnIso } from '@cqs/shared/calendar/index';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NotFoundError } from '../../../platform/errors.js';
import { requireSystemAdmin } from '../../identity/index.js';
import type { Open311ClientService } from './open311.clients.js';
import type { ClientListRow } from './open311.repository.js';
import {
  ClientIdParams,
  ClientListReply,
  ClientSchema,
  type ClientView,
  CreateClientBody,
  CreatedClientReply,
} from './open311.schemas.js';

const tags = ['open311'];

function present(c: ClientListRow): ClientView {
  return {
    id: c.id,
    name: c.name,
    keyPrefix: c.key_prefix,
    createdAt: toVnIso(c.created_at),
    createdBy: c.created_by
      ? { username: c.created_by.username, fullName: c.created_by.fullName }
      : null,
    revokedAt: c.revoked_at ? toVnIso(c.revoked_at) : null,
    reportCount: c.report_count,
    lastReportAt: c.last_report_at ? toVnIso(c.last_report_at) : null,
  };
}

/** Admin API of the Open311 client keys (system administrators only). */
export function open311ClientRoutes(clients: Open311ClientService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/open311/clients',
      {
        schema: {
          tags,
          summary: 'Open311 clients and their key prefixes, newest first (admin)',
          response: { 200: ClientListReply },
        },
      },
      async (req) => {
        requireSystemAdmin(req.actor);
        return { items: (await clients.list()).map(present), nextCursor: null };
      },
    );

    app.post(
      '/open311/clients',
      {
        schema: {
          tags,
          summary: 'Create an Open311 client; its API key is in this answer only (admin)',
          body: CreateClientBody,
          response: { 201: CreatedClientReply },
        },
      },
      async (req, reply) => {
        const actor = requireSystemAdmin(req.actor);
        const { client, apiKey } = await clients.create(actor, req.body.name);
        return reply.status(201).send({
          id: client.id,
          name: client.name,
          apiKey,
          keyPrefix: client.key_prefix,
          createdAt: toVnIso(new Date(client.created_at)),
        });
      },
    );

    app.post(
      '/open311/clients/:id/revoke',
      {
        schema: {
          tags,
          summary: "Revoke an Open311 client's key: its next request gets 403 (admin)",
          params: ClientIdParams,
          response: { 200: ClientSchema },
        },
      },
      async (req) => {
        const actor = requireSystemAdmin(req.actor);
        await clients.revoke(actor, req.params.id);
        const row = (await clients.list()).find((c) => c.id === req.params.id);
        if (!row) throw new NotFoundError();
        return present(row);
      },
    );
  };
}
