import cluster from 'node:cluster';
import { buildApp, openAndMigrate, openConfigured, SYSTEM_ACTOR } from './app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo.js';
import { loadCitizenKeys } from './modules/citizens/index.js';
import { seedDemoDocuments } from './modules/documents/index.js';
import { IdentityService } from './modules/identity/index.js';
import { auditCheckpointer } from './platform/audit/audit.jobs.js';
import { systemClock } from './platform/clock.js';
import { type Config, loadConfig } from './platform/config.js';
import type { Db, DbKind } from './platform/db/connect.js';
import { AppError } from './platform/errors.js';
import { createLogger, type Logger } from './platform/logger.js';

/** A worker that died is forked again after this delay (no busy loop if it cannot start). */
const RESTART_DELAY_MS = 1000;
/** On SIGINT/SIGTERM the primary waits this long for its workers, then kills them. */
const STOP_TIMEOUT_MS = 30_000;

/** Starts the server: database, migrations, first admin, demo data, jobs, HTTP. */
async function main() {
  const config = loadConfig(process.env, process.env.CQS_DEMO_DEFAULT === '1');
  const log = createLogger(config.logLevel);
  if (config.workers > 1) {
    if (!config.databaseUrl) {
      console.error(
        `\n✖ WORKERS=${config.workers} cần PostgreSQL (DATABASE_URL): cơ sở dữ liệu nhúng chỉ ` +
          'cho phép một tiến trình, vì vậy lần khởi động này bị từ chối. ' +
          'Hãy bỏ WORKERS (hoặc đặt WORKERS=1), hoặc đặt DATABASE_URL. ' +
          `(WORKERS=${config.workers} needs PostgreSQL (DATABASE_URL): the embedded database is ` +
          'single-process; unset WORKERS or set DATABASE_URL.)\n',
      );
      process.exit(1);
    }
    return cluster.isPrimary ? primary(config, log) : worker(config, log);
  }
  const db = await openOrExit(config);
  const { app, ctx, identity, citizenKeys } = await buildApp({ config, db, log });
  const admin = await identity.ensureAdmin(SYSTEM_ACTOR, config.adminPassword);
  if (config.demoData)
    await seedDemo(
      ctx.kysely,
      identity,
      config.publicUrl,
      citizenKeys,
      config.demoHistory ? { now: new Date() } : undefined,
    );
  if (config.demoData) await seedDemoDocuments(ctx.kysely, config, systemClock);
  // The audit head is checkpointed outside the database at start, every 5 minutes (job) and at
  // shutdown (decision 0006).
  const checkpoint = auditCheckpointer(ctx);
  // Not fatal (a read-only DATA_DIR must not stop the service), but loud: the job will retry.
  await checkpoint().catch((err) => log.error({ err }, 'audit checkpoint at start failed'));
  await ctx.jobs.start();
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(banner(config, db.kind, port, admin));
  onShutdown(log, async () => {
    await ctx.jobs.stop();
    await app.close();
    await checkpoint().catch((err) => log.error({ err }, 'audit checkpoint at shutdown failed'));
    await db.close();
  });
}

/**
 * WORKERS > 1 (PostgreSQL only): this process does the one-time work — migrations, first
 * admin, demo data — then forks the workers, which share the port (node:cluster) and each run
 * the job runner (jobs are claimed in the database, docs/decisions/0003). A worker that dies is
 * logged and forked again; SIGINT/SIGTERM stop the workers gracefully, then this process.
 */
async function primary(config: Config, log: Logger) {
  const db = await openOrExit(config);
  const identity = new IdentityService(db.kysely, systemClock);
  const admin = await identity.ensureAdmin(SYSTEM_ACTOR, config.adminPassword);
  if (config.demoData)
    await seedDemo(
      db.kysely,
      identity,
      config.publicUrl,
      loadCitizenKeys(config),
      config.demoHistory ? { now: new Date() } : undefined,
    );
  if (config.demoData) await seedDemoDocuments(db.kysely, config, systemClock);
  await auditCheckpointer({ config, db, clock: systemClock, log })().catch((err) =>
    log.error({ err }, 'audit checkpoint at start failed'),
  );
  await db.close();

  let closing = false;
  const listened = new Set<number>();
  cluster.on('listening', (w, address) => {
    if (listened.size === config.workers) return;
    listened.add(w.id);
    if (listened.size === config.workers)
      console.log(banner(config, 'postgres', address.port, admin));
  });
  cluster.on('exit', (w, code, signal) => {
    if (closing) return;
    log.error({ worker: w.process.pid, code, signal }, 'worker exited unexpectedly; restarting it');
    setTimeout(() => {
      if (!closing) cluster.fork();
    }, RESTART_DELAY_MS);
  });
  for (let i = 0; i < config.workers; i++) cluster.fork();

  onShutdown(log, async () => {
    closing = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    setTimeout(() => {
      log.error({ timeoutMs: STOP_TIMEOUT_MS }, 'workers did not stop in time; killing them');
      for (const w of workers) w.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_TIMEOUT_MS);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
  });
}

/** A cluster worker: opens the database the primary migrated, runs jobs, serves HTTP. */
async function worker(config: Config, log: Logger) {
  const db = await openConfigured(config, 'server', { warn: (m) => log.warn(m) });
  const { app, ctx } = await buildApp({ config, db, log });
  const checkpoint = auditCheckpointer(ctx);
  await ctx.jobs.start();
  await app.listen({ port: config.port, host: config.host });
  onShutdown(log, async () => {
    await ctx.jobs.stop();
    await app.close();
    await checkpoint().catch((err) => log.error({ err }, 'audit checkpoint at shutdown failed'));
    await db.close();
  });
}

/** Opens and migrates the database; an embedded data directory it cannot lock ends the process. */
async function openOrExit(config: Config): Promise<Db> {
  try {
    return await openAndMigrate(config);
  } catch (err) {
    if (err instanceof AppError && err.code.startsWith('data_dir_lock')) {
      console.error(`\n✖ ${err.detail}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** What start-up prints: URL, database, API docs, a new admin account, the demo logins. */
function banner(
  config: Config,
  kind: DbKind,
  port: number,
  admin: { created: boolean; password?: string },
): string {
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  const lines = [
    '',
    `Chính quyền số đang chạy tại / is running at: ${url}`,
    `Cơ sở dữ liệu / database: ${kind === 'pglite' ? `nhúng (PGlite) ${config.dataDir}` : 'PostgreSQL'}`,
    `Tài liệu API / API docs: ${url}/api/docs`,
  ];
  if (admin.created) {
    lines.push(
      config.adminPassword
        ? 'Tài khoản quản trị / admin account: admin (mật khẩu từ ADMIN_PASSWORD)'
        : `Tài khoản quản trị / admin account: admin / ${admin.password}  (hãy đổi ngay / change it now)`,
    );
  }
  if (config.demoData) {
    lines.push(`Tài khoản demo / demo logins (mật khẩu / password: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS)
      lines.push(`  ${a.username.padEnd(20)} ${a.role.padEnd(13)} ${a.note}`);
  }
  return lines.join('\n');
}

/** On the first SIGINT or SIGTERM: log it, run `stop`, exit 0. */
function onShutdown(log: Logger, stop: () => Promise<void>) {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  // A domain error (unreadable import file, bad configuration…) already says what to do, in
  // Vietnamese and English: print that, not a stack trace.
  if (err instanceof AppError) console.error(`\n✖ ${err.detail}\n`);
  else console.error(err);
  process.exit(1);
});
