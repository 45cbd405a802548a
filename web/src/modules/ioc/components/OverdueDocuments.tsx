// Incoming documents past their handling deadline (issue 13 deliver 1: "overdue handling shows
// on the dashboard"): the documents module's own scoped list, each linking to the document.
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { listOverdueDocuments } from '../../documents/index.ts';
import { formatNumber } from '../lib/period.ts';
import { PanelProblem } from './PanelProblem.tsx';

const SHOWN = 8;

export function OverdueDocuments({
  documentUnit,
  refresh,
}: {
  /** The unit chosen on the dashboard; undefined at the top of the user's scope. */
  documentUnit: string | undefined;
  refresh: number;
}) {
  const t = useT();
  const overdue = useAsync(
    (signal) => listOverdueDocuments(documentUnit, signal),
    [documentUnit, refresh],
  );
  const items = overdue.data?.items ?? [];
  return (
    <section
      className="ioc-panel ioc-deadlines"
      aria-labelledby="ioc-documents-overdue-title"
      data-panel="documents-overdue"
    >
      <h2 id="ioc-documents-overdue-title" className="ioc-panel__title">
        {t('ioc.documents.overdueTitle')}{' '}
        {overdue.data ? (
          <span data-testid="documents-overdue-count">
            ({formatNumber(items.length)}
            {overdue.data.nextCursor ? '+' : ''})
          </span>
        ) : null}
      </h2>
      {overdue.error ? (
        <PanelProblem error={overdue.error} onRetry={overdue.reload} />
      ) : !overdue.data ? null : items.length === 0 ? (
        <p className="muted">{t('ioc.documents.noneOverdue')}</p>
      ) : (
        <ul className="ioc-deadlines__list">
          {items.slice(0, SHOWN).map((d) => (
            <li key={d.id}>
              <Link to={`/van-ban/${encodeURIComponent(d.id)}`}>{d.summary}</Link>
              {d.numberSymbol ? ` — ${d.numberSymbol}` : ''}{' '}
              <span className="muted">
                ({t('ioc.documents.deadline', { date: formatDate(d.deadline) })})
              </span>
            </li>
          ))}
        </ul>
      )}
      {items.length > SHOWN || overdue.data?.nextCursor ? (
        <p>
          <Link to="/van-ban?box=incoming">{t('ioc.documents.all')}</Link>
        </p>
      ) : null}
    </section>
  );
}
