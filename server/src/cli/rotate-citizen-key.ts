// npm run rotate-citizen-key: re-encrypts every citizen ID number (profiles, dossiers, drafts) with the first key of
// CITIZEN_DATA_KEYS (or the generated key file under DATA_DIR). The rotation procedure:
// 1. put a new key first in CITIZEN_DATA_KEYS, keeping the old ones after it (without
//    CITIZEN_DATA_KEYS so far: the generated `local1:…` line of DATA_DIR/keys/citizen-data.keys;
//    new key: `openssl rand -base64 32`), and restart the server — new values use it;
// 2. run this command (on PostgreSQL while the server serves; the embedded database must be
//    stopped first, it admits one process; run it again if interrupted);
// 3. remove the old key from CITIZEN_DATA_KEYS and restart.
import { openAndMigrate } from '../app.js';
import { loadCitizenKeys, rotateCitizenKeys } from '../modules/citizens/index.js';
import { rotateDossierPersonalIds } from '../modules/dossiers/index.js';
import { rotateDraftPersonalIds } from '../modules/portal/index.js';
import { loadConfig } from '../platform/config.js';
import { runCli } from './cli-common.js';

runCli(async () => {
  const config = loadConfig();
  const keys = loadCitizenKeys(config, (m) => console.warn(m));
  const db = await openAndMigrate(config, 'rotate-citizen-key');
  try {
    const r = await rotateCitizenKeys(db.kysely, keys);
    console.log(
      `✔ Đã mã hoá lại ${r.rotated} số CCCD bằng khoá "${r.keyId}" / re-encrypted ${r.rotated} citizen IDs with key "${r.keyId}".`,
    );
    // The same numbers sealed in dossiers and in the portal's drafts (issue 4).
    const dossiers = await rotateDossierPersonalIds(db.kysely, keys);
    const drafts = await rotateDraftPersonalIds(db.kysely, keys);
    console.log(
      `✔ Hồ sơ: ${dossiers.rotated}, hồ sơ nháp: ${drafts.rotated} / dossiers: ${dossiers.rotated}, drafts: ${drafts.rotated}.`,
    );
  } finally {
    await db.close();
  }
});
