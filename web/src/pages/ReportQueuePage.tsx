import { useMemo } from 'react';
import { PATHS } from '../app/nav-items.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { usePersistedSearchParams } from '../lib/use-persisted-search-params.ts';
import { isStaff, useRoleUnits, useSlashFocus } from '../modules/dossiers/index.ts';
import { STAFF_ROLES, useAuth } from '../modules/identity/index.ts';
import {
  filterToParams,
  REPORT_QUEUE_FIRST_FILTER,
  ReportTable,
  StaffFilters,
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
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
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
