import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/connect.js';
import type { Database } from './db/schema.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { Logger } from './logger.js';

/** What every module's routes and jobs are given: the composition root builds it once. */
export interface AppContext {
  config: Config;
  db: Db;
  kysely: Kysely<Database>;
  clock: Clock;
  jobs: JobRunner;
  log: Logger;
}
