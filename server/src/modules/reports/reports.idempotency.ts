/**
 * Idempotency-Key on POST /reports: only hashes are kept (the key's and the request's), and
 * the follow token of a report sent with a key is derived from it, so a retry can be answered
 * with the same token without storing it.
 */
import { createHash, createHmac } from 'node:crypto';
import { ConflictError } from '../../platform/errors.js';
import { tokenMatches } from './reports.access.js';
import type { ReportRow } from './reports.repository.js';

/** sha256 of what was asked, to tell a retry from another report sent with the same key. */
export function hashRequest(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/** What is stored of an Idempotency-Key: its hash (the key derives the follow token). */
export function idempotencyKeyHash(key: string): string {
  return createHash('sha256').update(`report-idempotency:${key}`).digest('hex');
}

/** The follow token of a report sent with an Idempotency-Key: HMAC-SHA256(key, report id). */
export function followTokenFromKey(key: string, id: string): string {
  return createHmac('sha256', key).update(id).digest('base64url');
}

/** The answer to a retry: the same report and token; another request under the key → 409. */
export function replayed(existing: ReportRow, key: string, requestHash: string) {
  const followToken = followTokenFromKey(key, existing.id);
  if (
    existing.request_hash !== requestHash ||
    !tokenMatches(followToken, existing.follow_token_hash)
  )
    throw new ConflictError(
      'Mã chống gửi trùng (Idempotency-Key) này đã được dùng cho một phản ánh khác.',
      'idempotency_key_reused',
    );
  return { row: existing, followToken, created: false };
}
