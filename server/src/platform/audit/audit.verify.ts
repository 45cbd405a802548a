import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Checkpoint } from './audit.checkpoint.js';
import { type AuditKey, sameMac } from './audit.key.js';

/** What kind of damage a fault shows. */
export type AuditFaultKind =
  /** A row's content no longer matches its hash (a run of rows when `toSeq` is set). */
  | 'edited'
  /** Rows whose hashes were recomputed as plain sha256 where the chain is keyed. */
  | 'recomputed'
  /** Rows absent: a gap in `seq`, or a tail a checkpoint saw and the table lost. */
  | 'missing'
  /** A row whose `prev_hash` is not the previous row's hash. */
  | 'unlinked'
  /** A row that differs from what a checkpoint recorded for its seq. */
  | 'checkpoint_mismatch'
  /** The keyed-from record is missing, does not verify, or disagrees with the checkpoints. */
  | 'keying'
  /** A checkpoint line that does not parse or whose MAC does not verify. */
  | 'checkpoint_invalid';

/** One finding: the first seq at fault, a short English reason, a Vietnamese/English line. */
export interface AuditFault {
  seq: number;
  /** Last seq of the damaged range, when it is a range. */
  toSeq?: number;
  kind: AuditFaultKind;
  reason: string;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  rows: number;
  /** The last seq in the table (0 when empty). */
  lastSeq: number;
  /** From which seq the chain is keyed (rows before it are the older, plain sha256 chain). */
  keyedFrom: number | null;
  /** The checkpoints compared: valid lines read, and the latest one. */
  checkpoints: { read: number; lastSeq: number | null; lastAt: string | null };
  /** The fault with the smallest seq, if any. */
  firstBad?: AuditFault;
  /** Every fault found (at most MAX_FAULTS), by seq. */
  faults: AuditFault[];
}

const MAX_FAULTS = 50;
const PAGE = 1000;
const ZERO_HASH = '0'.repeat(64);

/** The keyed-from record's MAC message (the migration and the restore write the same). */
export function keyedFromMessage(keyedFrom: number): string {
  return `cqs-audit-keyed-from|${keyedFrom}`;
}

interface Row {
  seq: number;
  prev_hash: string;
  hash: string;
  occurred: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_code: string | null;
  before: string | null;
  after: string | null;
}

/**
 * The canonical text of a row, composed here from the raw columns rather than by the database's
 * `audit_log_canonical`, so replacing that function cannot change what the verifier checks.
 */
function canonical(r: Row): string {
  return [
    r.seq,
    r.occurred,
    r.actor_id ?? '',
    r.actor_name,
    r.action,
    r.entity_type,
    r.entity_id,
    r.unit_code ?? '',
    r.before ?? 'null',
    r.after ?? 'null',
  ].join('|');
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Which checkpoints count: valid lines from the last restore on, by time. */
function effectiveCheckpoints(all: Checkpoint[]): Checkpoint[] {
  const valid = all.filter((c) => c.valid).sort((a, b) => a.at.localeCompare(b.at));
  let from = 0;
  valid.forEach((c, i) => {
    if (c.restore) from = i;
  });
  return valid.slice(from);
}

/**
 * Verifies the audit log: every row's hash (plain sha256 before `keyedFrom`, HMAC under the
 * chain key from it on), every link, every seq, the keyed-from record, and the head against
 * the checkpoints kept outside the database. Reports each fault with the first seq at fault.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  key: AuditKey,
  checkpointLines: Checkpoint[] = [],
): Promise<ChainReport> {
  const faults: AuditFault[] = [];
  const fault = (f: AuditFault) => {
    if (faults.length < MAX_FAULTS) faults.push(f);
  };

  for (const c of checkpointLines.filter((l) => !l.valid))
    fault({
      seq: c.seq,
      kind: 'checkpoint_invalid',
      reason: `checkpoint ${c.file}:${c.line} does not verify`,
      message:
        `Dòng ${c.line} của tệp mốc kiểm tra ${c.file} không khớp khoá: đã bị sửa, hoặc được ghi bằng khoá khác. ` +
        `/ Line ${c.line} of the checkpoint file ${c.file} does not verify with this key: edited, or written under another key.`,
    });
  const checkpoints = effectiveCheckpoints(checkpointLines);

  // The keyed-from boundary: the database's record, checked by its MAC and by the checkpoints.
  const chain = await sql<{ keyed_from: number; mac: string }>`
    select keyed_from, mac from audit_chain`.execute(db);
  const record = chain.rows[0];
  const fromCheckpoint = checkpoints[0]?.keyedFrom;
  let keyedFrom: number;
  if (!record) {
    keyedFrom = fromCheckpoint ?? 1;
    fault({
      seq: keyedFrom,
      kind: 'keying',
      reason: 'the keyed-from record is missing',
      message:
        'Thiếu bản ghi cho biết chuỗi nhật ký có khoá từ dòng nào (bảng audit_chain trống). ' +
        '/ The record of where the keyed chain starts is missing (audit_chain is empty).',
    });
  } else {
    keyedFrom = Number(record.keyed_from);
    if (!sameMac(record.mac, key.chainMac(keyedFromMessage(keyedFrom)))) {
      fault({
        seq: Math.min(keyedFrom, fromCheckpoint ?? keyedFrom),
        kind: 'keying',
        reason: 'the keyed-from record does not verify with this key',
        message:
          `Bản ghi "chuỗi có khoá từ seq=${keyedFrom}" không khớp khoá này: sai khoá (AUDIT_CHAIN_KEY hoặc tệp khoá) hoặc bản ghi đã bị sửa. ` +
          `/ The record "keyed from seq ${keyedFrom}" does not verify with this key: the wrong key (AUDIT_CHAIN_KEY or key file), or the record was changed.`,
      });
      if (fromCheckpoint !== undefined) keyedFrom = fromCheckpoint;
    }
  }
  const disagreeing = checkpoints.find((c) => c.keyedFrom !== keyedFrom);
  if (disagreeing)
    fault({
      seq: Math.min(disagreeing.keyedFrom, keyedFrom),
      kind: 'keying',
      reason: `a checkpoint says keyed from ${disagreeing.keyedFrom}, the database ${keyedFrom}`,
      message:
        `Mốc kiểm tra lúc ${disagreeing.at} ghi chuỗi có khoá từ seq=${disagreeing.keyedFrom}, cơ sở dữ liệu ghi seq=${keyedFrom}: ranh giới đã bị dời. ` +
        `/ The checkpoint at ${disagreeing.at} says the chain is keyed from seq ${disagreeing.keyedFrom}, the database says ${keyedFrom}: the boundary was moved.`,
    });

  // Expected hash per checkpointed seq, to compare during the scan.
  const bySeq = new Map<number, Checkpoint[]>();
  for (const c of checkpoints) {
    if (c.seq > 0) bySeq.set(c.seq, [...(bySeq.get(c.seq) ?? []), c]);
  }
  let lastMatched = 0;
  let mismatch: { c: Checkpoint; lastMatched: number } | null = null;

  let run: { from: number; to: number; plain: boolean } | null = null;
  const closeRun = () => {
    if (!run) return;
    const { from, to, plain } = run;
    run = null;
    if (plain && from >= keyedFrom) {
      fault({
        seq: from,
        toSeq: to,
        kind: 'recomputed',
        reason: `hashes recomputed without the key from seq ${from}`,
        message:
          `Từ dòng seq=${from} đến seq=${to}, băm đã bị tính lại bằng SHA-256 không có khoá trong khi chuỗi có khoá từ seq=${keyedFrom}: các dòng này đã bị viết lại. ` +
          `/ From seq ${from} to ${to}, the hashes were recomputed as plain SHA-256 where the chain is keyed (from seq ${keyedFrom}): these rows were rewritten.`,
      });
    } else if (from === to) {
      fault({
        seq: from,
        kind: 'edited',
        reason: 'hash does not match content',
        message:
          `Dòng seq=${from} đã bị sửa sau khi ghi: băm không khớp nội dung. ` +
          `/ Row seq ${from} was changed after it was written: its hash does not match its content.`,
      });
    } else {
      fault({
        seq: from,
        toSeq: to,
        kind: 'edited',
        reason: `rows ${from}–${to} do not match their hashes`,
        message:
          `Các dòng seq=${from}–${to} không khớp băm: đã bị sửa, hoặc băm đã bị tính lại mà không có khoá. ` +
          `/ Rows seq ${from}–${to} do not match their hashes: changed, or their hashes recomputed without the key.`,
      });
    }
  };

  let rows = 0;
  let last = 0;
  let prevHash = ZERO_HASH;
  for (;;) {
    const page = await sql<Row>`
      select seq, prev_hash, hash,
        to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred,
        actor_id::text as actor_id, actor_name, action, entity_type, entity_id, unit_code,
        before::text as before, after::text as after
      from audit_log where seq > ${last} order by seq limit ${PAGE}`.execute(db);
    if (page.rows.length === 0) break;
    for (const r of page.rows) {
      const seq = Number(r.seq);
      if (seq !== last + 1) {
        closeRun();
        fault({
          seq: last + 1,
          toSeq: seq - 1,
          kind: 'missing',
          reason: `rows ${last + 1}–${seq - 1} missing`,
          message: `Thiếu các dòng từ seq=${last + 1} đến seq=${seq - 1}. / Rows from seq ${last + 1} to ${seq - 1} are missing.`,
        });
      } else if (r.prev_hash !== prevHash) {
        closeRun();
        fault({
          seq,
          kind: 'unlinked',
          reason: 'prev_hash does not link',
          message:
            seq === keyedFrom
              ? `Dòng seq=${seq} (dòng có khoá đầu tiên) không nối với dòng trước: các dòng chưa có khoá trước seq=${seq} đã bị sửa và tính lại băm. ` +
                `/ Row seq ${seq} (the first keyed row) does not link to the row before: the unkeyed rows before seq ${seq} were changed and their hashes recomputed.`
              : `Dòng seq=${seq} không nối với dòng seq=${seq - 1}: một dòng đã bị thay hoặc xoá. ` +
                `/ Row seq ${seq} does not link to row ${seq - 1}: a row was replaced or removed.`,
        });
      }
      const message = `${r.prev_hash}|${canonical(r)}`;
      const expected = seq >= keyedFrom ? key.chainMac(message) : sha256(message);
      if (!sameMac(r.hash, expected)) {
        if (run && run.to === seq - 1) run.to = seq;
        else {
          closeRun();
          run = { from: seq, to: seq, plain: seq >= keyedFrom && r.hash === sha256(message) };
        }
      } else closeRun();
      for (const c of bySeq.get(seq) ?? []) {
        if (c.hash === r.hash) lastMatched = seq;
        else if (!mismatch) mismatch = { c, lastMatched };
      }
      prevHash = r.hash;
      last = seq;
      rows += 1;
    }
  }
  closeRun();

  if (mismatch) {
    const { c, lastMatched } = mismatch;
    fault({
      seq: lastMatched + 1,
      toSeq: c.seq,
      kind: 'checkpoint_mismatch',
      reason: `row ${c.seq} differs from the checkpoint of ${c.at}`,
      message:
        `Dòng seq=${c.seq} khác với mốc kiểm tra lúc ${c.at}: các dòng từ seq=${lastMatched + 1} đến seq=${c.seq} đã bị viết lại. ` +
        `/ Row seq ${c.seq} differs from the checkpoint taken at ${c.at}: rows from seq ${lastMatched + 1} to ${c.seq} were rewritten.`,
    });
  }
  const latest = checkpoints.reduce<Checkpoint | null>(
    (a, c) => (a === null || c.seq > a.seq ? c : a),
    null,
  );
  if (latest && latest.seq > last)
    fault({
      seq: last + 1,
      toSeq: latest.seq,
      kind: 'missing',
      reason: `rows from seq ${last + 1} missing`,
      message:
        `Thiếu các dòng từ seq=${last + 1}: mốc kiểm tra lúc ${latest.at} đã ghi nhật ký tới seq=${latest.seq}, bảng chỉ còn tới seq=${last}. ` +
        `/ Rows from seq ${last + 1} missing: the checkpoint at ${latest.at} recorded the log up to seq ${latest.seq}; the table ends at seq ${last}.`,
    });

  faults.sort((a, b) => a.seq - b.seq);
  const newest = checkpoints.at(-1) ?? null;
  return {
    ok: faults.length === 0,
    rows,
    lastSeq: last,
    keyedFrom: record || fromCheckpoint !== undefined ? keyedFrom : null,
    checkpoints: {
      read: checkpoints.length,
      lastSeq: latest?.seq ?? null,
      lastAt: newest?.at ?? null,
    },
    ...(faults[0] ? { firstBad: faults[0] } : {}),
    faults,
  };
}
