import type { Clock } from '../../platform/clock.js';
import { findAccountsByIds } from '../identity/index.js';
import { composeNotification, type OutboxMessage } from '../notifications/index.js';
import { trackingUrl } from './dossiers.code.js';
import type { Notify } from './dossiers.service.js';

/**
 * Turns dossier notices into outbox messages (SMS always — the applicant's phone is
 * required — and e-mail when given); the caller writes them with the change they report, so
 * a failing channel never blocks the desk. Dedupe keys make a retried action queue nothing
 * twice.
 */
export function notifyViaOutbox(publicUrl: string, clock: Clock): Notify {
  return async (db, { template, dossier: d, data = {} }) => {
    const out: OutboxMessage[] = [];
    const add = (m: OutboxMessage | null) => {
      if (m) out.push(m);
    };
    const lookupUrl = trackingUrl(publicUrl, d.code);
    const applicant = d.applicant as { email?: string; phone?: string };
    const base = { code: d.code, procedureName: d.procedure_name, applicantName: d.applicant_name };
    const related = { type: 'dossier', id: d.id };
    const at = clock.now();
    const toApplicant = (payload: Record<string, unknown>) => {
      const key = `dossier:${d.id}:${template}:v${d.version}`;
      if (d.applicant_phone) {
        add(
          composeNotification({
            channel: 'sms',
            recipient: d.applicant_phone,
            template,
            data: payload as never,
            dedupeKey: `${key}:sms`,
            related,
            at,
          }),
        );
      }
      if (applicant.email) {
        add(
          composeNotification({
            channel: 'email',
            recipient: applicant.email,
            template,
            data: payload as never,
            dedupeKey: `${key}:email`,
            related,
            at,
          }),
        );
      }
    };
    switch (template) {
      case 'dossier.received':
        toApplicant({
          ...base,
          dueAt: d.due_at,
          lookupUrl,
          // Online (cổng dịch vụ công): form 01 is the citizen's, from "Hồ sơ của tôi".
          ...(d.channel === 'online'
            ? {
                receiptUrl: `${publicUrl}/api/v1/portal/my-dossiers/${encodeURIComponent(d.code)}/receipt.pdf`,
              }
            : {}),
        });
        break;
      case 'dossier.completion_requested':
        toApplicant({ ...base, reason: data.reason, items: data.items, lookupUrl });
        break;
      case 'dossier.result_ready':
        toApplicant({ ...base, method: 'direct', lookupUrl });
        break;
      case 'dossier.fee_paid':
        toApplicant({
          ...base,
          amount: data.amount,
          receiptNumber: data.receiptNumber,
          lookupUrl,
        });
        break;
      case 'dossier.late_apology':
        toApplicant({
          ...base,
          newDueAt: d.due_at,
          reason: data.reason ?? undefined,
          lookupUrl,
        });
        break;
      case 'dossier.overdue': {
        if (!d.assignee_id) break;
        const assignee = (await findAccountsByIds(db, [d.assignee_id])).get(d.assignee_id);
        if (!assignee?.email) break;
        add(
          composeNotification({
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
          }),
        );
      }
    }
    return out;
  };
}
