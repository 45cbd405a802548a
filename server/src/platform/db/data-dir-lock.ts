import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { AppError } from '../errors.js';

/**
 * An exclusive, OS-level lock on a data directory.
 *
 * Why: two processes opening one PGlite directory silently corrupt it (duplicate primary
 * keys, broken indexes, lost commits were observed). PGlite itself does not check
 * postmaster.pid, so we must.
 *
 * How: we bind a local socket whose name is derived from the directory's real path. Binding
 * is atomic in the kernel and the name is released when the process dies, even on SIGKILL
 * or power loss, so there is no stale lock to clean up:
 *  - Linux: an abstract-namespace Unix socket (no file on disk);
 *  - Windows: a named pipe;
 *  - other systems: a socket file inside the directory; a file left by a dead process is
 *    detected (connection refused) and replaced.
 * A `server.lock` file beside it records who holds the lock, for the error message only.
 */
export class DataDirLock {
  private constructor(
    private readonly server: net.Server,
    private readonly infoFile: string,
  ) {}

  /** Takes the lock or throws `data_dir_locked` with the holder's pid in a clear message. */
  static async acquire(dataDir: string, purpose = 'server'): Promise<DataDirLock> {
    fs.mkdirSync(dataDir, { recursive: true });
    const real = fs.realpathSync(dataDir);
    const address = lockAddress(real);
    const infoFile = path.join(real, 'server.lock');
    const server = await listenOrExplain(address, infoFile, real);
    fs.writeFileSync(
      infoFile,
      JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }),
    );
    return new DataDirLock(server, infoFile);
  }

  /** Releases the lock (also released by the OS when the process exits). */
  async release(): Promise<void> {
    try {
      fs.rmSync(this.infoFile, { force: true });
    } catch {
      // the info file is advisory only
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function lockAddress(realDir: string): string {
  const hash = createHash('sha256').update(realDir).digest('hex').slice(0, 32);
  if (process.platform === 'linux') return `\0chinh-quyen-so-${hash}`;
  if (process.platform === 'win32') return `\\\\.\\pipe\\chinh-quyen-so-${hash}`;
  return path.join(realDir, '.lock.sock');
}

async function listenOrExplain(
  address: string,
  infoFile: string,
  dir: string,
): Promise<net.Server> {
  try {
    return await listen(address);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    // A socket file from a dead process (non-Linux, non-Windows): replace it if nobody answers.
    if (!address.startsWith('\0') && !address.startsWith('\\\\') && !(await answers(address))) {
      fs.rmSync(address, { force: true });
      return listen(address);
    }
    let holder = '';
    try {
      const info = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as {
        pid?: number;
        purpose?: string;
      };
      holder = ` (tiến trình ${info.pid ?? '?'}, ${info.purpose ?? 'server'})`;
    } catch {
      // no info file: say less
    }
    throw new AppError(
      'data_dir_locked',
      409,
      `Thư mục dữ liệu ${dir} đang được một tiến trình khác sử dụng${holder}. ` +
        'Hai tiến trình cùng mở một cơ sở dữ liệu nhúng sẽ làm hỏng dữ liệu, vì vậy lần khởi động này bị từ chối. ' +
        'Hãy dừng tiến trình kia, hoặc đặt DATA_DIR khác. ' +
        `(The data directory is in use by another process${holder}; refusing to open it.)`,
    );
  }
}

function listen(address: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.end());
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      server.unref();
      resolve(server);
    });
  });
}

function answers(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(address);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
