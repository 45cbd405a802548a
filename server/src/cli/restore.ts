// npm run restore -- <file> [--force]: restores a backup.
// Embedded: into a new data directory, then swapped in (the old one is kept beside it).
// PostgreSQL: into an empty database; --force first drops and recreates the schema.
import fs from 'node:fs';
import { sql } from 'kysely';

import {
  type AuditHead,
  appendCheckpoint,
  auditHead,
  checkpointFilePath,
  signCheckpoint,
} from '../platform/audit/audit.checkpoint.js';
import type { AuditKey } from '../platform/audit/audit.key.js';
import { loadAuditKey } from '../platform/audit/audit.key.js';
import { readBackupHeader, restoreBackup } from '../platform/backup/backup.js';
import { type Config, loadConfig } from '../platform/config.js';
import { openDb, pgliteDir } from '../platform/db/connect.js';
import { DataDirLock } from '../platform/db/data-dir-lock.js';
import { migrateToLatest } from '../platform/db/migrations.js';
import { openPglite } from '../platform/db/pglite-durable.js';
import { parseArgs, runCli } from './cli-common.js';

runCli(async () => {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || !fs.existsSync(file))
    throw new Error('Cách dùng / usage: npm run restore -- <tệp sao lưu / backup file> [--force]');
  const header = await readBackupHeader(file);
  const config = loadConfig();
  // The chain is verified under this key: restoring elsewhere needs the original one.
  const key = loadAuditKey(config, (m) => console.warn(m));
  if (config.databaseUrl) {
    const db = await openDb({ databaseUrl: config.databaseUrl, poolSize: 1, auditKey: key });
    try {
      if (values.force) {
        await sql`drop schema public cascade`.execute(db.kysely);
        await sql`create schema public`.execute(db.kysely);
      }
      await migrateToLatest(db.kysely);
      const counts = await restoreBackup(db.kysely, file, key);
      report(counts, header.createdAt);
      markRestore(config, key, await auditHead(db.kysely));
    } finally {
      await db.close();
    }
    return;
  }
  // Embedded: hold the data-directory lock for the whole swap.
  const lock = await DataDirLock.acquire(config.dataDir, 'restore');
  const live = pgliteDir(config.dataDir);
  const staging = `${live}.restoring`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    const engine = await openPglite(staging, true);
    const db = await openDb({ pglite: engine, auditKey: key });
    let head: AuditHead;
    try {
      await migrateToLatest(db.kysely);
      const counts = await restoreBackup(db.kysely, file, key);
      report(counts, header.createdAt);
      head = await auditHead(db.kysely);
    } finally {
      await db.close();
      await engine.close();
    }
    if (fs.existsSync(live)) {
      const kept = `${live}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(live, kept);
      console.log(`  Dữ liệu cũ được giữ tại / previous data kept at: ${kept}`);
    }
    fs.renameSync(staging, live);
    markRestore(config, key, head);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  } finally {
    await lock.release();
  }
});

/**
 * Appends a signed restore line to the checkpoint file: the audit history before it was
 * replaced by the backup's, so the verifier stops comparing with the older checkpoints
 * (rows written after the backup are gone, and it says so until now).
 */
function markRestore(config: Config, key: AuditKey, head: AuditHead) {
  const line = signCheckpoint(
    key,
    { seq: head.seq, hash: head.hash, keyedFrom: head.keyedFrom ?? 1 },
    new Date(),
    true,
  );
  appendCheckpoint(checkpointFilePath(config.dataDir), line);
  console.log(
    `  Mốc kiểm tra nhật ký sau khôi phục: seq=${head.seq} / audit checkpoint after the restore: seq ${head.seq}`,
  );
}

function report(counts: Record<string, number>, createdAt: string) {
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(
    `✔ Đã khôi phục ${rows} dòng từ bản sao lưu lúc ${createdAt} / restored ${rows} rows.`,
  );
}
