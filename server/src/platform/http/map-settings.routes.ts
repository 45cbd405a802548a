import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';

const MapSettings = z.object({
  /** Tile URL template ({s}, {z}, {x}, {y}); null = draw on a plain background. */
  tileUrl: z.string().nullable(),
  attribution: z.string().nullable(),
});

/**
 * GET /api/v1/public/map-settings: the map tile server (MAP_TILE_URL, MAP_TILE_ATTRIBUTION),
 * read by the web app at run time so an operator changes it without rebuilding the web app.
 */
export function mapSettingsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/map-settings',
      {
        schema: {
          tags: ['public'],
          summary: 'The map tile server the web app uses (none: a plain background)',
          response: { 200: MapSettings },
        },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return {
          tileUrl: ctx.config.mapTileUrl ?? null,
          attribution: ctx.config.mapTileAttribution ?? null,
        };
      },
    );
  };
}
