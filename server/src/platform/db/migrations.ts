import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { calendarMigrations } from '../../modules/calendar/calendar.migrations.js';
import { citizensMigrations } from '../../modules/citizens/citizens.migrations.js';
import { documentsMigrations } from '../../modules/documents/documents.migrations.js';
import { dossiersMigrations } from '../../modules/dossiers/dossiers.migrations.js';
import { feedbackMigrations } from '../../modules/feedback/feedback.migrations.js';
import { identityMigrations } from '../../modules/identity/identity.migrations.js';
import { indicatorsMigrations } from '../../modules/indicators/indicators.migrations.js';
import { indicatorsScoringMigrations } from '../../modules/indicators/indicators.scoring.migrations.js';
import { notificationsMigrations } from '../../modules/notifications/notifications.migrations.js';
import { orgMigrations } from '../../modules/org/org.migrations.js';
import { paymentsMigrations } from '../../modules/payments/payments.migrations.js';
import { plansMigrations } from '../../modules/plans/plans.migrations.js';
import { portalMigrations } from '../../modules/portal/portal.migrations.js';
import { proceduresMigrations } from '../../modules/procedures/procedures.migrations.js';
import { open311Migrations } from '../../modules/reports/open311/open311.migrations.js';
import { reportsMigrations } from '../../modules/reports/reports.migrations.js';
import { signaturesMigrations } from '../../modules/signatures/signatures.migrations.js';
import { tasksMigrations } from '../../modules/tasks/tasks.migrations.js';
import { platformMigrations } from './platform.migrations.js';

/** All migrations; names start with a number that orders them across modules. */
export function allMigrations(): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const set of [
    platformMigrations,
    orgMigrations,
    identityMigrations,
    calendarMigrations,
    proceduresMigrations,
    dossiersMigrations,
    notificationsMigrations,
    reportsMigrations,
    open311Migrations,
    citizensMigrations,
    paymentsMigrations,
    feedbackMigrations,
    portalMigrations,
    indicatorsScoringMigrations,
    plansMigrations,
    tasksMigrations,
    documentsMigrations,
    indicatorsMigrations,
    signaturesMigrations,
  ]) {
    for (const [name, m] of Object.entries(set)) {
      if (all[name]) throw new Error(`duplicate migration name ${name}`);
      all[name] = m;
    }
  }
  return all;
}

const provider: MigrationProvider = { getMigrations: async () => allMigrations() };

// Each module numbers its migrations in its own range (docs/architecture.md), so a module's
// new migration can sort before another module's older one that a database already has;
// Kysely's default would refuse such a database as "corrupted". Migrations of different
// modules touch different tables, so applying a missing one out of order is safe.

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of the migrations applied to this database, in order. */
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  return (await migrator.getMigrations()).filter((m) => m.executedAt).map((m) => m.name);
}
