import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite with commits that survive a power cut.
 *
 * Out of the box PGlite starts PostgreSQL with `-F` (fsync off), and its Emscripten Node
 * filesystem (NODEFS) has no `fsync` stream operation, so even with fsync on, PostgreSQL's
 * fsync() reaches nothing. We (1) give NODEFS an `fsync` that calls the real fsync(2) on
 * the real file descriptor, and (2) start PostgreSQL without `-F` and with
 * `wal_sync_method=fsync`: Emscripten's fdatasync() is a no-op, fsync() is the call that
 * reaches our hook. Then every commit fsyncs its WAL before it is acknowledged, as on a
 * normal server (full_page_writes and synchronous_commit are on). Measured in
 * docs/benchmarks.md; reasoning in docs/decisions/0002-embedded-database.md.
 */
export class DurableNodeFS extends NodeFS {
  /** fsync(2) calls made so far by all durable instances (tests and benchmarks read it). */
  static fsyncCalls = 0;

  // biome-ignore lint/suspicious/noExplicitAny: PGlite's Emscripten module types are internal
  override async init(pg: PGlite, opts: any) {
    const result = await super.init(pg, opts);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [
      ...(Array.isArray(preRun) ? preRun : [preRun]),
      // biome-ignore lint/suspicious/noExplicitAny: the Emscripten module object
      (mod: any) => {
        mod.NODEFS.stream_ops.fsync = (stream: { nfd?: number }) => {
          if (stream.nfd !== undefined) {
            fs.fsyncSync(stream.nfd);
            DurableNodeFS.fsyncCalls += 1;
          }
          return 0;
        };
      },
    ];
    return result;
  }
}

/**
 * PGlite's own start parameters with fsync turned back on, and shared_buffers at 32 MB
 * instead of 128 MB: a commune's whole database fits in that, and it roughly halves the
 * idle memory of the server on a modest PC (docs/benchmarks.md).
 */
export function durableStartParams(): string[] {
  const base = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return [
    ...base.filter((p) => p !== '-F'),
    '-c',
    'fsync=on',
    '-c',
    'wal_sync_method=fsync',
    '-c',
    'shared_buffers=32MB',
  ];
}

/**
 * Creates a new data directory (initdb) in a short-lived child process, into a staging
 * directory that is fsynced and then renamed into place. Two reasons: initdb leaves several
 * hundred MiB of WebAssembly memory behind in the process that ran it (a commune PC should
 * not carry that for the server's lifetime), and a crash or power cut during creation must
 * not leave a half-made directory that looks real.
 */
export async function initDataDir(dir: string): Promise<void> {
  const staging = `${dir}.init`;
  fs.rmSync(staging, { recursive: true, force: true });
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = `const { PGlite } = require(${JSON.stringify(entry)});
    PGlite.create(${JSON.stringify(staging)}).then((db) => db.close()).catch((e) => { console.error(e); process.exit(1); });`;
  await promisify(execFile)(process.execPath, ['-e', script]);
  fsyncTree(staging);
  fs.renameSync(staging, dir);
  fsyncPath(path.dirname(dir));
}

function fsyncPath(p: string): void {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) fsyncTree(p);
    else if (entry.isFile()) fsyncPath(p);
  }
  fsyncPath(dir);
}

/** Opens an embedded data directory (creating it first if new), durable unless `durable` is false. */
export async function openPglite(dir: string, durable: boolean): Promise<PGlite> {
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await initDataDir(dir);
  if (!durable) {
    const base = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
    // biome-ignore lint/suspicious/noExplicitAny: `startParams` is accepted but not in the public option type
    return PGlite.create(dir, { startParams: [...base, '-c', 'shared_buffers=32MB'] } as any);
  }
  // biome-ignore lint/suspicious/noExplicitAny: `fs` and `startParams` are accepted but not in the public option type
  return PGlite.create({ fs: new DurableNodeFS(dir), startParams: durableStartParams() } as any);
}
