import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definition.js';
import { cachedCalendarFor } from '../calendar/index.js';
import { reportPhotoJobs } from './reports.photos.jobs.js';
import { reportsRepository as repo } from './reports.repository.js';
import type { ReportService } from './reports.service.js';
import { isDueSoon } from './reports.sla.js';

const ById = z.object({ id: z.uuid() });

/**
 * Deadline jobs (style.md rule 7): a sweep every minute finds open reports near or past the
 * deadline of their stage and queues one job each; each job claims its report with a
 * conditional UPDATE, so a second run — or a second process — changes nothing. An overdue
 * report is escalated once to the parent of its handling unit.
 */
export function reportsJobs(svc: ReportService) {
  const { clock } = svc.deps;
  return [
    ...reportPhotoJobs(svc),
    defineJob({
      name: 'report.sweep-deadlines',
      payload: z.object({}),
      schedule: '* * * * *',
      maxAttempts: 1,
      async handler(_p, { db, enqueue }) {
        const now = clock.now();
        const horizon = new Date(now.getTime() + 14 * 86_400_000);
        for (const r of await repo.sweepCandidates(db, horizon, 1000)) {
          const due = new Date(r.due_at!);
          if (due < now) {
            if (!r.overdue_at)
              await enqueue(
                'report.mark-overdue',
                { id: r.id },
                { singletonKey: `${r.id}:overdue` },
              );
            if (!r.escalated_at)
              await enqueue('report.escalate', { id: r.id }, { singletonKey: `${r.id}:escalate` });
            continue;
          }
          if (r.due_soon_at) continue;
          const cal = await cachedCalendarFor(db, clock, r.handling_unit_code, undefined);
          if (isDueSoon(cal, now, due))
            await enqueue(
              'report.mark-due-soon',
              { id: r.id },
              { singletonKey: `${r.id}:due-soon` },
            );
        }
      },
    }),
    defineJob({
      name: 'report.mark-overdue',
      payload: ById,
      async handler({ id }, { db }) {
        await repo.claimOverdue(db, id, clock.now());
      },
    }),
    defineJob({
      name: 'report.mark-due-soon',
      payload: ById,
      async handler({ id }, { db }) {
        await repo.claimDueSoon(db, id, clock.now());
      },
    }),
    defineJob({
      name: 'report.escalate',
      payload: ById,
      async handler({ id }) {
        await svc.escalate(id);
      },
    }),
    // Resolved reports are closed once the reporter's window to say "not fixed" has passed
    // (REPORT_REOPEN_WINDOW_DAYS): the sweep queues one job per report; the job re-checks.
    defineJob({
      name: 'report.sweep-close-resolved',
      payload: z.object({}),
      schedule: '*/10 * * * *',
      maxAttempts: 1,
      async handler(_p, { db, enqueue }) {
        const cutoff = new Date(clock.now().getTime() - svc.reopenWindowDays * 86_400_000);
        for (const id of await repo.resolvedBefore(db, cutoff, 1000))
          await enqueue('report.close-resolved', { id }, { singletonKey: `${id}:close` });
      },
    }),
    defineJob({
      name: 'report.close-resolved',
      payload: ById,
      async handler({ id }) {
        await svc.closeAfterReopenWindow(id);
      },
    }),
  ];
}
