import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

// The audit chain is keyed (docs/decisions/0006-keyed-audit-chain.md): every row's hash is an
// HMAC-SHA256 under a key the database never stores, so whoever can rewrite the table but does
// not hold the key cannot recompute a tail that verifies. Two keys derive from the configured
// one: the chain key, handed to the application's own database sessions (the trigger needs it),
// and the checkpoint key, which never enters the database (a superuser who captures the chain
// key from a session still cannot sign a checkpoint line).

/** HMAC-SHA256 block size: the key is padded to it. */
const BLOCK = 64;
/** The session setting the trigger reads (`current_setting('cqs.audit_key')`). */
export const AUDIT_KEY_SETTING = 'cqs.audit_key';

/** The audit chain's keys, derived from AUDIT_CHAIN_KEY or the generated key file. */
export class AuditKey {
  readonly #chain: Buffer;
  readonly #checkpoint: Buffer;

  /** `master`: the 32 configured bytes. */
  constructor(master: Buffer) {
    if (master.length !== 32) throw new Error('audit chain key: 32 bytes expected');
    this.#chain = createHmac('sha256', master).update('cqs audit chain v1').digest();
    this.#checkpoint = createHmac('sha256', master).update('cqs audit checkpoint v1').digest();
  }

  /**
   * What the application's sessions get in `cqs.audit_key`: the chain key XOR ipad, then XOR
   * opad (hex, 2 × 64 bytes), so the trigger computes HMAC with two sha256 calls and no loop.
   */
  sessionSetting(): string {
    const pad = (byte: number) => {
      const out = Buffer.alloc(BLOCK, byte);
      for (let i = 0; i < this.#chain.length; i++) out[i] = this.#chain[i]! ^ byte;
      return out.toString('hex');
    };
    return pad(0x36) + pad(0x5c);
  }

  /** HMAC-SHA256 (hex) of a chain message under the chain key, as the trigger computes it. */
  chainMac(message: string): string {
    return createHmac('sha256', this.#chain).update(message, 'utf8').digest('hex');
  }

  /** HMAC-SHA256 (hex) of a checkpoint line's fields under the checkpoint key. */
  checkpointMac(message: string): string {
    return createHmac('sha256', this.#checkpoint).update(message, 'utf8').digest('hex');
  }

  /** A short fingerprint of the key (never the key) for messages: which key is this? */
  fingerprint(): string {
    return createHash('sha256').update(this.#checkpoint).digest('hex').slice(0, 12);
  }
}

/** Constant-time comparison of two hex MACs. */
export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Parses AUDIT_CHAIN_KEY (base64 of 32 bytes); a clear Vietnamese/English error otherwise. */
export function parseAuditKey(base64: string): AuditKey {
  const bytes = Buffer.from(base64.trim(), 'base64');
  if (bytes.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64.trim()))
    throw new AppError(
      'audit_key_invalid',
      500,
      'AUDIT_CHAIN_KEY không hợp lệ: cần base64 của đúng 32 byte (tạo bằng: openssl rand -base64 32). ' +
        '(AUDIT_CHAIN_KEY is invalid: it must be the base64 of exactly 32 bytes, e.g. $(openssl rand -base64 32).)',
    );
  return new AuditKey(bytes);
}

/** The key file written when AUDIT_CHAIN_KEY is not set. */
export function auditKeyFilePath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'audit-chain.key');
}

// Where the key comes from, as for the citizen-data keys (modules/citizens/citizens.keys.ts):
// - AUDIT_CHAIN_KEY set → that key, always.
// - Unset, embedded database or demo data on → a key file generated once under DATA_DIR/keys
//   (0600) and a warning, so `npm start` on a fresh clone keeps working.
// - Unset, DATABASE_URL set and demo data off (a real deployment) → refuse to start: several
//   processes or hosts must share one key, and it should live apart from the database server.

/**
 * Loads the audit chain key for `config`, creating the local key file when allowed and
 * `create` (a verifier must not invent a key: it would only report the chain as foreign).
 */
export function loadAuditKey(
  config: Pick<Config, 'auditChainKey' | 'databaseUrl' | 'demoData' | 'dataDir'>,
  warn: (msg: string) => void = () => {},
  create = true,
): AuditKey {
  if (config.auditChainKey) return parseAuditKey(config.auditChainKey);
  if (config.databaseUrl && !config.demoData)
    throw new AppError(
      'audit_key_missing',
      500,
      'Chưa cấu hình AUDIT_CHAIN_KEY: với PostgreSQL (DATABASE_URL) phải có khoá của chuỗi nhật ký kiểm toán, ' +
        'giữ ngoài cơ sở dữ liệu, ví dụ AUDIT_CHAIN_KEY=<base64 của 32 byte ngẫu nhiên> (tạo bằng: openssl rand -base64 32). ' +
        '(AUDIT_CHAIN_KEY is not set: a PostgreSQL deployment needs the audit chain key, kept outside the ' +
        'database, e.g. AUDIT_CHAIN_KEY=$(openssl rand -base64 32).)',
    );
  const file = auditKeyFilePath(config.dataDir);
  if (!create && !fs.existsSync(file))
    throw new AppError(
      'audit_key_missing',
      500,
      `Không có khoá chuỗi nhật ký kiểm toán: chưa đặt AUDIT_CHAIN_KEY và không có tệp ${file}. ` +
        'Hãy chép tệp khoá từ DATA_DIR gốc (hoặc đặt AUDIT_CHAIN_KEY). ' +
        `(No audit chain key: AUDIT_CHAIN_KEY is not set and ${file} does not exist; copy the key file ` +
        'from the original DATA_DIR, or set AUDIT_CHAIN_KEY.)',
    );
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    // Written aside, then linked into place: link() fails if another process got there first,
    // and a reader never sees a half-written file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
      warn(
        `AUDIT_CHAIN_KEY is not set: generated the audit chain key in ${file} ` +
          '(keep a copy with your backups: restoring elsewhere needs it; set AUDIT_CHAIN_KEY for a real deployment)',
      );
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!text) throw new Error(`${file} is empty: restore it from a backup or remove it`);
  return parseAuditKey(text);
}
