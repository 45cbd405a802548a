// Pure geometry for the map: the box around GeoJSON boundaries and report points, so the map
// can frame them without Leaflet (and be tested in node).

/** [[south, west], [north, east]] in degrees, Leaflet's order. */
export type LatLongBounds = [[number, number], [number, number]];

/** A point of the map. */
export interface MapPoint {
  lat: number;
  long: number;
}

type Position = number[];
/** The GeoJSON we read: a Feature, FeatureCollection or bare geometry (RFC 7946). */
export interface GeoJsonLike {
  type: string;
  geometry?: GeoJsonLike | null;
  features?: GeoJsonLike[];
  geometries?: GeoJsonLike[];
  coordinates?: unknown;
}

function collect(coords: unknown, out: Position[]): void {
  if (!Array.isArray(coords)) return;
  if (coords.length >= 2 && typeof coords[0] === 'number' && typeof coords[1] === 'number') {
    out.push(coords as Position);
    return;
  }
  for (const c of coords) collect(c, out);
}

/** Every [long, lat] position of a GeoJSON object. */
export function positionsOf(geo: GeoJsonLike | null | undefined): Position[] {
  const out: Position[] = [];
  const walk = (g: GeoJsonLike | null | undefined) => {
    if (!g) return;
    if (g.type === 'FeatureCollection') for (const f of g.features ?? []) walk(f);
    else if (g.type === 'Feature') walk(g.geometry);
    else if (g.type === 'GeometryCollection') for (const x of g.geometries ?? []) walk(x);
    else collect(g.coordinates, out);
  };
  walk(geo);
  return out;
}

function valid(lat: number, long: number): boolean {
  return (
    Number.isFinite(lat) && Number.isFinite(long) && Math.abs(lat) <= 90 && Math.abs(long) <= 180
  );
}

/** The box around boundaries and points, or null when there is nothing to frame. */
export function boundsOf(
  shapes: readonly (GeoJsonLike | null | undefined)[],
  points: readonly MapPoint[] = [],
): LatLongBounds | null {
  let south = Number.POSITIVE_INFINITY;
  let west = Number.POSITIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  const add = (lat: number, long: number) => {
    if (!valid(lat, long)) return;
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, long);
    east = Math.max(east, long);
  };
  for (const shape of shapes)
    for (const p of positionsOf(shape)) add(p[1] as number, p[0] as number);
  for (const p of points) add(p.lat, p.long);
  if (south === Number.POSITIVE_INFINITY) return null;
  return [
    [south, west],
    [north, east],
  ];
}

/** Points with a location, from items whose lat/long may be null. */
export function locatedPoints<T>(
  items: readonly T[],
  at: (item: T) => { lat: number | null; long: number | null },
): (T & MapPoint)[] {
  const out: (T & MapPoint)[] = [];
  for (const item of items) {
    const { lat, long } = at(item);
    if (lat !== null && long !== null && valid(lat, long)) out.push({ ...item, lat, long });
  }
  return out;
}

/** A point rounded to 6 decimals (about 0.1 m), as sent to the API. */
export function roundPoint(p: MapPoint): MapPoint {
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  return { lat: r(p.lat), long: r(p.long) };
}

/** Distance in metres as words' number: '120 m', '1,2 km' (Vietnamese decimal comma). */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.round(meters)} m`;
  return `${(meters / 1000).toFixed(1).replace('.', ',')} km`;
}
