// The sign-in throttle (issue 11). Failed sign-ins are counted per (username, client) pair,
// never per account alone: five wrong passwords from one place used to lock any account —
// the administrator's included — for everyone, again and again (a denial of service), and
// only real accounts were ever locked, which told an attacker which usernames exist.
// Unknown usernames go through exactly the same counting, answers and password hashing.
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, UnauthenticatedError } from '../../platform/errors.js';
import { identityRepository as repo, type UserRow } from './identity.repository.js';

type Db = Kysely<Database>;

/**
 * The rule: a pair's first `freeFailures - 1` failures cost nothing; from the
 * `freeFailures`-th on the pair must wait 1 s, then 2 s, 4 s … doubling with each failure up
 * to `maxDelayMs` — reaching the cap locks the pair (423), not the account. A success clears
 * the pair; a pair without a failure for `forgetMs` starts over.
 */
export const SIGN_IN_THROTTLE = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetMs: 24 * 3600_000,
} as const;

/** How long a pair must wait after its `failures`-th consecutive failure (0 = not at all). */
export function throttleDelayMs(failures: number): number {
  const t = SIGN_IN_THROTTLE;
  if (failures < t.freeFailures) return 0;
  const doublings = Math.min(failures - t.freeFailures, 30);
  return Math.min(t.baseDelayMs * 2 ** doublings, t.maxDelayMs);
}

/**
 * The client a pair counts: an IPv4 address, or the /64 network of an IPv6 address (one
 * subscriber's usual allocation, so rotating addresses inside it does not start over).
 */
export function throttleClient(ip: string | null): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  const bare = ip.split('%')[0]!;
  if (!isIPv6(bare)) return ip.slice(0, 64);
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

/** The throttle's key of a username: the sha256 of its normalised form (NFC, lower case). */
export function usernameKey(username: string): string {
  return createHash('sha256')
    .update(`login:${username.normalize('NFC').toLowerCase()}`)
    .digest('hex');
}

/** One (username, client) pair of the throttle. */
export interface ThrottlePair {
  key: string;
  client: string;
}

/** Why a sign-in was refused (or that it may go on). */
export type Refusal =
  | { kind: 'invalid' }
  | { kind: 'throttled'; waitMs: number }
  | { kind: 'locked'; waitMs: number }
  | { kind: 'disabled' }
  | { kind: 'account_locked'; waitMs: number };

/**
 * The pair's wait at `now`, as a refusal (429 while the delay is below the cap, 423 at the
 * cap), or null when it may try. `forUpdate` locks the row for the caller's transaction, so
 * two attempts of one pair are decided one after the other.
 */
export async function pairBlocked(
  db: Db,
  pair: ThrottlePair,
  now: Date,
  forUpdate = false,
): Promise<Refusal | null> {
  const row = await repo.findThrottle(db, pair, forUpdate);
  if (!row?.blocked_until || row.blocked_until <= now) return null;
  const waitMs = row.blocked_until.getTime() - now.getTime();
  return throttleDelayMs(row.failures) >= SIGN_IN_THROTTLE.maxDelayMs
    ? { kind: 'locked', waitMs }
    : { kind: 'throttled', waitMs };
}

/**
 * Counts a failed sign-in of the pair in the caller's transaction and returns the answer:
 * 401, or the wait it now owes. Reaching the cap is audited as `user.locked` — for an unknown
 * username too (entity `username`, its key), so the work done never depends on the account.
 */
export async function recordFailure(
  trx: Db,
  pair: ThrottlePair,
  user: UserRow | undefined,
  now: Date,
): Promise<Refusal> {
  const failures = await repo.countThrottleFailure(
    trx,
    pair,
    now,
    new Date(now.getTime() - SIGN_IN_THROTTLE.forgetMs),
  );
  const waitMs = throttleDelayMs(failures);
  if (waitMs === 0) return { kind: 'invalid' };
  const until = new Date(now.getTime() + waitMs);
  await repo.blockThrottle(trx, pair, until);
  if (waitMs < SIGN_IN_THROTTLE.maxDelayMs) return { kind: 'throttled', waitMs };
  await recordAudit(
    trx,
    { id: null, name: 'system', roles: [] },
    {
      action: 'user.locked',
      entityType: user ? 'user' : 'username',
      entityId: user ? user.id : pair.key,
      after: {
        client: pair.client,
        lockedUntil: until.toISOString(),
        reason: `${failures} failed logins from this client`,
      },
    },
  );
  return { kind: 'locked', waitMs };
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
/** "12 giây" or, from two minutes on, "5 phút". */
const waitText = (ms: number) =>
  ms < 120_000 ? `${seconds(ms)} giây` : `${Math.ceil(ms / 60_000)} phút`;

/**
 * The problem a refusal answers with. The texts depend only on the pair's failures, never on
 * whether the account exists; `retryAfterSeconds` becomes the Retry-After header.
 */
export function refusalError(r: Refusal): AppError {
  switch (r.kind) {
    case 'throttled':
      return new AppError(
        'login_throttled',
        429,
        `Đăng nhập sai nhiều lần từ địa chỉ mạng này. Vui lòng đợi ${waitText(r.waitMs)} rồi thử lại.`,
        { retryAfterSeconds: seconds(r.waitMs) },
      );
    case 'locked':
      return new AppError(
        'account_locked',
        423,
        `Đăng nhập sai quá nhiều lần từ địa chỉ mạng này nên việc đăng nhập từ đây tạm bị khoá. Vui lòng thử lại sau ${waitText(r.waitMs)}.`,
        { retryAfterSeconds: seconds(r.waitMs) },
      );
    case 'account_locked':
      return new AppError(
        'account_locked',
        423,
        `Tài khoản đang bị quản trị tạm khoá. Vui lòng thử lại sau ${waitText(r.waitMs)} hoặc liên hệ quản trị.`,
        { retryAfterSeconds: seconds(r.waitMs) },
      );
    case 'disabled':
      return new AppError(
        'account_disabled',
        403,
        'Tài khoản đã bị vô hiệu hoá. Vui lòng liên hệ quản trị.',
      );
    default:
      return new UnauthenticatedError(
        'Tên đăng nhập hoặc mật khẩu không đúng.',
        'invalid_credentials',
      );
  }
}
