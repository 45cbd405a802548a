import type { GeoJsonLike, MapPoint } from '../lib/geo.ts';

/** A report shown on the map. */
export interface MapMarker extends MapPoint {
  id: string;
  status: string;
  /** Short text for the tooltip: code, category, status. */
  label: string;
}

/** Properties of the map (the Leaflet part is loaded lazily). */
export interface ReportMapProps {
  /** Accessible name of the map region. */
  label: string;
  markers?: readonly MapMarker[];
  boundaries?: readonly GeoJsonLike[];
  /** The point the citizen picked (pick mode). */
  picked?: MapPoint | null;
  /** Pick mode: a click, or Enter on the focused map, picks a point. */
  onPick?: (point: MapPoint) => void;
  /** A marker was activated. */
  onSelect?: (id: string) => void;
  /**
   * Tile URL template; defaults to the server's MAP_TILE_URL, then the build's
   * VITE_MAP_TILE_URL; none draws a plain background.
   */
  tileUrl?: string;
  tileAttribution?: string;
  /** Where to look when there is nothing to frame. */
  center?: MapPoint;
  zoom?: number;
  /** Re-frame the map whenever this value changes (e.g. a new filter). */
  frameKey?: string;
}

/** Long Xuyên (An Giang), the demo city: where the map opens when nothing else is known. */
export const DEFAULT_CENTER: MapPoint = { lat: 10.3759, long: 105.4185 };
