// Side-effect CSS imports are bundled by Vite.
declare module '*.css';

// Build-time settings read by the web app (Vite `VITE_*` variables).
interface ImportMetaEnv {
  /** Map tiles, e.g. https://tiles.example.vn/{z}/{x}/{y}.png; without it the map has no base layer. */
  readonly VITE_MAP_TILE_URL?: string;
  /** Attribution text the tile provider requires. */
  readonly VITE_MAP_TILE_ATTRIBUTION?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
