// The map's tile server, read once from the server (MAP_TILE_URL) so an operator can change it
// without rebuilding the web app; the build-time VITE_MAP_TILE_URL is the fallback.
import { apiRequest } from '../../../api/client.ts';

export interface MapSettings {
  tileUrl: string | null;
  attribution: string | null;
}

let pending: Promise<MapSettings> | null = null;

/** The settings, fetched once per page load; a failure falls back to the build's values. */
export function loadMapSettings(): Promise<MapSettings> {
  pending ??= apiRequest<MapSettings>('/api/v1/public/map-settings', {
    expectUnauthenticated: true,
  }).catch(() => ({ tileUrl: null, attribution: null }));
  return pending;
}

/** Server settings first, then the build's, then none (a plain background). */
export function effectiveTiles(
  server: MapSettings | undefined,
  build: { url?: string; attribution?: string },
): { tileUrl?: string; tileAttribution?: string } {
  if (server?.tileUrl)
    return { tileUrl: server.tileUrl, tileAttribution: server.attribution ?? undefined };
  return { tileUrl: build.url || undefined, tileAttribution: build.attribution || undefined };
}
