// The ranked result list: name (a link to the procedure page), code, field and level, time,
// fees and an "apply online" badge.
import { Link, useLocation } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { type ProcedureSummary, procedurePath } from './catalogue.api.ts';
import { durationText, feeSummary } from './catalogue.format.ts';

export function CatalogueResults({ items }: { items: ProcedureSummary[] }) {
  const t = useT();
  // The procedure page's "back" returns to this search.
  const { pathname, search } = useLocation();
  const back = `${pathname}${search}`;
  return (
    <ol className="cat-results">
      {items.map((p) => (
        <li key={p.code} className="cat-result">
          <h3 className="cat-result__title">
            <Link to={procedurePath(p.code)} state={{ back }}>
              {p.name}
            </Link>
          </h3>
          <p className="cat-result__meta">
            <span>{p.field}</span> · <span>{t(`level.${p.level}`)}</span> ·{' '}
            <span className="nowrap">
              {t('catalogue.code')} {p.code}
            </span>
          </p>
          <dl className="cat-result__facts">
            <div>
              <dt>{t('catalogue.time')}:</dt> <dd>{durationText(t, p.processingTime)}</dd>
            </div>
            <div>
              <dt>{t('catalogue.fees')}:</dt> <dd>{feeSummary(t, p.fees)}</dd>
            </div>
          </dl>
          {p.onlineLevel !== 'info' ? (
            <p className="cat-result__badges">
              <span className="tag tag--green">{t('catalogue.online')}</span>{' '}
              <span className="muted">{t(`onlineLevel.${p.onlineLevel}`)}</span>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
