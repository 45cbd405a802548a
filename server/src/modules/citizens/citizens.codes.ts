import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../platform/errors.js';

/**
 * The one-time codes sent to a citizen's phone or e-mail, shared by registration and password
 * reset: how a code is made and stored, when it may be resent, and how a typed one is checked.
 * Each flow keeps its own table, messages and what happens on success.
 */

/** How a verification code lives: 15 minutes, 5 wrong tries, resent at most 5 times, a minute apart. */
export const VERIFICATION = {
  ttlMs: 15 * 60_000,
  maxAttempts: 5,
  maxResends: 5,
  resendGapMs: 60_000,
  /** Unverified requests are deleted this long after they expired. */
  keepExpiredMs: 24 * 3600_000,
} as const;

/** sha256 of a code bound to its request, so a stored hash is useless for any other request. */
export const codeHash = (requestId: string, code: string) =>
  createHash('sha256').update(`${requestId}:${code}`).digest();

/** A uniformly random 6-digit code (leading zeros kept). */
export function newVerificationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The code columns every code-carrying request row has. */
export interface CodeState {
  code_hash: string;
  expires_at: Date;
  last_sent_at: Date;
  attempts: number;
  sends: number;
}

/** What the API answers about a code request: its channel and expiry, never the code. */
export interface CodeRequestReply {
  id: string;
  channel: 'sms' | 'email';
  expiresAt: string;
}

export const codeRequestReply = (r: {
  id: string;
  channel: 'sms' | 'email';
  expires_at: Date;
}): CodeRequestReply => ({
  id: r.id,
  channel: r.channel,
  expiresAt: r.expires_at.toISOString(),
});

/** A new code for request `id`: the code to send and the columns to store (only its hash). */
export function issueCode(id: string, now: Date) {
  const code = newVerificationCode();
  return {
    code,
    columns: {
      code_hash: codeHash(id, code).toString('hex'),
      expires_at: new Date(now.getTime() + VERIFICATION.ttlMs),
      last_sent_at: now,
    },
  };
}

/**
 * A replacement code (the old one stops working) with its tries reset and the send counted.
 * 429 `resend_too_soon` within a minute of the last send; 429 `resend_limit` with the flow's
 * own `limitDetail` once resent too often.
 */
export function reissueCode(id: string, r: CodeState, now: Date, limitDetail: string) {
  const wait = r.last_sent_at.getTime() + VERIFICATION.resendGapMs - now.getTime();
  if (wait > 0)
    throw new AppError(
      'resend_too_soon',
      429,
      `Vui lòng đợi ${Math.ceil(wait / 1000)} giây rồi bấm gửi lại mã.`,
      { retryAfterSeconds: Math.ceil(wait / 1000) },
    );
  if (r.sends > VERIFICATION.maxResends) throw new AppError('resend_limit', 429, limitDetail);
  const { code, columns } = issueCode(id, now);
  return { code, sends: r.sends + 1, columns: { ...columns, attempts: 0, sends: r.sends + 1 } };
}

/** Why a typed code did not open the request. */
export type CodeFailure =
  | { kind: 'exhausted' }
  | { kind: 'expired' }
  | { kind: 'wrong'; left: number };

/** A code past its tries or its expiry is refused whatever was typed (checked in that order). */
export function codeUnusable(r: CodeState, now: Date): CodeFailure | null {
  if (r.attempts >= VERIFICATION.maxAttempts) return { kind: 'exhausted' };
  if (r.expires_at.getTime() <= now.getTime()) return { kind: 'expired' };
  return null;
}

/** Compares in constant time, so response times do not leak how much of a guess was right. */
export const codeMatches = (id: string, r: CodeState, code: string) =>
  timingSafeEqual(Buffer.from(r.code_hash, 'hex'), codeHash(id, code));

/** A wrong try: the attempts to store, and the failure to report (the last try exhausts). */
export function wrongTry(r: CodeState): { attempts: number; failure: CodeFailure } {
  const left = VERIFICATION.maxAttempts - r.attempts - 1;
  return {
    attempts: r.attempts + 1,
    failure: left > 0 ? { kind: 'wrong', left } : { kind: 'exhausted' },
  };
}

/** The problem a failed code check answers with; the same words in every flow. */
export function codeError(failure: CodeFailure): AppError {
  switch (failure.kind) {
    case 'expired':
      return new AppError(
        'code_expired',
        410,
        'Mã xác nhận đã hết hạn. Hãy bấm “Gửi lại mã” để nhận mã mới.',
      );
    case 'exhausted':
      return new AppError(
        'too_many_attempts',
        429,
        `Bạn đã nhập sai mã ${VERIFICATION.maxAttempts} lần. Hãy bấm “Gửi lại mã” để nhận mã mới.`,
      );
    default:
      return new AppError(
        'code_invalid',
        400,
        `Mã xác nhận không đúng. Bạn còn ${failure.left} lần thử.`,
        { attemptsLeft: failure.left },
      );
  }
}
