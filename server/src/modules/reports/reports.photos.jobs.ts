import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definition.js';
import { purgeUnattachedPhotos } from './reports.photos.js';
import type { ReportService } from './reports.service.js';

/**
 * Photos uploaded but never sent with a report (the citizen gave up, or removed them from the
 * form) are forgotten after a day. Only the rows go: the files are content-addressed and may be
 * shared, so they stay (docs/architecture.md, "Photos"). Deleting twice deletes nothing more.
 */
export function reportPhotoJobs(svc: ReportService) {
  return [
    defineJob({
      name: 'report.purge-unattached-photos',
      payload: z.object({}),
      schedule: '17 * * * *',
      maxAttempts: 1,
      async handler(_p, { db }) {
        await purgeUnattachedPhotos(db, svc.deps.clock.now());
      },
    }),
  ];
}
