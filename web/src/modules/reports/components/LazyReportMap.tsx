// The map behind React.lazy: Leaflet and its CSS are a separate chunk, fetched only by pages
// that show a map. The tile server comes from the server's settings (MAP_TILE_URL).
import { lazy, Suspense, useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { effectiveTiles, loadMapSettings, type MapSettings } from '../api/map-settings.ts';
import type { ReportMapProps } from './map-types.ts';

const ReportMap = lazy(() => import('./ReportMap.tsx'));

/** The report map, loaded on first use. */
export function LazyReportMap(props: ReportMapProps) {
  const t = useT();
  const [settings, setSettings] = useState<MapSettings | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadMapSettings().then((s) => {
      if (live) setSettings(s);
    });
    return () => {
      live = false;
    };
  }, []);
  const loading = (
    <div className="rp-map rp-map--loading" role="status">
      {t('reports.map.loading')}
    </div>
  );
  // Wait for the settings so the map is built once, with its tiles.
  if (!settings && props.tileUrl === undefined) return loading;
  const tiles =
    props.tileUrl === undefined
      ? effectiveTiles(settings, {
          url: import.meta.env.VITE_MAP_TILE_URL,
          attribution: import.meta.env.VITE_MAP_TILE_ATTRIBUTION,
        })
      : {};
  return (
    <Suspense fallback={loading}>
      <ReportMap {...props} {...tiles} />
    </Suspense>
  );
}
