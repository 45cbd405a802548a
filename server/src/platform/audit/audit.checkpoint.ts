import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { type AuditKey, sameMac } from './audit.key.js';

// Checkpoints pin the head of the audit chain OUTSIDE the database (decision 0006): a line
// `{seq, hash, keyedFrom, at, mac}` appended to a file beside the backups and written to the
// server log. Rows at or before a checkpoint that left the machine cannot be removed or
// rewritten without the verifier noticing, even by someone holding the chain key. A restore
// appends a line with `"restore": true`: the history before it was replaced by the backup's.

/** The checkpoint file: beside the backups, to be copied off the machine with them. */
export function checkpointFilePath(dataDir: string): string {
  return path.join(dataDir, 'backups', 'audit-checkpoints.jsonl');
}

/** One line of the checkpoint file. */
export interface CheckpointLine {
  /** Present (true) on the line a restore writes. */
  restore?: true;
  seq: number;
  hash: string;
  keyedFrom: number;
  at: string;
  mac: string;
}

/** A line read back, with where it came from and whether its MAC verifies. */
export interface Checkpoint extends CheckpointLine {
  file: string;
  line: number;
  valid: boolean;
}

/** The head of the chain and the seq from which it is keyed. */
export interface AuditHead {
  seq: number;
  hash: string;
  keyedFrom: number | null;
}

const ZERO_HASH = '0'.repeat(64);

/** What the MAC covers: every field, in a fixed order. */
function macMessage(l: Omit<CheckpointLine, 'mac'>): string {
  return `${l.restore ? 'restore' : 'checkpoint'}|${l.seq}|${l.hash}|${l.keyedFrom}|${l.at}`;
}

/** Reads the head (last seq and hash, 0 and zeros when empty) and the keyed-from boundary. */
export async function auditHead(db: Kysely<Database>): Promise<AuditHead> {
  const head = await sql<{ seq: number; hash: string }>`
    select seq, hash from audit_log order by seq desc limit 1`.execute(db);
  const chain = await sql<{ keyed_from: number }>`
    select keyed_from from audit_chain limit 1`.execute(db);
  return {
    seq: Number(head.rows[0]?.seq ?? 0),
    hash: head.rows[0]?.hash ?? ZERO_HASH,
    keyedFrom: chain.rows[0] ? Number(chain.rows[0].keyed_from) : null,
  };
}

/** Builds a signed checkpoint line for `head`. */
export function signCheckpoint(
  key: AuditKey,
  head: { seq: number; hash: string; keyedFrom: number },
  at: Date,
  restore = false,
): CheckpointLine {
  const body = {
    ...(restore ? { restore: true as const } : {}),
    seq: head.seq,
    hash: head.hash,
    keyedFrom: head.keyedFrom,
    at: at.toISOString(),
  };
  return { ...body, mac: key.checkpointMac(macMessage(body)) };
}

/** The last non-empty line of a file (read from its end), or null. */
function lastLine(file: string): string | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const len = Math.min(size, 4096);
    const buf = Buffer.alloc(len);
    fs.readSync(fd, buf, 0, len, size - len);
    const lines = buf
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim());
    return lines.at(-1) ?? null;
  } finally {
    fs.closeSync(fd);
  }
}

/** Appends one line with a single write (O_APPEND: concurrent writers never interleave). */
export function appendCheckpoint(file: string, line: CheckpointLine): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(line)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a checkpoint of the current head to `file` and hands it to `log`, unless the file's
 * last line already records this head (a quiet log adds nothing). Returns the line written.
 * Harmless when several processes do it at once: each line stands on its own.
 */
export async function writeCheckpoint(
  db: Kysely<Database>,
  key: AuditKey,
  file: string,
  opts: { now: Date; log?: (line: CheckpointLine) => void; restore?: boolean },
): Promise<CheckpointLine | null> {
  const head = await auditHead(db);
  if (head.keyedFrom === null) throw new Error('audit_chain has no row: migrate the database');
  if (!opts.restore) {
    const last = lastLine(file);
    if (last) {
      try {
        const l = JSON.parse(last) as CheckpointLine;
        if (l.seq === head.seq && l.hash === head.hash && l.keyedFrom === head.keyedFrom)
          return null;
      } catch {
        // A damaged last line: write a fresh checkpoint after it.
      }
    }
  }
  const line = signCheckpoint(key, { ...head, keyedFrom: head.keyedFrom }, opts.now, opts.restore);
  appendCheckpoint(file, line);
  opts.log?.(line);
  return line;
}

/**
 * Parses one text line: a checkpoint, a server log line carrying one (`auditCheckpoint`), or
 * 'other' for any other log line; null when it is damaged.
 */
function parseLine(text: string): CheckpointLine | 'other' | null {
  try {
    let v = JSON.parse(text) as Partial<CheckpointLine> & {
      auditCheckpoint?: Partial<CheckpointLine>;
      msg?: unknown;
    };
    if (v.auditCheckpoint && typeof v.auditCheckpoint === 'object') v = v.auditCheckpoint;
    else if (v.msg !== undefined) return 'other';
    if (
      typeof v.seq !== 'number' ||
      typeof v.hash !== 'string' ||
      typeof v.keyedFrom !== 'number' ||
      typeof v.at !== 'string' ||
      typeof v.mac !== 'string'
    )
      return null;
    return {
      ...(v.restore === true ? { restore: true as const } : {}),
      seq: v.seq,
      hash: v.hash,
      keyedFrom: v.keyedFrom,
      at: v.at,
      mac: v.mac,
    };
  } catch {
    return null;
  }
}

/**
 * Reads checkpoint files (the local one, copies kept elsewhere, or the server's JSON log, whose
 * `audit checkpoint` lines carry the same signed line); a missing file reads as empty when
 * `optional`. Every non-empty line is returned: a line that does not parse or whose
 * MAC does not verify comes back with `valid: false` (the verifier reports it).
 */
export function readCheckpoints(
  files: { path: string; optional?: boolean }[],
  key: AuditKey,
): Checkpoint[] {
  const out: Checkpoint[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = fs.readFileSync(f.path, 'utf8');
    } catch (err) {
      if (f.optional && (err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    text.split('\n').forEach((raw, i) => {
      if (!raw.trim()) return;
      const l = parseLine(raw);
      if (l === 'other') return;
      if (!l) {
        out.push({
          seq: 0,
          hash: '',
          keyedFrom: 0,
          at: '',
          mac: '',
          file: f.path,
          line: i + 1,
          valid: false,
        });
        return;
      }
      const { mac, ...body } = l;
      const valid = sameMac(mac, key.checkpointMac(macMessage(body)));
      out.push({ ...l, file: f.path, line: i + 1, valid });
    });
  }
  return out;
}
