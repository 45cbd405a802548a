import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { formatDate, todayVn } from '../lib/format.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { usePersistedSearchParams } from '../lib/use-persisted-search-params.ts';
import {
  CountTiles,
  channelOf,
  DossierTable,
  dateFieldOf,
  outcomeOf,
  registerPeriod,
  registerUrl,
  UNIT_FIRST_FILTER,
  UnitDossierFilters,
  type UnitFilter,
  useDossierList,
  useRoleUnits,
  useSlashFocus,
} from '../modules/dossiers/index.ts';
import { LoadMore } from '../ui/LoadMore.tsx';
import { LoadError, Notice } from '../ui/Notice.tsx';

const LEADER = ['leader'] as const;

/** /ho-so/don-vi — a leader's view of the unit's dossiers, totals and register. */
export function DossierUnitPage() {
  const t = useT();
  useDocumentTitle(t('dossiers.unit.title'));
  const units = useRoleUnits(LEADER);
  const [params, setParams] = usePersistedSearchParams('cqs.dossiers.unit');
  const filter: UnitFilter = {
    unit: params.get('unit') || units[0]?.value || '',
    status: params.get('status') ?? '',
    procedure: params.get('procedure') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    dates: dateFieldOf(params.get('dates')),
    overdue: params.get('overdue') === '1',
    channel: channelOf(params.get('channel')),
    outcome: outcomeOf(params.get('outcome')),
  };
  const list = useDossierList(filter);
  const period = registerPeriod(filter.from, filter.to, todayVn());
  useSlashFocus(UNIT_FIRST_FILTER);
  const update = (f: UnitFilter) =>
    setParams({
      ...f,
      dates: f.dates === 'finished' ? 'finished' : '',
      overdue: f.overdue ? '1' : '',
    });

  return (
    <div className="page">
      <div className="page__header">
        <h1 className="page__title">{t('dossiers.unit.title')}</h1>
        {filter.unit ? (
          <div className="button-group">
            <a
              className="button button--secondary"
              href={registerUrl({ unit: filter.unit, ...period })}
              download
            >
              {t('dossiers.unit.register')}
            </a>
            <span className="muted">
              {t('dossiers.unit.registerPeriod', {
                from: formatDate(period.from),
                to: formatDate(period.to),
              })}
            </span>
          </div>
        ) : null}
      </div>
      {units.length === 0 ? <Notice kind="info">{t('dossiers.unit.noLeaderUnits')}</Notice> : null}
      <UnitDossierFilters filter={filter} onChange={update} units={units} />
      <CountTiles
        counts={list.counts}
        status={filter.status}
        overdue={filter.overdue}
        onFilter={(patch) => update({ ...filter, ...patch })}
      />
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <DossierTable items={list.items} href={PATHS.dossier} caption={t('dossiers.unit.title')} />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loading}
        onLoadMore={list.loadMore}
      />
    </div>
  );
}
