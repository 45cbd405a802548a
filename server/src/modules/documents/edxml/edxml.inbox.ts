// The inbound folder of a gateway that drops packages as files (issue 13: "a folder drop, for a
// gateway that picks files up"; we already drop outbound ones with FolderDropTransport). The
// gateway writes `*.xml` (or our own `*.edxml`) into EDXML_INBOX_DIR; each reader:
//   1. claims a file by renaming it into `processing/` under a name of its own — rename is
//      atomic on one file system, so of two server processes (WORKERS=n) exactly one wins and
//      the other gets ENOENT and moves on;
//   2. imports it (documents.exchange.ts importFromInbox);
//   3. moves it to `processed/`, or to `failed/` with `<name>.error.txt` giving the reason.
// A crash between 1 and 3 leaves the file in `processing/`, where its claim name says when it
// was claimed; a claim older than `staleAfterMs` is taken over by the next reader, so nothing is
// lost (the importer dedupes by DocumentId, so a file imported just before the crash is not
// imported twice). Names starting with a dot are files the gateway is still writing.
import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EdxmlError } from './edxml.errors.js';
import { DEFAULT_MAX_BYTES, tooLarge } from './edxml.xml.js';

/** Settings of a FolderInbox. */
export interface FolderInboxOptions {
  /** The folder the gateway drops packages into (EDXML_INBOX_DIR). */
  dir: string;
  /** Largest accepted file (default 50 MiB); a larger one goes to failed/. */
  maxBytes?: number;
  /**
   * A claim older than this is a reader that died (default 15 minutes: longer than the job
   * runner's 10-minute lease, so a slow but living import is not taken over).
   */
  staleAfterMs?: number;
  /** Most files one pass takes (default 100), so one job stays short; the rest wait. */
  batch?: number;
  /** The clock of claim names and error files. */
  now?: () => Date;
}

/** A file this reader claimed: its name as dropped, where it sits now, its bytes. */
export interface ClaimedPackage {
  name: string;
  /** Path inside processing/. */
  file: string;
  bytes: Buffer;
}

const PACKAGE = /\.(xml|edxml)$/i;
// `<claim ms>.<random>--<name as dropped>`: the claim time for staleness, the random part so
// that two claims never share a name (rename would replace the other's file).
const CLAIM = /^(\d{13})\.([0-9a-f]{8})--(.+)$/;

const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP']);
const errno = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code;

/** Readers of a gateway's inbound folder; see the file comment. */
export class FolderInbox {
  constructor(private readonly opts: FolderInboxOptions) {}

  get #now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  #sub(name: 'processing' | 'processed' | 'failed'): string {
    return path.join(this.opts.dir, name);
  }

  /**
   * Claims the dropped packages (oldest name first) and the stale claims of dead readers, up
   * to the batch size. Files another reader took meanwhile are skipped.
   */
  async claim(): Promise<ClaimedPackage[]> {
    const processing = this.#sub('processing');
    await mkdir(processing, { recursive: true });
    const out: ClaimedPackage[] = [];
    const batch = this.opts.batch ?? 100;
    const staleBefore = this.#now.getTime() - (this.opts.staleAfterMs ?? 15 * 60_000);
    const stale = (await readdir(processing, { withFileTypes: true }))
      .filter((d) => d.isFile())
      .map((d) => ({ claimed: d.name, m: CLAIM.exec(d.name) }))
      .filter((x) => x.m && Number(x.m[1]) < staleBefore)
      .sort((a, b) => a.claimed.localeCompare(b.claimed));
    for (const s of stale) {
      if (out.length >= batch) break;
      const c = await this.#take(path.join(processing, s.claimed), s.m![3]!);
      if (c) out.push(c);
    }
    const dropped = (await readdir(this.opts.dir, { withFileTypes: true }))
      .filter((d) => d.isFile() && PACKAGE.test(d.name) && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
    for (const name of dropped) {
      if (out.length >= batch) break;
      const c = await this.#take(path.join(this.opts.dir, name), name);
      if (c) out.push(c);
    }
    return out;
  }

  /** Renames `from` to a fresh claim name; null when another reader took it first. */
  async #take(from: string, name: string): Promise<ClaimedPackage | null> {
    const claimed = `${this.#now.getTime()}.${randomBytes(4).toString('hex')}--${name}`;
    const file = path.join(this.#sub('processing'), claimed);
    try {
      await rename(from, file);
    } catch (e) {
      if (errno(e) === 'ENOENT') return null;
      throw new EdxmlError('edxml_transport_failed', `Không nhận được tệp ${name} từ thư mục.`, {
        cause: e,
      });
    }
    const max = this.opts.maxBytes ?? DEFAULT_MAX_BYTES;
    // Too large: claimed anyway (so it leaves the inbox), read as nothing, refused by the caller.
    if ((await stat(file)).size > max) return { name, file, bytes: Buffer.alloc(0) };
    return { name, file, bytes: await readFile(file) };
  }

  /** The edxml_too_large error when a claimed file was over the limit, else null. */
  oversize(c: ClaimedPackage): EdxmlError | null {
    return c.bytes.length === 0 ? tooLarge(this.opts.maxBytes ?? DEFAULT_MAX_BYTES) : null;
  }

  /** Moves a claimed file to processed/ (under its dropped name, never over another file). */
  async done(c: ClaimedPackage): Promise<string | null> {
    return moveNoClobber(c.file, this.#sub('processed'), c.name);
  }

  /** Moves a claimed file to failed/ and writes `<name>.error.txt` beside it with the reason. */
  async fail(c: ClaimedPackage, reason: string): Promise<string | null> {
    const moved = await moveNoClobber(c.file, this.#sub('failed'), c.name);
    if (moved !== null)
      await writeFile(
        path.join(this.#sub('failed'), `${moved}.error.txt`),
        `${this.#now.toISOString()}\n${reason.trim()}\n`,
        'utf8',
      );
    return moved;
  }
}

/**
 * Moves `from` into `dir` as `name`, or `name` with `-2`, `-3`… when taken (a package dropped
 * twice keeps both copies); the name used, or null when `from` is gone (another reader that
 * took over a stale claim finished it).
 */
async function moveNoClobber(from: string, dir: string, name: string): Promise<string | null> {
  await mkdir(dir, { recursive: true });
  const ext = PACKAGE.exec(name)?.[0] ?? '';
  const base = name.slice(0, name.length - ext.length);
  for (let n = 1; n <= 1000; n++) {
    const target = n === 1 ? name : `${base}-${n}${ext}`;
    try {
      // link fails when the name exists, where rename would replace that file.
      await link(from, path.join(dir, target));
    } catch (e) {
      if (errno(e) === 'EEXIST') continue;
      if (errno(e) === 'ENOENT') return null;
      if (!NO_LINKS.has(errno(e) ?? '')) throw e;
      // A file system without hard links (some network shares): rename after a check, racy
      // only against another reader finishing the same file, which the claim rules out.
      if (
        await stat(path.join(dir, target)).then(
          () => true,
          () => false,
        )
      )
        continue;
      try {
        await rename(from, path.join(dir, target));
      } catch (e2) {
        if (errno(e2) === 'ENOENT') return null;
        throw e2;
      }
      return target;
    }
    await unlink(from).catch((e) => {
      if (errno(e) !== 'ENOENT') throw e;
    });
    return target;
  }
  throw new EdxmlError('edxml_transport_failed', `Quá nhiều tệp trùng tên ${name} trong ${dir}.`);
}
