import { sql } from 'kysely';
import { z } from 'zod';
import { defineJob } from './job-definition.js';

/**
 * Keeps the job table small: frequent schedules (the outbox every 10 s, the deadline sweep
 * every minute) leave thousands of finished rows a day. Failed jobs are kept 90 days for
 * inspection, finished ones 7 days. Runs on both backends.
 */
export function maintenanceJobs() {
  return [
    defineJob({
      name: 'platform.purge-jobs',
      payload: z.object({}),
      schedule: '45 3 * * *',
      maxAttempts: 1,
      async handler(_p, { db }) {
        await sql`delete from job where (status = 'done' and finished_at < now() - interval '7 days')
          or (status = 'failed' and finished_at < now() - interval '90 days')`.execute(db);
      },
    }),
  ];
}
