// npm run backup [-- --out <file>]: a consistent backup of the configured database.
import path from 'node:path';
import { openAndMigrate } from '../app.js';
import { backupDir } from '../platform/backup/backup.jobs.js';
import { backupFileName, createBackup } from '../platform/backup/backup.js';
import { loadConfig } from '../platform/config.js';
import { parseArgs, runCli } from './cli-common.js';

runCli(async () => {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig();
  const file = path.resolve(values.out ?? path.join(backupDir(config), backupFileName(new Date())));
  const db = await openAndMigrate(config, 'backup');
  try {
    const counts = await createBackup(db.kysely, file);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `✔ Đã sao lưu ${rows} dòng của ${Object.keys(counts).length} bảng vào / backed up to: ${file}`,
    );
  } finally {
    await db.close();
  }
});
