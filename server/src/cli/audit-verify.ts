// npm run audit:verify: recomputes the audit log's hash chain; exit 1 if it is broken.

import { verifyAuditChain } from '../platform/audit/audit.js';
import { loadConfig } from '../platform/config.js';
import { openDb } from '../platform/db/connect.js';
import { runCli } from './cli-common.js';

runCli(async () => {
  const config = loadConfig();
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    purpose: 'audit:verify',
  });
  try {
    const r = await verifyAuditChain(db.kysely);
    if (!r.ok) {
      console.error(
        `✖ Chuỗi băm nhật ký bị phá vỡ tại dòng seq=${r.firstBad?.seq}: ${r.firstBad?.reason} / audit chain broken`,
      );
      process.exitCode = 1;
      throw new Error('audit chain broken');
    }
    console.log(`✔ Nhật ký kiểm toán toàn vẹn: ${r.rows} dòng / audit log intact: ${r.rows} rows`);
  } finally {
    await db.close();
  }
});
