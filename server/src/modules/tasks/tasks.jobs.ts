// Deadline sweeps of tasks: due-soon and overdue notices to the lead unit's officers, once per
// deadline (a changed deadline re-arms them). "Overdue" itself is derived (tasks.rules.ts);
// the sweep only records that the notice went out, with an event and an audit row.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { defineJob } from '../../platform/jobs/job-definition.js';
import { emailsOfRoleAt, findStaffWithRoles } from '../identity/index.js';
import {
  composeNotification,
  type OutboxMessage,
  queueOutboxRows,
} from '../notifications/index.js';
import { findUnitsByCodes, vnToday } from '../org/index.js';
import { tasksRepository as repo, type TaskRow } from './tasks.repository.js';
import { isDueSoon, isOverdue } from './tasks.rules.js';
import type { TaskService } from './tasks.service.js';

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const Claim = z.object({ id: z.string().uuid(), due: z.iso.date() });

/**
 * Who hears about a task's deadline: the leaders and specialists granted at the lead unit,
 * and the responsible person. E-mail only (staff addresses; no SMS gateway cost).
 */
async function officersOf(db: Kysely<Database>, t: TaskRow): Promise<string[]> {
  const emails = new Set<string>();
  for (const role of ['leader', 'specialist'] as const)
    for (const e of await emailsOfRoleAt(db, role, t.lead_unit_code)) emails.add(e);
  if (t.responsible_id) {
    const p = await findStaffWithRoles(db, t.responsible_id);
    if (p?.email) emails.add(p.email);
  }
  return [...emails].sort();
}

export function tasksJobs(svc: TaskService, opts: { publicUrl: string }) {
  const { clock } = svc.deps;
  const mark = (which: 'overdue' | 'due_soon') =>
    defineJob({
      name: which === 'overdue' ? 'task.mark-overdue' : 'task.mark-due-soon',
      payload: Claim,
      async handler({ id, due }, { db }) {
        await db.transaction().execute(async (trx) => {
          const t = await repo.claimNotice(trx, id, which, due);
          if (!t) return;
          const unit = (await findUnitsByCodes(trx, [t.lead_unit_code])).get(t.lead_unit_code);
          const template = which === 'overdue' ? 'task.overdue' : 'task.due_soon';
          const messages: OutboxMessage[] = [];
          for (const recipient of await officersOf(trx, t)) {
            const m = composeNotification({
              channel: 'email',
              recipient,
              template,
              data: {
                content: t.content,
                leadUnitName: unit?.name ?? t.lead_unit_code,
                deadlineOn: due,
                staffUrl: `${opts.publicUrl}/nhiem-vu/${t.id}`,
              },
              dedupeKey: `task:${t.id}:${template}:${due}:${recipient}`,
              related: { type: 'task', id: t.id },
              at: clock.now(),
            });
            if (m) messages.push(m);
          }
          await queueOutboxRows(trx, messages);
          await svc.record(
            trx,
            SYSTEM_ACTOR,
            t,
            which === 'overdue' ? 'overdue' : 'due_soon',
            t.status,
            {
              after: { deadlineOn: due, notified: messages.length },
            },
          );
        });
      },
    });
  return [
    defineJob({
      name: 'task.sweep-deadlines',
      payload: z.object({}),
      schedule: '*/10 * * * *',
      maxAttempts: 1,
      async handler(_p, { db, enqueue }) {
        const now = clock.now();
        const today = vnToday(now);
        // DUE_SOON working days are at most a few weeks of calendar days (Tết's block).
        for (const t of await repo.sweepCandidates(db, addDays(today, 21), 1000)) {
          const due = t.deadline_on!;
          if (isOverdue(t, today)) {
            await enqueue(
              'task.mark-overdue',
              { id: t.id, due },
              { singletonKey: `${t.id}:${due}:overdue` },
            );
            continue;
          }
          if (t.due_soon_for === due) continue;
          if (isDueSoon(await svc.calendarOf(t.lead_unit_code), t, today))
            await enqueue(
              'task.mark-due-soon',
              { id: t.id, due },
              { singletonKey: `${t.id}:${due}:due-soon` },
            );
        }
      },
    }),
    mark('overdue'),
    mark('due_soon'),
  ];
}
