/** Public face of the plans module (kế hoạch chuyển đổi số): what other modules may use. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { planTargets } from './plans.service.js';

export { seedDemoPlans } from './plans.demo.js';
export { plansMigrations } from './plans.migrations.js';
export { plansRoutes } from './plans.routes.js';
export type { PlansTables } from './plans.tables.js';

/** One target as the indicators module grades it, for one unit. */
export interface PlanTargetForIndicators {
  id: string;
  indicatorCode: string | null;
  comparator: '>=' | '<=' | '=';
  targetValue: number;
  stretchValue: number | null;
  baseline: number | null;
  unitOfMeasure: string;
  /** The sentence as written. */
  text: string;
  sectionCode: string;
  /** The unit the value applies to: the plan's unit, or a child unit it was assigned to. */
  unitCode: string;
}

/**
 * The plan's targets for the indicators module (issue 12 contract): each target once for the
 * plan's unit, then once per child unit it was assigned to, with that unit's value (and no
 * stretch value); null when there is no such plan. Reads the database as it is — no access
 * check: the caller (indicators) applies its own.
 */
export function getPlanTargets(
  db: Kysely<Database>,
  planId: string,
): Promise<{
  plan: { id: string; unitCode: string; year: number; title: string };
  targets: PlanTargetForIndicators[];
} | null> {
  return planTargets(db, planId);
}
