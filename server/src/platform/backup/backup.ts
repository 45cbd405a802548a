import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import type { AuditKey } from '../audit/audit.key.js';
import { keyedFromMessage, verifyAuditChain } from '../audit/audit.verify.js';
import { appliedMigrations } from '../db/migrations.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';

/**
 * Logical backups that work the same on PGlite and PostgreSQL (and move data from one to
 * the other): gzip'd JSON lines — a header, then for each table a marker line and one
 * `row_to_json` line per row — all read inside one REPEATABLE READ READ ONLY transaction,
 * so the file is one consistent snapshot while the server keeps working.
 */
export interface BackupHeader {
  format: 'cqs-backup';
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

// Sessions are not worth restoring (and restoring them would revive signed-out logins).
// Sessions are not worth restoring; cache generations are derived (the restore's own writes
// bump them, and every process must drop what it cached before the restore anyway).
const SKIPPED_TABLES = new Set(['session', 'cache_generation']);
const PAGE = 2000;

/** Tables of the application schema, in a stable order. */
async function appTables(db: Kysely<any>): Promise<string[]> {
  const r = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not like 'kysely\_%'
    order by table_name`.execute(db);
  return r.rows.map((x) => x.table_name).filter((t) => !SKIPPED_TABLES.has(t));
}

/** Writes a consistent backup of the whole database to `file`; returns rows per table. */
export async function createBackup(
  db: Kysely<Database>,
  file: string,
): Promise<Record<string, number>> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  const counts: Record<string, number> = {};
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      const tables = await appTables(trx);
      const header: BackupHeader = {
        format: 'cqs-backup',
        version: 1,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(trx),
        tables,
      };
      async function* lines() {
        yield `${JSON.stringify(header)}\n`;
        for (const table of tables) {
          const order = table === 'audit_log' ? sql`seq` : sql`1`;
          const n = await sql<{
            n: number;
          }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx);
          counts[table] = n.rows[0]?.n ?? 0;
          yield `${JSON.stringify({ table, rows: counts[table] })}\n`;
          for (let offset = 0; offset < counts[table]; offset += PAGE) {
            const page = await sql<{
              j: string;
            }>`select row_to_json(t)::text as j from ${sql.table(table)} t
              order by ${order} limit ${PAGE} offset ${offset}`.execute(trx);
            yield `${page.rows.map((r) => r.j).join('\n')}\n`;
          }
        }
      }
      await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(tmp));
    });
  // A crash mid-write leaves only a .partial file, never a truncated backup under the real name.
  fs.renameSync(tmp, file);
  return counts;
}

/** Reads a backup's header without loading the rest. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const rl = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
  });
  for await (const line of rl) {
    rl.close();
    const h = JSON.parse(line) as BackupHeader;
    if (h.format !== 'cqs-backup' || h.version !== 1) break;
    return h;
  }
  throw new AppError(
    'backup_invalid',
    400,
    `Tệp ${file} không phải bản sao lưu của Chính quyền số.`,
  );
}

/**
 * Loads a backup into a freshly migrated, empty database, in one transaction: either
 * everything is restored or nothing is. Foreign keys are deferrable, so tables load in any
 * order. The audit log comes back verbatim (its chain trigger is off for the load) and is then
 * verified under `key` — every row's keyed hash, every link, and the keyed-from record — so a
 * backup whose log was edited, or one restored with another key, is refused (decision 0006).
 */
export async function restoreBackup(
  db: Kysely<Database>,
  file: string,
  key: AuditKey,
): Promise<Record<string, number>> {
  const header = await readBackupHeader(file);
  const applied = await appliedMigrations(db);
  const unknown = header.migrations.filter((m) => !applied.includes(m));
  if (unknown.length > 0) {
    throw new AppError(
      'backup_newer_than_code',
      409,
      `Bản sao lưu được tạo bởi phiên bản mới hơn (thiếu migration ${unknown.join(', ')}). Hãy cập nhật phần mềm trước khi khôi phục.`,
    );
  }
  const tables = await appTables(db);
  // Rows a fresh migration writes by itself: the schedules, and where the keyed chain starts.
  const seeded = new Set(['job_schedule', 'audit_chain']);
  for (const t of tables) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(db);
    if ((r.rows[0]?.n ?? 0) > 0 && !seeded.has(t)) {
      throw new AppError(
        'restore_target_not_empty',
        409,
        `Cơ sở dữ liệu đích không trống (bảng ${t} có dữ liệu). Chỉ khôi phục vào cơ sở dữ liệu mới.`,
      );
    }
  }
  const counts: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    await sql`set constraints all deferred`.execute(trx);
    await sql`delete from job_schedule`.execute(trx);
    // Owner rights (the restore just migrated this database): the rows keep the seq and hashes
    // they were written with, and the keyed-from record is the backup's. Both triggers come
    // back on before commit; the verification below decides whether the result stands.
    await sql`alter table audit_log disable trigger audit_log_chain`.execute(trx);
    await sql`alter table audit_chain disable trigger audit_chain_no_update`.execute(trx);
    await sql`delete from audit_chain`.execute(trx);
    const rl = readline.createInterface({
      input: fs.createReadStream(file).pipe(zlib.createGunzip()),
      crlfDelay: Infinity,
    });
    let table: string | null = null;
    let batch: string[] = [];
    const flush = async () => {
      if (!table || batch.length === 0) return;
      // Only the columns the backup has: a backup from an older version lacks the columns
      // later migrations added, which then take their defaults (a NOT NULL column with a
      // default would otherwise receive NULL and refuse the restore).
      const cols = Object.keys(JSON.parse(batch[0]!) as Record<string, unknown>).map((c) =>
        sql.ref(c),
      );
      const list = sql.join(cols);
      await sql`insert into ${sql.table(table)} (${list}) overriding system value
        select ${list} from json_populate_recordset(null::${sql.table(table)}, ${`[${batch.join(',')}]`}::json)`.execute(
        trx,
      );
      counts[table] = (counts[table] ?? 0) + batch.length;
      batch = [];
    };
    let first = true;
    for await (const line of rl) {
      if (first) {
        first = false;
        continue;
      }
      if (!line) continue;
      if (line.startsWith('{"table":')) {
        await flush();
        const marker = JSON.parse(line) as { table: string; rows: number };
        if (!tables.includes(marker.table))
          throw new AppError(
            'backup_invalid',
            400,
            `Bảng ${marker.table} không có trong cơ sở dữ liệu.`,
          );
        table = marker.table;
        continue;
      }
      batch.push(line);
      if (batch.length >= 500) await flush();
    }
    await flush();
    // A backup from before the keyed chain (no audit_chain rows): its rows are all plain
    // sha256, and the chain is keyed from the next row on.
    if (!counts.audit_chain) {
      const next = await sql<{ n: number }>`
        select coalesce(max(seq), 0) + 1 as n from audit_log`.execute(trx);
      const n = Number(next.rows[0]!.n);
      await sql`insert into audit_chain (keyed_from, mac)
        values (${n}, ${key.chainMac(keyedFromMessage(n))})`.execute(trx);
    }
    await sql`alter table audit_chain enable trigger audit_chain_no_update`.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_chain`.execute(trx);
    // Identity columns continue after the restored rows.
    const ids = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and is_identity = 'YES'`.execute(trx);
    for (const c of ids.rows) {
      await sql`select setval(pg_get_serial_sequence(${c.table_name}, ${c.column_name}),
        coalesce((select max(${sql.ref(c.column_name)}) from ${sql.table(c.table_name)}), 0) + 1, false)`.execute(
        trx,
      );
    }
    const chain = await verifyAuditChain(trx, key);
    if (chain.firstBad?.kind === 'keying')
      throw new AppError(
        'backup_audit_key_mismatch',
        400,
        'Khoá chuỗi nhật ký kiểm toán không khớp bản sao lưu: khôi phục ở nơi khác cần đúng khoá của máy gốc ' +
          '(AUDIT_CHAIN_KEY, hoặc chép tệp DATA_DIR/keys/audit-chain.key của máy gốc đè lên tệp vừa tạo). Không khôi phục. ' +
          "(The audit chain key does not match the backup's: restoring elsewhere needs the original key, " +
          'AUDIT_CHAIN_KEY or the original DATA_DIR/keys/audit-chain.key copied over the one generated here. Nothing was restored.)',
      );
    if (chain.firstBad)
      throw new AppError(
        'backup_audit_mismatch',
        400,
        'Nhật ký kiểm toán trong bản sao lưu không khớp chuỗi băm; bản sao lưu có thể đã bị sửa. Không khôi phục. ' +
          `${chain.firstBad.message}`,
      );
  });
  return counts;
}

/** Backup file name for an instant, sortable by time. */
export function backupFileName(at: Date): string {
  return `cqs-backup-${at.toISOString().replace(/[:.]/g, '-')}.jsonl.gz`;
}

/** Deletes all but the newest `keep` backups in a directory. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^cqs-backup-.*\.jsonl\.gz$/.test(f))
    .sort();
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const f of old) fs.rmSync(path.join(dir, f));
  return old;
}
