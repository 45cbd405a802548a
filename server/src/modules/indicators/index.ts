/** Public face of the indicators module (chỉ tiêu, issue 12): what other modules may use. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { startIndicatorFollower, syncLibraryAndRebuild } from './indicators.follower.js';
import { followFactsWhileListening } from './indicators.routes.js';

export { syncIndicatorLibrary } from './indicators.definitions.js';
export {
  drainFacts,
  FOLD_INTERVAL_MS,
  foldPendingBatch,
  type IndicatorFollower,
  startIndicatorFollower,
  syncLibraryAndRebuild,
} from './indicators.follower.js';
export { INDICATOR_LIBRARY } from './indicators.library.js';
export { indicatorsMigrations } from './indicators.migrations.js';
export { rebuildIndicators } from './indicators.rebuild.js';
export { indicatorsRoutes } from './indicators.routes.js';
export { IndicatorsService } from './indicators.service.js';
export {
  indicatorSeries,
  indicatorValue,
  type SeriesPoint,
  type ValueNumbers,
} from './indicators.values.js';

/** For app.ts: syncs the library when ready, folds facts while listening, stops on close. */
export function indicatorsLifecycle(app: FastifyInstance, ctx: AppContext): void {
  const log = (level: 'info' | 'error', msg: string, extra?: Record<string, unknown>) =>
    ctx.log[level](extra ?? {}, msg);
  followFactsWhileListening(
    app,
    ctx,
    (c) => syncLibraryAndRebuild(c.kysely, log),
    (c) => startIndicatorFollower(c.kysely, { log }),
  );
}
