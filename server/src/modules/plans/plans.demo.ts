import path from 'node:path';
import { PlanDocumentSchema } from '@cqs/shared/plans/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { systemClock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { findUnitsByCodes, importUnits } from '../org/index.js';
import { plansRepository as repo } from './plans.repository.js';
import { SEED_PLANS_DIR, seedDocuments } from './plans.seed.js';
import { createPlanAs } from './plans.service.js';

/** The units the seed plans are attached to, besides the demo city 883. */
const PLAN_UNITS = ['44', '450', '77', '753', '26668'];

/**
 * The units the seed plans belong to besides the demo city: Quảng Bình › Đồng Hới (seed 002)
 * and Bà Rịa – Vũng Tàu › Long Đất, whose 26668 was Tam Phước's code (seed 004; see
 * server/assets/seed-plans/SOURCE.md). Imported through org's public import: idempotent.
 */
export async function seedDemoPlanUnits(db: Kysely<Database>, actor: Actor): Promise<void> {
  // Known already (a second start): nothing to import.
  if ((await findUnitsByCodes(db, PLAN_UNITS)).size === PLAN_UNITS.length) return;
  await importUnits(db, actor, {
    // The two districts cut out of units-2025-03.json (SOURCE.md): parsing 63 provinces again
    // would cost the first start more than loading the plans.
    file: path.join(SEED_PLANS_DIR, 'units-seed-plans-2025-03.json'),
    province: ['44', '77'],
    district: ['450', '753'],
  });
}

/**
 * Loads the demo plans as written: Đồng Hới 2023 (targets, tasks, budget), Long Xuyên 2023
 * (its §III targets and its tasks, Mới/Chuyển tiếp) and Tam Phước 2023 (targets with stretch
 * values, tasks). Each is loaded once: a plan of the same unit, year and title is left alone.
 */
export async function seedDemoPlans(db: Kysely<Database>, actor: Actor): Promise<void> {
  await seedDemoPlanUnits(db, actor);
  for (const doc of await seedDocuments()) {
    if (await repo.findByTitle(db, doc.unitCode, doc.year, doc.title)) continue;
    await createPlanAs({ db, clock: systemClock }, actor, PlanDocumentSchema.parse(doc));
  }
}
