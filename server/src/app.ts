import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { calendarRoutes } from './modules/calendar/index.js';
import {
  CitizenService,
  type ConsentPurpose,
  citizensRoutes,
  type DataKeyRing,
  hasConsent,
  loadCitizenKeys,
} from './modules/citizens/index.js';
import { documentService, documentsJobs, documentsRoutes } from './modules/documents/index.js';
import {
  checkCodePattern,
  DossierService,
  dossiersJobs,
  dossiersRoutes,
  notifyViaOutbox,
  ownedDossierVisibleTo,
} from './modules/dossiers/index.js';
import { feedbackJobs, feedbackRoutes } from './modules/feedback/index.js';
import {
  authenticationPlugin,
  IdentityService,
  identityJobs,
  identityRoutes,
} from './modules/identity/index.js';
import {
  indicatorsLifecycle,
  indicatorsRoutes,
  indicatorsScoringPlugin,
} from './modules/indicators/index.js';
import { createAdaptersFromConfig, notificationsJobs } from './modules/notifications/index.js';
import { orgRoutes } from './modules/org/index.js';
import { paymentStatusOf, paymentsRoutes } from './modules/payments/index.js';
import { plansRoutes } from './modules/plans/index.js';
import { PortalService, portalDataSections, portalRoutes } from './modules/portal/index.js';
import { proceduresRoutes } from './modules/procedures/index.js';
import {
  open311Routes,
  ReportService,
  reportsJobs,
  reportsRoutes,
} from './modules/reports/index.js';
import { signaturesRoutes } from './modules/signatures/index.js';
import { TaskService, tasksJobs, tasksRoutes } from './modules/tasks/index.js';
import { SYSTEM_ACTOR } from './platform/actor.js';
import { auditJobs } from './platform/audit/audit.jobs.js';
import { loadAuditKey } from './platform/audit/audit.key.js';
import { backupJobs } from './platform/backup/backup.jobs.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { AppContext } from './platform/context.js';
import { type Db, openDb } from './platform/db/connect.js';
import { migrateToLatest } from './platform/db/migrations.js';
import { FileStore } from './platform/files/file-store.js';
import { adminRoutes } from './platform/http/admin.routes.js';
import { createServer } from './platform/http/create-server.js';
import { mapSettingsRoutes } from './platform/http/map-settings.routes.js';
import type { JobDefinition } from './platform/jobs/job-definition.js';
import { JobRunner } from './platform/jobs/job-runner.js';
import { maintenanceJobs } from './platform/jobs/maintenance.jobs.js';
import { createLogger, type Logger } from './platform/logger.js';
import { SigningSetup } from './platform/signatures/index.js';

/** Every background job of every module; start-up refuses queued jobs without a handler. */
export function allJobs(ctx: {
  config: Config;
  clock: Clock;
  db: Db;
  dossiers: DossierService;
  reports: ReportService;
  log: Logger;
}): JobDefinition<any>[] {
  const adapters = createAdaptersFromConfig(
    {
      SMTP_URL: ctx.config.smtpUrl,
      SMTP_FROM: ctx.config.smtpFrom,
      SMS_GATEWAY_URL: ctx.config.smsGatewayUrl,
      SMS_GATEWAY_TOKEN: ctx.config.smsGatewayToken,
    },
    (msg, f) => ctx.log.info(f ?? {}, msg),
  );
  return [
    ...notificationsJobs({
      ...adapters,
      clock: ctx.clock,
      log: (msg, f) => ctx.log.warn(f ?? {}, msg),
    }),
    ...maintenanceJobs(),
    ...identityJobs(ctx.clock),
    ...backupJobs(ctx.config, ctx.db),
    ...auditJobs(ctx),
    ...dossiersJobs(ctx.dossiers, { dueSoonHours: ctx.config.dossierDueSoonHours }),
    ...reportsJobs(ctx.reports),
    ...feedbackJobs(ctx.clock),
    ...tasksJobs(new TaskService({ db: ctx.db.kysely, clock: ctx.clock }), {
      publicUrl: ctx.config.publicUrl,
    }),
    ...documentsJobs(ctx.config),
  ];
}

export interface BuiltApp {
  app: FastifyInstance;
  ctx: AppContext;
  identity: IdentityService;
  /** The citizen-data keys (CITIZEN_DATA_KEYS or the generated key file), loaded once. */
  citizenKeys: DataKeyRing;
}

/** Wires platform and modules into one HTTP app over an open database (no listening yet). */
export async function buildApp(opts: {
  config: Config;
  db: Db;
  clock?: Clock;
  log?: Logger;
}): Promise<BuiltApp> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger(opts.config.logLevel);
  const kysely = opts.db.kysely;
  checkCodePattern(opts.config.dossierCodePattern);
  // One key ring for the citizen ID numbers of profiles and dossiers (CITIZEN_DATA_KEYS).
  const citizenKeys = loadCitizenKeys(opts.config, (m) => log.warn(m));
  const dossiers = new DossierService({
    db: kysely,
    personalIds: citizenKeys,
    clock,
    codePattern: opts.config.dossierCodePattern,
    publicUrl: opts.config.publicUrl,
    notify: notifyViaOutbox(opts.config.publicUrl, clock),
    // Payments sits beside dossiers (style.md layers): the fee fact is passed in, not imported.
    feeStatus: paymentStatusOf,
    // Forms 01–06 and approved results are signed as official documents are (issue 13).
    signing: new SigningSetup({ dataDir: opts.config.dataDir, ...opts.config.signing }),
    store: new FileStore(path.join(opts.config.dataDir, 'files')),
  });
  const reports = new ReportService({
    db: kysely,
    clock,
    publicUrl: opts.config.publicUrl,
    duplicateRadiusM: opts.config.reportDuplicateRadiusM,
    reopenWindowDays: opts.config.reportReopenWindowDays,
  });
  const jobs = new JobRunner(
    kysely,
    allJobs({ config: opts.config, clock, db: opts.db, dossiers, reports, log }),
    {
      log: (level, msg, extra) => log[level](extra ?? {}, msg),
    },
  );
  const ctx: AppContext = { config: opts.config, db: opts.db, kysely, clock, jobs, log };
  const identity = new IdentityService(kysely, clock);
  const app = await createServer(ctx);
  await app.register(authenticationPlugin, { identity, publicUrl: opts.config.publicUrl });
  await app.register(identityRoutes(ctx, identity), { prefix: '/api/v1' });
  await app.register(orgRoutes(ctx), { prefix: '/api/v1' });
  await app.register(proceduresRoutes(ctx), { prefix: '/api/v1' });
  await app.register(calendarRoutes(ctx), { prefix: '/api/v1' });
  await app.register(dossiersRoutes(ctx, dossiers), { prefix: '/api/v1' });
  await app.register(reportsRoutes(ctx, reports), { prefix: '/api/v1' });
  // Open311 GeoReport v2 at /open311/v2, its client keys at /api/v1/open311/clients.
  await app.register(open311Routes(ctx, reports));
  // The citizen portal (issue 4): accounts, payments, ratings and petitions.
  // One CitizenService for the citizens' routes and the portal's prefill; the portal adds its
  // data store, drafts and submissions to the citizen's export and deletion.
  const citizens = new CitizenService({
    db: kysely,
    clock,
    keys: citizenKeys,
    sections: portalDataSections(citizenKeys),
    // Staff read a citizen's profile only through a dossier of theirs in the staff's units.
    dossierBasis: ownedDossierVisibleTo,
  });
  await app.register(citizensRoutes(ctx, citizens), { prefix: '/api/v1' });
  await app.register(paymentsRoutes(ctx, dossiers), { prefix: '/api/v1' });
  await app.register(feedbackRoutes(ctx), { prefix: '/api/v1' });
  // Plans (kế hoạch chuyển đổi số, issue 12): targets, tasks as written, budget, assignments.
  await app.register(plansRoutes(ctx), { prefix: '/api/v1' });
  await app.register(portalRoutes(portalService(ctx, dossiers, citizens, citizenKeys)), {
    prefix: '/api/v1',
  });
  await app.register(tasksRoutes(ctx, new TaskService({ db: kysely, clock })), {
    prefix: '/api/v1',
  });
  // Official documents (văn bản, issue 13): incoming, outgoing, handling, signatures, edXML.
  await app.register(documentsRoutes(ctx, documentService(ctx)), { prefix: '/api/v1' });
  // Signature and seal images drawn by visible signatures (documents, dossier forms).
  await app.register(signaturesRoutes(ctx), { prefix: '/api/v1' });
  await app.register(adminRoutes(ctx), { prefix: '/api/v1' });
  await app.register(mapSettingsRoutes(ctx), { prefix: '/api/v1' });
  // Indicators (issue 12): definitions, values, live stream; the fact follower runs while listening.
  await app.register(indicatorsRoutes(ctx), { prefix: '/api/v1' });
  await app.register(indicatorsScoringPlugin(ctx), { prefix: '/api/v1' });
  indicatorsLifecycle(app, ctx);
  return { app, ctx, identity, citizenKeys };
}

/** The citizen's portal: drafts, data store and submission, over the dossiers and citizens modules. */
function portalService(
  ctx: AppContext,
  dossiers: DossierService,
  profiles: CitizenService,
  keys: DataKeyRing,
): PortalService {
  return new PortalService({
    db: ctx.kysely,
    clock: ctx.clock,
    dossiers,
    store: new FileStore(path.join(ctx.config.dataDir, 'files')),
    citizens: {
      hasConsent: (db, userId, purpose) => hasConsent(db, userId, purpose as ConsentPurpose),
      profileOf: (actor) => profiles.ownProfile(actor),
    },
    keys,
  });
}

/**
 * Opens the database named by the configuration, its sessions given the audit chain key
 * (AUDIT_CHAIN_KEY or the key file, generated where allowed): every path that may write audit
 * rows opens the database through here or passes the key itself.
 */
export async function openConfigured(
  config: Config,
  purpose = 'server',
  opts: { warn?: (msg: string) => void; createKey?: boolean } = {},
): Promise<Db> {
  return openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    purpose,
    durable: config.dbFsync,
    auditKey: loadAuditKey(config, opts.warn ?? ((m) => console.warn(m)), opts.createKey ?? true),
  });
}

/** Opens the database named by the configuration and brings its schema up to date. */
export async function openAndMigrate(config: Config, purpose = 'server'): Promise<Db> {
  const db = await openConfigured(config, purpose);
  try {
    await migrateToLatest(db.kysely);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

export { SYSTEM_ACTOR };
