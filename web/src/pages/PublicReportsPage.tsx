import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import {
  filterToParams,
  LazyReportMap,
  locatedPoints,
  MapLegend,
  type MapMarker,
  PublicFilters,
  PublicReportList,
  publicCsvUrl,
  publicFilterFromParams,
  usePublicReports,
  useReportCategories,
  useUnitBoundary,
  useWardOptions,
} from '../modules/reports/index.ts';
import { LoadMore } from '../ui/LoadMore.tsx';
import { LoadError } from '../ui/Notice.tsx';

/** /phan-anh — public: the map and the list of published reports, filters in the URL. */
export function PublicReportsPage() {
  const t = useT();
  useDocumentTitle(t('reports.public.title'));
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => publicFilterFromParams(params), [params]);
  const categories = useReportCategories();
  const units = useWardOptions();
  const boundaries = useUnitBoundary(filter.unit);
  const list = usePublicReports(filter);
  const [selected, setSelected] = useState<string | null>(null);
  const markers: MapMarker[] = useMemo(
    () =>
      locatedPoints(list.items, (r) => r.location).map((r) => ({
        id: r.code,
        lat: r.lat,
        long: r.long,
        status: r.status,
        label: `${r.code} — ${r.categoryName} — ${t(`reports.status.${r.status}`)}`,
      })),
    [list.items, t],
  );

  const select = (code: string) => {
    setSelected(code);
    const item = document.getElementById(`rp-item-${code}`);
    item?.scrollIntoView({ block: 'center' });
    item?.querySelector<HTMLElement>('a')?.focus();
  };

  return (
    <div className="page">
      <div className="page__header">
        <h1 className="page__title">{t('reports.public.title')}</h1>
        <Link className="button" to={PATHS.reportSubmit}>
          {t('reports.public.submit')}
        </Link>
      </div>
      <p className="lead">{t('reports.public.intro')}</p>
      <PublicFilters
        filter={filter}
        categories={categories.options}
        units={units}
        onChange={(f) => setParams(filterToParams({ ...f }), { replace: true })}
      />
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <div className="rp-layout">
        <div className="rp-layout__map">
          <LazyReportMap
            label={t('reports.map.listLabel', { count: markers.length })}
            markers={markers}
            boundaries={boundaries}
            onSelect={select}
            frameKey={params.toString()}
          />
          <p className="muted">{t('reports.map.listHelp')}</p>
          <MapLegend />
        </div>
        <section aria-labelledby="rp-list-title">
          <h2 id="rp-list-title" className="section__title">
            {t('reports.public.listTitle')}
          </h2>
          <PublicReportList items={list.items} href={PATHS.report} selected={selected} />
          <p>
            <a
              className="button button--secondary button--small"
              href={publicCsvUrl({
                status: filter.status || undefined,
                category: filter.category || undefined,
                unit: filter.unit || undefined,
                from: filter.from || undefined,
                to: filter.to || undefined,
              })}
              download
            >
              {t('reports.exportCsvPublic')}
            </a>
          </p>
          <LoadMore
            count={list.items.length}
            hasMore={list.hasMore}
            loading={list.loading}
            onLoadMore={list.loadMore}
          />
        </section>
      </div>
    </div>
  );
}
