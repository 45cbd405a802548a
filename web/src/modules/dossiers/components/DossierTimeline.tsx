// Every event of the dossier in order: time, actor, action, status change, reason and the
// facts the action carried (assignee, items to add, new deadline…).
import { type TFunction, useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import {
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  type DossierEvent,
  RETURN_METHODS,
  type ReturnMethod,
} from '../api/dossier.types.ts';

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(['receive', ...DOSSIER_ACTIONS]);

function actionLabel(action: string, t: TFunction): string {
  return KNOWN_ACTIONS.has(action) ? t(`dossiers.action.${action as 'assign'}`) : action;
}

function statusLabel(status: string | null, t: TFunction): string {
  if (!status) return '';
  return (DOSSIER_STATUSES as readonly string[]).includes(status)
    ? t(`dossiers.status.${status as 'received'}`)
    : status;
}

/** Lines describing what the event's payload says, in words. */
function details(event: DossierEvent, t: TFunction): string[] {
  const p = event.payload ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const out: string[] = [];
  const assignee = str(p.assigneeName) ?? str(p.assigneeUsername);
  if (assignee) out.push(t('dossiers.detail.payloadAssignee', { name: assignee }));
  const unit = str(p.unitName) ?? str(p.unitCode);
  if (event.action === 'forward' && unit) out.push(t('dossiers.detail.payloadUnit', { unit }));
  if (Array.isArray(p.items) && p.items.length)
    out.push(t('dossiers.detail.payloadItems', { items: p.items.map(String).join('; ') }));
  const due = str(p.newDueAt);
  if (due) out.push(t('dossiers.detail.payloadNewDue', { due: formatDateTime(due) }));
  const method = str(p.method);
  if (method && (RETURN_METHODS as readonly string[]).includes(method))
    out.push(
      t('dossiers.detail.payloadMethod', {
        method: t(`dossiers.method.${method as ReturnMethod}`),
      }),
    );
  const summary = str(p.resultSummary);
  if (summary) out.push(t('dossiers.detail.payloadSummary', { summary }));
  const note = str(p.note);
  if (note) out.push(t('dossiers.detail.payloadNote', { note }));
  return out;
}

/** The processing history as an ordered list, one item per event. */
export function DossierTimeline({ events }: { events: DossierEvent[] }) {
  const t = useT();
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <ol className="dq-timeline" aria-label={t('dossiers.detail.timeline')}>
      {sorted.map((event) => {
        const from = statusLabel(event.fromStatus, t);
        const to = statusLabel(event.toStatus, t);
        return (
          <li key={event.seq}>
            <p className="dq-timeline__head">
              <time dateTime={event.at}>{formatDateTime(event.at)}</time> —{' '}
              <strong>{actionLabel(event.action, t)}</strong> — {event.actorName}
            </p>
            <p className="dq-timeline__detail">{from && from !== to ? `${from} → ${to}` : to}</p>
            {event.reason ? (
              <p className="dq-timeline__detail">
                {t('dossiers.detail.reason', { reason: event.reason })}
              </p>
            ) : null}
            {details(event, t).map((line) => (
              <p key={line} className="dq-timeline__detail">
                {line}
              </p>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
