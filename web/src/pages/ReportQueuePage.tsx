import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { usePersistedSearchParams } from '../lib/use-persisted-search-params.ts';
import { isStaff, useRoleUnits, useSlashFocus } from '../modules/dossiers/index.ts';
import { STAFF_ROLES, useAuth } from '../modules/identity/index.ts';
import {
  filterToParams,
  LazyReportMap,
  locatedPoints,
  MapLegend,
  type MapMarker,
  REPORT_QUEUE_FIRST_FILTER,
  ReportTable,
  StaffFilters,
  staffCsvUrl,
  staffFilterFromParams,
  useReportCategories,
  useReportList,
} from '../modules/reports/index.ts';
import { LoadMore } from '../ui/LoadMore.tsx';
import { LoadError } from '../ui/Notice.tsx';

/** /phan-anh/xu-ly — staff: the field reports of my units, by deadline. */
export function ReportQueuePage() {
  const t = useT();
  const { user } = useAuth();
  useDocumentTitle(t('reports.queue.title'));
  const [params, setParams] = usePersistedSearchParams('cqs.reports.queue');
  const filter = useMemo(() => staffFilterFromParams(params), [params]);
  const units = useRoleUnits(STAFF_ROLES);
  const categories = useReportCategories();
  const list = useReportList(filter);
  useSlashFocus(REPORT_QUEUE_FIRST_FILTER);
  const navigate = useNavigate();
  const [view, setView] = useState<'list' | 'map'>('list');
  const markers: MapMarker[] = useMemo(
    () =>
      locatedPoints(list.items, (r) => ({ lat: r.lat, long: r.long })).map((r) => ({
        id: r.id,
        lat: r.lat,
        long: r.long,
        status: r.status,
        label: `${r.code} — ${r.categoryName} — ${t(`reports.status.${r.status}`)}`,
      })),
    [list.items, t],
  );
  // Read once per render: the badges compare deadlines with the time the list was drawn.
  const now = Date.now();

  if (!isStaff(user)) {
    return (
      <div className="notice notice--info" role="status">
        {t('error.forbidden')}
      </div>
    );
  }
  return (
    <div className="page">
      <h1 className="page__title">{t('reports.queue.title')}</h1>
      <p className="muted">{t('reports.queue.intro')}</p>
      <StaffFilters
        filter={filter}
        categories={categories.options}
        units={units}
        onChange={(f) => setParams(filterToParams({ ...f }))}
      />
      <div className="toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('reports.queue.viewLabel')}</legend>
          <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
            {t('reports.queue.viewList')}
          </button>
          <button type="button" aria-pressed={view === 'map'} onClick={() => setView('map')}>
            {t('reports.queue.viewMap')}
          </button>
        </fieldset>
        <a
          className="button button--secondary button--small"
          href={staffCsvUrl({
            status: filter.status || undefined,
            category: filter.category || undefined,
            unit: filter.unit || undefined,
          })}
          download
        >
          {t('reports.exportCsv')}
        </a>
      </div>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {view === 'map' ? (
        <section className="section" aria-label={t('reports.queue.viewMap')}>
          <p className="muted">
            {markers.length > 0 ? t('reports.queue.mapHint') : t('reports.queue.mapNoPoints')}
          </p>
          <LazyReportMap
            label={t('reports.map.listLabel', { count: markers.length })}
            markers={markers}
            onSelect={(id) => navigate(PATHS.reportStaff(id))}
            frameKey={params.toString()}
          />
          <MapLegend />
        </section>
      ) : null}
      <ReportTable items={list.items} href={PATHS.reportStaff} now={now} />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loading}
        onLoadMore={list.loadMore}
      />
    </div>
  );
}
