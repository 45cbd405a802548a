import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSystemAdmin } from '../../modules/identity/identity.policy.js';
import { recordAudit, verifyAuditChain } from '../audit/audit.js';
import { backupDir } from '../backup/backup.jobs.js';
import { backupFileName, createBackup, pruneBackups } from '../backup/backup.js';
import type { AppContext } from '../context.js';

/** Operator endpoints: an on-demand backup (the only way while the embedded server holds the lock) and the audit check. */
export function adminRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/admin/backups',
      {
        schema: {
          tags: ['admin'],
          summary: 'Write a consistent backup file now (admin)',
          response: {
            201: z.object({ file: z.string(), tables: z.record(z.string(), z.number()) }),
          },
        },
      },
      async (req, reply) => {
        const actor = requireSystemAdmin(req.actor);
        const dir = backupDir(ctx.config);
        const file = path.join(dir, backupFileName(ctx.clock.now()));
        const tables = await createBackup(ctx.kysely, file);
        pruneBackups(dir, ctx.config.backupKeep);
        await ctx.kysely.transaction().execute((trx) =>
          recordAudit(trx, actor, {
            action: 'backup.create',
            entityType: 'backup',
            entityId: path.basename(file),
            after: { tables },
          }),
        );
        return reply.status(201).send({ file: path.basename(file), tables });
      },
    );

    app.get(
      '/admin/audit/verify',
      {
        schema: {
          tags: ['admin'],
          summary: 'Recompute the audit log hash chain (admin)',
          response: {
            200: z.object({
              ok: z.boolean(),
              rows: z.number(),
              firstBad: z.object({ seq: z.number(), reason: z.string() }).optional(),
            }),
          },
        },
      },
      async (req) => {
        requireSystemAdmin(req.actor);
        return verifyAuditChain(ctx.kysely);
      },
    );
  };
}
