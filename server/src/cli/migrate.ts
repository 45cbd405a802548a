// npm run migrate: brings the configured database's schema up to date.

import { openConfigured } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { migrateToLatest } from '../platform/db/migrations.js';
import { runCli } from './cli-common.js';

runCli(async () => {
  const config = loadConfig();
  // The key too: a migration may write audit rows, and 0004 records where the keyed chain starts.
  const db = await openConfigured(config, 'migrate');
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
