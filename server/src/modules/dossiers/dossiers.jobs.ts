import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definition.js';
import { queueOutboxRows } from '../notifications/index.js';
import { isDueSoon, workingDayMinutes } from './dossiers.deadlines.js';
import { dossiersRepository as repo } from './dossiers.repository.js';
import type { DossierService } from './dossiers.service.js';

const ById = z.object({ id: z.string().uuid() });

/**
 * Deadline jobs (style.md rule 7): a sweep every minute finds running dossiers near or past
 * their appointment and queues one job each; each job claims its dossier with a conditional
 * UPDATE, so a second run — or a second process — changes nothing and notifies no one twice.
 */
export function dossiersJobs(svc: DossierService, opts: { dueSoonHours?: number } = {}) {
  const { clock } = svc.deps;
  return [
    defineJob({
      name: 'dossier.sweep-deadlines',
      payload: z.object({}),
      schedule: '* * * * *',
      maxAttempts: 1,
      async handler(_p, { db, enqueue }) {
        const now = clock.now();
        const horizon = new Date(now.getTime() + 14 * 86_400_000);
        // One calendar per unit per run, not one per dossier (up to 1,000 of them).
        const calendars = new Map<string, ReturnType<typeof svc.calendar.calendarFor>>();
        for (const d of await repo.sweepCandidates(db, now, horizon, 1000)) {
          if (d.due_at < now) {
            if (!d.overdue_at)
              await enqueue(
                'dossier.mark-overdue',
                { id: d.id },
                { singletonKey: `${d.id}:overdue` },
              );
            continue;
          }
          if (d.due_soon_at) continue;
          if (!calendars.has(d.unit_code))
            calendars.set(d.unit_code, svc.calendar.calendarFor(d.unit_code));
          const cal = await calendars.get(d.unit_code)!;
          const window = opts.dueSoonHours ? opts.dueSoonHours * 60 : workingDayMinutes(cal);
          if (isDueSoon(cal, now, d.due_at, window)) {
            await enqueue(
              'dossier.mark-due-soon',
              { id: d.id },
              { singletonKey: `${d.id}:due-soon` },
            );
          }
        }
      },
    }),
    defineJob({
      name: 'dossier.mark-overdue',
      payload: ById,
      async handler({ id }, { db }) {
        await db.transaction().execute(async (trx) => {
          const claimed = await repo.claimOverdue(trx, id, clock.now());
          if (!claimed) return;
          const messages = await svc.deps.notify?.(trx, {
            template: 'dossier.overdue',
            dossier: claimed,
          });
          await queueOutboxRows(trx, messages ?? []);
        });
      },
    }),
    defineJob({
      name: 'dossier.mark-due-soon',
      payload: ById,
      async handler({ id }, { db }) {
        await repo.claimDueSoon(db, id, clock.now());
      },
    }),
  ];
}
