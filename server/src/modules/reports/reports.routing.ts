/**
 * Routing of a field report to a unit (pure functions; the service reads the candidates).
 * A point goes to the deepest unit whose boundary contains it; a point exactly on a shared
 * border belongs to both, and the smallest unit code wins so the answer never depends on
 * the order rows come back in.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';

/** A WGS 84 point. */
export interface LatLong {
  lat: number;
  long: number;
}

/** A unit whose boundary's bbox contains the point (read by the repository). */
export interface BoundaryCandidate {
  code: string;
  /** Length of the unit's lineage: 1 for a province, 2 for a district or commune below it… */
  depth: number;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/** True when the point is inside the polygon or on its edge (GeoJSON is [lon, lat]). */
export function containsPoint(geometry: BoundaryCandidate['geometry'], p: LatLong): boolean {
  return booleanPointInPolygon([p.long, p.lat], geometry as never, { ignoreBoundary: false });
}

/** The deepest unit whose boundary contains the point; ties by the smallest code; or null. */
export function deepestContaining(candidates: BoundaryCandidate[], p: LatLong): string | null {
  let best: BoundaryCandidate | null = null;
  for (const c of candidates) {
    if (!containsPoint(c.geometry, p)) continue;
    if (
      !best ||
      c.depth > best.depth ||
      (c.depth === best.depth && compareCodes(c.code, best.code) < 0)
    )
      best = c;
  }
  return best?.code ?? null;
}

/** Numeric codes compare as numbers ("883" < "30280"), others as text. */
function compareCodes(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The report's unit: the unit the point falls in, unless the citizen picked a unit inside it
 * (boundaries are known for districts only — the commune the citizen chose is more precise).
 * Without a point inside any boundary, the picked unit. Null when neither is known.
 */
export function chooseUnit(input: {
  routed: string | null;
  picked: string | null;
  /** Lineage of the picked unit (itself first), when one was picked and exists. */
  pickedLineage: readonly string[];
}): string | null {
  const { routed, picked, pickedLineage } = input;
  if (routed && picked && pickedLineage.includes(routed)) return picked;
  if (routed) return routed;
  return picked && pickedLineage.length > 0 ? picked : null;
}

/**
 * The unit that answers: the nearest unit of the category's responsible kind from the
 * report's unit upwards; the report's unit itself when none is of that kind (e.g. a point
 * known only to its district for a commune matter).
 */
export function handlingUnit(
  lineage: readonly { code: string; kind: string }[],
  responsibleKind: string,
): string {
  const match = lineage.find((u) => u.kind === responsibleKind);
  return (match ?? lineage[0])!.code;
}

/** An admin's routing override: reports of a category in an area go to a given unit. */
export interface RoutingRule {
  /** The area: a unit whose reports (its own and those of every unit below it) the rule takes. */
  areaUnitCode: string;
  handlingUnitCode: string;
}

/**
 * The handling unit an override gives for a report whose unit has this lineage (itself first),
 * or null: the rule of the nearest area wins, so a ward's rule beats its district's.
 */
export function ruleFor(rules: readonly RoutingRule[], lineage: readonly string[]): string | null {
  for (const code of lineage) {
    const rule = rules.find((r) => r.areaUnitCode === code);
    if (rule) return rule.handlingUnitCode;
  }
  return null;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function haversineMeters(a: LatLong, b: LatLong): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.long - a.long) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box that contains every point within `meters` of `p` (a prefilter for SQL). */
export function bboxAround(
  p: LatLong,
  meters: number,
): { minLat: number; maxLat: number; minLong: number; maxLong: number } {
  const dLat = (meters / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLong = dLat / Math.max(Math.cos((p.lat * Math.PI) / 180), 1e-6);
  return {
    minLat: p.lat - dLat,
    maxLat: p.lat + dLat,
    minLong: p.long - dLong,
    maxLong: p.long + dLong,
  };
}
