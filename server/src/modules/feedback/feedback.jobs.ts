import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import { cachedCalendarFor } from '../calendar/index.js';
import { feedbackRepository as repo } from './feedback.repository.js';
import { isPetitionDueSoon } from './feedback.rules.js';

const Mark = z.object({ id: z.uuid(), due: z.iso.datetime() });

/**
 * Deadline marks of petitions (style.md rule 7): a sweep every 10 minutes finds open
 * petitions near or past their current deadline (accept/reject by 2 working days, answer by
 * 15, regulations.md §5) and queues one job each; each job claims its petition with a
 * conditional UPDATE on that deadline, so a second run — or a second process — changes
 * nothing. The staff queue filters and counts on the marks instead of recomputing calendars.
 * Nothing is sent: the marks are for the queue (the applicant already has the due date).
 */
export function feedbackJobs(clock: Clock) {
  return [
    defineJob({
      name: 'feedback.petition-sweep-deadlines',
      payload: z.object({}),
      schedule: '*/10 * * * *',
      maxAttempts: 1,
      async handler(_p, { db, enqueue }) {
        const now = clock.now();
        // One working day is at most a few calendar days away (a weekend, a holiday block).
        const horizon = new Date(now.getTime() + 14 * 86_400_000);
        for (const p of await repo.sweepCandidates(db, horizon, 1000)) {
          const due = new Date(p.next_due_at!);
          const dueIso = due.toISOString();
          const marked = (m: Date | string | null) =>
            m !== null && new Date(m).getTime() === due.getTime();
          if (due < now) {
            if (!marked(p.overdue_for))
              await enqueue(
                'feedback.petition-mark-overdue',
                { id: p.id, due: dueIso },
                { singletonKey: `${p.id}:${dueIso}:overdue` },
              );
            continue;
          }
          if (marked(p.due_soon_for)) continue;
          const cal = await cachedCalendarFor(db, clock, p.unit_code, undefined);
          if (isPetitionDueSoon(cal, now, due))
            await enqueue(
              'feedback.petition-mark-due-soon',
              { id: p.id, due: dueIso },
              { singletonKey: `${p.id}:${dueIso}:due-soon` },
            );
        }
      },
    }),
    defineJob({
      name: 'feedback.petition-mark-overdue',
      payload: Mark,
      async handler({ id, due }, { db }) {
        await repo.claimOverdue(db, id, new Date(due), clock.now());
      },
    }),
    defineJob({
      name: 'feedback.petition-mark-due-soon',
      payload: Mark,
      async handler({ id, due }, { db }) {
        await repo.claimDueSoon(db, id, new Date(due));
      },
    }),
  ];
}
