// The history of a report as an ordered list. Public entries carry no actor; staff entries do.
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { REPORT_STATUSES, type ReportStatus } from '../api/report.types.ts';

/** One line of the history, public or staff. */
export interface TimelineEntry {
  key: string | number;
  at: string;
  actionLabel: string;
  toStatus: string;
  reason: string | null;
  actorName?: string;
  details?: string[];
}

/** The timeline. */
export function ReportTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useT();
  const status = (s: string) =>
    (REPORT_STATUSES as readonly string[]).includes(s)
      ? t(`reports.status.${s as ReportStatus}`)
      : s;
  if (!entries.length) return <p className="muted">{t('reports.detail.noEvents')}</p>;
  return (
    <ol className="dq-timeline" aria-label={t('reports.detail.timeline')}>
      {entries.map((e) => (
        <li key={e.key}>
          <p className="dq-timeline__head">
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> — <strong>{e.actionLabel}</strong>
            {e.actorName ? ` — ${e.actorName}` : ''}
          </p>
          <p className="dq-timeline__detail">{status(e.toStatus)}</p>
          {e.reason ? (
            <p className="dq-timeline__detail">
              {t('reports.detail.reason', { reason: e.reason })}
            </p>
          ) : null}
          {(e.details ?? []).map((line) => (
            <p key={line} className="dq-timeline__detail">
              {line}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
