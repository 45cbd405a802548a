import { buildApp, openAndMigrate, SYSTEM_ACTOR } from './app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo.js';
import { loadConfig } from './platform/config.js';
import { AppError } from './platform/errors.js';
import { createLogger } from './platform/logger.js';

/** Starts the server: database, migrations, first admin, demo data, jobs, HTTP. */
async function main() {
  const config = loadConfig(process.env, process.env.CQS_DEMO_DEFAULT === '1');
  const log = createLogger(config.logLevel);
  let db: Awaited<ReturnType<typeof openAndMigrate>>;
  try {
    db = await openAndMigrate(config);
  } catch (err) {
    if (err instanceof AppError && err.code === 'data_dir_locked') {
      console.error(`\n✖ ${err.detail}\n`);
      process.exit(1);
    }
    throw err;
  }
  const { app, ctx, identity } = await buildApp({ config, db, log });
  const admin = await identity.ensureAdmin(SYSTEM_ACTOR, config.adminPassword);
  if (config.demoData) await seedDemo(ctx.kysely, identity);
  await ctx.jobs.start();
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  const lines = [
    '',
    `Chính quyền số đang chạy tại / is running at: ${url}`,
    `Cơ sở dữ liệu / database: ${db.kind === 'pglite' ? `nhúng (PGlite) ${config.dataDir}` : 'PostgreSQL'}`,
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
  console.log(lines.join('\n'));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    await ctx.jobs.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
