/** Public face of the indicators module (chỉ tiêu, issue 12): what other modules may use. */

import { parsePeriod } from '@cqs/shared/indicators/period';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { getPlanTargets } from '../plans/index.js';
import { startIndicatorFollower, syncLibraryAndRebuild } from './indicators.follower.js';
import { followFactsWhileListening } from './indicators.routes.js';
import { indicatorsScoringRoutes } from './indicators.scoring.routes.js';
import {
  indicatorSeries,
  indicatorValue,
  indicatorValues,
  indicatorValuesOfUnit,
} from './indicators.values.js';

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
export { indicatorsScoringMigrations } from './indicators.scoring.migrations.js';
export type { IndicatorsScoringTables } from './indicators.scoring.tables.js';
export { IndicatorsService } from './indicators.service.js';
export {
  indicatorSeries,
  indicatorValue,
  indicatorValues,
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
    // INDICATORS_FOLLOWER=0 (benchmarks only): facts queue up, values stay as they were.
    (c) =>
      c.config.indicatorsFollower
        ? startIndicatorFollower(c.kysely, { log })
        : { stop: async () => {} },
  );
}

/**
 * Grades, the 766 index, rankings and trends over the engine's values and the plans' targets
 * (plans sits below indicators in style.md's layers, so this module reads them through the
 * plans module's index). Series months (`YYYYMM`) become the engine's first and last days.
 */
export function indicatorsScoringPlugin(ctx: AppContext) {
  const db = ctx.kysely;
  const day = (month: string, end: boolean) => {
    const p = parsePeriod(month);
    if (!p) throw new Error(`not a month period: ${month}`);
    return end ? p.last : p.first;
  };
  return indicatorsScoringRoutes(ctx, {
    values: {
      value: (q) => indicatorValue(db, q),
      many: (q) => indicatorValues(db, q),
      several: (q) => indicatorValuesOfUnit(db, q),
      series: (q) =>
        indicatorSeries(db, {
          indicator: q.indicator,
          unitCode: q.unitCode,
          from: day(q.from, false),
          to: day(q.to, true),
          grain: 'month',
        }),
    },
    plans: { planTargets: (id) => getPlanTargets(db, id) },
  });
}
