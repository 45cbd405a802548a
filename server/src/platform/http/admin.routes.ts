import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSystemAdmin } from '../../modules/identity/identity.policy.js';
import { checkpointFilePath, readCheckpoints } from '../audit/audit.checkpoint.js';
import { recordAudit } from '../audit/audit.js';
import { verifyAuditChain } from '../audit/audit.verify.js';
import { backupDir } from '../backup/backup.jobs.js';
import { backupFileName, createBackup, pruneBackups } from '../backup/backup.js';
import type { AppContext } from '../context.js';

const FaultSchema = z.object({
  seq: z.number(),
  toSeq: z.number().optional(),
  kind: z.enum([
    'edited',
    'recomputed',
    'missing',
    'unlinked',
    'checkpoint_mismatch',
    'keying',
    'checkpoint_invalid',
  ]),
  reason: z.string(),
  message: z.string(),
});

/** The audit verification report (platform/audit/audit.verify.ts `ChainReport`). */
const ChainReportSchema = z.object({
  ok: z.boolean(),
  rows: z.number(),
  lastSeq: z.number(),
  keyedFrom: z.number().nullable(),
  checkpoints: z.object({
    read: z.number(),
    lastSeq: z.number().nullable(),
    lastAt: z.string().nullable(),
  }),
  firstBad: FaultSchema.optional(),
  faults: z.array(FaultSchema),
});

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
          summary:
            'Verify the audit log: keyed hash chain, links, seqs and the checkpoints kept outside the database (admin)',
          response: { 200: ChainReportSchema },
        },
      },
      async (req) => {
        requireSystemAdmin(req.actor);
        const key = ctx.db.auditKey;
        if (!key) throw new Error('the database was opened without the audit chain key');
        // The same checkpoint file the job writes (and `npm run audit:verify` reads).
        const checkpoints = readCheckpoints(
          [{ path: checkpointFilePath(ctx.config.dataDir), optional: true }],
          key,
        );
        return verifyAuditChain(ctx.kysely, key, checkpoints);
      },
    );
  };
}
