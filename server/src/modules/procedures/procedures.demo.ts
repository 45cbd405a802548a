// Demo catalogue: 27 real commune- and city-level procedures (hộ tịch, chứng thực, đất đai,
// hộ kinh doanh, xây dựng, bảo trợ xã hội, người có công, văn hóa, y tế, giáo dục).
//
// Codes, processing times, fees and legal bases are as published in the national catalogue
// of administrative procedures (csdl.dichvucong.gov.vn) at the time of writing, from memory;
// VERIFY BEFORE PRODUCTION. Several codes (notably the land procedures re-issued under the
// Land Law 2024, and household-business, social-protection and health entries) may differ,
// fees marked "theo Nghị quyết HĐND tỉnh" vary by province, and the 1 July 2025 reform moved
// many former district-level procedures to communes. "Same day" procedures are modelled as
// 4 working hours. The seed only adds codes that are not already in force, so an
// administrator's corrections are never overwritten.
import { type ProcedureInput, ProcedureInputSchema } from '@cqs/shared/procedures/index';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { type Clock, systemClock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { businessProcedures } from './demo/business.js';
import { certificationLandProcedures } from './demo/certification-land.js';
import { civilStatusProcedures } from './demo/civil-status.js';
import { civilStatusRecordProcedures } from './demo/civil-status-records.js';
import { cultureOtherProcedures } from './demo/culture-other.js';
import { socialProcedures } from './demo/social.js';
import { proceduresRepository as repo } from './procedures.repository.js';
import { insertProcedure } from './procedures.service.js';

/** The demo procedures, validated by the same schema as the API (a bad entry fails loudly). */
export function demoProcedures(): ProcedureInput[] {
  return [
    ...civilStatusProcedures,
    ...civilStatusRecordProcedures,
    ...certificationLandProcedures,
    ...businessProcedures,
    ...socialProcedures,
    ...cultureOtherProcedures,
  ].map((p) => ProcedureInputSchema.parse(p));
}

/** Adds the demo procedures whose codes are not in force yet; returns how many it added. */
export async function seedDemoProcedures(
  db: Kysely<Database>,
  actor: Actor,
  clock: Clock = systemClock,
): Promise<number> {
  const items = demoProcedures();
  return db.transaction().execute(async (trx) => {
    const existing = await repo.findActiveByCodes(
      trx,
      items.map((p) => p.code),
    );
    const now = clock.now();
    let added = 0;
    for (const p of items) {
      if (existing.has(p.code)) continue;
      await insertProcedure(trx, actor, p, now);
      added += 1;
    }
    return added;
  });
}
