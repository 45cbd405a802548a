import { z } from 'zod';
import { type Clock, systemClock } from '../../platform/clock.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import type { EmailAdapter, NotificationLog, SmsAdapter } from './notifications.adapters.js';
import { dispatchOutbox } from './notifications.service.js';

/** What the notification jobs send through. */
export interface NotificationsJobDeps {
  email: EmailAdapter;
  sms: SmsAdapter;
  clock?: Clock;
  /** Rows claimed at a time (tests make it small to interleave concurrent runs). */
  batchSize?: number;
  /** Told about each message that was not delivered. */
  log?: NotificationLog;
}

/** Background jobs of the notifications module. */
export function notificationsJobs(deps: NotificationsJobDeps) {
  return [
    defineJob({
      name: 'notifications.dispatch',
      payload: z.object({}),
      // Every 10 seconds: citizens expect the "received" SMS while still at the desk.
      schedule: '*/10 * * * * *',
      // A failed run (database unreachable) is not retried: the next slot, 10 s later,
      // does the same work, and retries would only pile up behind it.
      maxAttempts: 1,
      async handler(_p, { db }) {
        await dispatchOutbox(db, {
          email: deps.email,
          sms: deps.sms,
          clock: deps.clock ?? systemClock,
          batchSize: deps.batchSize,
          log: deps.log,
        });
      },
    }),
  ];
}
