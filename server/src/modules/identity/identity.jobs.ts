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
      async handler(_p, { db }) {
        await new IdentityService(db, clock).purgeExpiredSessions();
      },
    }),
  ];
}
