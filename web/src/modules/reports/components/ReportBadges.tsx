// Status and deadline badges of reports: colour, icon and words together, never colour alone.
import { useT } from '../../../i18n/i18n-context.tsx';
import { UrgencyIcon } from '../../dossiers/index.ts';
import { REPORT_STATUSES, type ReportStatus } from '../api/report.types.ts';
import { reportUrgency, statusClass } from '../lib/status.ts';

/** The workflow status in words, with its map colour. */
export function ReportStatusBadge({ status }: { status: string }) {
  const t = useT();
  const known = (REPORT_STATUSES as readonly string[]).includes(status);
  return (
    <span className={`rp-badge ${statusClass(status)}`}>
      <span className="rp-swatch" aria-hidden="true" />
      {known ? t(`reports.status.${status as ReportStatus}`) : status}
    </span>
  );
}

/** The deadline badge of an open report (nothing once it is closed). */
export function ReportUrgencyBadge({
  report,
  now,
}: {
  report: { status: string; dueAt: string | null; overdue?: boolean };
  now: number;
}) {
  const t = useT();
  const urgency = reportUrgency(report, now);
  if (urgency === 'closed') return null;
  return (
    <span className={`dq-badge dq-badge--${urgency}`}>
      <UrgencyIcon name={urgency} />
      {t(`dossiers.urgency.${urgency}`)}
    </span>
  );
}
