/** Public face of the indicators module (chỉ tiêu, issue 12): what other modules may use. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { startIndicatorFollower } from './indicators.follower.js';
import { followFactsWhileListening } from './indicators.routes.js';

export { syncIndicatorLibrary } from './indicators.definitions.js';
export {
  drainFacts,
  FOLD_INTERVAL_MS,
  foldPendingBatch,
  type IndicatorFollower,
  startIndicatorFollower,
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

/** The follower for app.ts: folds facts while the app listens, stops when it closes. */
export function indicatorsLifecycle(app: FastifyInstance, ctx: AppContext): void {
  followFactsWhileListening(app, ctx, (c) =>
    startIndicatorFollower(c.kysely, {
      log: (level, msg, extra) => c.log[level](extra ?? {}, msg),
    }),
  );
}
