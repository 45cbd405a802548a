// The map behind React.lazy: Leaflet and its CSS are a separate chunk, fetched only by pages
// that show a map.
import { lazy, Suspense } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { ReportMapProps } from './map-types.ts';

const ReportMap = lazy(() => import('./ReportMap.tsx'));

/** The report map, loaded on first use. */
export function LazyReportMap(props: ReportMapProps) {
  const t = useT();
  return (
    <Suspense
      fallback={
        <div className="rp-map rp-map--loading" role="status">
          {t('reports.map.loading')}
        </div>
      }
    >
      <ReportMap {...props} />
    </Suspense>
  );
}
