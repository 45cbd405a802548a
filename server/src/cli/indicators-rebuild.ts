// npm run indicators:rebuild [-- --indicator <code> …]: recomputes the indicators' rollups
// from the facts (issue 12 deliver 4) — every computed indicator, or the ones named — after
// folding whatever is still queued. The numbers must not change: the follower keeps them
// exact; this is for a changed definition, a restored database or an audit of that claim.
// On the embedded database the server must be stopped first (one process per DATA_DIR).
import { openAndMigrate } from '../app.js';
import {
  drainFacts,
  rebuildIndicators,
  syncIndicatorLibrary,
} from '../modules/indicators/index.js';
import { loadConfig } from '../platform/config.js';
import { parseArgs, runCli } from './cli-common.js';

runCli(async () => {
  const { values } = parseArgs({
    options: { indicator: { type: 'string', multiple: true } },
  });
  const db = await openAndMigrate(loadConfig(), 'indicators:rebuild');
  try {
    await syncIndicatorLibrary(db.kysely);
    const folded = await drainFacts(db.kysely);
    const started = Date.now();
    const r = await rebuildIndicators(db.kysely, { indicators: values.indicator });
    console.log(
      `✔ Đã tính lại ${r.indicators} chỉ tiêu từ ${r.subjects} đối tượng trong ${Date.now() - started} ms ` +
        `(trước đó gộp ${folded} thay đổi đang chờ) / rebuilt ${r.indicators} indicators from ` +
        `${r.subjects} subjects (${folded} queued changes folded first)`,
    );
  } finally {
    await db.close();
  }
});
