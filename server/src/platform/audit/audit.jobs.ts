import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { defineJob } from '../jobs/job-definition.js';
import type { Logger } from '../logger.js';
import { type CheckpointLine, checkpointFilePath, writeCheckpoint } from './audit.checkpoint.js';

/** How often the head of the audit chain is checkpointed outside the database. */
export const AUDIT_CHECKPOINT_CRON = '*/5 * * * *';

/** The audit key the database was opened with; every server path must have passed one. */
function keyOf(db: Db) {
  if (!db.auditKey)
    throw new Error('the database was opened without the audit chain key (openDb auditKey)');
  return db.auditKey;
}

/**
 * Writes a checkpoint of the audit chain's head to `DATA_DIR/backups/audit-checkpoints.jsonl`
 * and to the log (info), unless the head has not moved since the file's last line. Used by
 * the scheduled job, at start and at shutdown.
 */
export function auditCheckpointer(ctx: {
  config: Pick<Config, 'dataDir'>;
  db: Db;
  clock: Clock;
  log: Logger;
}): () => Promise<CheckpointLine | null> {
  const key = keyOf(ctx.db);
  const file = checkpointFilePath(ctx.config.dataDir);
  return () =>
    writeCheckpoint(ctx.db.kysely, key, file, {
      now: ctx.clock.now(),
      log: (line) => ctx.log.info({ auditCheckpoint: line }, 'audit checkpoint'),
    });
}

/**
 * The checkpoint job, every 5 minutes on both backends. With several processes the schedule
 * slot is claimed in the database (decision 0003), so one process writes each slot; a second
 * writer would only add a line that stands on its own.
 */
export function auditJobs(ctx: Parameters<typeof auditCheckpointer>[0]) {
  const checkpoint = auditCheckpointer(ctx);
  return [
    defineJob({
      name: 'platform.audit-checkpoint',
      payload: z.object({}),
      schedule: AUDIT_CHECKPOINT_CRON,
      maxAttempts: 1,
      async handler() {
        await checkpoint();
      },
    }),
  ];
}
