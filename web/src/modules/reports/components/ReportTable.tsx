// The staff queue table, sorted by deadline, with the dossier queue's row colours and badges.
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { ReportSummary } from '../api/report.types.ts';
import { byDeadline, reportUrgency } from '../lib/status.ts';
import { ReportStatusBadge, ReportUrgencyBadge } from './ReportBadges.tsx';

/** The table; rows open the report on click or Enter. */
export function ReportTable({
  items,
  href,
  now,
}: {
  items: ReportSummary[];
  href: (id: string) => string;
  now: number;
}) {
  const t = useT();
  const navigate = useNavigate();
  if (!items.length) return <p className="muted">{t('reports.queue.empty')}</p>;
  const sorted = [...items].sort(byDeadline);
  return (
    <div className="table-wrap">
      <table className="table table--dense dq-table">
        <caption className="visually-hidden">{t('reports.queue.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.queue.colCode')}</th>
            <th scope="col">{t('reports.queue.colCategory')}</th>
            <th scope="col">{t('reports.queue.colDescription')}</th>
            <th scope="col">{t('reports.queue.colCreated')}</th>
            <th scope="col">{t('reports.queue.colDue')}</th>
            <th scope="col">{t('reports.queue.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr
              key={r.id}
              className={`dq-row--${reportUrgency(r, now)}`}
              tabIndex={0}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && e.target === e.currentTarget) navigate(href(r.id));
              }}
              onClick={(e) => {
                if (!(e.target instanceof HTMLAnchorElement)) navigate(href(r.id));
              }}
            >
              <th scope="row" className="nowrap">
                <Link to={href(r.id)} tabIndex={-1}>
                  {r.code}
                </Link>
              </th>
              <td>{r.categoryName}</td>
              <td className="rp-cell-text">{r.description}</td>
              <td className="nowrap">{formatDateTime(r.createdAt)}</td>
              <td className="nowrap">{formatDateTime(r.dueAt)}</td>
              <td>
                <div className="dq-status">
                  <ReportStatusBadge status={r.status} />
                  <ReportUrgencyBadge report={r} now={now} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
