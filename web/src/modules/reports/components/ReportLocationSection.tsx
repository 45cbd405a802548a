import { useT } from '../../../i18n/i18n-context.tsx';
import { LazyReportMap } from './LazyReportMap.tsx';
import { MapLegend } from './MapLegend.tsx';
import type { MapMarker } from './map-types.ts';

/** A report's place on a page: the map, its coordinates in words, optionally the legend. */
export function ReportLocationSection({
  code,
  markers,
  titleId,
  legend = false,
}: {
  code: string;
  markers: MapMarker[];
  titleId: string;
  legend?: boolean;
}) {
  const t = useT();
  if (!markers.length) return null;
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} className="section__title">
        {t('reports.detail.map')}
      </h2>
      <LazyReportMap label={t('reports.map.oneLabel', { code })} markers={markers} />
      <p className="muted">
        {t('reports.detail.coordinates', {
          lat: markers[0]?.lat.toFixed(5) ?? '',
          long: markers[0]?.long.toFixed(5) ?? '',
        })}
      </p>
      {legend ? <MapLegend /> : null}
    </section>
  );
}
