// The text alternative of the map: every listed report with status, category, place and the
// public reply.
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { PublicReport } from '../api/report.types.ts';
import { ReportStatusBadge } from './ReportBadges.tsx';

/** The list of public reports; `selected` is highlighted (a marker was activated). */
export function PublicReportList({
  items,
  href,
  selected,
}: {
  items: PublicReport[];
  href: (code: string) => string;
  selected?: string | null;
}) {
  const t = useT();
  if (!items.length) return <p className="muted">{t('reports.public.empty')}</p>;
  return (
    <ul className="rp-list" aria-label={t('reports.public.listLabel')}>
      {items.map((r) => (
        <li
          key={r.code}
          id={`rp-item-${r.code}`}
          className={`rp-list__item${selected === r.code ? ' rp-list__item--selected' : ''}`}
        >
          <p className="rp-list__head">
            <Link to={href(r.code)}>{r.code}</Link> <ReportStatusBadge status={r.status} />
          </p>
          <p className="rp-list__meta muted">
            {r.categoryName} · {formatDateTime(r.createdAt)}
            {r.location.address ? ` · ${r.location.address}` : ''}
          </p>
          <p className="rp-list__text">{r.description}</p>
          {r.resolution ? (
            <div className="rp-reply">
              <p className="rp-reply__title">{t('reports.public.reply')}</p>
              <p>{r.resolution}</p>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
