import fs from 'node:fs';
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

/** PGlite's own start parameters with fsync turned back on. */
export function durableStartParams(): string[] {
  const base = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return [...base.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];
}

/** Opens an embedded data directory, durable unless `durable` is false. */
export function openPglite(dir: string, durable: boolean): Promise<PGlite> {
  if (!durable) return PGlite.create(dir);
  // biome-ignore lint/suspicious/noExplicitAny: `fs` and `startParams` are accepted but not in the public option type
  return PGlite.create({ fs: new DurableNodeFS(dir), startParams: durableStartParams() } as any);
}
