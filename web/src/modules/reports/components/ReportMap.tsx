// The Leaflet map (BSD-2-Clause) of the reports module. Imperative Leaflet inside one React
// component: layers are rebuilt from props. Works without a tile server: unit boundaries
// (GeoJSON) and report points are drawn on a plain background. Loaded lazily (LazyReportMap)
// so pages without a map do not download Leaflet.
import 'leaflet/dist/leaflet.css';
import * as L from 'leaflet';
import { useEffect, useRef } from 'react';
import { boundsOf } from '../lib/geo.ts';
import { statusClass } from '../lib/status.ts';
import { DEFAULT_CENTER, type ReportMapProps } from './map-types.ts';

/** The map; see ReportMapProps. */
export function ReportMap({
  label,
  markers = [],
  boundaries = [],
  picked = null,
  onPick,
  onSelect,
  tileUrl = import.meta.env.VITE_MAP_TILE_URL,
  tileAttribution = import.meta.env.VITE_MAP_TILE_ATTRIBUTION,
  center = DEFAULT_CENTER,
  zoom = 13,
  frameKey = '',
}: ReportMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const shapes = useRef<L.LayerGroup | null>(null);
  const points = useRef<L.LayerGroup | null>(null);
  const pin = useRef<L.LayerGroup | null>(null);
  const framed = useRef<string | null>(null);
  // Latest callbacks, read by Leaflet's handlers bound once.
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once per tile URL.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const m = L.map(el, {
      keyboard: true,
      attributionControl: !!tileUrl,
      zoomControl: true,
    }).setView([center.lat, center.long], zoom);
    if (tileUrl) L.tileLayer(tileUrl, { attribution: tileAttribution ?? '', maxZoom: 19 }).addTo(m);
    shapes.current = L.layerGroup().addTo(m);
    points.current = L.layerGroup().addTo(m);
    pin.current = L.layerGroup().addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => {
      pickRef.current?.({ lat: e.latlng.lat, long: e.latlng.lng });
    });
    // Keyboard users pan with the arrows (Leaflet's keyboard option) and pick the centre with Enter.
    const onKey = (e: KeyboardEvent) => {
      if (e.target !== el || !pickRef.current) return;
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      const c = m.getCenter();
      pickRef.current({ lat: c.lat, long: c.lng });
    };
    el.addEventListener('keydown', onKey);
    map.current = m;
    return () => {
      el.removeEventListener('keydown', onKey);
      m.remove();
      map.current = null;
      framed.current = null;
    };
  }, [tileUrl]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    el.setAttribute('role', 'application');
    el.setAttribute('aria-label', label);
  }, [label]);

  useEffect(() => {
    const group = shapes.current;
    if (!group) return;
    group.clearLayers();
    for (const b of boundaries)
      L.geoJSON(b as Parameters<typeof L.geoJSON>[0], {
        interactive: false,
        style: { className: 'rp-boundary', weight: 2, fillOpacity: 0.06 },
      }).addTo(group);
  }, [boundaries]);

  useEffect(() => {
    const group = points.current;
    if (!group) return;
    group.clearLayers();
    for (const p of markers) {
      const marker = L.circleMarker([p.lat, p.long], {
        radius: 8,
        weight: 2,
        fillOpacity: 0.9,
        className: `rp-marker ${statusClass(p.status)}`,
        bubblingMouseEvents: false,
      });
      marker.bindTooltip(p.label);
      marker.on('click', () => selectRef.current?.(p.id));
      marker.addTo(group);
    }
  }, [markers]);

  useEffect(() => {
    const group = pin.current;
    if (!group) return;
    group.clearLayers();
    if (picked)
      L.circleMarker([picked.lat, picked.long], {
        radius: 11,
        weight: 3,
        fillOpacity: 0.6,
        className: 'rp-marker rp-marker--picked',
        interactive: false,
      }).addTo(group);
  }, [picked]);

  // Frame the boundaries and points once they arrive, and again when frameKey changes.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const key = `${frameKey}|${boundaries.length}|${markers.length > 0}`;
    if (framed.current === key) return;
    const box = boundsOf(boundaries, markers);
    if (!box) return;
    framed.current = key;
    m.fitBounds(box, { padding: [24, 24], maxZoom: 16 });
  }, [boundaries, markers, frameKey]);

  return (
    <div className={`rp-map${onPick ? ' rp-map--pick' : ''}${tileUrl ? '' : ' rp-map--plain'}`}>
      <div ref={container} className="rp-map__canvas" data-testid="report-map" />
      {onPick ? <div className="rp-map__crosshair" aria-hidden="true" /> : null}
    </div>
  );
}

export default ReportMap;
