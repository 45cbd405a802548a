// Overdue and due-soon dossiers of the unit (the dossiers module's own list and flags), each
// linking to the dossier; the count links to the unit's filtered list.
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { type DeadlineDossier, listDeadlineDossiers } from '../api/ioc.api.ts';
import { formatNumber } from '../lib/period.ts';
import { PanelProblem } from './PanelProblem.tsx';

const SHOWN = 8;

function DossierRows({ items, empty }: { items: DeadlineDossier[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="ioc-deadlines__list">
      {items.slice(0, SHOWN).map((d) => (
        <li key={d.id}>
          <Link to={`/ho-so/${encodeURIComponent(d.id)}`}>{d.code}</Link> — {d.procedure.name}
          {d.applicantName ? ` — ${d.applicantName}` : ''}{' '}
          <span className="muted">({formatDate(d.dueAt)})</span>
        </li>
      ))}
    </ul>
  );
}

export function DeadlineLists({
  dossierUnit,
  refresh,
}: {
  dossierUnit: string | undefined;
  refresh: number;
}) {
  const t = useT();
  const overdue = useAsync(
    (signal) => listDeadlineDossiers(dossierUnit ?? '', true, signal),
    [dossierUnit, refresh],
  );
  const open = useAsync(
    (signal) => listDeadlineDossiers(dossierUnit ?? '', false, signal),
    [dossierUnit, refresh],
  );
  const dueSoon = (open.data?.items ?? []).filter((d) => d.dueSoon && !d.overdue);
  const unitQuery = dossierUnit ? `unit=${encodeURIComponent(dossierUnit)}&` : '';
  return (
    <section
      className="ioc-panel ioc-deadlines"
      aria-labelledby="ioc-deadlines-title"
      data-panel="deadlines"
    >
      <h2 id="ioc-deadlines-title" className="ioc-panel__title">
        {t('ioc.deadlines.title')}
      </h2>
      <div className="ioc-deadlines__cols">
        <div>
          <h3>
            {t('ioc.deadlines.overdue')}{' '}
            {overdue.data ? (
              <Link to={`/ho-so/don-vi?${unitQuery}overdue=1`} data-testid="overdue-count">
                {formatNumber(overdue.data.counts.overdue)}
              </Link>
            ) : null}
          </h3>
          {overdue.error ? (
            <PanelProblem error={overdue.error} onRetry={overdue.reload} />
          ) : overdue.data ? (
            <DossierRows items={overdue.data.items} empty={t('ioc.deadlines.noneOverdue')} />
          ) : null}
        </div>
        <div>
          <h3>
            {t('ioc.deadlines.dueSoon')}{' '}
            {open.data ? (
              <Link to={`/ho-so/don-vi?${unitQuery}`}>
                {formatNumber(open.data.counts.dueSoon)}
              </Link>
            ) : null}
          </h3>
          {open.error ? (
            <PanelProblem error={open.error} onRetry={open.reload} />
          ) : open.data ? (
            <DossierRows items={dueSoon} empty={t('ioc.deadlines.noneDueSoon')} />
          ) : null}
        </div>
      </div>
    </section>
  );
}
