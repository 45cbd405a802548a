// Payment gateway webhooks: each provider has an adapter that checks a delivery is really from
// it and reads the payment out of it. One adapter ships: a generic HMAC-SHA256 signature, the
// scheme most Vietnamese gateways and bank "open banking" notifications use in some form.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isoInstant } from '@cqs/shared/calendar/index';
import { z } from 'zod';
import { findForbiddenInput } from '../../platform/http/input-guard.js';

/** A payment the provider reports as received. */
export interface GatewayPayment {
  transactionId: string;
  amount: number;
  reference: string;
  paidAt: Date;
}

/** Why a delivery is refused: `signature` → 401 and nothing stored; `payload` → 400. */
export interface WebhookRejection {
  error: 'bad_signature' | 'stale_timestamp' | 'bad_payload';
  detail: string;
}

/** A provider's adapter: verifies a delivery over its raw bytes and reads the payment. */
export interface WebhookAdapter {
  verify(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
    now: Date,
  ): GatewayPayment | WebhookRejection;
}

export const SIGNATURE_HEADER = 'x-signature';
export const TIMESTAMP_HEADER = 'x-timestamp';

const GenericBody = z.object({
  transactionId: z.string().trim().min(1).max(100),
  amount: z.number().int().positive().max(1e13),
  reference: z.string().max(500),
  paidAt: isoInstant(),
});

const header = (h: Record<string, string | string[] | undefined>, name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The generic adapter. The provider sends `X-Timestamp: <unix seconds>` and
 * `X-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` with the shared secret.
 * The timestamp is inside the signed text, so a captured delivery cannot be replayed with a
 * fresh timestamp; one older (or newer) than `toleranceSeconds` is refused. The body is
 * `{transactionId, amount, reference, paidAt}`.
 */
export function hmacWebhookAdapter(secret: string, toleranceSeconds = 300): WebhookAdapter {
  return {
    verify(rawBody, headers, now) {
      const ts = header(headers, TIMESTAMP_HEADER) ?? '';
      const sig = header(headers, SIGNATURE_HEADER) ?? '';
      const expected = signGeneric(secret, ts, rawBody);
      const given = Buffer.from(sig.replace(/^sha256=/, ''), 'utf8');
      const want = Buffer.from(expected, 'utf8');
      // Constant-time: the comparison must not reveal how many leading characters matched.
      if (!/^\d{1,12}$/.test(ts) || given.length !== want.length || !timingSafeEqual(given, want))
        return { error: 'bad_signature', detail: 'Chữ ký của thông báo thanh toán không hợp lệ.' };
      if (Math.abs(now.getTime() / 1000 - Number(ts)) > toleranceSeconds)
        return {
          error: 'stale_timestamp',
          detail: 'Thông báo thanh toán đã quá hạn (thời điểm gửi lệch quá nhiều).',
        };
      let json: unknown;
      try {
        json = JSON.parse(rawBody.toString('utf8'));
      } catch {
        return { error: 'bad_payload', detail: 'Nội dung thông báo không phải JSON.' };
      }
      // The raw body skips the guard every parsed body passes (platform/http/input-guard.ts).
      const parsed = findForbiddenInput(json, 'body') ? null : GenericBody.safeParse(json);
      if (!parsed?.success)
        return {
          error: 'bad_payload',
          detail: 'Thông báo thiếu transactionId, amount, reference hoặc paidAt hợp lệ.',
        };
      return { ...parsed.data, paidAt: new Date(parsed.data.paidAt) };
    },
  };
}

/** The generic scheme's signature (hex), for providers' test tools and our tests. */
export function signGeneric(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}
