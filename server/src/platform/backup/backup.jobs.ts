import path from 'node:path';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { defineJob } from '../jobs/job-definition.js';
import { backupFileName, createBackup, pruneBackups } from './backup.js';

/** Where the embedded mode keeps its automatic backups. */
export function backupDir(config: Config): string {
  return path.join(config.dataDir, 'backups');
}

/**
 * Platform maintenance jobs. In embedded mode: a nightly backup keeping the last N files
 * (PGlite cannot fsync, see docs/decisions/0002), and VACUUM ANALYZE because PGlite runs no
 * autovacuum. On PostgreSQL the server's autovacuum and the operator's backups do this.
 */
export function backupJobs(config: Config, db: Db) {
  if (db.kind !== 'pglite') return [];
  return [
    defineJob({
      name: 'platform.backup',
      payload: z.object({}),
      schedule: config.backupCron,
      maxAttempts: 2,
      async handler(_p, { db: kysely }) {
        const dir = backupDir(config);
        await createBackup(kysely, path.join(dir, backupFileName(new Date())));
        pruneBackups(dir, config.backupKeep);
      },
    }),
    defineJob({
      name: 'platform.vacuum',
      payload: z.object({}),
      schedule: config.vacuumCron,
      maxAttempts: 1,
      async handler(_p, { db: kysely }) {
        await sql`vacuum analyze`.execute(kysely);
      },
    }),
  ];
}
