import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import { type DataKeyRing, newDataKeySpec, parseDataKeys } from './citizens.crypto.js';

// Where the citizen-data keys come from (decided here, documented in the README):
// - CITIZEN_DATA_KEYS set → those keys, always.
// - Unset, embedded database or demo data on → a key file generated once under
//   DATA_DIR/keys (mode 0600) and a warning: `npm start` on a fresh clone keeps working, and
//   the key sits beside the data it protects only on a single machine that holds both anyway.
// - Unset, DATABASE_URL set and demo data off (a real deployment) → refuse to start: the
//   database may live elsewhere and be backed up elsewhere, and several processes or hosts
//   must share one key, so a key generated on one disk would be the wrong default.

/** The key file written when no key is configured. */
export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'citizen-data.keys');
}

/** Loads the key ring for `config`, creating the local key file when allowed. */
export function loadCitizenKeys(
  config: Pick<Config, 'citizenDataKeys' | 'databaseUrl' | 'demoData' | 'dataDir'>,
  warn: (msg: string) => void = () => {},
): DataKeyRing {
  if (config.citizenDataKeys) return parseDataKeys(config.citizenDataKeys);
  if (config.databaseUrl && !config.demoData)
    throw new AppError(
      'citizen_keys_missing',
      500,
      'Chưa cấu hình CITIZEN_DATA_KEYS: với PostgreSQL (DATABASE_URL) phải có khoá mã hoá số CCCD, ' +
        'ví dụ CITIZEN_DATA_KEYS=k1:<base64 của 32 byte ngẫu nhiên> (tạo bằng: openssl rand -base64 32). ' +
        '(CITIZEN_DATA_KEYS is not set: a PostgreSQL deployment needs the key that encrypts citizen ID ' +
        'numbers, e.g. CITIZEN_DATA_KEYS=k1:$(openssl rand -base64 32).)',
    );
  const file = keyFilePath(config.dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    // Written aside, then linked into place: link() fails if another process got there
    // first, and a reader never sees a half-written file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${newDataKeySpec('local1')}\n`, { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
      warn(
        `CITIZEN_DATA_KEYS is not set: generated the key for citizen ID numbers in ${file} ` +
          '(keep it with your backups; set CITIZEN_DATA_KEYS for a real deployment)',
      );
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const spec = fs.readFileSync(file, 'utf8').trim();
  if (!spec) throw new Error(`${file} is empty: restore it from a backup or remove it`);
  return parseDataKeys(spec);
}
