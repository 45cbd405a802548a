import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import { IdentityService } from './identity.service.js';

/** Background jobs of the identity module. */
export function identityJobs(clock: Clock) {
  return [
    defineJob({
      name: 'identity.purge-expired-sessions',
      payload: z.object({}),
      schedule: '17 * * * *',
      // Also forgets old sign-in throttle pairs (the job keeps its name: queued rows carry it).
      async handler(_p, { db }) {
        const identity = new IdentityService(db, clock);
        await identity.purgeExpiredSessions();
        await identity.purgeForgottenThrottles();
      },
    }),
  ];
}
