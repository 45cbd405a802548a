// npm run migrate: brings the configured database's schema up to date.

import { loadConfig } from '../platform/config.js';
import { openDb } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrations.js';
import { runCli } from './cli-common.js';

runCli(async () => {
  const config = loadConfig();
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    purpose: 'migrate',
  });
  try {
    const done = await migrateToLatest(db.kysely);
    console.log(
      done.length
        ? `✔ Đã chạy / applied: ${done.join(', ')}`
        : '✔ Lược đồ đã mới nhất / schema is up to date',
    );
  } finally {
    await db.close();
  }
});
