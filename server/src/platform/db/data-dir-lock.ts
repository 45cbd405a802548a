import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.js';

/** The file whose kernel lock IS the lock. Never deleted: see the class comment. */
export const LOCK_FILE = 'data-dir.lock';
/** Who holds the lock, written by the holder once it has the lock, removed on release. */
export const HOLDER_FILE = 'data-dir.lock.json';

/** What the holder records about itself, for the message a refused process prints. */
export interface LockHolder {
  pid: number;
  purpose: string;
  /** A pid alone means nothing from another container or machine; the host name does. */
  host: string;
  since: string;
  /** The path the holder opened the directory through (another mount may show another). */
  path: string;
}

/** The part of `fs-native-extensions` we use (Apache-2.0, prebuilt for Linux, macOS, Windows). */
interface NativeLock {
  tryLock(fd: number): boolean;
  unlock(fd: number): void;
}

const NOTE =
  'Tệp khóa của thư mục dữ liệu. Đừng xóa: khóa là khóa của hệ điều hành trên tệp này, ' +
  'không phải sự tồn tại của tệp; tệp còn lại sau khi tiến trình dừng không khóa gì.\n' +
  'Data-directory lock file. Do not delete it: the lock is the kernel lock on this file, ' +
  'not its existence; a file left by a stopped process locks nothing.\n';

/**
 * An exclusive lock on a data directory, held by the kernel on a file inside it.
 *
 * Why: two processes opening one PGlite directory silently corrupt it (duplicate primary
 * keys and dossier codes, broken indexes, lost commits, the SMS outbox sent twice were
 * observed). PGlite itself does not check postmaster.pid, so we must.
 *
 * How: we open `<dir>/data-dir.lock` and take an exclusive, non-blocking kernel lock on it
 * (`fs-native-extensions`: open-file-description `fcntl` locks on Linux, `flock` on macOS,
 * `LockFileEx` on Windows). The lock belongs to the file (its inode), not to the path
 * string, so the same directory reached through a symlink, a bind mount or a volume shared
 * with another container on the same kernel is locked out all the same. The kernel drops
 * the lock when the process dies, even on SIGKILL, so a crashed owner never blocks a
 * restart and there is no stale lock to clear by hand.
 *
 * The lock file is never deleted: a process that deleted and re-created it would lock a new
 * inode while the holder keeps the old one, and both would run. `data-dir.lock.json` beside
 * it names the holder (pid, purpose, host name, since when, its path) for the message; it
 * is advisory only. Not for network file systems (SMB, NFS), whose locks are not reliable.
 */
export class DataDirLock {
  private released = false;

  private constructor(
    private readonly fd: number,
    private readonly holderFile: string,
  ) {}

  /** Takes the lock or throws `data_dir_locked` with a message naming the holder. */
  static async acquire(dataDir: string, purpose = 'server'): Promise<DataDirLock> {
    fs.mkdirSync(dataDir, { recursive: true });
    const dir = fs.realpathSync(dataDir);
    const lock = nativeLock(dir);
    // 'a+' creates the file if needed, never truncates, and opens it for writing, which a
    // write lock requires on POSIX systems.
    const fd = fs.openSync(path.join(dir, LOCK_FILE), 'a+');
    let locked: boolean;
    try {
      locked = lock.tryLock(fd);
    } catch (err) {
      fs.closeSync(fd);
      throw unavailable(dir, err);
    }
    if (!locked) {
      fs.closeSync(fd);
      throw lockedError(dir, await readHolder(dir));
    }
    const holderFile = path.join(dir, HOLDER_FILE);
    try {
      if (fs.fstatSync(fd).size === 0) fs.writeSync(fd, NOTE);
      const holder: LockHolder = {
        pid: process.pid,
        purpose,
        host: os.hostname(),
        since: new Date().toISOString(),
        path: path.resolve(dataDir),
      };
      // Written whole then renamed, so a refused process never reads half a record.
      fs.writeFileSync(`${holderFile}.tmp`, JSON.stringify(holder));
      fs.renameSync(`${holderFile}.tmp`, holderFile);
    } catch (err) {
      lock.unlock(fd);
      fs.closeSync(fd);
      throw err;
    }
    return new DataDirLock(fd, holderFile);
  }

  /** Releases the lock (the kernel also releases it when the process exits). */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    // Remove the record while still holding the lock, so it never erases a successor's.
    fs.rmSync(this.holderFile, { force: true });
    try {
      loaded?.unlock(this.fd);
    } finally {
      fs.closeSync(this.fd);
    }
  }
}

let loaded: NativeLock | undefined;

/** Loads the native lock lazily, so a platform without a prebuilt binary gets a clear message. */
function nativeLock(dir: string): NativeLock {
  try {
    loaded ??= createRequire(import.meta.url)('fs-native-extensions') as NativeLock;
    return loaded;
  } catch (err) {
    throw unavailable(dir, err);
  }
}

/** Reads the holder's record; retried briefly, as a new holder writes it just after locking. */
async function readHolder(dir: string): Promise<LockHolder | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const record = JSON.parse(fs.readFileSync(path.join(dir, HOLDER_FILE), 'utf8'));
      if (record && typeof record.pid === 'number') return record as LockHolder;
    } catch {
      // absent or being replaced: try again
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

/** The refusal: who holds the directory, where, since when, in Vietnamese then English. */
function lockedError(dir: string, holder: LockHolder | undefined): AppError {
  const vi = holder
    ? `tiến trình ${holder.pid} (${holder.purpose}) trên máy ${holder.host}, ` +
      `từ ${vietnameseTime(holder.since)}, mở qua đường dẫn ${holder.path}`
    : 'không rõ tiến trình nào: chưa có bản ghi người giữ khóa';
  const en = holder
    ? `pid ${holder.pid} (${holder.purpose}) on host ${holder.host}, since ${holder.since}, ` +
      `opened as ${holder.path}`
    : 'holder unknown';
  return new AppError(
    'data_dir_locked',
    409,
    `Thư mục dữ liệu ${dir} đang được một tiến trình khác sử dụng (${vi}). ` +
      'Hai tiến trình cùng mở một cơ sở dữ liệu nhúng sẽ làm hỏng dữ liệu, vì vậy lần khởi động này bị từ chối. ' +
      'Hãy dừng tiến trình kia, hoặc đặt DATA_DIR khác. ' +
      `(The data directory is in use by another process: ${en}; refusing to open it.)`,
    { holder },
  );
}

/** The file system or platform offers no kernel lock: refuse rather than run unprotected. */
function unavailable(dir: string, err: unknown): AppError {
  const reason = err instanceof Error ? err.message : String(err);
  return new AppError(
    'data_dir_lock_unavailable',
    500,
    `Không khóa được thư mục dữ liệu ${dir} (${reason}). Nếu hai tiến trình cùng mở cơ sở dữ liệu nhúng, dữ liệu sẽ hỏng, ` +
      'vì vậy lần khởi động này bị từ chối. Hãy đặt DATA_DIR trên ổ đĩa cục bộ, hoặc dùng PostgreSQL (DATABASE_URL). ' +
      `(Cannot lock the data directory: ${reason}. Put DATA_DIR on a local disk, or use PostgreSQL.)`,
  );
}

/** dd/mm/yyyy HH:mm:ss in Vietnam's time zone; the ISO string if it does not parse. */
function vietnameseTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}
