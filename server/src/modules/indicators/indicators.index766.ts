// The 766 index of a unit for a period (regulations.md §5): reads the sub-indicators' values
// from the engine and scores them with the stored setting (or the shipped default).

import {
  DEFAULT_INDEX766,
  type Index766Result,
  type Index766Setting,
  index766SettingProblems,
  index766Sources,
  scoreIndex766,
} from '@cqs/shared/indicators/index766';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { ValidationError } from '../../platform/errors.js';
import { scoringRepository as repo } from './indicators.scoring.repository.js';
import type { ValueSource } from './indicators.scoring.sources.js';

export interface StoredIndex766Setting extends Index766Setting {
  isDefault: boolean;
  updatedAt: string | null;
}

/** The stored setting, or the shipped default when none was saved. */
export async function index766Setting(db: Kysely<Database>): Promise<StoredIndex766Setting> {
  const row = await repo.index766Setting(db);
  if (!row) return { ...DEFAULT_INDEX766, isDefault: true, updatedAt: null };
  return {
    groups: (row.setting as Index766Setting).groups,
    isDefault: false,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Replaces the setting (system administrator), audited in the same transaction. */
export async function saveIndex766Setting(
  db: Kysely<Database>,
  actor: Actor,
  setting: Index766Setting,
): Promise<StoredIndex766Setting> {
  const problems = index766SettingProblems(setting);
  if (problems.length > 0) {
    throw new ValidationError(
      'Thiết lập chỉ số 766 không hợp lệ.',
      problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
    );
  }
  return db.transaction().execute(async (trx) => {
    const before = await repo.index766Setting(trx);
    await repo.saveIndex766Setting(trx, { groups: setting.groups }, actor.id);
    await recordAudit(trx, actor, {
      action: 'indicators.index766_setting.replace',
      entityType: 'index766_setting',
      entityId: 'current',
      before: before?.setting ?? { default: true },
      after: { groups: setting.groups },
    });
    return index766Setting(trx);
  });
}

/** The unit's 766 index for the period: every source indicator read once, then scored. */
export async function index766For(
  values: ValueSource,
  setting: Index766Setting,
  unitCode: string,
  period: string,
): Promise<Index766Result> {
  const rates = new Map<string, number | null>();
  const sources = index766Sources(setting);
  if (values.several) {
    const all = await values.several({ indicators: sources, unitCode, period });
    for (const indicator of sources) rates.set(indicator, all.get(indicator)?.value ?? null);
  } else
    for (const indicator of sources)
      rates.set(indicator, (await values.value({ indicator, unitCode, period })).value);
  return scoreIndex766(setting, rates);
}
