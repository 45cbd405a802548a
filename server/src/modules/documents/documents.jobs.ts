// Background jobs of the documents module: handing edXML packages and status notices to the
// configured exchange transport (retried until it takes them), and reading the gateway's
// inbound folder (EDXML_INBOX_DIR) every EDXML_INBOX_POLL_SECONDS.
import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { systemClock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/db/schema.js';
import { FileStore } from '../../platform/files/file-store.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import { JobRunner } from '../../platform/jobs/job-runner.js';
import { SigningSetup } from '../../platform/signatures/index.js';
import { TaskService } from '../tasks/index.js';
import { DocumentExchange, exchangeJobs, transportsFrom } from './documents.exchange.js';
import { OutgoingDocuments } from './documents.outgoing.js';
import { DocumentService } from './documents.service.js';
import { FolderInbox } from './edxml/index.js';

/** The documents module's jobs for this configuration. */
export function documentsJobs(
  config: Pick<Config, 'edxml'> & Partial<Pick<Config, 'dataDir' | 'signing'>>,
) {
  const send = exchangeJobs(transportsFrom(config.edxml));
  const { inboxDir } = config.edxml;
  if (!inboxDir || !config.dataDir) return send;
  // One folder for both ways would import our own outgoing packages back as incoming ones.
  if (config.edxml.outboxDir && path.resolve(config.edxml.outboxDir) === path.resolve(inboxDir))
    throw new Error(
      'EDXML_INBOX_DIR phải khác EDXML_OUTBOX_DIR (EDXML_INBOX_DIR must differ from EDXML_OUTBOX_DIR).',
    );
  return [...send, inboxJob({ ...config, dataDir: config.dataDir, inboxDir })];
}

/**
 * A cron expression (six fields, seconds first: platform/jobs) firing every `seconds`; exact
 * for divisors of 60 s and of 60 min, else the nearest coarser step.
 */
export function everySeconds(seconds: number): string {
  if (seconds < 60) return `*/${Math.max(1, Math.round(seconds))} * * * * *`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `0 */${minutes} * * * *`;
  return `0 0 */${Math.min(23, Math.round(minutes / 60))} * * *`;
}

/**
 * The job that imports what the gateway drops into EDXML_INBOX_DIR (edxml/edxml.inbox.ts). It
 * is scheduled in the database like every job (decision 0003), so of several server processes
 * one takes each slot; the file claims make even overlapping passes safe.
 */
function inboxJob(
  config: Pick<Config, 'edxml'> &
    Partial<Pick<Config, 'signing'>> & { dataDir: string; inboxDir: string },
) {
  const inbox = new FolderInbox({ dir: config.inboxDir });
  // The documents service of the job, made once per database handle (the app's routes build
  // their own in documents.routes.ts; the job runner has no access to those).
  const built = new WeakMap<Kysely<Database>, DocumentExchange>();
  const exchangeOf = (db: Kysely<Database>) => {
    let x = built.get(db);
    if (!x) {
      const svc = new DocumentService({
        db,
        clock: systemClock,
        store: new FileStore(path.join(config.dataDir, 'files')),
        tasks: new TaskService({ db, clock: systemClock }),
      });
      svc.outgoing = new OutgoingDocuments(
        svc,
        new SigningSetup({ dataDir: config.dataDir, ...config.signing }),
      );
      const transports = transportsFrom(config.edxml);
      // Notices go into the queue in the import's own transaction, validated like any job.
      x = new DocumentExchange(svc, new JobRunner(db, exchangeJobs(transports)), transports);
      svc.exchange = x;
      built.set(db, x);
    }
    return x;
  };
  return defineJob({
    name: 'documents.edxml-inbox',
    payload: z.object({}).passthrough(),
    schedule: everySeconds(config.edxml.inboxPollSeconds ?? 30),
    // The next slot is the retry: a failed pass leaves its files claimed, not lost.
    maxAttempts: 1,
    async handler(_p, { db }) {
      await exchangeOf(db).importFromInbox(inbox);
    },
  });
}
