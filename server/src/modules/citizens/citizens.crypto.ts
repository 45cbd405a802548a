import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../../platform/errors.js';

// Field-level encryption of sensitive personal data (regulations.md §7: ID numbers are
// sensitive and encrypted at rest). AES-256-GCM from node:crypto; each value names the key it
// was encrypted with, so keys can rotate: the first configured key encrypts, all decrypt.

/** One data key: an id (stored with every value) and 32 random bytes. */
export interface DataKey {
  id: string;
  key: Buffer;
}

/** The configured keys; `keys[0]` encrypts new values. */
export interface DataKeyRing {
  keys: DataKey[];
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Parses `CITIZEN_DATA_KEYS`: `id:<base64 of 32 bytes>` separated by commas, the first the
 * current one. Throws `citizen_keys_invalid` naming what is wrong (never the key material).
 */
export function parseDataKeys(spec: string): DataKeyRing {
  const invalid = (msg: string) => new AppError('citizen_keys_invalid', 500, msg);
  const keys: DataKey[] = [];
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const colon = part.indexOf(':');
    const id = colon > 0 ? part.slice(0, colon) : '';
    if (!KEY_ID.test(id))
      throw invalid(
        'CITIZEN_DATA_KEYS: mỗi khoá có dạng <mã>:<base64 32 byte>, mã gồm chữ, số, _ hoặc - ' +
          '(each key is <id>:<base64 of 32 bytes>; ids use letters, digits, _ or -)',
      );
    const key = Buffer.from(part.slice(colon + 1), 'base64');
    if (key.length !== 32)
      throw invalid(
        `CITIZEN_DATA_KEYS: khoá "${id}" phải dài đúng 32 byte (key "${id}" must decode to 32 bytes)`,
      );
    if (keys.some((k) => k.id === id))
      throw invalid(`CITIZEN_DATA_KEYS: mã khoá "${id}" bị lặp (duplicate key id "${id}")`);
    keys.push({ id, key });
  }
  if (keys.length === 0) throw invalid('CITIZEN_DATA_KEYS: không có khoá nào (no key given)');
  return { keys };
}

/** A new key in the `CITIZEN_DATA_KEYS` format. */
export function newDataKeySpec(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

const VERSION = 'v1';
const b64 = (b: Buffer) => b.toString('base64url');

/**
 * Encrypts `plain` with the current key. `context` (e.g. the owner's id) is authenticated
 * with it, so a value copied onto another row does not decrypt there.
 * Format: `v1:<keyId>:<iv>:<ciphertext+tag>` (base64url).
 */
export function encryptField(
  ring: DataKeyRing,
  plain: string,
  context: string,
): { cipher: string; keyId: string } {
  const k = ring.keys[0]!;
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', k.key, iv);
  c.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final(), c.getAuthTag()]);
  return { cipher: `${VERSION}:${k.id}:${b64(iv)}:${b64(body)}`, keyId: k.id };
}

/** Decrypts a value written by `encryptField`; throws when its key is not configured or it was altered. */
export function decryptField(ring: DataKeyRing, cipher: string, context: string): string {
  const [version, keyId, ivText, bodyText] = cipher.split(':');
  if (version !== VERSION || !keyId || !ivText || !bodyText)
    throw new Error('encrypted value has an unknown format');
  const k = ring.keys.find((x) => x.id === keyId);
  if (!k)
    throw new Error(
      `encrypted with key "${keyId}", which CITIZEN_DATA_KEYS no longer lists (add it back)`,
    );
  const body = Buffer.from(bodyText, 'base64url');
  const d = createDecipheriv('aes-256-gcm', k.key, Buffer.from(ivText, 'base64url'));
  d.setAAD(Buffer.from(context, 'utf8'));
  d.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]).toString('utf8');
}

const lookupKeys = new WeakMap<Buffer, Buffer>();
/** A separate key for lookups, derived from the data key (a key serves one purpose only). */
function lookupKey(k: DataKey): Buffer {
  let d = lookupKeys.get(k.key);
  if (!d) {
    d = Buffer.from(hkdfSync('sha256', k.key, Buffer.alloc(0), 'cqs citizen-id lookup v1', 32));
    lookupKeys.set(k.key, d);
  }
  return d;
}

/** Keyed hash of a value under key `k` (the current key when absent), for equality lookups. */
export function lookupHash(ring: DataKeyRing, value: string, k: DataKey = ring.keys[0]!): string {
  return createHmac('sha256', lookupKey(k)).update(value, 'utf8').digest('hex');
}
