import type { Clock } from '../../platform/clock.js';
import { findAccountsByIds } from '../identity/index.js';
import { enqueueNotification } from '../notifications/index.js';
import { trackingUrl } from './dossiers.code.js';
import type { Notify } from './dossiers.service.js';

/**
 * Turns dossier notices into outbox messages (SMS always — the applicant's phone is
 * required — and e-mail when given), queued in the action's own transaction so a failing
 * channel never blocks the desk. Dedupe keys make a retried action queue nothing twice.
 */
export function notifyViaOutbox(publicUrl: string, clock: Clock): Notify {
  return async (trx, { template, dossier: d, data = {} }) => {
    const lookupUrl = trackingUrl(publicUrl, d.code);
    const applicant = d.applicant as { email?: string; phone?: string };
    const base = { code: d.code, procedureName: d.procedure_name, applicantName: d.applicant_name };
    const related = { type: 'dossier', id: d.id };
    const at = clock.now();
    const toApplicant = async (payload: Record<string, unknown>) => {
      const key = `dossier:${d.id}:${template}:v${d.version}`;
      if (d.applicant_phone) {
        await enqueueNotification(trx, {
          channel: 'sms',
          recipient: d.applicant_phone,
          template,
          data: payload as never,
          dedupeKey: `${key}:sms`,
          related,
          at,
        });
      }
      if (applicant.email) {
        await enqueueNotification(trx, {
          channel: 'email',
          recipient: applicant.email,
          template,
          data: payload as never,
          dedupeKey: `${key}:email`,
          related,
          at,
        });
      }
    };
    switch (template) {
      case 'dossier.received':
        return toApplicant({ ...base, dueAt: d.due_at, lookupUrl });
      case 'dossier.completion_requested':
        return toApplicant({ ...base, reason: data.reason, items: data.items, lookupUrl });
      case 'dossier.result_ready':
        return toApplicant({ ...base, method: 'direct', lookupUrl });
      case 'dossier.late_apology':
        return toApplicant({
          ...base,
          newDueAt: d.due_at,
          reason: data.reason ?? undefined,
          lookupUrl,
        });
      case 'dossier.overdue': {
        if (!d.assignee_id) return;
        const assignee = (await findAccountsByIds(trx, [d.assignee_id])).get(d.assignee_id);
        if (!assignee?.email) return;
        await enqueueNotification(trx, {
          channel: 'email',
          recipient: assignee.email,
          template,
          data: {
            ...base,
            dueAt: d.due_at,
            assigneeName: assignee.fullName,
            staffUrl: `${publicUrl}/ho-so/${d.id}`,
          },
          dedupeKey: `dossier:${d.id}:overdue`,
          related,
          at,
        });
      }
    }
  };
}
