import type { Kysely } from 'kysely';
import type { ZodType } from 'zod';
import type { Database } from '../db/schema.js';

/** What a running job can use. */
export interface JobContext {
  db: Kysely<Database>;
  jobId: number;
  attempt: number;
  /** For scheduled jobs: the schedule slot this run was claimed for. */
  scheduledFor?: string;
  /** Queues another job (a sweep queues one job per item, style.md rule 7). */
  enqueue(
    name: string,
    payload: unknown,
    opts?: { runAt?: Date; singletonKey?: string },
  ): Promise<void>;
}

/**
 * A typed background job (style.md rule 8): a dotted name such as 'dossier.mark-overdue',
 * a zod payload schema, an optional cron schedule (Asia/Ho_Chi_Minh) and a handler.
 * Handlers must be safe to run twice (claim with a conditional UPDATE, rule 7).
 */
export interface JobDefinition<P = unknown> {
  name: string;
  payload: ZodType<P>;
  /** Cron expression (5 or 6 fields) for a recurring job. */
  schedule?: string;
  maxAttempts?: number;
  handler(payload: P, ctx: JobContext): Promise<void>;
}

/** Declares a job with its payload type inferred from the schema. */
export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}
